/**
 * Application images of the Kubernetes docs and tutorials: hashicorp/http-echo, the google-samples hello apps, the
 * e2e agnhost, redis (and the guestbook's redis and PHP frontend) and alpine/socat. Each serves what the real one
 * does on its real port.
 */
import { TEXT, flagValue, headers, shellMain, SHELL_TOOLS } from './common.js';
import { fixedTags, redisTags } from './tags.js';
import type { ImageInfo, ServerSpec } from './types.js';

const distroless = { tools: [], shells: [], os: 'none' as const, workingDir: '/' };

const httpEcho: ImageInfo = {
  ...distroless,
  repository: 'hashicorp/http-echo',
  defaultArgv: ['/http-echo'],
  hasTag: fixedTags('latest', '0.2.1', '0.2.3', '1.0', '1.0.0'),
  main: (argv) => {
    const listen = flagValue(argv, '-listen') ?? ':5678';
    const port = Number(listen.split(':').pop()) || 5678;
    const text = flagValue(argv, '-text') ?? 'hello-world';
    return {
      type: 'serve',
      argv,
      servers: [{ port, protocol: 'TCP', handle: () => ({ status: 200, reason: 'OK', headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-App-Name': 'http-echo' }, body: `${text}\n` }) }],
    };
  },
  startupLogs: (argv) => [`[INFO] server is listening on ${flagValue(argv, '-listen') ?? ':5678'}`],
};

/** A server answering every request with the same text. */
function textServer(port: number, body: (podName: string) => string, type: Record<string, string> = TEXT): ServerSpec {
  return { port, protocol: 'TCP', handle: (_req, ctx) => ({ status: 200, reason: 'OK', headers: type, body: body(ctx.podName) }) };
}

/** google-samples hello-app: `Version: 1.0.0` for tag 1.0, `2.0.0` for tag 2.0 (the version is built into each tag). */
const helloApp = (repository: string): ImageInfo => ({
  ...distroless,
  repository,
  defaultArgv: ['./hello-app'],
  hasTag: fixedTags('1.0', '2.0'),
  main: (argv, tag) => ({ type: 'serve', argv, servers: [textServer(8080, (pod) => `Hello, world!\nVersion: ${tag === '2.0' ? '2.0.0' : '1.0.0'}\nHostname: ${pod}\n`)] }),
  startupLogs: () => ['2025/01/01 12:00:00 Server listening on port 8080'],
});

/** `agnhost` subcommands the docs and e2e tests use; with no arguments it runs `pause` (its Dockerfile's CMD). */
const agnhost = (repository: string): ImageInfo => ({
  ...distroless,
  repository,
  tools: [...SHELL_TOOLS, 'sh', 'nslookup', 'wget', 'curl', 'dig'],
  shells: ['sh'],
  defaultArgv: ['/agnhost', 'pause'],
  hasTag: fixedTags(...Array.from({ length: 47 }, (_, i) => `2.${i + 10}`)),
  main: (argv) => {
    const mode = argv.find((a) => a === 'netexec' || a === 'serve-hostname' || a === 'pause');
    if (mode === 'serve-hostname') return { type: 'serve', argv, servers: [textServer(Number(flagValue(argv, '--port') ?? 9376), (pod) => pod)] };
    if (mode === 'netexec') return { type: 'serve', argv, servers: netexecServers(argv) };
    return mode === 'pause' ? { type: 'sleep', argv } : shellMain(0)(argv);
  },
  startupLogs: (argv) =>
    argv.includes('netexec')
      ? [`I0101 12:00:00.000000       1 log.go:245] Started HTTP server on port ${flagValue(argv, '--http-port') ?? 8080}`, `I0101 12:00:00.000000       1 log.go:245] Started UDP server on port  ${flagValue(argv, '--udp-port') ?? 8081}`]
      : argv.includes('pause')
        ? ['Paused']
        : [],
});

/**
 * `agnhost netexec` (the upstream e2e tests' server): HTTP on --http-port (8080) answering `/hostname`,
 * `/echo?msg=…`, `/healthz` and `/` (the time), and UDP on --udp-port (8081) answering `hostname` and `echo …`.
 */
function netexecServers(argv: string[]): ServerSpec[] {
  const http = Number(flagValue(argv, '--http-port') ?? 8080);
  const udp = Number(flagValue(argv, '--udp-port') ?? 8081);
  const out: ServerSpec[] = [
    {
      port: http,
      protocol: 'TCP',
      handle: (req, ctx) => {
        const [path, query = ''] = req.path.split('?');
        const params = new URLSearchParams(query);
        if (path === '/hostname') return { status: 200, reason: 'OK', headers: TEXT, body: ctx.podName };
        if (path === '/echo') return { status: 200, reason: 'OK', headers: TEXT, body: params.get('msg') ?? '' };
        if (path === '/healthz') return { status: 200, reason: 'OK', headers: TEXT, body: '' };
        if (path === '/' || path === '') return { status: 200, reason: 'OK', headers: TEXT, body: 'NOW: 2025-01-01 12:00:00.000000000 +0000 UTC m=+0.000000001' };
        return { status: 404, reason: 'Not Found', headers: TEXT, body: '404 page not found\n' };
      },
    },
  ];
  if (udp > 0) {
    out.push({
      port: udp,
      protocol: 'UDP',
      handle: (req, ctx) => {
        const msg = req.path.replace(/^\//, '');
        return { status: 200, reason: 'OK', headers: {}, body: msg === 'hostname' ? ctx.podName : msg.startsWith('echo ') ? msg.slice(5) : '' };
      },
    });
  }
  return out;
}

/**
 * redis: `redis-server` on TCP 6379 (`redis-cli` ships in the image). An HTTP request is read as inline commands,
 * so `curl` gets redis's error for `GET /`.
 */
const redis = (repository: string, hasTag: (t: string) => boolean): ImageInfo => ({
  repository,
  tools: [...SHELL_TOOLS, 'bash', 'sh', 'redis-server', 'redis-cli'],
  shells: ['bash', 'sh'],
  os: 'debian',
  workingDir: '/data',
  files: { '/data/': '' },
  defaultArgv: ['docker-entrypoint.sh', 'redis-server'],
  hasTag,
  main: (argv) =>
    argv.some((a) => a.includes('redis-server') || a.includes('run.sh')) || argv[0] === 'docker-entrypoint.sh'
      ? { type: 'serve', argv, servers: [{ port: 6379, protocol: 'TCP', handle: () => ({ status: 200, reason: 'OK', headers: {}, body: "-ERR wrong number of arguments for 'get' command\r\n" }) }] }
      : shellMain(0)(argv),
  startupLogs: () => ['1:C 01 Jan 2025 12:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', '1:M 01 Jan 2025 12:00:00.000 * Ready to accept connections tcp'],
  size: 45080000,
});

/** The guestbook's PHP frontend (Apache on port 80). */
const guestbookFrontend = (repository: string, tags: string[]): ImageInfo => ({
  repository,
  tools: [...SHELL_TOOLS, 'bash', 'sh', 'apt-get', 'php'],
  shells: ['bash', 'sh'],
  os: 'debian',
  workingDir: '/var/www/html',
  defaultArgv: ['apache2-foreground'],
  hasTag: fixedTags(...tags),
  main: (argv) => ({ type: 'serve', argv, servers: [textServer(80, () => '<html ng-app="redis">\n  <head>\n    <title>Guestbook</title>\n  </head>\n</html>\n', headers('Apache/2.4.10 (Debian)'))] }),
  startupLogs: () => [],
});

/** A simple sample server answering a fixed greeting. */
const sample = (repository: string, port: number, body: string, tags = ['1.0']): ImageInfo => ({
  ...distroless,
  repository,
  defaultArgv: [`/${repository.split('/').pop()}`],
  hasTag: fixedTags(...tags),
  main: (argv) => ({ type: 'serve', argv, servers: [textServer(port, () => body)] }),
  startupLogs: () => [],
});

/** alpine/socat: relays `TCP-LISTEN:port` to another address; it listens on that port. */
const socat: ImageInfo = {
  ...distroless,
  repository: 'alpine/socat',
  defaultArgv: ['socat'],
  hasTag: fixedTags('latest', '1.7.4.4', '1.8.0.0', '1.8.0.1', '1.8.0.2', '1.8.0.3'),
  main: (argv) => {
    const listen = argv.map((a) => /^tcp[46]?-listen:(\d+)/i.exec(a)).find((m) => m);
    if (!listen) return { type: 'exit', argv, code: 1, output: '2025/01/01 12:00:00 socat[1] E exactly 2 addresses required (there are 0); use option "-h" for help' };
    return { type: 'serve', argv, servers: [{ port: Number(listen[1]), protocol: 'TCP', handle: () => ({ status: 502, reason: 'Bad Gateway', headers: {}, body: '' }) }] };
  },
  startupLogs: () => [],
};

/** The application images. */
export const APP_IMAGES: ImageInfo[] = [
  httpEcho,
  helloApp('gcr.io/google-samples/hello-app'),
  helloApp('us-docker.pkg.dev/google-samples/containers/gke/hello-app'),
  agnhost('registry.k8s.io/e2e-test-images/agnhost'),
  redis('redis', redisTags),
  redis('registry.k8s.io/redis', fixedTags('e2e', '5.0.5-alpine')),
  redis('us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower', fixedTags('v2')),
  redis('gcr.io/google_samples/gb-redisslave', fixedTags('v1', 'v2', 'v3')),
  guestbookFrontend('us-docker.pkg.dev/google-samples/containers/gke/gb-frontend', ['v5']),
  guestbookFrontend('gcr.io/google-samples/gb-frontend', ['v4', 'v5', 'v6']),
  guestbookFrontend('corelab/gb-frontend', ['v5']),
  guestbookFrontend('paulczar/gb-frontend', ['v5']),
  sample('gcr.io/google-samples/node-hello', 8080, 'Hello Kubernetes!'),
  sample('gcr.io/google-samples/hello-go-gke', 80, '{"message":"Hello"}'),
  sample('gcr.io/google-samples/hello-frontend', 80, '{"message":"Hello"}'),
  socat,
];
