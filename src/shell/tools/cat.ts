/** `cat [-n] [FILE…]`: files at the current location (`/etc/resolv.conf` in a container, hostPath dirs on a node), or stdin. */
import type { CommandFn } from '../types.js';
import { getopt, help, isResult, lines, readInputs } from './util.js';

const USAGE = 'Usage: cat [OPTION]... [FILE]...';

export const cat: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'nAbeEsTuv', long: { number: 'n', 'show-all': 'A' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nConcatenate FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.\n\n  -n, --number             number all output lines\n      --help        display this help and exit`);
  const { inputs, err } = readInputs(ctx, 'cat', p.operands);
  let out = inputs.map((i) => i.text).join('');
  if (p.opts.has('n')) out = lines(out).map((l, i) => `${String(i + 1).padStart(6)}\t${l}\n`).join('');
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};
