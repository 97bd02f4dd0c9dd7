/**
 * Pieces the image behaviours share: the tools of a shell image, how a shell command line ends (long-running loop or
 * short-lived script), flag parsing, and a static file server over the container's document root.
 */
import type { ImageInfo, ServerSpec } from './types.js';

/** Tools every image with a shell has (coreutils or busybox applets). */
export const SHELL_TOOLS = ['ls', 'cat', 'echo', 'mkdir', 'rm', 'cp', 'mv', 'grep', 'head', 'tail', 'wc', 'sort', 'ps', 'kill', 'hostname', 'env', 'sleep', 'touch', 'pwd', 'exit', 'true', 'false', 'id', 'whoami', 'date', 'uname'];

/** busybox's network applets. */
export const BUSYBOX_NET = ['wget', 'nslookup', 'ping', 'ip', 'ifconfig', 'nc', 'telnet', 'netstat', 'route'];

export const headers = (server: string, type = 'text/html'): Record<string, string> => ({ Server: server, 'Content-Type': type });

export const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

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

/** The main process of a shell image: a never-ending loop sleeps, anything else runs and exits. */
export function shellMain(defaultExit: number): ImageInfo['main'] {
  return (argv) => (isLongRunning(argv) ? { type: 'sleep', argv } : { type: 'exit', argv, ...shortLivedResult(argv, defaultExit) });
}

/** The value of `-flag value` or `-flag=value` in an argv. */
export function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
    if (a === flag) return argv[i + 1];
  }
  return undefined;
}

/** How a static server words its error pages. */
export interface StaticPages {
  server: string;
  notFound(path: string): string;
  /** The page for a directory without an index file; undefined serves `notFound` instead. */
  forbidden?(path: string): string;
  /** The page of the redirect from `/dir` to `/dir/`; undefined serves `notFound` instead. */
  moved?(): string;
}

/**
 * Serves files from a document root in the container's file system. A directory request (`/`, `/docs/`) serves its
 * `index.html`; without one, nginx answers 403 Forbidden (autoindex is off), as it does for an emptyDir mounted over
 * its html directory; a directory asked for without its slash is redirected (301) to it. The document root itself
 * always exists (the image's or a mount); other directories are known when the caller passes `ctx.isDir`.
 */
export function staticServer(root: string, pages: StaticPages): ServerSpec['handle'] {
  return (req, ctx) => {
    const path = req.path.split('?')[0] || '/';
    const dir = path.endsWith('/');
    const content = ctx.readFile(dir ? `${root}${path}index.html` : `${root}${path}`);
    if (content !== undefined) return { status: 200, reason: 'OK', headers: headers(pages.server), body: content };
    const isDir = (p: string): boolean => p === root || p === `${root}/` || (ctx.isDir?.(p) ?? false);
    if (dir && pages.forbidden && isDir(`${root}${path}`)) return { status: 403, reason: 'Forbidden', headers: headers(pages.server), body: pages.forbidden(path) };
    if (!dir && pages.moved && isDir(`${root}${path}`)) return { status: 301, reason: 'Moved Permanently', headers: { ...headers(pages.server), Location: `http://${req.host}${path}/` }, body: pages.moved() };
    return { status: 404, reason: 'Not Found', headers: headers(pages.server), body: pages.notFound(path) };
  };
}
