/**
 * `curl [-s] [-v] [-i] [-I] [-H 'Host: x'] [-m SECS] [-o FILE] URL`, from wherever it runs (host, container, node),
 * through the simulated network. Errors are curl 8's: `curl: (6) Could not resolve host: web`,
 * `curl: (7) Failed to connect to 10.96.0.5 port 80 after 0 ms: Couldn't connect to server`, `curl: (28) …`.
 */
import { httpRequest, resolvePath, type NetFailure, type NetSource, type Pod } from '../../sim/index.js';
import { fail, type CommandContext, type CommandFn, type CommandResult } from '../types.js';

/** The network source for the location a command runs at. */
export function sourceOf(ctx: CommandContext): NetSource | undefined {
  const loc = ctx.location;
  if (loc.type === 'host') return { type: 'host' };
  if (loc.type === 'node') {
    const node = ctx.cluster.get('Node', undefined, loc.node);
    return node ? { type: 'node', node: node as never } : undefined;
  }
  const pod = ctx.cluster.get<Pod>('Pod', loc.namespace, loc.pod);
  return pod ? { type: 'pod', pod, container: loc.container } : undefined;
}

/** Splits `http://host:port/path` (scheme optional). */
export function parseUrl(url: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = /^(?:([a-zA-Z]+):\/\/)?([^/:?#]+|\[[^\]]+\])(?::(\d*))?([^#]*)/.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  return { scheme, host: m[2]!, port, path: m[4] || '/' };
}

/** curl's wording and exit code for a failed connection. */
export function curlFailure(f: NetFailure, maxTime?: number): CommandResult {
  switch (f.type) {
    case 'resolve':
      return fail(`curl: (6) Could not resolve host: ${f.host}`, 6);
    case 'refused':
      return fail(`curl: (7) Failed to connect to ${f.host} port ${f.port} after 0 ms: Couldn't connect to server`, 7);
    case 'unreachable':
      return fail(`curl: (7) Failed to connect to ${f.host} port ${f.port} after 3071 ms: No route to host`, 7);
    case 'timeout':
      return maxTime !== undefined
        ? fail(`curl: (28) Connection timed out after ${Math.round(maxTime * 1000) + 1} milliseconds`, 28)
        : fail(`curl: (28) Failed to connect to ${f.host} port ${f.port} after 135192 ms: Couldn't connect to server`, 28);
  }
}

const USAGE = 'curl: try \'curl --help\' or \'curl --manual\' for more information\n';

export const curl: CommandFn = (ctx) => {
  let url: string | undefined;
  let head = false;
  let include = false;
  let verbose = false;
  let output: string | undefined;
  let maxTime: number | undefined;
  const headers: Record<string, string> = {};
  let method = 'GET';
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string | undefined => args[++i];
    if (a === '-s' || a === '--silent' || a === '-S' || a === '-sS' || a === '-L' || a === '--location' || a === '-k' || a === '--insecure' || a === '-f' || a === '-sL' || a === '-fsSL') continue;
    else if (a === '-I' || a === '--head') {
      head = true;
      method = 'HEAD';
    } else if (a === '-i' || a === '--include') include = true;
    else if (a === '-v' || a === '--verbose') verbose = true;
    else if (a === '-o' || a === '--output') output = next();
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout') maxTime = Number(next());
    else if (a === '-X' || a === '--request') method = next() ?? 'GET';
    else if (a === '-H' || a === '--header') {
      const h = next() ?? '';
      const idx = h.indexOf(':');
      if (idx > 0) headers[h.slice(0, idx).trim()] = h.slice(idx + 1).trim();
    } else if (a.startsWith('-') && a.length > 1) return { stdout: '', stderr: `curl: option ${a}: is unknown\n${USAGE}`, exitCode: 2 };
    else url = a;
  }
  if (!url) return { stdout: '', stderr: `curl: no URL specified!\n${USAGE}`, exitCode: 2 };
  const u = parseUrl(url);
  if (!u) return fail(`curl: (3) URL using bad/illegal format or missing URL`, 3);
  if (u.scheme !== 'http' && u.scheme !== 'https') return fail(`curl: (1) Protocol "${u.scheme}" not supported`, 1);
  const src = sourceOf(ctx);
  if (!src) return fail('curl: (7) Couldn\'t connect to server', 7);
  const host = headers.Host ?? (u.port === 80 || u.port === 443 ? u.host : `${u.host}:${u.port}`);
  const r = httpRequest(ctx.cluster, src, u.host, u.port, { method, path: u.path, host, headers: { Host: host, 'User-Agent': 'curl/8.5.0', Accept: '*/*', ...headers } });
  if (!r.ok) return curlFailure(r.failure, maxTime);
  const res = r.response;
  const head1 = `HTTP/1.1 ${res.status} ${res.reason}\r\n`;
  const hdrs = Object.entries({ ...res.headers, 'Content-Length': String(res.body.length) }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  let stdout = head ? head1 + hdrs + '\r\n' : (include ? head1 + hdrs + '\r\n' : '') + res.body;
  let stderr = '';
  if (verbose) {
    stderr = `*   Trying ${u.host}:${u.port}...\n* Connected to ${u.host} (${u.host}) port ${u.port}\n> ${method} ${u.path} HTTP/1.1\n> Host: ${host}\n> User-Agent: curl/8.5.0\n> Accept: */*\n>\n< ${head1.trim()}\n${Object.entries(res.headers).map(([k, v]) => `< ${k}: ${v}\n`).join('')}<\n`;
  }
  if (output) {
    ctx.fs.writeFile(resolvePath(ctx.cwd, output), stdout);
    stdout = '';
  }
  return { stdout, stderr, exitCode: 0 };
};
