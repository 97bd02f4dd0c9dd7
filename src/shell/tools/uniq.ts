/** `uniq [-c] [-d] [-u] [-i] [INPUT]`: collapses adjacent equal lines. */
import type { CommandFn } from '../types.js';
import { getopt, help, isResult, lines, readInputs } from './util.js';

const USAGE = 'Usage: uniq [OPTION]... [INPUT [OUTPUT]]';

export const uniq: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nFilter adjacent matching lines from INPUT (or standard input),\nwriting to OUTPUT (or standard output).\n\n  -c, --count           prefix lines by the number of occurrences\n  -d, --repeated        only print duplicate lines, one for each group\n  -u, --unique          only print unique lines\n  -i, --ignore-case     ignore differences in case when comparing\n      --help        display this help and exit`);
  const { inputs, err } = readInputs(ctx, 'uniq', p.operands.slice(0, 1));
  if (err) return { stdout: '', stderr: err, exitCode: 1 };
  const norm = (s: string): string => (p.opts.has('i') ? s.toLowerCase() : s);
  const groups: { line: string; n: number }[] = [];
  for (const l of lines(inputs[0]?.text ?? '')) {
    const last = groups[groups.length - 1];
    if (last && norm(last.line) === norm(l)) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  const kept = groups.filter((g) => (p.opts.has('d') ? g.n > 1 : p.opts.has('u') ? g.n === 1 : true));
  return { stdout: kept.map((g) => (p.opts.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`)).join(''), stderr: '', exitCode: 0 };
};
