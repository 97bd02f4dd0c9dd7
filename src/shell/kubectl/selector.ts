/**
 * `-l`/`--selector` strings as kubectl parses them (apimachinery `labels.Parse`): `k=v`, `k==v`, `k!=v`,
 * `k in (a,b)`, `k notin (a,b)`, `k` (exists), `!k` (does not exist), comma-separated and ANDed.
 */
import type { Labels } from '../../lib/labels.js';

interface Requirement {
  key: string;
  op: '=' | '!=' | 'in' | 'notin' | 'exists' | '!';
  values: string[];
}

export type SelectorResult = { ok: true; matches: (labels: Labels | undefined) => boolean } | { ok: false; error: string };

const KEY = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?)$/;

function splitTerms(s: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) return undefined;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0) return undefined;
  out.push(cur);
  return out;
}

function parseTerm(t: string): Requirement | string {
  const term = t.trim();
  let m = /^!\s*(\S+)$/.exec(term);
  if (m) return { key: m[1]!, op: '!', values: [] };
  m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (m) return { key: m[1]!, op: m[2] as 'in' | 'notin', values: m[3]!.split(',').map((v) => v.trim()) };
  m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (m) return { key: m[1]!, op: m[2] === '!=' ? '!=' : '=', values: [m[3]!] };
  if (/^[^=!\s()]+$/.test(term)) return { key: term, op: 'exists', values: [] };
  return `unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`;
}

/** Parses a selector; an invalid one returns kubectl's error line. */
export function parseSelector(s: string): SelectorResult {
  const reqs: Requirement[] = [];
  if (s.trim() !== '') {
    const terms = splitTerms(s);
    if (!terms) return { ok: false, error: `error: unable to parse requirement: found '${s}', expected: ')'` };
    for (const t of terms) {
      const r = parseTerm(t);
      if (typeof r === 'string') return { ok: false, error: `error: ${r}` };
      if (!KEY.test(r.key)) return { ok: false, error: `error: unable to parse requirement: <nil>: Invalid value: "${r.key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')` };
      const bad = r.values.find((v) => !VALUE.test(v) || v.length > 63);
      if (bad !== undefined) return { ok: false, error: `error: unable to parse requirement: values[0][${r.key}]: Invalid value: "${bad}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')` };
      reqs.push(r);
    }
  }
  return {
    ok: true,
    matches: (labels) => {
      const l = labels ?? {};
      return reqs.every((r) => {
        const has = Object.prototype.hasOwnProperty.call(l, r.key);
        const v = l[r.key];
        switch (r.op) {
          case '=':
            return has && v === r.values[0];
          case '!=':
            return !has || v !== r.values[0];
          case 'in':
            return has && r.values.includes(v!);
          case 'notin':
            return !has || !r.values.includes(v!);
          case 'exists':
            return has;
          default:
            return !has;
        }
      });
    },
  };
}
