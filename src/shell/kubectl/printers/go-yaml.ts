/**
 * A YAML emitter for JSON-shaped data that writes what go-yaml v2 (behind sigs.k8s.io/yaml, so behind `kubectl get
 * -o yaml`) writes: block style, sequences at their key's indent, strings that would read back as another type
 * (`"true"`, `"1001"`, `"2025-01-01T12:00:00Z"`, `""`) double-quoted, strings plain YAML cannot hold single-quoted,
 * multi-line strings as literal blocks (`|`, `|-`), and long plain or single-quoted values folded at the first space
 * past column 80, as the emitter's `best_width` does.
 */

const BEST_WIDTH = 80;
const BOOLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const INT = /^[-+]?(0b[01_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)$/;
const FLOAT = /^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(([Tt]| +)\d{1,2}:\d{1,2}:\d{1,2}(\.\d*)?( *(Z|[-+]\d{1,2}(:\d{2})?))?)?$/;

/** True when go-yaml would read the unquoted string back as something other than a string. */
function resolvesToOther(s: string): boolean {
  return NULLS.has(s) || BOOLS.has(s) || INT.test(s) || FLOAT.test(s) || TIMESTAMP.test(s);
}

const isBlank = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\n';

/** yaml_emitter_analyze_scalar: may the string be written plain in block context? */
function plainAllowed(s: string): boolean {
  if (s === '' || s.startsWith('---') || s.startsWith('...')) return false;
  if (s[0] === ' ' || s[s.length - 1] === ' ') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const next = s[i + 1];
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) return false;
      if ((c === '?' || c === ':' || c === '-') && isBlank(next)) return false;
    } else {
      if (c === ':' && isBlank(next)) return false;
      if (c === '#' && isBlank(s[i - 1])) return false;
    }
    const code = c.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/** Writes `text` starting at `column`, breaking at the first space past BEST_WIDTH onto `indent`. */
function fold(text: string, column: number, indent: number, quoted: boolean): string {
  let out = '';
  let col = column;
  let spaces = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ') {
      const inner = !quoted || (i > 0 && i < text.length - 1);
      if (!spaces && col > BEST_WIDTH && text[i + 1] !== ' ' && inner) {
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

function doubleQuoted(s: string): string {
  return JSON.stringify(s);
}

/** A scalar written at `column`; folded lines and literal block bodies go at `indent`. */
function scalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? '+.inf' : v < 0 ? '-.inf' : '.nan';
  if (typeof v === 'boolean') return String(v);
  const s = String(v);
  if (s.includes('\n')) {
    const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-';
    const body = (chomp === '-' ? s : s.replace(/\n$/, '')).split('\n');
    const hint = s.startsWith(' ') ? '2' : '';
    return `|${hint}${chomp}\n` + body.map((l) => (l === '' ? '' : ' '.repeat(indent) + l)).join('\n');
  }
  if (resolvesToOther(s)) return doubleQuoted(s);
  if (plainAllowed(s)) return fold(s, column, indent, false);
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s)) return doubleQuoted(s);
  return "'" + fold(s.replace(/'/g, "''"), column + 1, indent, true) + "'";
}

function key(k: string): string {
  if (resolvesToOther(k)) return doubleQuoted(k);
  return plainAllowed(k) ? k : `'${k.replace(/'/g, "''")}'`;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isLetter = (c: string): boolean => /\p{L}/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** go-yaml v2's `keyList.Less`: letters after everything else, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
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

const entries = (o: Record<string, unknown>): [string, unknown][] =>
  Object.entries(o)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));

function mapLines(o: Record<string, unknown>, indent: number): string[] {
  return entries(o).flatMap(([k, v]) => field(k, v, indent));
}

function seqLines(a: unknown[], indent: number): string[] {
  return a.flatMap((item) => {
    const lines = itemLines(item, indent + 2);
    lines[0] = ' '.repeat(indent) + '- ' + lines[0]!.slice(indent + 2);
    return lines;
  });
}

/** The lines of a sequence item whose content starts at column `indent` (just after `- `). */
function itemLines(item: unknown, indent: number): string[] {
  if (isObject(item) && entries(item).length) return mapLines(item, indent);
  if (Array.isArray(item) && item.length) return seqLines(item, indent);
  const text = isObject(item) ? '{}' : Array.isArray(item) ? '[]' : scalar(item, indent, indent);
  return (' '.repeat(indent) + text).split('\n');
}

function field(k: string, v: unknown, indent: number): string[] {
  const head = ' '.repeat(indent) + key(k) + ':';
  if (isObject(v) && entries(v).length) return [head, ...mapLines(v, indent + 2)];
  if (Array.isArray(v) && v.length) return [head, ...seqLines(v, indent)];
  if (isObject(v)) return [head + ' {}'];
  if (Array.isArray(v)) return [head + ' []'];
  return (head + ' ' + scalar(v, head.length + 1, indent + 2)).split('\n');
}

/** go-yaml v2's rendering of a JSON value, map keys sorted as go-yaml sorts them. */
export function goYaml(v: unknown): string {
  let lines: string[];
  if (isObject(v)) lines = entries(v).length ? mapLines(v, 0) : ['{}'];
  else if (Array.isArray(v)) lines = v.length ? seqLines(v, 0) : ['[]'];
  else lines = scalar(v, 0, 0).split('\n');
  return lines.join('\n') + '\n';
}
