/**
 * A stream of JSON values read as Go's `encoding/json` Decoder reads them, with its syntax-error wording, as kubectl
 * reports it for a JSON manifest: `json: offset 62: invalid character '}' looking for beginning of object key string`,
 * or `unexpected EOF` when the input ends inside a value.
 */

/** One decoded value, or the error that stopped the stream. */
export type JsonItem = { value: unknown } | { error: string };

/** Go's `quoteChar`. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const s = JSON.stringify(c);
  return `'${s.slice(1, -1)}'`;
}

class Eof extends Error {}
class Syntax extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Scans one value starting at `i` (no leading whitespace); returns the index after it. Throws Eof or Syntax. */
function scanValue(s: string, i: number, context: string): number {
  const bad = (at: number, ctx: string): never => {
    throw new Syntax(at + 1, `invalid character ${quoteChar(s[at]!)} ${ctx}`);
  };
  const need = (at: number): string => {
    if (at >= s.length) throw new Eof();
    return s[at]!;
  };
  const ws = (at: number): number => {
    while (at < s.length && isSpace(s[at])) at++;
    return at;
  };
  const c = need(i);
  if (c === '{') {
    let j = ws(i + 1);
    if (need(j) === '}') return j + 1;
    for (let guard = 0; guard < s.length; guard++) {
      if (need(j) !== '"') bad(j, 'looking for beginning of object key string');
      j = scanValue(s, j, '');
      j = ws(j);
      if (need(j) !== ':') bad(j, 'after object key');
      j = ws(j + 1);
      j = scanValue(s, j, 'looking for beginning of value');
      j = ws(j);
      const d = need(j);
      if (d === '}') return j + 1;
      if (d !== ',') bad(j, 'after object key:value pair');
      j = ws(j + 1);
    }
    throw new Eof();
  }
  if (c === '[') {
    let j = ws(i + 1);
    if (need(j) === ']') return j + 1;
    for (let guard = 0; guard < s.length; guard++) {
      j = scanValue(s, j, 'looking for beginning of value');
      j = ws(j);
      const d = need(j);
      if (d === ']') return j + 1;
      if (d !== ',') bad(j, 'after array element');
      j = ws(j + 1);
    }
    throw new Eof();
  }
  if (c === '"') {
    let j = i + 1;
    for (;;) {
      const d = need(j);
      if (d === '"') return j + 1;
      if (d < ' ') bad(j, 'in string literal');
      if (d === '\\') {
        const e = need(j + 1);
        if (e === 'u') {
          for (let k = 2; k < 6; k++) if (!/[0-9a-fA-F]/.test(need(j + k))) bad(j + k, 'in \\u hexadecimal character escape');
          j += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) bad(j + 1, 'in string escape code');
        j += 2;
        continue;
      }
      j++;
    }
  }
  for (const lit of ['true', 'false', 'null']) {
    if (c !== lit[0]) continue;
    for (let k = 1; k < lit.length; k++) if (need(i + k) !== lit[k]) bad(i + k, `in literal ${lit} (expecting ${quoteChar(lit[k]!)})`);
    return i + lit.length;
  }
  if (c === '-' || (c >= '0' && c <= '9')) {
    let j = i;
    if (s[j] === '-') {
      j++;
      if (!/[0-9]/.test(need(j))) bad(j, 'in numeric literal');
    }
    if (s[j] === '0') j++;
    else while (j < s.length && /[0-9]/.test(s[j]!)) j++;
    if (s[j] === '.') {
      j++;
      if (!/[0-9]/.test(need(j))) bad(j, 'after decimal point in numeric literal');
      while (j < s.length && /[0-9]/.test(s[j]!)) j++;
    }
    if (s[j] === 'e' || s[j] === 'E') {
      j++;
      if (s[j] === '+' || s[j] === '-') j++;
      if (!/[0-9]/.test(need(j))) bad(j, 'in exponent of numeric literal');
      while (j < s.length && /[0-9]/.test(s[j]!)) j++;
    }
    return j;
  }
  return bad(i, context || 'looking for beginning of value');
}

/** Every value of a JSON stream, stopping at the first error. */
export function jsonStream(text: string): JsonItem[] {
  const out: JsonItem[] = [];
  let i = 0;
  for (let guard = 0; guard <= text.length; guard++) {
    while (i < text.length && isSpace(text[i])) i++;
    if (i >= text.length) break;
    try {
      const end = scanValue(text, i, 'looking for beginning of value');
      out.push({ value: JSON.parse(text.slice(i, end)) as unknown });
      i = end;
    } catch (e) {
      if (e instanceof Eof) out.push({ error: 'unexpected EOF' });
      else if (e instanceof Syntax) out.push({ error: `json: offset ${e.offset}: ${e.message}` });
      else throw e;
      break;
    }
  }
  return out;
}
