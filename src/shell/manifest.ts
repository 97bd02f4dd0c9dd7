/**
 * Reading manifests as kubectl does before it sends them: YAML (block or flow/KYAML) or JSON, several documents per
 * file, `kind: List` expanded. Syntax errors are worded as kubectl words them:
 * `error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context`.
 */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../sim/index.js';

export type ManifestResult = { ok: true; objects: KubeObject[] } | { ok: false; error: string };

/** Parses a manifest file's text into objects (empty documents skipped). */
export function parseManifests(text: string, filename: string): ManifestResult {
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const objects: KubeObject[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      const line = e.linePos?.[0]?.line ?? 1;
      return { ok: false, error: `error: error parsing ${filename}: error converting YAML to JSON: yaml: line ${line}: ${yamlMessage(e.code, e.message)}` };
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, error: `error: error validating "${filename}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false` };
    }
    const obj = value as KubeObject;
    if (obj.kind === 'List' && Array.isArray(obj.items)) objects.push(...(obj.items as KubeObject[]));
    else objects.push(obj);
  }
  for (const o of objects) {
    if (!o.apiVersion || !o.kind) {
      const missing = [!o.apiVersion ? 'apiVersion' : '', !o.kind ? 'kind' : ''].filter(Boolean).join(', ');
      return { ok: false, error: `error: error validating "${filename}": error validating data: [${missing.split(', ').map((m) => `${m} not set`).join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false` };
    }
  }
  return { ok: true, objects };
}

/** The go-yaml message for a yaml-library error code, where kubectl's differs. */
function yamlMessage(code: string, message: string): string {
  switch (code) {
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'DUPLICATE_KEY':
      return `key ${JSON.stringify(/"?([^"]*)"?/.exec(message)?.[1] ?? '')} already set in map`;
    default:
      return 'could not find expected \':\'';
  }
}
