/** `head [-n N|-N] [-c N] [FILE…]` and `tail [-n N|-N|-n +N] [-c N] [FILE…]`, with `==> f <==` headers for several files. */
import type { CommandFn, CommandContext, CommandResult } from '../types.js';
import { getopt, help, isResult, lines, readInputs } from './util.js';

function headTail(ctx: CommandContext, tool: 'head' | 'tail'): CommandResult {
  const usage = `Usage: ${tool} [OPTION]... [FILE]...`;
  const p = getopt(ctx, { flags: 'qvfF', values: 'nc', numericShort: 'n', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', follow: 'f' }, usage });
  if (isResult(p)) return p;
  if (p.help) return help(`${usage}\nPrint the ${tool === 'head' ? 'first' : 'last'} 10 lines of each FILE to standard output.\n\n  -c, --bytes=NUM          print the ${tool === 'head' ? 'first' : 'last'} NUM bytes of each file\n  -n, --lines=NUM          print the ${tool === 'head' ? 'first' : 'last'} NUM lines instead of the ${tool === 'head' ? 'first' : 'last'} 10\n      --help        display this help and exit`);
  if (p.opts.has('f') || p.opts.has('F')) return { stdout: '', stderr: `${tool}: -f: following a file never ends; not supported in this sandbox (use 'kubectl logs -f', which stops)\n`, exitCode: 1 };
  const raw = p.opts.get('n') ?? p.opts.get('c') ?? '10';
  const fromStart = tool === 'tail' && raw.startsWith('+');
  const neg = tool === 'head' && raw.startsWith('-');
  const n = Number(raw.replace(/^[+-]/, ''));
  if (!Number.isInteger(n) || n < 0) return { stdout: '', stderr: `${tool}: invalid number of ${p.opts.has('c') ? 'bytes' : 'lines'}: ‘${raw}’\n`, exitCode: 1 };
  const { inputs, err } = readInputs(ctx, tool, p.operands);
  const take = <T,>(xs: T[]): T[] => {
    if (tool === 'head') return neg ? xs.slice(0, Math.max(0, xs.length - n)) : xs.slice(0, n);
    if (fromStart) return xs.slice(Math.max(0, n - 1));
    return n === 0 ? [] : xs.slice(-n);
  };
  let out = '';
  inputs.forEach((input, i) => {
    if (inputs.length > 1 && !p.opts.has('q')) out += `${i ? '\n' : ''}==> ${input.name} <==\n`;
    if (p.opts.has('c')) out += take([...input.text]).join('');
    else {
      const ls = lines(input.text);
      const kept = take(ls);
      const lastIsFinal = kept.length > 0 && kept.length + (tool === 'head' ? 0 : ls.length - kept.length) === ls.length && !input.text.endsWith('\n');
      out += kept.map((l, j) => (lastIsFinal && j === kept.length - 1 && tool === 'tail' ? l : `${l}\n`)).join('');
    }
  });
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
}

export const head: CommandFn = (ctx) => headTail(ctx, 'head');
export const tail: CommandFn = (ctx) => headTail(ctx, 'tail');
