/**
 * Goal regexes in the learner's words. A `ranInContainer`/`ranCommand` goal matches the learner's command line with a
 * regular expression (`^curl\b.*(localhost|127\.0\.0\.1)`); a failure message must never show that regex. Simple
 * patterns read back as a command template (`curl … localhost (or 127.0.0.1)`); anything cleverer (character
 * classes, counted repeats, look-aheads) gives `undefined`, and the message falls back to plain words.
 */

/** The number of characters a pattern may have before we stop trying to read it (bounds the parser). */
const MAX_PATTERN = 300;

interface Parser {
  src: string;
  i: number;
}

const LITERAL = /[A-Za-z0-9 \-/:=_,'"!@%<>#~&;.]/;

/** `\s`, `\s+`, `\s*`, ` +`: one space. `.*`, `.+`, `[\s\S]*`: an ellipsis. */
const SPACE = /^(?:\\s[+*]?| [+*])/;
const ANY = /^(?:\.[*+]\??|\[\\s\\S\][*+]\??)/;
/** A digit or a run of digits (`\d`, `\d+`, `\d{1,3}`, `[0-9]+`): an `x`, as in `10.244.x.x`. */
const DIGITS = /^(?:\\d|\[0-9\])(?:[*+]|\{\d+(?:,\d*)?\})?/;

/** Reads an alternation up to `)` or the end; undefined when a part is not simple. */
function alternation(p: Parser, depth: number): string | undefined {
  const alts: string[] = [];
  for (let n = 0; n < MAX_PATTERN; n++) {
    const seq = sequence(p, depth);
    if (seq === undefined) return undefined;
    alts.push(seq);
    if (p.src[p.i] !== '|') break;
    p.i++;
  }
  const shown = alts.map((a) => tidy(a)).filter((a) => a !== '');
  if (shown.length === 0) return '';
  return shown.length === 1 ? shown[0]! : `${shown[0]} (or ${shown.slice(1).join(', or ')})`;
}

/** Reads a sequence up to `|`, `)` or the end. */
function sequence(p: Parser, depth: number): string | undefined {
  let out = '';
  for (let n = 0; n < MAX_PATTERN && p.i < p.src.length; n++) {
    const rest = p.src.slice(p.i);
    const ch = rest[0]!;
    if (ch === '|' || ch === ')') return out;
    const space = SPACE.exec(rest);
    const any = ANY.exec(rest);
    const digits = DIGITS.exec(rest);
    if (rest.startsWith('\\b')) p.i += 2;
    else if (space) {
      out += ' ';
      p.i += space[0].length;
    } else if (any) {
      out += ' … ';
      p.i += any[0].length;
    } else if (digits) {
      out += 'x';
      p.i += digits[0].length;
    } else if (ch === '(') {
      if (depth > 4 || rest.startsWith('(?=') || rest.startsWith('(?!') || rest.startsWith('(?<')) return undefined;
      p.i += rest.startsWith('(?:') ? 3 : 1;
      const inner = alternation(p, depth + 1);
      if (inner === undefined || p.src[p.i] !== ')') return undefined;
      p.i++;
      if (p.src[p.i] === '?') p.i++;
      else if (/^[*+{]/.test(p.src.slice(p.i))) return undefined;
      else out += inner;
    } else {
      let lit: string;
      if (ch === '\\') {
        const next = rest[1];
        if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined;
        lit = next;
        p.i += 2;
      } else if (LITERAL.test(ch)) {
        lit = ch;
        p.i++;
      } else return undefined;
      if (p.src[p.i] === '?') p.i++;
      else if (/^[*+{]/.test(p.src.slice(p.i))) return undefined;
      else out += lit;
    }
  }
  return out;
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/(?:… ?)+…/g, '…').trim();
}

/**
 * A regex as a command template a learner can read: `^kubectl\b.*\bget\b` → `kubectl … get`,
 * `^(curl|wget)\b` → `curl (or wget)`, `\d{1,3}` → `x`; undefined when the pattern is too clever to read back.
 */
export function regexText(source: string): string | undefined {
  if (source.length > MAX_PATTERN) return undefined;
  const body = source.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  const p: Parser = { src: body, i: 0 };
  const text = alternation(p, 0);
  if (text === undefined || p.i !== body.length) return undefined;
  const shown = tidy(text).replace(/^… ?| ?…$/g, '');
  return shown === '' ? undefined : shown;
}
