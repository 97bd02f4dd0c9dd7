/**
 * `wget [-q] [-S] [-O FILE|-] [-T SECS] [--spider] URL`: busybox's applet in busybox images (`Connecting to web
 * (10.96.0.5:80)`, `wget: bad address 'x'`, `wget: download timed out`), GNU wget elsewhere (host, Debian images).
 */
import { FsError, fsErrorText, httpRequest, type NetFailure } from '../../sim/index.js';
import type { CommandContext, CommandFn, CommandResult } from '../types.js';
import { addressOf, flavour, parseUrl, sourceOf } from './net.js';
import { pathOf } from './util.js';

const BB_USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`;

const GNU_USAGE = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";

interface WgetOpts {
  quiet: boolean;
  output?: string;
  timeout?: number;
  spider: boolean;
  /** `-S`: print the server's response headers (on stderr). */
  serverResponse: boolean;
  headers: Record<string, string>;
  url?: string;
}

function parseArgs(args: string[]): WgetOpts | { bad: string } | 'help' {
  const o: WgetOpts = { quiet: false, spider: false, serverResponse: false, headers: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help') return 'help';
    if (a === '--spider') o.spider = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--server-response') o.serverResponse = true;
    else if (a === '-O' || a === '--output-document') o.output = args[++i] ?? '';
    else if (a.startsWith('--output-document=')) o.output = a.slice(18);
    else if (a === '-T' || a === '--timeout') o.timeout = Number(args[++i]);
    else if (a.startsWith('--timeout=')) o.timeout = Number(a.slice(10));
    else if (a === '--header') {
      const h = args[++i] ?? '';
      const idx = h.indexOf(':');
      if (idx > 0) o.headers[h.slice(0, idx).trim()] = h.slice(idx + 1).trim();
    } else if (/^-[qSc]*O.+$/.test(a)) {
      if (a.includes('q')) o.quiet = true;
      if (/^-[qc]*S/.test(a)) o.serverResponse = true;
      o.output = a.slice(a.indexOf('O') + 1);
    } else if (/^-[qSc]+O?$/.test(a)) {
      if (a.includes('q')) o.quiet = true;
      if (a.includes('S')) o.serverResponse = true;
      if (a.endsWith('O')) o.output = args[++i] ?? '';
    } else if (a.startsWith('-') && a.length > 1) return { bad: a };
    else o.url = a;
  }
  return o;
}

function bbFailure(f: NetFailure, ip: string | undefined, timeout?: number): CommandResult {
  if (f.type === 'resolve') return { stdout: '', stderr: `wget: bad address '${f.host}'\n`, exitCode: 1 };
  if (f.type === 'timeout') return { stdout: '', stderr: timeout !== undefined ? 'wget: download timed out\n' : `wget: can't connect to remote host (${ip ?? f.host}): Connection timed out\n`, exitCode: 1 };
  return { stdout: '', stderr: `wget: can't connect to remote host (${ip ?? f.host}): ${f.type === 'refused' ? 'Connection refused' : 'No route to host'}\n`, exitCode: 1 };
}

/** Response headers as `wget -S` shows them, two spaces in. */
function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers).map(([k, v]) => `  ${k}: ${v}\n`).join('');
}

/** Writes the download (`/dev/null` swallows it); the error text when the file cannot be written. */
function save(ctx: CommandContext, file: string, body: string): string | undefined {
  const path = pathOf(ctx, file);
  if (path === '/dev/null') return undefined;
  try {
    ctx.fs.writeFile(path, body);
    return undefined;
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    return fsErrorText(e.code);
  }
}

function stamp(ctx: CommandContext): string {
  return new Date(ctx.cluster.now()).toISOString().replace('T', ' ').slice(0, 19);
}

export const wget: CommandFn = (ctx) => {
  const bb = flavour(ctx) === 'busybox';
  const p = parseArgs(ctx.argv.slice(1));
  if (p === 'help') return bb ? { stdout: '', stderr: BB_USAGE, exitCode: 0 } : { stdout: GNU_USAGE, stderr: '', exitCode: 0 };
  if ('bad' in p) {
    return bb
      ? { stdout: '', stderr: `wget: unrecognized option '${p.bad}'\n${BB_USAGE}`, exitCode: 1 }
      : { stdout: '', stderr: `wget: ${p.bad.startsWith('--') ? `unrecognized option '${p.bad}'` : `invalid option -- '${p.bad.slice(1, 2)}'`}\n${GNU_USAGE}`, exitCode: 2 };
  }
  if (!p.url) return bb ? { stdout: '', stderr: BB_USAGE, exitCode: 1 } : { stdout: '', stderr: `wget: missing URL\n${GNU_USAGE}`, exitCode: 1 };
  const u = parseUrl(p.url);
  const src = sourceOf(ctx);
  if (!u || !src) return { stdout: '', stderr: bb ? `wget: bad address '${p.url}'\n` : `${p.url}: Invalid URL\n`, exitCode: 1 };
  const shownHost = u.explicitPort ? `${u.host}:${u.port}` : u.host;
  const ip = addressOf(ctx, u.host);
  const r = httpRequest(ctx.cluster, src, u.host, u.port, { method: p.spider ? 'HEAD' : 'GET', path: u.path, host: shownHost, headers: { Host: shownHost, 'User-Agent': 'Wget', Accept: '*/*', ...p.headers } });
  const file = p.output ?? (u.path.split('?')[0]!.split('/').pop() || 'index.html');
  const toStdout = file === '-';
  if (bb) {
    let connecting = p.quiet ? '' : `Connecting to ${shownHost} (${ip ?? u.host}:${u.port})\n`;
    if (!r.ok) {
      const f = bbFailure(r.failure, ip, p.timeout);
      return { ...f, stderr: (r.failure.type === 'resolve' ? '' : connecting) + f.stderr };
    }
    const res = r.response;
    const status = p.serverResponse ? `  HTTP/1.1 ${res.status} ${res.reason}\n` : '';
    if (res.status >= 400) return { stdout: '', stderr: `${connecting}${status}wget: server returned error: HTTP/1.1 ${res.status} ${res.reason}\n`, exitCode: 1 };
    // busybox prints each header line as it reads it, the blank line that ends them included.
    const shown = p.serverResponse ? `${status}${headerLines(res.headers)}  \n` : '';
    connecting += shown;
    if (p.spider) return { stdout: '', stderr: p.quiet ? shown : `${connecting}remote file exists\n`, exitCode: 0 };
    const size = new TextEncoder().encode(res.body).length;
    const bar = `${(toStdout ? '-' : file.split('/').pop()!).padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
    if (toStdout) return { stdout: res.body, stderr: p.quiet ? shown : `${connecting}writing to stdout\n${bar}written to stdout\n`, exitCode: 0 };
    const path = pathOf(ctx, file);
    if (p.output === undefined && ctx.fs.exists(path)) return { stdout: '', stderr: `${connecting}wget: can't open '${file}': File exists\n`, exitCode: 1 };
    const failed = save(ctx, file, res.body);
    if (failed) return { stdout: '', stderr: `${connecting}wget: can't open '${file}': ${failed}\n`, exitCode: 1 };
    return { stdout: '', stderr: p.quiet ? shown : `${connecting}saving to '${file}'\n${bar}'${file}' saved\n`, exitCode: 0 };
  }
  const head = p.quiet ? '' : `--${stamp(ctx)}--  ${u.scheme}://${shownHost}${u.path}\n`;
  if (!r.ok) {
    const f = r.failure;
    if (f.type === 'resolve') return { stdout: '', stderr: `${head}${p.quiet ? '' : `Resolving ${u.host} (${u.host})... failed: Name or service not known.\n`}wget: unable to resolve host address ‘${u.host}’\n`, exitCode: 4 };
    const why = f.type === 'refused' ? 'Connection refused' : f.type === 'timeout' ? 'Connection timed out' : 'No route to host';
    return { stdout: '', stderr: p.quiet ? '' : `${head}Connecting to ${shownHost}... failed: ${why}.\n`, exitCode: 4 };
  }
  const res = r.response;
  const response = p.serverResponse ? `\n  HTTP/1.1 ${res.status} ${res.reason}\n${headerLines(res.headers)}` : `${res.status} ${res.reason}\n`;
  const connected = p.quiet ? '' : `${head}Connecting to ${shownHost}... connected.\nHTTP request sent, awaiting response... ${response}`;
  if (res.status >= 400) return { stdout: '', stderr: p.quiet ? '' : `${connected}${stamp(ctx)} ERROR ${res.status}: ${res.reason}.\n\n`, exitCode: 8 };
  const size = new TextEncoder().encode(res.body).length;
  const type = res.headers['Content-Type'] ?? 'text/plain';
  if (p.spider) {
    const exists = type.startsWith('text/html') ? 'Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n' : 'Remote file exists.\n';
    return { stdout: '', stderr: p.quiet ? '' : `Spider mode enabled. Check if remote file exists.\n${connected}Length: ${size} [${type}]\n${exists}\n`, exitCode: 0 };
  }
  const shownFile = toStdout ? 'STDOUT' : `‘${file}’`;
  const progress = `${(toStdout ? '-' : file).padEnd(18).slice(0, 18)}  100%[===================>] ${String(size).padStart(7)}  --.-KB/s    in 0s      \n\n`;
  const log = p.quiet ? '' : `${connected}Length: ${size} [${type}]\nSaving to: ${shownFile}\n\n${progress}${stamp(ctx)} (10.0 MB/s) - ${toStdout ? 'written to stdout' : `${shownFile} saved`} [${size}/${size}]\n\n`;
  if (toStdout) return { stdout: res.body, stderr: log, exitCode: 0 };
  const failed = save(ctx, file, res.body);
  if (failed) return { stdout: '', stderr: `${log.slice(0, log.indexOf('Length:'))}${file}: ${failed}\n`, exitCode: 3 };
  return { stdout: '', stderr: log, exitCode: 0 };
};
