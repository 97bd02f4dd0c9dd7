/** `mv SRC… DEST`: rename or move into a directory. */
import type { CommandFn } from '../types.js';
import { copyTree, transfer } from './cp.js';
import { getopt, help, isResult } from './util.js';

const USAGE = 'Usage: mv [OPTION]... [-T] SOURCE DEST';

export const mv: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'fivn', long: { force: 'f', verbose: 'v' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\n  or:  mv [OPTION]... SOURCE... DIRECTORY\nRename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n      --help        display this help and exit`);
  return transfer(ctx, 'mv', p.operands, true, (from, to) => {
    if (ctx.fs.exists(to)) ctx.fs.remove(to, { recursive: true });
    copyTree(ctx.fs, from, to);
    ctx.fs.remove(from, { recursive: true });
  });
};
