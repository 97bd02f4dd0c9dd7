/** `sort [-n] [-r] [-u] [-f] [-k N[,M]] [-t SEP] [FILE…]`. */
import type { CommandFn } from '../types.js';
import { getopt, help, isResult, lines, readInputs } from './util.js';

const USAGE = 'Usage: sort [OPTION]... [FILE]...';

export const sort: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'nrufhbV', values: 'kt', long: { 'numeric-sort': 'n', reverse: 'r', unique: 'u', 'ignore-case': 'f', 'key=': 'k', 'field-separator=': 't' }, usage: USAGE, usageExit: 2 });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nWrite sorted concatenation of all FILE(s) to standard output.\n\n  -f, --ignore-case           fold lower case to upper case characters\n  -n, --numeric-sort          compare according to string numerical value\n  -r, --reverse               reverse the result of comparisons\n  -k, --key=KEYDEF            sort via a key; KEYDEF gives location and type\n  -t, --field-separator=SEP   use SEP instead of non-blank to blank transition\n  -u, --unique                output only the first of an equal run\n      --help        display this help and exit`);
  const key = p.opts.get('k');
  const km = key === undefined ? null : /^(\d+)(?:\.\d+)?[a-z]*(?:,(\d+)(?:\.\d+)?[a-z]*)?$/.exec(key);
  if (key !== undefined && (!km || Number(km[1]) === 0)) return { stdout: '', stderr: `sort: invalid number at field start: invalid count at start of '${key}'\n`, exitCode: 2 };
  const sep = p.opts.get('t');
  const numeric = p.opts.has('n') || p.opts.has('h') || /n/.test(key ?? '');
  const fold = p.opts.has('f');
  const { inputs, err } = readInputs(ctx, 'sort', p.operands);
  const all = inputs.flatMap((i) => lines(i.text));
  const keyOf = (line: string): string => {
    if (!km) return line;
    const fields = sep !== undefined ? line.split(sep) : line.trim().split(/\s+/);
    const from = Number(km[1]) - 1;
    const to = km[2] ? Number(km[2]) : fields.length;
    return fields.slice(from, to).join(sep ?? ' ');
  };
  const cmp = (a: string, b: string): number => {
    let ka = keyOf(a);
    let kb = keyOf(b);
    if (numeric) {
      const d = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
      if (d !== 0) return d;
    } else {
      if (fold) {
        ka = ka.toUpperCase();
        kb = kb.toUpperCase();
      }
      if (ka !== kb) return ka < kb ? -1 : 1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let sorted = [...all].sort(cmp);
  if (p.opts.has('r')) sorted.reverse();
  if (p.opts.has('u')) sorted = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1]!, l) !== 0);
  return { stdout: sorted.map((l) => l + '\n').join(''), stderr: err, exitCode: err ? 2 : 0 };
};
