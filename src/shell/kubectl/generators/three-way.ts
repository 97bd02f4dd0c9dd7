/**
 * What `kubectl apply` sends: a three-way merge of the live object, the last applied configuration (the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation) and the new configuration, so fields the server or
 * controllers set (a Service's clusterIP, a Pod's nodeName, defaults) survive, fields removed from the file are
 * removed, and lists of named things (containers, ports, env, volumes) merge by their key as strategic merge patch
 * does. https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#merge-patch-calculation
 */
import { deepEqual, type KubeObject } from '../../../sim/index.js';

/** The annotation kubectl apply keeps the applied configuration in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Json = unknown;
type Rec = Record<string, Json>;

const isRec = (v: Json): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The merge key strategic merge patch uses for a list field, if any. */
function mergeKey(field: string): string | undefined {
  if (['containers', 'initContainers', 'env', 'volumes', 'imagePullSecrets'].includes(field)) return 'name';
  if (field === 'volumeMounts') return 'mountPath';
  if (field === 'ports') return '*port';
  return undefined;
}

function keyOf(el: Json, key: string): string | undefined {
  if (!isRec(el)) return undefined;
  if (key === '*port') return el.containerPort !== undefined ? `c${String(el.containerPort)}/${String(el.protocol ?? 'TCP')}` : el.port !== undefined ? `p${String(el.port)}/${String(el.protocol ?? 'TCP')}` : undefined;
  const v = el[key];
  return typeof v === 'string' ? v : undefined;
}

function mergeList(field: string, live: Json, last: Json, desired: Json[]): Json[] {
  const key = mergeKey(field);
  if (!key || !Array.isArray(live)) return desired;
  return desired.map((d) => {
    const k = keyOf(d, key);
    const l = k === undefined ? undefined : live.find((x) => keyOf(x, key) === k);
    const la = k === undefined || !Array.isArray(last) ? undefined : last.find((x) => keyOf(x, key) === k);
    return l !== undefined && isRec(l) && isRec(d) ? mergeRec(l, isRec(la) ? la : undefined, d) : d;
  });
}

function mergeRec(live: Rec, last: Rec | undefined, desired: Rec): Rec {
  const out: Rec = { ...live };
  for (const [k, d] of Object.entries(desired)) {
    if (d === undefined) continue;
    const l = live[k];
    if (isRec(d) && isRec(l)) out[k] = mergeRec(l, isRec(last?.[k]) ? (last![k] as Rec) : undefined, d);
    else if (Array.isArray(d)) out[k] = mergeList(k, l, last?.[k], d);
    else out[k] = d;
  }
  for (const k of Object.keys(last ?? {})) if (!(k in desired)) delete out[k];
  return out;
}

/** kubectl's serialisation of the applied configuration: compact JSON, keys sorted, namespace filled in. */
export function lastAppliedText(obj: KubeObject, namespace: string | undefined): string {
  const copy = structuredClone(obj) as Rec;
  const meta = { ...((copy.metadata as Rec | undefined) ?? {}) };
  const ann = { ...((meta.annotations as Record<string, string> | undefined) ?? {}) };
  delete ann[LAST_APPLIED];
  meta.annotations = ann;
  if (namespace) meta.namespace = namespace;
  copy.metadata = meta;
  const sort = (v: Json): Json => (Array.isArray(v) ? v.map(sort) : isRec(v) ? Object.fromEntries(Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => [k, sort(v[k])])) : v);
  return JSON.stringify(sort(copy)) + '\n';
}

/** The configuration with its last-applied annotation, as apply sends it. */
export function withLastApplied(obj: KubeObject, namespace: string | undefined): KubeObject {
  const copy = structuredClone(obj);
  copy.metadata = { ...copy.metadata, annotations: { ...(copy.metadata?.annotations ?? {}), [LAST_APPLIED]: lastAppliedText(obj, namespace) } };
  return copy;
}

/**
 * Merges `desired` (already carrying its last-applied annotation) into `live`. `changed` is false when the apply
 * would change nothing (kubectl then prints `unchanged`).
 */
export function threeWayMerge(live: KubeObject, desired: KubeObject): { merged: KubeObject; changed: boolean } {
  const lastText = live.metadata.annotations?.[LAST_APPLIED];
  let last: Rec | undefined;
  try {
    last = lastText ? (JSON.parse(lastText) as Rec) : undefined;
  } catch {
    last = undefined;
  }
  // Status belongs to the server: neither the file's nor the last applied one touches it.
  const { status: _status, ...rest } = desired;
  void _status;
  if (last) delete last.status;
  const merged = mergeRec(live as unknown as Rec, last, rest as unknown as Rec) as unknown as KubeObject;
  if (live.status !== undefined) merged.status = live.status;
  merged.metadata = { ...merged.metadata, name: live.metadata.name, namespace: live.metadata.namespace, uid: live.metadata.uid, creationTimestamp: live.metadata.creationTimestamp };
  return { merged, changed: !deepEqual(merged, live) };
}
