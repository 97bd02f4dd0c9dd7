/** `wc [-l] [-w] [-c] [-m] [FILE…]`: GNU's counts and padding (width 7 for stdin, the widest count for files). */
import type { CommandFn } from '../types.js';
import { getopt, help, isResult, readInputs } from './util.js';

const USAGE = 'Usage: wc [OPTION]... [FILE]...';

export const wc: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nPrint newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.\n\n  -c, --bytes            print the byte counts\n  -m, --chars            print the character counts\n  -l, --lines            print the newline counts\n  -w, --words            print the word counts\n      --help        display this help and exit`);
  let which = ['l', 'w', 'c', 'm'].filter((k) => p.opts.has(k));
  if (!which.length) which = ['l', 'w', 'c'];
  const { inputs, err } = readInputs(ctx, 'wc', p.operands);
  const counts = inputs.map((i) => {
    const c: Record<string, number> = {
      l: (i.text.match(/\n/g) ?? []).length,
      w: i.text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(i.text).length,
      m: [...i.text].length,
    };
    return { name: p.operands.length ? i.name : '', values: which.map((k) => c[k]!) };
  });
  if (counts.length > 1) counts.push({ name: 'total', values: which.map((_, j) => counts.reduce((s, c) => s + c.values[j]!, 0)) });
  // coreutils' compute_number_width: the digits of the files' total size (7 when reading a pipe); one count of one input is not padded.
  const bytes = inputs.reduce((n, i) => n + new TextEncoder().encode(i.text).length, 0);
  const fromPipe = p.operands.length === 0 || p.operands.includes('-');
  const width = which.length === 1 && inputs.length <= 1 ? 0 : fromPipe ? 7 : String(bytes).length;
  const out = counts.map((c) => c.values.map((v) => String(v).padStart(width)).join(' ') + (c.name ? ` ${c.name}` : '') + '\n').join('');
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};
