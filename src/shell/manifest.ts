/**
 * Reading manifests as kubectl (1.32) does before it sends them. A file whose first non-blank character is `{` is a
 * stream of JSON objects (Go's `encoding/json` errors: `json: offset 62: invalid character '}' looking for beginning
 * of object key string`); anything else is YAML, split into documents at `---` lines by apimachinery's `YAMLReader`
 * and each document converted by `sigs.k8s.io/yaml` (go-yaml v2: YAML 1.1, so `yes`/`on` are booleans and `0777` is
 * octal; duplicate keys are allowed and the last wins). Syntax errors carry go-yaml's message and its line number,
 * counted from the start of the document (the first `---` line counts):
 * `error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context`.
 * KYAML (flow-style) files are YAML. `kind: List` is expanded into its items. Objects before an error are returned,
 * since kubectl applies them before it reports the error.
 */
import { parseDocument, type YAMLError } from 'yaml';
import type { KubeObject } from '../sim/index.js';
import { jsonStream } from './manifest-json.js';
import { str, strictDecode, struct } from '../sim/validate/schema.js';
import { objectMeta } from '../sim/validate/schema-pod.js';

export type ManifestResult = { ok: true; objects: KubeObject[] } | { ok: false; error: string; objects: KubeObject[] };

const VALIDATE_HINT = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** A document of a YAML stream: its text and its first line in the file (for callers that want file lines). */
export interface YamlChunk {
  text: string;
  startLine: number;
}

/** apimachinery `YAMLReader`: documents split at lines starting with `---` (only spaces or a comment may follow). */
export function splitYamlDocuments(text: string): YamlChunk[] | { error: string } {
  const lines = text.split(/(?<=\n)/);
  const chunks: YamlChunk[] = [];
  let buf = '';
  let start = 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest.length > 0 && !rest.startsWith('#')) return { error: `invalid Yaml document separator: ${rest}` };
      if (buf.length) {
        chunks.push({ text: buf, startLine: start });
        buf = '';
        start = i + 2;
        continue;
      }
    }
    if (!buf.length) start = i + 1;
    buf += line;
  }
  if (buf.length) chunks.push({ text: buf, startLine: start });
  return chunks;
}

const lines = (text: string): string[] => text.split('\n');
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
const eofLine = (text: string): number => text.split('\n').length - 1;

/** The 1-based line of the first `:` that starts a mapping value (`: ` or `:` at the end of a line) after `from`. */
function nextColonLine(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i) - 1;
    else if (ch === ':' && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) return lineAt(text, i);
  }
  return lineAt(text, from);
}

/** The 1-based line of the first non-blank, non-comment line after `line`, or the end-of-stream line. */
function nextTokenLine(text: string, line: number): number {
  const lines = text.split('\n');
  for (let i = line; i < lines.length; i++) if (lines[i]!.trim() !== '' && !lines[i]!.trim().startsWith('#')) return i + 1;
  return eofLine(text) + 1;
}

const indentOf = (l: string): number => l.length - l.trimStart().length;
const isContent = (l: string): boolean => l.trim() !== '' && !l.trim().startsWith('#');

/**
 * Whether the block collection that a line at `line` falls into is a sequence indented under its key (go-yaml then
 * wants a `-`), rather than a mapping or an indentless sequence (`key:` then `- item` at the key's column).
 */
function insideIndentedSequence(text: string, line: number, sameColumn: boolean): boolean {
  const lines = text.split('\n');
  const col = indentOf(lines[line - 1] ?? '');
  let e = line - 2;
  const opens = (l: string): boolean => indentOf(l) < col || (indentOf(l) === col && l.trimStart().startsWith('-'));
  while (e >= 0 && (!isContent(lines[e]!) || !opens(lines[e]!))) e--;
  if (e < 0 || !lines[e]!.trimStart().startsWith('-') || (indentOf(lines[e]!) === col) !== sameColumn) return false;
  const ecol = indentOf(lines[e]!);
  let p = e - 1;
  while (p >= 0 && (!isContent(lines[p]!) || indentOf(lines[p]!) > ecol || (indentOf(lines[p]!) === ecol && lines[p]!.trimStart().startsWith('-')))) p--;
  return p >= 0 && indentOf(lines[p]!) < ecol;
}

/** go-yaml v2's message and line for the first error the `yaml` library found in one document. */
function goYamlError(text: string, e: YAMLError): { line: number; message: string } {
  const at = e.pos[0];
  const line = lineAt(text, at);
  const m = e.message;
  if (e.code === 'TAB_AS_INDENT') {
    const prev = text.split('\n').slice(0, line - 1).reverse().find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
    const bare = prev.replace(/\s+#.*$/, '').trimEnd();
    const continues = bare === prev.trimEnd() && !/[:\-|>[{,]$/.test(bare) && !/["'\]}]$/.test(bare) && !/^\s*[[{]/.test(lines(text)[line - 1] ?? '');
    return { line, message: continues ? 'found a tab character that violates indentation' : 'found character that cannot start any token' };
  }
  if (/^Missing closing ["']quote/.test(m)) return { line: eofLine(text) + 1, message: 'found unexpected end of stream' };
  if (/Nested mappings are not allowed in compact mappings/.test(m)) {
    return { line: nextColonLine(text, at), message: 'mapping values are not allowed in this context' };
  }
  if (/^Unexpected , in flow/.test(m)) return { line: line - 1, message: 'did not find expected node content' };
  if (/Flow sequence|flow sequence/.test(m)) return { line: line - 1, message: "did not find expected ',' or ']'" };
  if (/Flow map|flow map/.test(m)) return { line: line - 1, message: "did not find expected ',' or '}'" };
  if (/A block sequence may not be used as an implicit map key/.test(m)) {
    const dash = lines(text).findIndex((l, i) => i >= line - 1 && /^\s*-(\s|$)/.test(l));
    return { line: dash >= 0 ? dash : line - 1, message: 'did not find expected key' };
  }
  if (/All sequence items must start at the same column/.test(m)) return { line: line - 1, message: "did not find expected '-' indicator" };
  if (/Implicit map keys need to be followed by map values/.test(m) && e.code === 'MISSING_CHAR') return { line: nextTokenLine(text, line), message: "could not find expected ':'" };
  const sameColumn = /All mapping items must start at the same column/.test(m);
  if ((sameColumn || /Sequence item without - indicator/.test(m)) && insideIndentedSequence(text, line, sameColumn)) {
    return { line: line - 1, message: "did not find expected '-' indicator" };
  }
  return { line: line - 1, message: 'did not find expected key' };
}

/**
 * A blank line holding a tab left of the indentation, right after a plain scalar value: go-yaml refuses it while
 * scanning the scalar's continuation lines (the `yaml` library skips it). Returns its 1-based line, or 0.
 */
function blankTabLine(text: string): number {
  const lines = text.split('\n');
  let prev = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') {
      const tab = l.indexOf('\t');
      const bare = prev.replace(/\s+#.*$/, '').trimEnd();
      const plain = bare !== '' && !/[:\-|>[{,]$/.test(bare) && !/["'\]}]$/.test(bare);
      if (tab >= 0 && plain && tab < prev.length - prev.trimStart().length + 1) return i + 1;
      continue;
    }
    if (!l.trim().startsWith('#')) prev = l;
  }
  return 0;
}

const YAML_OPTIONS = {
  version: '1.1' as const,
  uniqueKeys: false,
  prettyErrors: false,
  customTags: (tags: unknown[]) => tags.filter((t) => (t as { tag?: string }).tag !== 'tag:yaml.org,2002:timestamp' && (t as { format?: string }).format !== 'TIME'),
};

/** One YAML document converted as `sigs.k8s.io/yaml` converts it, or go-yaml's error text (after `yaml: `). */
function yamlToValue(text: string): { value: unknown } | { error: string } {
  const tab = blankTabLine(text);
  if (tab) return { error: `line ${tab}: found a tab character that violates indentation` };
  const first = lines(text).findIndex((l) => isContent(l) && !l.startsWith('---'));
  if (first >= 0 && /^[ ]*\t/.test(lines(text)[first]!)) return { error: `line ${first + 1}: found character that cannot start any token` };
  const doc = parseDocument(text, YAML_OPTIONS as Parameters<typeof parseDocument>[1]);
  const e = doc.errors[0];
  if (e) {
    const { line, message } = goYamlError(text, e);
    return { error: line > 0 ? `line ${line}: ${message}` : message };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: 1000 }) };
  } catch (err) {
    const name = /alias.*?: (.*)$/.exec(String((err as Error).message))?.[1] ?? '';
    const valid = /^[A-Za-z0-9_-]*/.exec(name)![0];
    if (valid === '') return { error: `line ${lineAt(text, Math.max(0, text.indexOf(`*${name}`)))}: did not find expected alphabetic or numeric character` };
    return { error: `unknown anchor '${valid}' referenced` };
  }
}

/** What kubectl decodes every document into first (`metadataOnlyObject`): a wrong type there fails client-side. */
const METADATA_ONLY = struct('v1.metadataOnlyObject', { apiVersion: str, kind: str, metadata: objectMeta });

/** kubectl's client-side checks of one decoded document; objects are appended to `out`. Returns an error or undefined. */
function collect(value: unknown, filename: string, out: KubeObject[]): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return `error: error validating "${filename}": error validating data: invalid object to validate; ${VALIDATE_HINT}`;
  const obj = value as KubeObject;
  const missing = [obj.apiVersion ? '' : 'apiVersion not set', obj.kind ? '' : 'kind not set'].filter(Boolean);
  if (missing.length) {
    const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    return `error: error validating "${filename}": error validating data: ${what}; ${VALIDATE_HINT}`;
  }
  const typeError = strictDecode({ apiVersion: obj.apiVersion, kind: obj.kind, metadata: obj.metadata }, METADATA_ONLY);
  if (typeError && !typeError.startsWith('strict decoding error')) return `error: unable to decode "${filename}": ${typeError}`;
  if (obj.kind === 'List' && Array.isArray(obj.items)) {
    for (const item of obj.items as unknown[]) {
      const err = collect(item, filename, out);
      if (err) return err;
    }
    return undefined;
  }
  out.push(obj);
  return undefined;
}

/** Parses a manifest file's text into objects (empty documents skipped), with kubectl's error text for bad input. */
export function parseManifests(text: string, filename: string): ManifestResult {
  const objects: KubeObject[] = [];
  const fail = (error: string): ManifestResult => ({ ok: false, error, objects });
  if (/^\s*\{/.test(text)) {
    for (const item of jsonStream(text)) {
      if ('error' in item) return fail(`error: error parsing ${filename}: ${item.error}`);
      const err = collect(item.value, filename, objects);
      if (err) return fail(err);
    }
    return { ok: true, objects };
  }
  const chunks = splitYamlDocuments(text);
  if ('error' in chunks) return fail(`error: error parsing ${filename}: ${chunks.error}`);
  for (const chunk of chunks) {
    const r = yamlToValue(chunk.text);
    if ('error' in r) return fail(`error: error parsing ${filename}: error converting YAML to JSON: yaml: ${r.error}`);
    const err = collect(r.value, filename, objects);
    if (err) return fail(err);
  }
  return { ok: true, objects };
}
