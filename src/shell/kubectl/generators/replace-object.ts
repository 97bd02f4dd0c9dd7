/**
 * A full update (`kubectl replace`, the save step of `kubectl edit`): the new object replaces the stored one, but
 * what the apiserver owns survives (uid, creation time, status) and, as the Service registry does on update,
 * an unset `clusterIP`/`clusterIPs` or node port is carried over from the stored Service.
 */
import { deepEqual, type KubeObject, type Service } from '../../../sim/index.js';
import type { CommandContext } from '../../types.js';

/** The object to store: `incoming` with the server-owned fields of `existing`. */
export function mergeForReplace(existing: KubeObject, incoming: KubeObject): KubeObject {
  const next = structuredClone(incoming);
  next.metadata = {
    ...next.metadata,
    name: existing.metadata.name,
    namespace: existing.metadata.namespace,
    uid: existing.metadata.uid,
    creationTimestamp: existing.metadata.creationTimestamp,
    resourceVersion: existing.metadata.resourceVersion,
    generation: existing.metadata.generation,
    ...(existing.metadata.ownerReferences && !next.metadata.ownerReferences ? { ownerReferences: existing.metadata.ownerReferences } : {}),
  };
  if (!next.metadata.labels && existing.kind === 'Namespace') next.metadata.labels = existing.metadata.labels;
  next.status = existing.status;
  if (existing.kind === 'Service') {
    const oldSpec = (existing as Service).spec;
    const spec = (next as Service).spec;
    if (spec) {
      if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
      if (!spec.clusterIPs && oldSpec.clusterIPs) spec.clusterIPs = oldSpec.clusterIPs;
      for (const p of spec.ports ?? []) {
        const old = oldSpec.ports?.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
        if (p.nodePort === undefined && old?.nodePort !== undefined && spec.type !== 'ClusterIP' && spec.type !== undefined) p.nodePort = old.nodePort;
      }
    }
  }
  return next;
}

/** True when `incoming` asks for nothing `existing` does not already have (labels, annotations, spec, data). */
export function sameDesiredState(existing: KubeObject, incoming: KubeObject): boolean {
  const strip = (o: KubeObject): unknown => {
    const c = structuredClone(o) as Record<string, unknown>;
    delete c.status;
    const m = (c.metadata ?? {}) as Record<string, unknown>;
    c.metadata = { labels: m.labels ?? {}, annotations: m.annotations ?? {} };
    return c;
  };
  return deepEqual(strip(existing), strip(incoming));
}

/** Replaces the stored object; throws the apiserver's SimError (immutable fields, validation). */
export function replaceStored(ctx: CommandContext, existing: KubeObject, incoming: KubeObject): KubeObject {
  return ctx.cluster.update(mergeForReplace(existing, incoming));
}
