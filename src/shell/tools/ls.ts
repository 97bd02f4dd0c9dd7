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
  const entry = (full: string, name: string, dir: boolean): string => {
    const size = dir ? 4096 : new TextEncoder().encode(ctx.fs.readFile(full)).length;
    return `${dir ? 'drwxr-xr-x' : '-rw-r--r--'} ${dir ? 2 : 1} ${owner} ${String(size).padStart(4)} Jan  1 12:00 ${name}\n`;
  };
  const format = (names: string[], dir: string): string => {
    if (long) return `total ${names.length * 4}\n` + names.map((n) => entry(pathOf(ctx, `${dir}/${n}`), n, n === '.' || n === '..' || ctx.fs.isDir(pathOf(ctx, `${dir}/${n}`)))).join('');
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
  if (files.length) out += long ? files.map((f) => entry(pathOf(ctx, f), f, ctx.fs.isDir(pathOf(ctx, f)))).join('') : format(files, '.').replace(/^total \d+\n/, '');
  dirs.forEach((d, i) => {
    let names = ctx.fs.readdir(pathOf(ctx, d)).filter((n) => all || almost || !n.startsWith('.'));
    if (all) names = ['.', '..', ...names];
    if (reverse) names.reverse();
    if (targets.length > 1) out += `${i || files.length ? '\n' : ''}${d}:\n`;
    out += format(names, d);
  });
  return { stdout: out, stderr: err, exitCode: err ? 2 : 0 };
};
