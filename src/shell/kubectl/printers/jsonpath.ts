/**
 * The JSONPath subset `kubectl -o jsonpath=…` and `custom-columns` understand (k8s.io/client-go/util/jsonpath):
 * `{.a.b}`, `{.items[*].x}`, `{.items[0]}`, `[-1]`, `[1:3]`, `..name`, `['key.with.dots']`, filters
 * `[?(@.name=="x")]`, `{range .items[*]}…{end}`, and literals `{"\n"}`. Missing keys print nothing, as kubectl
 * allows them. Several results print separated by spaces; maps and lists print as compact JSON.
 */

type Step =
  | { type: 'field'; name: string }
  | { type: 'recursive'; name: string }
  | { type: 'wildcard' }
  | { type: 'index'; index: number }
  | { type: 'slice'; start?: number; end?: number }
  | { type: 'filter'; path: Step[]; op?: string; value?: string | number | boolean };

type Node = { type: 'text'; text: string } | { type: 'path'; steps: Step[] } | { type: 'range'; steps: Step[]; body: Node[] };

export type JsonPathResult = { ok: true; text: string } | { ok: false; error: string };

class ParseError extends Error {}

function parseLiteral(s: string): string | number | boolean {
  const t = s.trim();
  if (/^".*"$|^'.*'$/.test(t)) return t.slice(1, -1);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
  throw new ParseError(`unrecognized filter value ${t}`);
}

/** Parses a path like `.items[*].metadata.name` (leading `$`/`@` allowed). */
export function parsePath(src: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  if (src[i] === '$' || src[i] === '@') i++;
  for (let guard = 0; i < src.length && guard < 10_000; guard++) {
    const ch = src[i]!;
    if (ch === '.') {
      const recursive = src[i + 1] === '.';
      i += recursive ? 2 : 1;
      let name = '';
      if (src[i] === '*') {
        name = '*';
        i++;
      } else {
        // Field names may carry escaped dots: `{.metadata.labels.app\.kubernetes\.io/name}`.
        for (let guard2 = 0; i < src.length && guard2 < 10_000; guard2++) {
          if (src[i] === '\\' && src[i + 1] === '.') {
            name += '.';
            i += 2;
          } else if (/[A-Za-z0-9_\-/]/.test(src[i]!)) name += src[i++]!;
          else break;
        }
      }
      if (name === '*') steps.push({ type: 'wildcard' });
      else if (name) steps.push(recursive ? { type: 'recursive', name } : { type: 'field', name });
      else if (recursive) throw new ParseError('invalid recursive descent');
      continue;
    }
    if (ch === '[') {
      const close = src.indexOf(']', src[i + 1] === '?' ? src.indexOf(')', i) : i);
      if (close < 0) throw new ParseError('unclosed array expect ]');
      const inner = src.slice(i + 1, close).trim();
      i = close + 1;
      if (inner === '*') steps.push({ type: 'wildcard' });
      else if (/^-?\d+$/.test(inner)) steps.push({ type: 'index', index: Number(inner) });
      else if (/^-?\d*:-?\d*$/.test(inner)) {
        const [a, b] = inner.split(':');
        steps.push({ type: 'slice', start: a ? Number(a) : undefined, end: b ? Number(b) : undefined });
      } else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ type: 'field', name: inner.slice(1, -1) });
      else if (inner.startsWith('?(') && inner.endsWith(')')) {
        const expr = inner.slice(2, -1).trim();
        const m = /^(@[^=!<>]*?)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(expr);
        if (m) steps.push({ type: 'filter', path: parsePath(m[1]!.trim()), op: m[2]!, value: parseLiteral(m[3]!) });
        else steps.push({ type: 'filter', path: parsePath(expr) });
      } else throw new ParseError(`invalid array index ${inner}`);
      continue;
    }
    throw new ParseError(`unrecognized character in action: U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`);
  }
  return steps;
}

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c));
}

/** Parses a template into nodes. */
export function parseTemplate(tmpl: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  for (let guard = 0; i < tmpl.length && guard < 100_000; guard++) {
    const open = tmpl.indexOf('{', i);
    const cur = stack[stack.length - 1]!;
    if (open < 0) {
      cur.push({ type: 'text', text: tmpl.slice(i) });
      break;
    }
    if (open > i) cur.push({ type: 'text', text: tmpl.slice(i, open) });
    let close = -1;
    let quote = '';
    for (let j = open + 1; j < tmpl.length; j++) {
      const c = tmpl[j]!;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '}') {
        close = j;
        break;
      }
    }
    if (close < 0) throw new ParseError('unclosed action');
    const body = tmpl.slice(open + 1, close).trim();
    i = close + 1;
    if (body === 'end') {
      if (stack.length === 1) throw new ParseError('not in range, nothing to end');
      stack.pop();
    } else if (body.startsWith('range ')) {
      const node: Node = { type: 'range', steps: parsePath(body.slice(6).trim()), body: [] };
      cur.push(node);
      stack.push(node.body);
    } else if (/^".*"$/s.test(body)) cur.push({ type: 'text', text: unquote(body) });
    else if (body === '') cur.push({ type: 'text', text: '' });
    else cur.push({ type: 'path', steps: parsePath(body) });
  }
  if (stack.length > 1) throw new ParseError('unexpected EOF');
  return root;
}

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return Object.keys(v).sort().map((k) => (v as Record<string, unknown>)[k]);
  return [];
}

function recurse(v: unknown, name: string, out: unknown[], depth = 0): void {
  if (depth > 100 || !v || typeof v !== 'object') return;
  if (!Array.isArray(v) && name in v) out.push((v as Record<string, unknown>)[name]);
  for (const c of children(v)) recurse(c, name, out, depth + 1);
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b || (a !== undefined && String(a) === String(b));
    case '!=':
      return !(a === b || (a !== undefined && String(a) === String(b)));
    case '<':
      return Number(a) < Number(b);
    case '>':
      return Number(a) > Number(b);
    case '<=':
      return Number(a) <= Number(b);
    default:
      return Number(a) >= Number(b);
  }
}

/** Evaluates steps against a value: every match, in order. */
export function evaluate(steps: Step[], root: unknown): unknown[] {
  let cur: unknown[] = [root];
  for (const s of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (s.type === 'field') {
        if (v && typeof v === 'object' && !Array.isArray(v) && s.name in v) next.push((v as Record<string, unknown>)[s.name]);
      } else if (s.type === 'recursive') recurse(v, s.name, next);
      else if (s.type === 'wildcard') next.push(...children(v));
      else if (s.type === 'index') {
        if (Array.isArray(v)) {
          const idx = s.index < 0 ? v.length + s.index : s.index;
          if (idx >= 0 && idx < v.length) next.push(v[idx]);
        }
      } else if (s.type === 'slice') {
        if (Array.isArray(v)) next.push(...v.slice(s.start ?? 0, s.end ?? v.length));
      } else {
        for (const item of Array.isArray(v) ? v : [v]) {
          const got = evaluate(s.path, item);
          if (s.op === undefined ? got.length > 0 && got[0] !== false && got[0] !== null : got.some((g) => compare(g, s.op!, s.value))) next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}

/** How kubectl prints one value: strings bare, maps and lists as compact JSON. */
export function printValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(sortKeys(v)).replace(/[<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  return String(v);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

function run(nodes: Node[], data: unknown, depth: number): string {
  if (depth > 20) return '';
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.text;
    else if (n.type === 'path') out += evaluate(n.steps, data).map(printValue).join(' ');
    else for (const item of evaluate(n.steps, data).flatMap((v) => (Array.isArray(v) ? v : [v]))) out += run(n.body, item, depth + 1);
  }
  return out;
}

/** Runs a kubectl JSONPath template against data. Syntax errors come back in kubectl's wording. */
export function jsonpath(template: string, data: unknown): JsonPathResult {
  try {
    return { ok: true, text: run(parseTemplate(template), data, 0) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: `error: error parsing jsonpath ${template}, ${e.message}` };
    throw e;
  }
}

/** `custom-columns` and `--sort-by` accept `.a.b` or `{.a.b}`: the relaxed form kubectl normalises. */
export function relaxedPath(expr: string): { ok: true; steps: Step[] } | { ok: false; error: string } {
  const e = expr.trim().replace(/^\{(.*)\}$/s, '$1');
  try {
    return { ok: true, steps: parsePath(e.startsWith('.') || e.startsWith('$') || e.startsWith('[') ? e : '.' + e) };
  } catch (err) {
    if (err instanceof ParseError) return { ok: false, error: `error: error parsing jsonpath {${e}}, ${err.message}` };
    throw err;
  }
}

function collect(nodes: Node[], data: unknown, out: unknown[], depth: number): void {
  if (depth > 20) return;
  for (const n of nodes) {
    if (n.type === 'path') out.push(...evaluate(n.steps, data));
    else if (n.type === 'range') for (const item of evaluate(n.steps, data).flatMap((v) => (Array.isArray(v) ? v : [v]))) collect(n.body, item, out, depth + 1);
  }
}

/** `-o jsonpath-as-json`: every value the template's expressions select, as one JSON array (4-space indent). */
export function jsonpathAsJson(template: string, data: unknown): JsonPathResult {
  try {
    const out: unknown[] = [];
    collect(parseTemplate(template), data, out, 0);
    return { ok: true, text: JSON.stringify(sortKeys(out), null, 4) + '\n' };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: `error: error parsing jsonpath ${template}, ${e.message}` };
    throw e;
  }
}

/**
 * `-o go-template=…` for the subset tutorials use, translated to JSONPath: `{{.a.b}}`, `{{range .items}}…{{end}}`,
 * `{{"\n"}}`. Other actions (`if`, `index`, `printf`, pipelines) are refused in one line.
 */
export function goTemplate(template: string, data: unknown): JsonPathResult {
  let unsupported = '';
  const translated = template.replace(/\{\{-?\s*(.*?)\s*-?\}\}/gs, (_m, body: string) => {
    if (body === 'end') return '{end}';
    if (/^"(?:[^"\\]|\\.)*"$/.test(body)) return `{${body}}`;
    const range = /^range\s+(\.[\w.]*)$/.exec(body);
    if (range) return `{range ${range[1] === '.' ? '@' : range[1]}[*]}`;
    if (/^\.[\w.]*$/.test(body)) return body === '.' ? '{@}' : `{${body}}`;
    unsupported ||= body;
    return '';
  });
  if (unsupported) return { ok: false, error: `error: go-template action {{${unsupported}}} is not available in this simulated kubectl; use -o jsonpath` };
  return jsonpath(translated, data);
}
