/**
 * `tee [-a] FILE…`: copies stdin to stdout and to each FILE (appending with `-a`), as in the minikube Ingress
 * tutorial's `echo "$(minikube ip) hello-world.example" | sudo tee -a /etc/hosts`. Errors in GNU coreutils' wording.
 */
import { FsError, fsErrorText } from '../../sim/index.js';
import type { CommandFn } from '../types.js';
import { getopt, help, isResult, pathOf } from './util.js';

const USAGE = 'Usage: tee [OPTION]... [FILE]...';

export const tee: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'ai', long: { append: 'a', 'ignore-interrupts': 'i' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nCopy standard input to each FILE, and also to standard output.\n\n  -a, --append              append to the given FILEs, do not overwrite\n  -i, --ignore-interrupts   ignore interrupt signals\n      --help        display this help and exit`);
  let err = '';
  for (const f of p.operands) {
    if (f === '/dev/null') continue;
    try {
      ctx.fs.writeFile(pathOf(ctx, f), ctx.stdin, { append: p.opts.has('a') });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      err += `tee: ${f}: ${fsErrorText(e.code)}\n`;
    }
  }
  return { stdout: ctx.stdin, stderr: err, exitCode: err ? 1 : 0 };
};
