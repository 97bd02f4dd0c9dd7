/**
 * JSON exactly as kubectl prints it (`-o json`): Go's `json.MarshalIndent` with four spaces. Struct fields keep their
 * declaration order (our builders insert keys in that order); Go maps (`labels`, `annotations`, `data`, a Service's
 * `selector`, `matchLabels`) are sorted by key; `<`, `>` and `&` are escaped as `\u003c`, `\u003e`, `\u0026`;
 * `\b` and `\f` get their short escapes (Go 1.22+).
 * https://pkg.go.dev/encoding/json#Marshal
 */

/** Keys whose values are Go maps (sorted on output) rather than structs. */
const MAP_FIELDS = new Set(['labels', 'annotations', 'data', 'stringData', 'binaryData', 'matchLabels', 'nodeSelector', 'selector']);

function quote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (c === '<' || c === '>' || c === '&' || code === 0x2028 || code === 0x2029 || code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out + '"';
}

function isGoMap(parentKey: string | undefined, o: Record<string, unknown>): boolean {
  if (!parentKey || !MAP_FIELDS.has(parentKey)) return false;
  if (parentKey === 'selector') return !('matchLabels' in o) && !('matchExpressions' in o);
  return true;
}

function emit(v: unknown, indent: string | undefined, parentKey: string | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (indent === undefined) return compact(v, parentKey);
  const inner = indent + '    ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((x) => inner + emit(x, inner, undefined)).join(',\n') + '\n' + indent + ']';
  }
  const o = v as Record<string, unknown>;
  let keys = Object.keys(o).filter((k) => o[k] !== undefined);
  if (keys.length === 0) return '{}';
  if (isGoMap(parentKey, o)) keys = keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '{\n' + keys.map((k) => `${inner}${quote(k)}: ${emit(o[k], inner, k)}`).join(',\n') + '\n' + indent + '}';
}

function compact(v: unknown, parentKey: string | undefined): string {
  if (Array.isArray(v)) return '[' + v.map((x) => emit(x, undefined, undefined)).join(',') + ']';
  const o = v as Record<string, unknown>;
  let keys = Object.keys(o).filter((k) => o[k] !== undefined);
  if (isGoMap(parentKey, o)) keys = keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + keys.map((k) => `${quote(k)}:${emit(o[k], undefined, k)}`).join(',') + '}';
}

/** `json.Marshal` (no indentation), as the typed encoder writes `--save-config`'s last-applied annotation. */
export function toCompactJson(value: unknown): string {
  return emit(value, undefined, undefined);
}

/** One value as kubectl's `-o json` prints it (with the trailing newline). */
export function toJson(value: unknown): string {
  return emit(value, '', undefined) + '\n';
}
