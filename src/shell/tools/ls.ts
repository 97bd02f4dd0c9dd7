/**
 * `ls [-a] [-A] [-l] [-d] [-1] [PATH…]`: names sorted, two spaces apart on one line (as GNU ls prints when it cannot
 * measure a terminal), or `-l`'s long listing with simulated times.
 */
import type { CommandFn } from '../types.js';
import { getopt, help, isResult, pathOf } from './util.js';

const USAGE = 'Usage: ls [OPTION]... [FILE]...';

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
  const entry = (full: string, name: string, dir: boolean): string => {
    const size = dir ? 4096 : ctx.fs.readFile(full).length;
    return `${dir ? 'drwxr-xr-x' : '-rw-r--r--'} ${dir ? 2 : 1} root root ${String(size).padStart(4)} Jan  1 12:00 ${name}\n`;
  };
  const format = (names: string[], dir: string): string => {
    if (long) return `total ${names.length * 4}\n` + names.map((n) => entry(pathOf(ctx, `${dir}/${n}`), n, n === '.' || n === '..' || ctx.fs.isDir(pathOf(ctx, `${dir}/${n}`)))).join('');
    if (!names.length) return '';
    return one ? names.map((n) => n + '\n').join('') : names.join('  ') + '\n';
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
