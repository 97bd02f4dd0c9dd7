/** `tr [-d] [-s] SET1 [SET2]`: ranges (`a-z`) and classes (`[:upper:]`, `[:lower:]`, `[:space:]`, `[:digit:]`). */
import type { CommandFn } from '../types.js';
import { getopt, help, isResult } from './util.js';

const USAGE = 'Usage: tr [OPTION]... STRING1 [STRING2]';
const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\v\f',
  blank: ' \t',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
};

function expandSet(s: string): string {
  let out = '';
  const t = s.replace(/\[:([a-z]+):\]/g, (m, c: string) => CLASSES[c] ?? m).replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  for (let i = 0; i < t.length && out.length < 4096; i++) {
    if (t[i + 1] === '-' && i + 2 < t.length && t.charCodeAt(i + 2) >= t.charCodeAt(i)) {
      for (let c = t.charCodeAt(i); c <= t.charCodeAt(i + 2) && out.length < 4096; c++) out += String.fromCharCode(c);
      i += 2;
    } else out += t[i];
  }
  return out;
}

export const tr: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'dsc', long: { delete: 'd', 'squeeze-repeats': 's' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nTranslate, squeeze, and/or delete characters from standard input,\nwriting to standard output.\n\n  -d, --delete            delete characters in SET1, do not translate\n  -s, --squeeze-repeats   replace each sequence of a repeated character\n      --help        display this help and exit`);
  const [a, b] = p.operands;
  if (a === undefined) return { stdout: '', stderr: "tr: missing operand\nTry 'tr --help' for more information.\n", exitCode: 1 };
  const set1 = expandSet(a);
  if (p.opts.has('d')) return { stdout: [...ctx.stdin].filter((c) => !set1.includes(c)).join(''), stderr: '', exitCode: 0 };
  if (b === undefined && !p.opts.has('s')) return { stdout: '', stderr: `tr: missing operand after ‘${a}’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`, exitCode: 1 };
  const set2 = b === undefined ? '' : expandSet(b);
  let out = '';
  for (const c of ctx.stdin) {
    const i = set1.indexOf(c);
    const mapped = i >= 0 && set2 ? (set2[Math.min(i, set2.length - 1)] ?? c) : c;
    if (p.opts.has('s') && out.endsWith(mapped) && (set2 || set1).includes(mapped)) continue;
    out += mapped;
  }
  return { stdout: out, stderr: '', exitCode: 0 };
};
