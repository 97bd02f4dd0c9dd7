/**
 * kubectl's `genericDescriber` (used for kinds without a dedicated describer) and the small IngressClass and
 * ServiceAccount describers, from kubectl's `pkg/describe/describe.go`.
 */
import type { Cluster, KubeObject } from '../../sim/index.js';
import { DescribeWriter } from './describe-writer.js';

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** `smartLabelFor`: `apiVersion` → `API Version`, `creationTimestamp` → `Creation Timestamp`. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = field.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u);
  return parts.map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1))).join(' ');
}

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

function unstructured(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string, depth: number): void {
  if (depth > 20) return;
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path) || value === undefined) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      unstructured(w, level + 1, value as Record<string, unknown>, path, depth + 1);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) unstructured(w, level + 1, child as Record<string, unknown>, path, depth + 1);
        else w.write(level + 1, `${String(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${String(value)}\n`);
  }
}

/** `genericDescriber.Describe`. */
export function describeGeneric(c: Cluster, o: KubeObject, events = true): string {
  const w = new DescribeWriter(c.now());
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  w.labels('Labels', o.metadata.labels);
  w.annotations('Annotations', o.metadata.annotations);
  unstructured(w, 0, o as unknown as Record<string, unknown>, '', 0);
  if (events) w.events(c.eventsFor(o));
  return w.done();
}

/** `describeIngressClassV1`. */
export function describeIngressClass(c: Cluster, o: KubeObject, events = true): string {
  const w = new DescribeWriter(c.now());
  const spec = (o.spec ?? {}) as { controller?: string; parameters?: { apiGroup?: string; kind: string; name: string } };
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.labels('Labels', o.metadata.labels);
  w.annotations('Annotations', o.metadata.annotations);
  w.write(0, `Controller:\t${spec.controller ?? ''}\n`);
  if (spec.parameters) {
    w.write(0, 'Parameters:\n');
    if (spec.parameters.apiGroup) w.write(1, `APIGroup:\t${spec.parameters.apiGroup}\n`);
    w.write(1, `Kind:\t${spec.parameters.kind}\n`);
    w.write(1, `Name:\t${spec.parameters.name}\n`);
  }
  if (events) w.events(c.eventsFor(o));
  return w.done();
}

/** `describeServiceAccount`. */
export function describeServiceAccount(c: Cluster, o: KubeObject, events = true): string {
  const w = new DescribeWriter(c.now());
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  w.labels('Labels', o.metadata.labels);
  w.annotations('Annotations', o.metadata.annotations);
  const pulls = ((o.imagePullSecrets as { name: string }[] | undefined) ?? []).map((s) => s.name);
  if (pulls.length === 0) w.write(0, 'Image pull secrets:\t<none>\n');
  pulls.forEach((n, i) => w.write(0, `${i === 0 ? 'Image pull secrets:' : '                   '}\t${n}\n`));
  if (events) w.events(c.eventsFor(o));
  return w.done();
}
