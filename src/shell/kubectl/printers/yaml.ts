/**
 * `-o yaml` and `-o json` as kubectl prints them: objects go through JSON, so every map's keys come out sorted
 * (sigs.k8s.io/yaml over go-yaml v2: block style, sequences not indented under their key, YAML 1.1 quoting of
 * strings that look like other types such as `"2025-01-01T12:00:00Z"` or `"1001"`); JSON is indented 4 spaces.
 */
import { stringify } from 'yaml';
import type { KubeObject } from '../../../sim/index.js';

/** A deep copy with keys sorted and undefined values dropped, as a JSON round trip through a Go map leaves it. */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = canonical(x);
    }
    return out;
  }
  return v;
}

/** The `kind: List` wrapper kubectl prints around several objects. */
export function asList(items: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** YAML as `kubectl get -o yaml` prints it. */
export function toYaml(v: unknown): string {
  return stringify(canonical(v), { version: '1.1', indentSeq: false, lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', singleQuote: false, nullStr: 'null' });
}

/** JSON as `kubectl get -o json` prints it (4-space indent, trailing newline). */
export function toJson(v: unknown): string {
  return JSON.stringify(canonical(v), null, 4) + '\n';
}
