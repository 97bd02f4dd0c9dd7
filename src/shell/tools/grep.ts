/**
 * `grep [-i] [-v] [-c] [-n] [-E] [-F] [-o] [-w] [-q] [-l] [-h|-H] [-e PATTERN] PATTERN [FILE…]`: basic (BRE) or
 * extended (ERE) regular expressions, GNU grep's output prefixes and exit codes (0 match, 1 none, 2 error).
 */
import type { CommandFn } from '../types.js';
import { getopt, help, isResult, lines, readInputs } from './util.js';

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...';

/** Converts a POSIX basic regular expression to JavaScript (in BRE `\(`, `\|`, `\+` are special; `(`, `|`, `+` are not). */
export function breToJs(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '\\' && i + 1 < p.length) {
      const n = p[++i]!;
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
    } else if ('(){}|+?'.includes(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

function posixClasses(p: string): string {
  return p
    .replace(/\[:alpha:\]/g, 'A-Za-z')
    .replace(/\[:digit:\]/g, '0-9')
    .replace(/\[:alnum:\]/g, 'A-Za-z0-9')
    .replace(/\[:space:\]/g, '\\s')
    .replace(/\[:upper:\]/g, 'A-Z')
    .replace(/\[:lower:\]/g, 'a-z');
}

export const grep: CommandFn = (ctx) => {
  const tool = ctx.argv[0]!.split('/').pop()!;
  const p = getopt(ctx, {
    flags: 'ivcnEFowqlLhHsx',
    values: 'eABCm',
    long: { 'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n', 'extended-regexp': 'E', 'fixed-strings': 'F', 'only-matching': 'o', 'word-regexp': 'w', quiet: 'q', silent: 'q', 'files-with-matches': 'l', 'regexp=': 'e', 'max-count=': 'm', 'line-regexp': 'x', 'color=': 'color', colour: 'color', color: 'color' },
    usage: USAGE,
    usageExit: 2,
    usageOnError: true,
  });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nSearch for PATTERNS in each FILE.\nExample: grep -i 'hello world' menu.h main.c\n\n  -E, --extended-regexp     PATTERNS are extended regular expressions\n  -F, --fixed-strings       PATTERNS are strings\n  -e, --regexp=PATTERNS     use PATTERNS for matching\n  -i, --ignore-case         ignore case distinctions in patterns and data\n  -w, --word-regexp         match only whole words\n  -v, --invert-match        select non-matching lines\n  -c, --count               print only a count of selected lines per FILE\n  -n, --line-number         print line number with output lines\n  -o, --only-matching       show only nonempty parts of lines that match\n  -q, --quiet, --silent     suppress all normal output\n      --help                display this help text and exit`);
  const operands = [...p.operands];
  const patterns = p.all.get('e') ?? [];
  if (!patterns.length) {
    const first = operands.shift();
    if (first === undefined) return { stdout: '', stderr: `${USAGE}\nTry 'grep --help' for more information.\n`, exitCode: 2 };
    patterns.push(...first.split('\n'));
  }
  const ere = p.opts.has('E') || tool === 'egrep';
  const fixed = p.opts.has('F') || tool === 'fgrep';
  const sources = patterns.map((pat) => (fixed ? pat.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : posixClasses(ere ? pat : breToJs(pat))));
  let src = sources.map((s) => `(?:${s})`).join('|');
  if (p.opts.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  if (p.opts.has('x')) src = `^(?:${src})$`;
  let re: RegExp;
  try {
    re = new RegExp(src, p.opts.has('i') ? 'gi' : 'g');
  } catch {
    return { stdout: '', stderr: `grep: Unmatched ( or \\(\n`, exitCode: 2 };
  }
  const { inputs, err } = readInputs(ctx, 'grep', operands);
  const multi = (operands.length > 1 || p.opts.has('H')) && !p.opts.has('h');
  const max = p.opts.has('m') ? Number(p.opts.get('m')) : Infinity;
  let out = '';
  let any = false;
  const after = Number(p.opts.get('A') ?? p.opts.get('C') ?? 0) || 0;
  const before = Number(p.opts.get('B') ?? p.opts.get('C') ?? 0) || 0;
  for (const input of inputs) {
    let count = 0;
    const prefix = multi ? `${input.name}:` : '';
    const all = lines(input.text);
    let lastPrinted = -1;
    let trailing = 0;
    const emit = (idx: number, sep: string): void => {
      if (lastPrinted >= 0 && idx > lastPrinted + 1 && (after || before)) out += '--\n';
      out += `${multi ? `${input.name}${sep}` : ''}${p.opts.has('n') ? `${idx + 1}${sep}` : ''}${all[idx]}\n`;
      lastPrinted = idx;
    };
    for (const [idx, line] of all.entries()) {
      if (count >= max) break;
      re.lastIndex = 0;
      const hit = re.test(line);
      if (hit === p.opts.has('v')) {
        if (trailing > 0 && !p.opts.has('c') && !p.opts.has('q') && !p.opts.has('l')) {
          emit(idx, '-');
          trailing--;
        }
        continue;
      }
      count++;
      any = true;
      if (p.opts.has('c') || p.opts.has('q') || p.opts.has('l')) continue;
      const num = p.opts.has('n') ? `${idx + 1}:` : '';
      if (p.opts.has('o') && !p.opts.has('v')) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0]) out += `${prefix}${num}${m[0]}\n`;
        continue;
      }
      for (let b = Math.max(lastPrinted + 1, idx - before); b < idx; b++) emit(b, '-');
      emit(idx, ':');
      trailing = after;
    }
    if (p.opts.has('c')) out += `${prefix}${count}\n`;
    if (p.opts.has('l') && count) out += `${input.name}\n`;
  }
  if (p.opts.has('q')) return { stdout: '', stderr: '', exitCode: any ? 0 : err ? 2 : 1 };
  return { stdout: out, stderr: err, exitCode: err ? 2 : any ? 0 : 1 };
};
