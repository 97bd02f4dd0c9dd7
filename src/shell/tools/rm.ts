/** `rm [-r] [-f] FILE…`, with coreutils' messages (busybox's in busybox images; a directory needs `-r`). */
import type { CommandFn } from '../types.js';
import { getopt, help, isBusybox, isResult, pathOf } from './util.js';

const USAGE = 'Usage: rm [OPTION]... [FILE]...';

export const rm: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'rRfiv', long: { recursive: 'r', force: 'f', verbose: 'v' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nRemove (unlink) the FILE(s).\n\n  -f, --force           ignore nonexistent files and arguments, never prompt\n  -r, -R, --recursive   remove directories and their contents recursively\n  -v, --verbose         explain what is being done\n      --help     display this help and exit`);
  const force = p.opts.has('f');
  const recursive = p.opts.has('r') || p.opts.has('R');
  if (!p.operands.length) return force ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: "rm: missing operand\nTry 'rm --help' for more information.\n", exitCode: 1 };
  const cannot = isBusybox(ctx) ? "can't remove" : 'cannot remove';
  let out = '';
  let err = '';
  for (const f of p.operands) {
    if (/(^|\/)\.\.?\/*$/.test(f)) {
      err += `rm: refusing to remove '.' or '..' directory: skipping '${f}'\n`;
      continue;
    }
    const full = pathOf(ctx, f);
    if (!ctx.fs.exists(full)) {
      if (!force) err += `rm: ${cannot} '${f}': No such file or directory\n`;
      continue;
    }
    if (ctx.fs.isDir(full) && !recursive) {
      err += `rm: ${isBusybox(ctx) ? `'${f}' is a directory` : `cannot remove '${f}': Is a directory`}\n`;
      continue;
    }
    if (full === '/') {
      err += "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n";
      continue;
    }
    ctx.fs.remove(full, { recursive: true });
    if (p.opts.has('v')) out += `removed '${f}'\n`;
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};
