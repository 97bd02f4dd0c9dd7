/** Small helpers the checks share: selectors in learner's terms, pods by labels, field paths. */
import { formatLabels, matchesMap } from '../lib/labels.js';
import { deepEqual, isPodReady, podDisplayStatus, resourceForKind, type Cluster, type KubeObject, type Pod } from '../sim/index.js';
import type { Selector } from './types.js';

/** `app=web,tier=front` as kubectl prints selectors. */
export function selectorText(s: Selector): string {
  return formatLabels(s, '<none>');
}

/** The namespace a check looks in: its own, or `default`. */
export function nsOf(namespace: string | undefined): string {
  return namespace ?? 'default';
}

/** Pods whose labels match, not being deleted, sorted by name. */
export function podsBySelector(c: Cluster, selector: Selector, namespace: string): Pod[] {
  return c.list<Pod>('Pod', namespace).filter((p) => !p.metadata.deletionTimestamp && matchesMap(selector, p.metadata.labels));
}

/** The first running pod of a selector (a Ready one preferred), for probes from inside the cluster. */
export function runningPod(c: Cluster, selector: Selector, namespace: string): Pod | undefined {
  const pods = podsBySelector(c, selector, namespace).filter((p) => p.status?.phase === 'Running');
  return pods.find(isPodReady) ?? pods[0];
}

/** `Pod test-pod is not Ready (ContainerCreating, 1/2 containers ready)`. */
export function podStateText(p: Pod): string {
  const total = p.spec.containers.length;
  const ready = (p.status?.containerStatuses ?? []).filter((s) => s.ready).length;
  return `${podDisplayStatus(p)}, ${ready}/${total} containers ready`;
}

/** `1 pod` / `3 pods`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Splits `spec.containers[name=c01].ports.0.containerPort` into path segments. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) out.push(m[1] ?? m[2] ?? '');
  return out;
}

/** Reads a field by path; `[key=value]` picks the array element with that field value. */
export function readPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of splitPath(path)) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) {
      const eq = seg.indexOf('=');
      if (eq > 0) {
        const k = seg.slice(0, eq);
        const v = seg.slice(eq + 1);
        cur = cur.find((x) => x !== null && typeof x === 'object' && String((x as Record<string, unknown>)[k]) === v);
      } else cur = /^\d+$/.test(seg) ? cur[Number(seg)] : undefined;
    } else if (typeof cur === 'object') {
      cur = (cur as Record<string, unknown>)[seg];
    } else return undefined;
  }
  return cur;
}

/**
 * Whether an actual value satisfies an expected one: objects match when every expected key matches (extra keys are
 * fine), arrays when every expected element matches the element at its index, scalars by equality (a number and
 * its decimal string are equal, as `targetPort: 80` and `"80"` mean the same port).
 */
export function satisfies(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((e, i) => satisfies(actual[i], e));
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected as Record<string, unknown>).every(([k, v]) => satisfies((actual as Record<string, unknown>)[k], v));
  }
  if (typeof expected === 'number' && typeof actual === 'string') return String(expected) === actual;
  if (typeof expected === 'string' && typeof actual === 'number') return expected === String(actual);
  return deepEqual(actual, expected);
}

/** A value as the learner would read it in YAML: `true`, `80`, `"web"`, `<none>` when unset. */
export function valueText(v: unknown): string {
  return v === undefined || v === null ? '<none>' : JSON.stringify(v);
}

/** Whether the kind is namespaced (unknown kinds count as namespaced). */
export function isNamespaced(kind: string): boolean {
  return resourceForKind(kind)?.namespaced ?? true;
}

/** `Pod test-pod` or `Service web in namespace other` (namespace shown only when not `default`). */
export function objectText(o: KubeObject): string {
  const ns = o.metadata.namespace;
  return `${o.kind} ${o.metadata.name}${ns && ns !== 'default' ? ` in namespace ${ns}` : ''}`;
}

/** ` in namespace X` unless X is `default`. */
export function inNs(namespace: string): string {
  return namespace === 'default' ? '' : ` in namespace ${namespace}`;
}
