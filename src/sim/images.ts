/**
 * The container images the simulator knows, and how each behaves: which tools its file system has, what its main
 * process does (serve HTTP, sleep, exit), and what its servers answer. Behaviour follows the images' real defaults
 * (docker-library nginx and httpd, ubuntu, busybox, hashicorp/http-echo, google-samples hello-app, agnhost).
 * An image or tag that does not exist fails to pull, as in a real cluster.
 */

/** An HTTP request as a simulated server sees it. */
export interface HttpRequest {
  method: string;
  path: string;
  host: string;
  headers: Record<string, string>;
}

/** An HTTP response from a simulated server. */
export interface HttpResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
}

/** What a server needs to know about the container it runs in. */
export interface ServerContext {
  podName: string;
  args: string[];
  /** Reads a file from the container's view of its file system (document roots, volumes); undefined if absent. */
  readFile(path: string): string | undefined;
}

/** A listening socket of a container's main process. */
export interface ServerSpec {
  port: number;
  protocol: 'TCP' | 'UDP';
  handle(req: HttpRequest, ctx: ServerContext): HttpResponse;
}

/** What the main process does when the container starts. */
export type MainProcess =
  | { type: 'serve'; servers: ServerSpec[]; argv: string[] }
  | { type: 'exit'; code: number; argv: string[]; output?: string }
  | { type: 'sleep'; argv: string[] };

export interface ImageInfo {
  /** Repository name without tag (`nginx`, `hashicorp/http-echo`). */
  repository: string;
  /** Tools on the image's PATH. */
  tools: string[];
  /** The shell binaries present (`bash`, `sh`), empty for distroless images. */
  shells: string[];
  /** OS name for `/etc/os-release` and prompts. */
  os: 'debian' | 'ubuntu' | 'busybox' | 'alpine' | 'none';
  /** Image default entrypoint+cmd, used when the pod gives no command/args. */
  defaultArgv: string[];
  /** Decides the main process from the container's final argv. */
  main(argv: string[]): MainProcess;
  /** Tags that exist. A tag matching `knownTag` exists too. */
  knownTag: RegExp;
  /** Lines the main process writes to stdout at start (what `kubectl logs` shows). */
  startupLogs(argv: string[], podIP: string): string[];
  /** Compressed size the kubelet reports after a pull (`Image size: N bytes.`). */
  size?: number;
}

const CRLF_HEADERS = (server: string, type = 'text/html'): Record<string, string> => ({ Server: server, 'Content-Type': type });

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_404 = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/1.27.3</center>
</body>
</html>
`;

const HTTPD_IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

const httpdNotFound = (path: string): string => `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`.replace('The requested URL', path ? 'The requested URL' : 'The requested URL');

/** Serves static files from a document root, falling back to the image's own pages. */
function staticServer(
  root: string,
  server: string,
  index: string,
  notFound: (path: string) => string,
  indexPaths: string[],
): ServerSpec['handle'] {
  return (req, ctx) => {
    const path = req.path.split('?')[0] || '/';
    const file = path.endsWith('/') ? `${root}${path}index.html` : `${root}${path}`;
    const content = ctx.readFile(file);
    if (content !== undefined) return { status: 200, reason: 'OK', headers: CRLF_HEADERS(server), body: content };
    if (indexPaths.includes(path)) return { status: 200, reason: 'OK', headers: CRLF_HEADERS(server), body: index };
    return { status: 404, reason: 'Not Found', headers: CRLF_HEADERS(server), body: notFound(path) };
  };
}

const VERSION_TAG = /^(latest|stable|mainline|alpine|bookworm|bullseye|jammy|noble|focal|\d+(\.\d+){0,2}(-[a-z0-9.]+)?)$/;

const SHELL_TOOLS = ['ls', 'cat', 'echo', 'mkdir', 'rm', 'cp', 'mv', 'grep', 'head', 'tail', 'wc', 'sort', 'ps', 'kill', 'hostname', 'env', 'sleep', 'touch', 'pwd', 'exit', 'true', 'false', 'id', 'whoami', 'date', 'uname'];

function argvOf(command: string[] | undefined, args: string[] | undefined, image: ImageInfo): string[] {
  if (command?.length) return [...command, ...(args ?? [])];
  if (args?.length) return [image.defaultArgv[0]!, ...args];
  return [...image.defaultArgv];
}

/** A shell loop that never ends (`while true; do sleep 5; done`, `sleep infinity`, `tail -f /dev/null`) keeps running. */
export function isLongRunning(argv: string[]): boolean {
  const text = argv.join(' ');
  return (
    /while\s+(true|:|\[\s*1\s*\])\s*;?\s*do/.test(text) ||
    /\bsleep\s+(infinity|\d{4,})/.test(text) ||
    /tail\s+-f\s+\/dev\/null/.test(text) ||
    /^sleep\s+\d+$/.test(text)
  );
}

/**
 * What a short-lived command does: the exit code of `exit N` (or `false`), and what its `echo`s print. Anything
 * else ends at once with code 0, as `sh -c 'date'` would.
 */
export function shortLivedResult(argv: string[], defaultExit = 0): { code: number; output?: string } {
  const c = argv.indexOf('-c');
  const script = c >= 0 ? argv.slice(c + 1).join(' ') : argv.join(' ');
  const out: string[] = [];
  let code = defaultExit;
  for (const raw of script.split(/;|&&|\n/)) {
    const part = raw.trim();
    const echo = /^echo\s+(.*)$/.exec(part);
    if (echo) out.push(echo[1]!.replace(/^(['"])(.*)\1$/, '$2'));
    const exit = /^exit(?:\s+(\d+))?$/.exec(part);
    if (exit) {
      code = Number(exit[1] ?? 0);
      break;
    }
    if (part === 'false') code = 1;
    else if (part) code = defaultExit;
  }
  return out.length ? { code, output: out.join('\n') } : { code };
}

function shellMain(defaultExit: number): ImageInfo['main'] {
  return (argv) => (isLongRunning(argv) ? { type: 'sleep', argv } : { type: 'exit', argv, ...shortLivedResult(argv, defaultExit) });
}

const nginx: ImageInfo = {
  repository: 'nginx',
  tools: [...SHELL_TOOLS, 'bash', 'sh', 'curl', 'apt-get', 'nginx'],
  shells: ['bash', 'sh'],
  os: 'debian',
  defaultArgv: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
  knownTag: VERSION_TAG,
  main: (argv) =>
    argv.some((a) => a.includes('nginx')) || argv[0] === '/docker-entrypoint.sh'
      ? {
          type: 'serve',
          argv,
          servers: [{ port: 80, protocol: 'TCP', handle: staticServer('/usr/share/nginx/html', 'nginx/1.27.3', NGINX_WELCOME, () => NGINX_404, ['/', '/index.html']) }],
        }
      : shellMain(0)(argv),
  startupLogs: (argv) =>
    argv[0] === '/docker-entrypoint.sh'
      ? [
          '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
          '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
          '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
          '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
          '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
          '/docker-entrypoint.sh: Configuration complete; ready for start up',
        ]
      : [],
  size: 72195292,
};

const httpd: ImageInfo = {
  repository: 'httpd',
  tools: [...SHELL_TOOLS, 'bash', 'sh', 'apt-get', 'httpd'],
  shells: ['bash', 'sh'],
  os: 'debian',
  defaultArgv: ['httpd-foreground'],
  knownTag: VERSION_TAG,
  main: (argv) =>
    argv[0] === 'httpd-foreground' || argv.some((a) => a.includes('httpd'))
      ? {
          type: 'serve',
          argv,
          servers: [{ port: 80, protocol: 'TCP', handle: staticServer('/usr/local/apache2/htdocs', 'Apache/2.4.62 (Unix)', HTTPD_IT_WORKS, httpdNotFound, ['/', '/index.html']) }],
        }
      : shellMain(0)(argv),
  startupLogs: (_argv, ip) => [
    `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`,
    `[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`,
  ],
};

const ubuntu: ImageInfo = {
  repository: 'ubuntu',
  tools: [...SHELL_TOOLS, 'bash', 'sh', 'apt-get'],
  shells: ['bash', 'sh'],
  os: 'ubuntu',
  defaultArgv: ['/bin/bash'],
  knownTag: VERSION_TAG,
  main: shellMain(0),
  startupLogs: () => [],
};

const busybox: ImageInfo = {
  repository: 'busybox',
  tools: [...SHELL_TOOLS, 'sh', 'wget', 'nslookup', 'ping', 'ip', 'ifconfig', 'nc', 'telnet', 'netstat', 'route'],
  shells: ['sh'],
  os: 'busybox',
  defaultArgv: ['sh'],
  knownTag: VERSION_TAG,
  main: shellMain(0),
  startupLogs: () => [],
};

function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
    if (a === flag) return argv[i + 1];
  }
  return undefined;
}

const httpEcho: ImageInfo = {
  repository: 'hashicorp/http-echo',
  tools: [],
  shells: [],
  os: 'none',
  defaultArgv: ['/http-echo'],
  knownTag: VERSION_TAG,
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

const helloApp: ImageInfo = {
  repository: 'gcr.io/google-samples/hello-app',
  tools: [],
  shells: [],
  os: 'none',
  defaultArgv: ['./hello-app'],
  knownTag: /^(1\.0|2\.0)$/,
  main: (argv) => ({
    type: 'serve',
    argv,
    servers: [
      {
        port: 8080,
        protocol: 'TCP',
        handle: (_req, ctx) => ({
          status: 200,
          reason: 'OK',
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
          body: `Hello, world!\nVersion: ${ctx.args.includes('2.0') ? '2.0.0' : '1.0.0'}\nHostname: ${ctx.podName}\n`,
        }),
      },
    ],
  }),
  startupLogs: () => ['2025/01/01 12:00:00 Server listening on port 8080'],
};

const agnhost: ImageInfo = {
  repository: 'registry.k8s.io/e2e-test-images/agnhost',
  tools: [...SHELL_TOOLS, 'sh', 'nslookup', 'wget', 'curl'],
  shells: ['sh'],
  os: 'none',
  defaultArgv: ['/agnhost'],
  knownTag: /^2\.\d+$/,
  main: (argv) => {
    const mode = argv.find((a) => a === 'netexec' || a === 'serve-hostname' || a === 'pause');
    if (mode === 'serve-hostname') {
      const port = Number(flagValue(argv, '--port') ?? 9376);
      const text = { 'Content-Type': 'text/plain; charset=utf-8' };
      return { type: 'serve', argv, servers: [{ port, protocol: 'TCP', handle: (_req, ctx) => ({ status: 200, reason: 'OK', headers: text, body: ctx.podName }) }] };
    }
    if (mode === 'netexec') return { type: 'serve', argv, servers: netexecServers(argv) };
    return mode === 'pause' ? { type: 'sleep', argv } : shellMain(0)(argv);
  },
  startupLogs: (argv) => (argv.includes('netexec') ? [`I0101 12:00:00.000000       1 log.go:245] Started HTTP server on port ${flagValue(argv, '--http-port') ?? 8080}`, `I0101 12:00:00.000000       1 log.go:245] Started UDP server on port  ${flagValue(argv, '--udp-port') ?? 8081}`] : []),
};

/**
 * `agnhost netexec` (the upstream e2e tests' server): HTTP on --http-port (8080) answering `/hostname`,
 * `/echo?msg=…`, `/healthz` and `/` (the time), and UDP on --udp-port (8081) answering `hostname` and `echo …`.
 */
function netexecServers(argv: string[]): ServerSpec[] {
  const text = { 'Content-Type': 'text/plain; charset=utf-8' };
  const http = Number(flagValue(argv, '--http-port') ?? 8080);
  const udp = Number(flagValue(argv, '--udp-port') ?? 8081);
  const out: ServerSpec[] = [
    {
      port: http,
      protocol: 'TCP',
      handle: (req, ctx) => {
        const [path, query = ''] = req.path.split('?');
        const params = new URLSearchParams(query);
        if (path === '/hostname') return { status: 200, reason: 'OK', headers: text, body: ctx.podName };
        if (path === '/echo') return { status: 200, reason: 'OK', headers: text, body: params.get('msg') ?? '' };
        if (path === '/healthz') return { status: 200, reason: 'OK', headers: text, body: '' };
        if (path === '/' || path === '') return { status: 200, reason: 'OK', headers: text, body: 'NOW: 2025-01-01 12:00:00.000000000 +0000 UTC m=+0.000000001' };
        return { status: 404, reason: 'Not Found', headers: text, body: '404 page not found\n' };
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

/** Control-plane and add-on images: they run, serve nothing over HTTP, and have no tools a learner uses. */
const systemImage = (repository: string): ImageInfo => ({
  repository,
  tools: [],
  shells: [],
  os: 'none',
  defaultArgv: [repository.split('/').pop()!],
  knownTag: /^v?\d+\.\d+(\.\d+)?(-\d+)?$/,
  main: (argv) => ({ type: 'sleep', argv }),
  startupLogs: () => [],
});

const SYSTEM = [
  'registry.k8s.io/coredns/coredns',
  'registry.k8s.io/etcd',
  'registry.k8s.io/kube-apiserver',
  'registry.k8s.io/kube-controller-manager',
  'registry.k8s.io/kube-scheduler',
  'registry.k8s.io/kube-proxy',
  'registry.k8s.io/ingress-nginx/controller',
  'registry.k8s.io/pause',
].map(systemImage);

const IMAGES: ImageInfo[] = [nginx, httpd, ubuntu, busybox, httpEcho, helloApp, agnhost, ...SYSTEM];

/** The parts of an image reference: `registry/repo:tag@digest`. Docker Hub's `library/` and `docker.io/` are dropped. */
export function parseImageRef(ref: string): { repository: string; tag: string } {
  let r = ref.trim();
  const at = r.indexOf('@');
  if (at >= 0) r = r.slice(0, at);
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  let tag = 'latest';
  if (colon > slash) {
    tag = r.slice(colon + 1);
    r = r.slice(0, colon);
  }
  r = r.replace(/^(docker\.io\/|index\.docker\.io\/)/, '').replace(/^library\//, '');
  if (r === 'k8s.gcr.io/e2e-test-images/agnhost') r = 'registry.k8s.io/e2e-test-images/agnhost';
  return { repository: r, tag };
}

/** The image behind a reference, or undefined when the image or tag does not exist (pull fails). */
export function lookupImage(ref: string): ImageInfo | undefined {
  const { repository, tag } = parseImageRef(ref);
  const img = IMAGES.find((i) => i.repository === repository);
  if (!img || !img.knownTag.test(tag)) return undefined;
  return img;
}

/**
 * Why a pull failed, as the kubelet reports it through Docker (minikube's runtime): an unknown repository is
 * "pull access denied", an unknown tag of a known one is "manifest unknown".
 */
export function pullError(ref: string): string {
  const { repository, tag } = parseImageRef(ref);
  if (IMAGES.some((i) => i.repository === repository)) {
    return `Error response from daemon: manifest for ${ref.split('@')[0]} not found: manifest unknown: manifest unknown`;
  }
  void tag;
  const name = ref.split('@')[0]!.replace(/:[^/:]*$/, '');
  return `Error response from daemon: pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
}

/** What a server prints when its port is already taken by another container of the pod (one network namespace). */
export function bindFailureLines(image: ImageInfo, port: number, now: number): string[] {
  const t = new Date(now).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, '/');
  if (image.repository === 'nginx') {
    const once = [`${t} [emerg] 1#1: bind() to 0.0.0.0:${port} failed (98: Address already in use)`, `nginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address already in use)`, `${t} [emerg] 1#1: bind() to [::]:${port} failed (98: Address already in use)`, `nginx: [emerg] bind() to [::]:${port} failed (98: Address already in use)`];
    return [...once, ...once, ...once, ...once, ...once, `${t} [emerg] 1#1: still could not bind()`, 'nginx: [emerg] still could not bind()'];
  }
  if (image.repository === 'httpd') {
    return [`(98)Address already in use: AH00072: make_sock: could not bind to address [::]:${port}`, `(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}`, 'no listening sockets available, shutting down', 'AH00015: Unable to open logs'];
  }
  if (image.repository === 'hashicorp/http-echo') return [`${t} [ERR] Error starting server: listen tcp :${port}: bind: address already in use`];
  return [`${t} listen tcp :${port}: bind: address already in use`];
}

/** The argv a container runs: `command` replaces the entrypoint, `args` the cmd (Kubernetes' rules). */
export function containerArgv(image: ImageInfo, command?: string[], args?: string[]): string[] {
  return argvOf(command, args, image);
}
