/**
 * `ls [-a] [-A] [-l] [-d] [-1] [PATH…]`: names sorted, in columns on an 80-column terminal and one per line into a
 * pipe or file (as GNU ls decides by isatty), or `-l`'s long listing with simulated times.
 */
import type { CommandFn } from '../types.js';
import type { Pod } from '../../sim/index.js';
import type { StatFs } from '../stamped-fs.js';
import type { CommandContext } from '../types.js';
import { getopt, help, isBusybox, isResult, pathOf } from './util.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HALF_YEAR_MS = 15_778_476_000;

/** `ls -l`'s time column: `Jan  1 12:05` within the last six months, `Jan  1  2024` otherwise (UTC). */
export function lsTime(t: number, now: number): string {
  const d = new Date(t);
  const day = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  const recent = t > now - HALF_YEAR_MS && t <= now + 60_000;
  return `${day} ${recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : String(d.getUTCFullYear()).padStart(5)}`;
}

/** Owner and group: the learner owns the home directory and /tmp on the host, `docker` its home on a node, root the rest. */
function ownerOf(where: CommandContext['location']['type'], path: string): string {
  if (where === 'host' && (path.startsWith('/home/learner') || path.startsWith('/tmp/'))) return 'learner';
  if (where === 'node' && path.startsWith('/home/docker')) return 'docker';
  return 'root';
}

/** When a file without a recorded time was made: the container's start, else the cluster's first node's creation. */
function fallbackTime(ctx: CommandContext): number {
  const loc = ctx.location;
  if (loc.type === 'container') {
    const pod = ctx.cluster.get<Pod>('Pod', loc.namespace, loc.pod);
    const started = pod ? ctx.cluster.state.runtime.get(pod.metadata.uid!)?.containers.get(loc.container)?.startedAt : undefined;
    if (started !== undefined) return started;
  }
  const created = ctx.cluster.nodes()[0]?.metadata.creationTimestamp;
  return created ? Date.parse(created) : ctx.cluster.now();
}

const USAGE = 'Usage: ls [OPTION]... [FILE]...';

/** GNU ls -C: the most columns that fit the width, filled top to bottom, two spaces between columns. */
export function columns(names: string[], width: number): string {
  for (let cols = Math.min(names.length, Math.floor(width / 3)); cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const used = Math.ceil(names.length / rows);
    const widths = Array.from({ length: used }, (_, c) => Math.max(...names.slice(c * rows, c * rows + rows).map((n) => n.length)));
    if (widths.reduce((a, w) => a + w, 0) + 2 * (used - 1) > width) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      const cells = widths.map((w, c) => ({ name: names[c * rows + r], w })).filter((x) => x.name !== undefined);
      out += cells.map((x, i) => (i === cells.length - 1 ? x.name! : x.name!.padEnd(x.w + 2))).join('') + '\n';
    }
    return out;
  }
  return names.map((n) => n + '\n').join('');
}

export const ls: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'aAlhd1FRrtS', long: { all: 'a', 'almost-all': 'A', 'human-readable': 'h', directory: 'd' }, usage: USAGE, usageExit: 2 });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nList information about the FILEs (the current directory by default).\n\n  -a, --all                  do not ignore entries starting with .\n  -A, --almost-all           do not list implied . and ..\n  -d, --directory            list directories themselves, not their contents\n  -l                         use a long listing format\n  -1                         list one file per line\n      --help        display this help and exit`);
  const all = p.opts.has('a');
  const almost = p.opts.has('A');
  const long = p.opts.has('l');
  const one = p.opts.has('1');
  const dirOnly = p.opts.has('d');
  const reverse = p.opts.has('r');
  const targets = p.operands.length ? p.operands : ['.'];
  const busybox = isBusybox(ctx);
  const fallback = fallbackTime(ctx);
  const stat = (ctx.fs as StatFs).stat?.bind(ctx.fs);
  const sizeOf = (full: string, dir: boolean): number => (dir ? 4096 : new TextEncoder().encode(ctx.fs.readFile(full)).length);
  /** `ls -l` rows: GNU pads each column to its widest cell; busybox uses fixed widths. */
  const longRows = (items: { full: string; name: string; dir: boolean }[]): string => {
    const rows = items.map((i) => ({ mode: i.dir ? 'drwxr-xr-x' : '-rw-r--r--', links: String(i.dir ? 2 : 1), owner: ownerOf(ctx.location.type, i.full), size: String(sizeOf(i.full, i.dir)), time: lsTime(stat?.(i.full)?.mtime || fallback, ctx.cluster.now()), name: i.name }));
    if (busybox) return rows.map((r) => `${r.mode} ${r.links.padStart(4)} ${r.owner.padEnd(8)} ${r.owner.padEnd(8)} ${r.size.padStart(9)} ${r.time} ${r.name}\n`).join('');
    const w = (k: 'links' | 'owner' | 'size'): number => Math.max(1, ...rows.map((r) => r[k].length));
    return rows.map((r) => `${r.mode} ${r.links.padStart(w('links'))} ${r.owner.padEnd(w('owner'))} ${r.owner.padEnd(w('owner'))} ${r.size.padStart(w('size'))} ${r.time} ${r.name}\n`).join('');
  };
  /** GNU's `total`: 1K blocks allocated, a 4K block per started 4K (an empty file has none). */
  const blocks = (items: { full: string; dir: boolean }[]): number => items.reduce((n, i) => n + Math.ceil(sizeOf(i.full, i.dir) / 4096) * 4, 0);
  const format = (names: string[], dir: string): string => {
    if (long) {
      const items = names.map((n) => ({ full: pathOf(ctx, `${dir}/${n}`), name: n, dir: n === '.' || n === '..' || ctx.fs.isDir(pathOf(ctx, `${dir}/${n}`)) }));
      return `total ${blocks(items)}\n${longRows(items)}`;
    }
    if (!names.length) return '';
    return one || !ctx.tty ? names.map((n) => n + '\n').join('') : columns(names, 80);
  };
  let out = '';
  let err = '';
  const files: string[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    const full = pathOf(ctx, t);
    if (!ctx.fs.exists(full)) err += busybox ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`;
    else if (ctx.fs.isDir(full) && !dirOnly) dirs.push(t);
    else files.push(t);
  }
  if (files.length) out += long ? longRows(files.map((f) => ({ full: pathOf(ctx, f), name: f, dir: ctx.fs.isDir(pathOf(ctx, f)) }))) : format(files, '.').replace(/^total \d+\n/, '');
  dirs.forEach((d, i) => {
    let names = ctx.fs.readdir(pathOf(ctx, d)).filter((n) => all || almost || !n.startsWith('.'));
    if (all) names = ['.', '..', ...names];
    if (reverse) names.reverse();
    if (targets.length > 1) out += `${i || files.length ? '\n' : ''}${d}:\n`;
    out += format(names, d);
  });
  return { stdout: out, stderr: err, exitCode: err ? (busybox ? 1 : 2) : 0 };
};
