/**
 * `curl [-sSfLkvIi] [-H 'Host: x'] [--resolve HOST:PORT:ADDR] [-m SECS] [-o FILE] [-w FMT] [-X METHOD] [-d DATA] URL`, from wherever it runs
 * (host, container, node), through the simulated network. Errors are curl 8's: `curl: (6) Could not resolve host: web`,
 * `curl: (7) Failed to connect to 10.96.0.5 port 80 after 0 ms: Couldn't connect to server`, `curl: (28) …`.
 */
import { httpRequest, type NetFailure } from '../../sim/index.js';
import { fail, type CommandFn, type CommandResult } from '../types.js';
import { addressOf, parseUrl, sourceOf } from './net.js';
import { help, pathOf } from './util.js';

export { parseUrl, sourceOf };

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const BOOL_SHORT = 'sSLkfvIi#4N';
const VALUE_SHORT = 'oHmXwdAuex';
const LONG_BOOL: Record<string, string> = { silent: 's', 'show-error': 'S', location: 'L', insecure: 'k', fail: 'f', verbose: 'v', head: 'I', include: 'i', '4': '4', 'no-buffer': 'N' };
const LONG_VALUE: Record<string, string> = { output: 'o', header: 'H', 'max-time': 'm', 'connect-timeout': 'm', request: 'X', 'write-out': 'w', data: 'd', 'data-raw': 'd', 'user-agent': 'A', user: 'u', resolve: 'resolve' };

const HELP = `Usage: curl [options...] <url>
 -d, --data <data>           HTTP POST data
 -f, --fail                  Fail fast with no output on HTTP errors
 -h, --help <category>       Get help for commands
 -H, --header <header/@file> Pass custom header(s) to server
 -i, --include               Include response headers in output
 -I, --head                  Show document info only
 -m, --max-time <seconds>    Maximum time allowed for transfer
 -o, --output <file>         Write to file instead of stdout
 -s, --silent                Silent mode
 -v, --verbose               Make the operation more talkative
 -w, --write-out <format>    Output FORMAT after completion
 -X, --request <method>      Specify request method to use
`;

/** curl's wording and exit code for a failed connection. */
export function curlFailure(f: NetFailure, maxTime?: number): CommandResult {
  switch (f.type) {
    case 'resolve':
      return fail(`curl: (6) Could not resolve host: ${f.host}`, 6);
    case 'refused':
      return fail(`curl: (7) Failed to connect to ${f.host} port ${f.port} after 0 ms: Couldn't connect to server`, 7);
    case 'unreachable':
      // ARP gives up after about 3 s; a shorter -m/--max-time fires first.
      if (maxTime !== undefined && maxTime < 3.071) return fail(`curl: (28) Connection timed out after ${Math.round(maxTime * 1000) + 1} milliseconds`, 28);
      return fail(`curl: (7) Failed to connect to ${f.host} port ${f.port} after 3071 ms: No route to host`, 7);
    case 'timeout':
      return maxTime !== undefined
        ? fail(`curl: (28) Connection timed out after ${Math.round(maxTime * 1000) + 1} milliseconds`, 28)
        : fail(`curl: (28) Failed to connect to ${f.host} port ${f.port} after 135192 ms: Couldn't connect to server`, 28);
  }
}

export const curl: CommandFn = (ctx) => {
  const o = new Map<string, string>();
  const headers: [string, string][] = [];
  const resolves: string[] = [];
  const urls: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') return help(HELP);
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (LONG_BOOL[name]) o.set(LONG_BOOL[name]!, '');
      else if (LONG_VALUE[name]) {
        const v = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return { stdout: '', stderr: `curl: option ${a}: requires parameter\n${TRY}`, exitCode: 2 };
        if (LONG_VALUE[name] === 'H') headers.push(splitHeader(v));
        else if (name === 'resolve') resolves.push(v);
        else o.set(LONG_VALUE[name]!, v);
      } else return { stdout: '', stderr: `curl: option ${a}: is unknown\n${TRY}`, exitCode: 2 };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        if (VALUE_SHORT.includes(ch)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return { stdout: '', stderr: `curl: option -${ch}: requires parameter\n${TRY}`, exitCode: 2 };
          if (ch === 'H') headers.push(splitHeader(v));
          else o.set(ch, v);
          break;
        }
        if (!BOOL_SHORT.includes(ch)) return { stdout: '', stderr: `curl: option -${a.slice(j)}: is unknown\n${TRY}`, exitCode: 2 };
        o.set(ch, '');
      }
      continue;
    }
    urls.push(a);
  }
  const url = urls[0];
  if (!url) return { stdout: '', stderr: `curl: no URL specified\n${TRY}`, exitCode: 2 };
  const u = parseUrl(url);
  if (!u) return fail('curl: (3) URL rejected: Malformed input to a URL function', 3);
  if (u.scheme !== 'http' && u.scheme !== 'https') return fail(`curl: (1) Protocol "${u.scheme}" not supported`, 1);
  const src = sourceOf(ctx);
  if (!src) return fail("curl: (7) Couldn't connect to server", 7);
  const maxTime = o.has('m') ? Number(o.get('m')) : undefined;
  const head = o.has('I');
  const method = o.get('X') ?? (head ? 'HEAD' : o.has('d') ? 'POST' : 'GET');
  const hostHeader = headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? (u.explicitPort ? `${u.host}:${u.port}` : u.host);
  const sent: Record<string, string> = { Host: hostHeader, 'User-Agent': o.get('A') ?? 'curl/8.5.0', Accept: '*/*' };
  for (const [k, v] of headers) if (k.toLowerCase() !== 'host') sent[k] = v;
  const silent = o.has('s') && !o.has('S');
  const target = resolveOverride(resolves, u.host, u.port);
  const r = httpRequest(ctx.cluster, src, target ?? u.host, u.port, { method, path: u.path, host: hostHeader, headers: sent });
  // curl's progress meter goes to stderr when the body goes to a pipe or a file rather than the terminal.
  const toFile = o.has('o') && o.get('o') !== '-';
  const meter = !o.has('s') && !o.has('v') && (toFile || ctx.tty === false);
  if (!r.ok) {
    const f = curlFailure(target ? { ...r.failure, host: u.host } : r.failure, maxTime);
    if (silent) return { stdout: '', stderr: '', exitCode: f.exitCode };
    // As on a terminal: the meter's last line has no newline, so curl's error follows it on the same line.
    return meter ? { ...f, stderr: progress(0).replace(/\n$/, '') + f.stderr } : f;
  }
  const res = r.response;
  if (o.has('f') && res.status >= 400) return silent ? { stdout: '', stderr: '', exitCode: 22 } : fail(`curl: (22) The requested URL returned error: ${res.status}`, 22);
  const statusLine = `HTTP/1.1 ${res.status} ${res.reason}\r\n`;
  const hdrs = Object.entries({ ...res.headers, 'Content-Length': String(new TextEncoder().encode(res.body).length) }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  let stdout = head ? statusLine + hdrs + '\r\n' : (o.has('i') ? statusLine + hdrs + '\r\n' : '') + (method === 'HEAD' ? '' : res.body);
  let stderr = '';
  if (o.has('v')) {
    const ip = target ?? addressOf(ctx, u.host) ?? u.host;
    stderr =
      `*   Trying ${ip}:${u.port}...\n* Connected to ${u.host} (${ip}) port ${u.port}\n> ${method} ${u.path} HTTP/1.1\n` +
      Object.entries(sent).map(([k, v]) => `> ${k}: ${v}\n`).join('') +
      `> \n< ${statusLine.trim()}\n` +
      Object.entries(res.headers).map(([k, v]) => `< ${k}: ${v}\n`).join('') +
      `< \n* Connection #0 to host ${u.host} left intact\n`;
  }
  const out = o.get('o');
  if (out !== undefined && out !== '-') {
    if (out !== '/dev/null') {
      try {
        ctx.fs.writeFile(pathOf(ctx, out), stdout);
      } catch {
        return fail(`curl: (23) Failure writing output to destination`, 23);
      }
    }
    stdout = '';
  }
  const w = o.get('w');
  if (w !== undefined) stdout += writeOut(w, res.status, target ?? addressOf(ctx, u.host) ?? '');
  if (meter) stderr = progress(method === 'HEAD' ? 0 : new TextEncoder().encode(res.body).length) + stderr;
  return { stdout, stderr, exitCode: 0 };
};

/** `--resolve HOST:PORT:ADDR[,ADDR]`: the address curl uses for that host and port instead of resolving it. */
function resolveOverride(entries: string[], host: string, port: number): string | undefined {
  for (const e of entries) {
    const m = /^([^:]+):(\d+|\*):\[?([^,\]]+)/.exec(e);
    if (m && m[1]!.toLowerCase() === host && (m[2] === '*' || Number(m[2]) === port)) return m[3];
  }
  return undefined;
}

/** The final state of curl's progress meter (its two header lines and one line of numbers). */
function progress(size: number): string {
  const n5 = (x: number): string => (x < 100_000 ? String(x) : `${Math.round(x / 1024)}k`).padStart(5);
  const pct = size ? '100' : '  0';
  const speed = size ? n5(size * 1000) : n5(0);
  return `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n${pct} ${n5(size)}  ${pct} ${n5(size)}    0     0  ${speed}      0 --:--:-- --:--:-- --:--:-- ${speed}\n`;
}

function splitHeader(h: string): [string, string] {
  const idx = h.indexOf(':');
  return idx > 0 ? [h.slice(0, idx).trim(), h.slice(idx + 1).trim()] : [h.trim(), ''];
}

/** `-w '%{http_code}\n'`: the variables learners use. */
function writeOut(fmt: string, status: number, ip: string): string {
  return fmt
    .replace(/%\{http_code\}|%\{response_code\}/g, String(status))
    .replace(/%\{remote_ip\}/g, ip)
    .replace(/%\{time_total\}/g, '0.001234')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}
