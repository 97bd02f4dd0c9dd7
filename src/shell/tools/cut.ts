/** `cut -d SEP -f LIST` / `cut -c LIST`: LIST as `1`, `1,3`, `2-`, `-3`. */
import type { CommandFn } from '../types.js';
import { getopt, help, isResult, lines, readInputs } from './util.js';

const USAGE = 'Usage: cut OPTION... [FILE]...';

function parseList(list: string): ((i: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3]) || m[1] === '0') return undefined;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    ranges.push([a, b]);
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

export const cut: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 's', values: 'dfcb', long: { 'delimiter=': 'd', 'fields=': 'f', 'characters=': 'c', 'bytes=': 'b' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nPrint selected parts of lines from each FILE to standard output.\n\n  -c, --characters=LIST   select only these characters\n  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter\n  -f, --fields=LIST       select only these fields\n      --help        display this help and exit`);
  const fields = p.opts.get('f');
  const chars = p.opts.get('c') ?? p.opts.get('b');
  if (fields === undefined && chars === undefined) return { stdout: '', stderr: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", exitCode: 1 };
  const spec = fields ?? chars ?? '';
  const list = parseList(spec);
  if (!list) {
    const why = /(^|[,-])0+([,-]|$)/.test(spec) ? `${fields !== undefined ? 'fields' : 'byte/character positions'} are numbered from 1` : `invalid ${fields !== undefined ? 'field' : 'byte/character position'} value ‘${spec}’`;
    return { stdout: '', stderr: `cut: ${why}\nTry 'cut --help' for more information.\n`, exitCode: 1 };
  }
  const delim = p.opts.get('d') ?? '\t';
  if (delim.length !== 1) return { stdout: '', stderr: "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", exitCode: 1 };
  const { inputs, err } = readInputs(ctx, 'cut', p.operands);
  let out = '';
  for (const l of inputs.flatMap((i) => lines(i.text))) {
    if (fields === undefined) out += [...l].filter((_, i) => list(i + 1)).join('') + '\n';
    else if (!l.includes(delim)) out += p.opts.has('s') ? '' : l + '\n';
    else out += l.split(delim).filter((_, i) => list(i + 1)).join(delim) + '\n';
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};
