/** `touch FILE…`: creates empty files (times are not modelled). */
import { FsError } from '../../sim/index.js';
import type { CommandFn } from '../types.js';
import { getopt, help, isBusybox, isResult, pathOf } from './util.js';

const USAGE = 'Usage: touch [OPTION]... FILE...';

export const touch: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'acm', long: { 'no-create': 'c' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nUpdate the access and modification times of each FILE to the current time.\n\nA FILE argument that does not exist is created empty.\n      --help        display this help and exit`);
  if (!p.operands.length) return { stdout: '', stderr: "touch: missing file operand\nTry 'touch --help' for more information.\n", exitCode: 1 };
  let err = '';
  for (const f of p.operands) {
    const full = pathOf(ctx, f);
    if (ctx.fs.exists(full) || p.opts.has('c')) continue;
    try {
      ctx.fs.writeFile(full, '');
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      const why = e.code === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory';
      err += isBusybox(ctx) ? `touch: ${f}: ${why}\n` : `touch: cannot touch '${f}': ${why}\n`;
    }
  }
  return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
};
