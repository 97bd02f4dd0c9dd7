/**
 * `-o yaml` and `-o json` as kubectl prints them: objects go through JSON, so every map's keys come out sorted
 * (sigs.k8s.io/yaml over go-yaml v2, emitted by generators/yaml.ts); JSON is indented 4 spaces, keys in byte order as
 * Go's encoding/json sorts map keys.
 */
import type { KubeObject } from '../../../sim/index.js';
import { toJson as emitJson } from '../generators/json.js';
import { toYaml as emitYaml } from '../generators/yaml.js';

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
  return emitYaml(canonical(v));
}

/** encoding/json's HTML-safe escaping, which kubectl's JSON output keeps: `<` `>` `&` U+2028 U+2029 as `\\u003c` etc. */
export function goJsonEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** JSON as `kubectl get -o json` prints it (4-space indent, trailing newline). */
export function toJson(v: unknown): string {
  return emitJson(canonical(v));
}
