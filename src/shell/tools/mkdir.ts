/** `mkdir [-p] [-v] DIR…`, with coreutils' messages (busybox's in busybox images). */
import { FsError, fsErrorText } from '../../sim/index.js';
import type { CommandFn } from '../types.js';
import { getopt, help, isBusybox, isResult, pathOf } from './util.js';

const USAGE = 'Usage: mkdir [OPTION]... DIRECTORY...';

export const mkdir: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'pv', values: 'm', long: { parents: 'p', verbose: 'v', 'mode=': 'm' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nCreate the DIRECTORY(ies), if they do not already exist.\n\n  -p, --parents     no error if existing, make parent directories as needed\n  -v, --verbose     print a message for each created directory\n      --help        display this help and exit`);
  if (!p.operands.length) return { stdout: '', stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", exitCode: 1 };
  let out = '';
  let err = '';
  for (const d of p.operands) {
    try {
      ctx.fs.mkdir(pathOf(ctx, d), { parents: p.opts.has('p') });
      if (p.opts.has('v')) out += `mkdir: created directory '${d}'\n`;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      err += isBusybox(ctx) ? `mkdir: can't create directory '${d}': ${fsErrorText(e.code)}\n` : `mkdir: cannot create directory ‘${d}’: ${fsErrorText(e.code)}\n`;
    }
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};
