/**
 * `ls [-a] [-A] [-l] [-d] [-1] [PATH…]`: names sorted, in columns on an 80-column terminal and one per line into a
 * pipe or file (as GNU ls decides by isatty), or `-l`'s long listing with simulated times.
 */
import type { CommandFn } from '../types.js';
import { getopt, help, isResult, pathOf } from './util.js';

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
  const owner = ctx.location.type === 'host' ? 'learner learner' : ctx.location.type === 'node' && ctx.cwd.startsWith('/home/docker') ? 'docker docker' : 'root root';
  const sizeOf = (full: string, dir: boolean): number => (dir ? 4096 : new TextEncoder().encode(ctx.fs.readFile(full)).length);
  /** `ls -l` rows: the size column as wide as the widest size, as GNU ls aligns it. */
  const longRows = (items: { full: string; name: string; dir: boolean }[]): string => {
    const sizes = items.map((i) => sizeOf(i.full, i.dir));
    const w = Math.max(1, ...sizes.map((x) => String(x).length));
    return items.map((i, k) => `${i.dir ? 'drwxr-xr-x' : '-rw-r--r--'} ${i.dir ? 2 : 1} ${owner} ${String(sizes[k]).padStart(w)} Jan  1 12:00 ${i.name}\n`).join('');
  };
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
    if (!ctx.fs.exists(full)) err += `ls: cannot access '${t}': No such file or directory\n`;
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
  return { stdout: out, stderr: err, exitCode: err ? 2 : 0 };
};
