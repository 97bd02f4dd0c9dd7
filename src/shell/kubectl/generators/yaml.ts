/**
 * YAML exactly as kubectl prints it (`-o yaml`): sigs.k8s.io/yaml turns the object into JSON, then go-yaml v2 emits
 * it. So map keys come out in go-yaml's "natural" order (digits compared as numbers, non-letters before letters),
 * sequences sit at their parent key's indentation (`- ` flush with the key), strings that would read as another type
 * are double-quoted (`"80"`, `"true"`), strings the plain style cannot carry are single-quoted (`'a: b'`), multi-line
 * strings use the literal style (`|-`), and long plain strings fold at spaces past column 80.
 * https://github.com/kubernetes-sigs/yaml/blob/master/goyaml.v2/encode.go
 */

const BEST_WIDTH = 80;

/** go-yaml v2's `keyList.Less`: runs of digits compare as numbers, a non-letter sorts before a letter. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  const isLetter = (c: string): boolean => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

const BOOL_OR_NULL = new Set(
  'y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL ~ .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF .nan .NaN .NAN'.split(' '),
);

/**
 * True when go-yaml v2 would resolve the plain scalar `s` to something other than a string (so it must be quoted):
 * bools and nulls (not `<<`: kubectl prints it plain), anything Go's `strconv.ParseInt(s, 0, 64)` reads once `_`
 * are dropped (so `0o17`, `0O17`, `0X1F`, `0B101` too), YAML-style floats, base-60 floats and timestamps.
 */
function resolvesToNonString(s: string): boolean {
  if (s === '' || BOOL_OR_NULL.has(s)) return true;
  const plain = s.replace(/_/g, '');
  if (/^[-+]?(0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|\d+)$/.test(plain)) return true;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return true;
  if (/^[-+]?\d[\d_]*(:[0-5]?\d)+(\.\d*)?$/.test(s)) return true;
  if (/^\d{4}-\d\d?-\d\d?([Tt ].*)?$/.test(s)) return true;
  return false;
}

/**
 * go-yaml v2's `is_printable`: LF, printable ASCII, U+00A0..U+D7FF and U+E000..U+FFFD but not U+FEFF. NEL and every
 * character beyond the BMP (emoji) are not printable, so strings holding them are double-quoted and escaped.
 */
function isPrintable(code: number): boolean {
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff);
}

/** go-yaml's `yaml_emitter_analyze_scalar` verdicts for one string (`block`: may it be a literal `|` block). */
function analyze(s: string): { plain: boolean; singleQuoted: boolean; special: boolean; block: boolean } {
  if (s === '') return { plain: false, singleQuoted: true, special: false, block: true };
  if (s.startsWith('---') || s.startsWith('...')) return { plain: false, singleQuoted: true, special: false, block: true };
  let block = false;
  let special = false;
  let spaceBreak = false;
  let lineBreaks = false;
  const chars = [...s];
  const blankz = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    const followedBySpace = blankz(next);
    const precededBySpace = i === 0 || blankz(chars[i - 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) block = true;
      if ((c === '?' || c === ':' || c === '-') && followedBySpace) block = true;
    } else {
      if (c === ':' && followedBySpace) block = true;
      if (c === '#' && precededBySpace) block = true;
    }
    if (!isPrintable(c.codePointAt(0)!)) special = true;
    if (c === '\n') {
      lineBreaks = true;
      if (chars[i - 1] === ' ') spaceBreak = true;
    }
  }
  const leadingSpace = chars[0] === ' ';
  const trailingSpace = chars[chars.length - 1] === ' ';
  if (special || spaceBreak) return { plain: false, singleQuoted: false, special, block: false };
  const blockOk = !trailingSpace;
  if (leadingSpace || trailingSpace || block || lineBreaks) return { plain: false, singleQuoted: !lineBreaks, special, block: blockOk };
  return { plain: true, singleQuoted: true, special, block: blockOk };
}

/** Writes `text` (plain or single-quoted body) starting at `column`, folding at spaces past column 80. */
function fold(text: string, column: number, indent: number, quoted: boolean): string {
  let out = '';
  let col = column;
  let spaces = false;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === ' ') {
      const mayBreak = quoted ? i !== 0 && i !== chars.length - 1 : true;
      if (mayBreak && !spaces && col > BEST_WIDTH && chars[i + 1] !== ' ') {
        out += '\n' + ' '.repeat(indent);
        col = indent;
      } else {
        out += c;
        col++;
      }
      spaces = true;
    } else {
      out += c;
      col++;
      spaces = false;
    }
  }
  return out;
}

/** go-yaml's short escapes in double-quoted scalars (`yaml_emitter_write_double_quoted_scalar`). */
const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\',
  0x85: 'N', 0x2028: 'L', 0x2029: 'P',
};

function doubleQuoted(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    const escape = !isPrintable(code) || code === 0x0a || code === 0x2028 || code === 0x2029 || c === '"' || c === '\\';
    if (!escape) out += c;
    else if (SHORT_ESCAPES[code] !== undefined) out += '\\' + SHORT_ESCAPES[code];
    else {
      const [prefix, width] = code <= 0xff ? ['x', 2] : code <= 0xffff ? ['u', 4] : ['U', 8];
      out += `\\${prefix}${code.toString(16).toUpperCase().padStart(width, '0')}`;
    }
  }
  return out + '"';
}

/** A scalar string written after `column` characters on the line; continuation lines start at `indent`. */
function scalarString(s: string, column: number, indent: number): string {
  if (s.includes('\n') && analyze(s).block) {
    const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-';
    const body = s.endsWith('\n') ? s.replace(/\n$/, '') : s;
    const lead = body.startsWith(' ') || body.startsWith('\n') ? '2' : '';
    return `|${lead}${chomp}\n` + body.split('\n').map((l) => (l ? ' '.repeat(indent) + l : '')).join('\n');
  }
  if (resolvesToNonString(s)) return doubleQuoted(s);
  const a = analyze(s);
  if (a.plain) return fold(s, column, indent, false);
  if (a.singleQuoted) return "'" + fold(s.replace(/'/g, "''"), column + 1, indent, true) + "'";
  return doubleQuoted(s);
}

function scalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return scalarString(v, column, indent);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return String(v);
}

function isEmptyCollection(v: unknown): string | undefined {
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).length === 0) return '{}';
  return undefined;
}

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort((a, b) => (a === b ? 0 : yamlKeyLess(a, b) ? -1 : 1));
}

function keyText(k: string): string {
  if (resolvesToNonString(k)) return doubleQuoted(k);
  const a = analyze(k);
  if (a.plain) return k;
  if (a.singleQuoted) return `'${k.replace(/'/g, "''")}'`;
  return doubleQuoted(k);
}

function emitMap(o: Record<string, unknown>, indent: number, firstInline: boolean): string {
  let out = '';
  sortedKeys(o).forEach((k, i) => {
    const pad = i === 0 && firstInline ? '' : ' '.repeat(indent);
    const key = keyText(k);
    const v = o[k];
    const empty = isEmptyCollection(v);
    if (empty) out += `${pad}${key}: ${empty}\n`;
    else if (Array.isArray(v)) out += `${pad}${key}:\n${emitSeq(v, indent)}`;
    else if (v !== null && typeof v === 'object') out += `${pad}${key}:\n${emitMap(v as Record<string, unknown>, indent + 2, false)}`;
    else out += `${pad}${key}: ${scalar(v, indent + key.length + 2, indent + 2)}\n`;
  });
  return out;
}

function emitSeq(a: unknown[], indent: number): string {
  let out = '';
  for (const v of a) {
    const pad = ' '.repeat(indent) + '- ';
    const empty = isEmptyCollection(v);
    if (empty) out += `${pad}${empty}\n`;
    else if (Array.isArray(v)) out += `${pad}${emitSeq(v, indent + 2).slice(indent + 2)}`;
    else if (v !== null && typeof v === 'object') out += pad + emitMap(v as Record<string, unknown>, indent + 2, true);
    else out += `${pad}${scalar(v, indent + 2, indent + 2)}\n`;
  }
  return out;
}

/** One value (an object, normally) as kubectl's `-o yaml` prints it. */
export function toYaml(value: unknown): string {
  const empty = isEmptyCollection(value);
  if (empty) return empty + '\n';
  if (Array.isArray(value)) return emitSeq(value, 0);
  if (value !== null && typeof value === 'object') return emitMap(value as Record<string, unknown>, 0, false);
  return scalar(value, 0, 0) + '\n';
}
