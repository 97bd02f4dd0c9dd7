/**
 * Shared plumbing for the StatefulSet, DaemonSet and Job controllers: each pass indexes the pods by their controller
 * owner (one scan, only when the store changed and one of these kinds exists) and builds pods from a template with a
 * controller owner reference, as kube-controller-manager's pod control does.
 */
import type { Cluster } from '../cluster.js';
import type { ClusterState } from '../state.js';
import type { KubeObject, Pod, PodTemplateSpec } from '../types.js';
import { ownerRef } from './deployment.js';

/** Live pods by the uid of their controller owner. */
export type OwnerIndex = Map<string, Pod[]>;

/** Indexes every pod by its owners' uids. */
export function indexPods(c: Cluster): OwnerIndex {
  const out: OwnerIndex = new Map();
  for (const o of c.state.objects.get('Pod')?.values() ?? []) {
    for (const r of o.metadata.ownerReferences ?? []) {
      const list = out.get(r.uid);
      if (list) list.push(o as Pod);
      else out.set(r.uid, [o as Pod]);
    }
  }
  return out;
}

/** A pod built from a template, owned by `owner` (labels and annotations copied, spec cloned). */
export function podFromTemplate(owner: KubeObject, template: PodTemplateSpec, name: string, extraLabels: Record<string, string>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: name.endsWith('-') ? '' : name,
      ...(name.endsWith('-') ? { generateName: name } : {}),
      namespace: owner.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), ...extraLabels },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [ownerRef(owner)],
    },
    spec: structuredClone(template.spec),
    status: { phase: 'Pending' },
  };
}

/** Whether a pod has finished (Succeeded or Failed). */
export function isTerminal(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

interface Gate {
  state: ClusterState;
  version: number;
  wake: number;
}

/**
 * Runs `pass` when the store changed since the last run (or after a restore) or a timer it returned is due; `pass`
 * returns its next timer (Infinity for none). Cheap when none of `kinds` exists.
 */
export function gated(kinds: string[], pass: (c: Cluster, idx: OwnerIndex, now: number) => number): (c: Cluster) => void {
  const gates = new WeakMap<Cluster, Gate>();
  return (c) => {
    if (kinds.every((k) => !c.state.objects.get(k)?.size)) return;
    const now = c.now();
    const g = gates.get(c);
    if (g && g.state === c.state && g.version === c.version && now < g.wake) return;
    const wake = pass(c, indexPods(c), now);
    gates.set(c, { state: c.state, version: c.version, wake });
  };
}
