/**
 * The DaemonSet controller: one pod per node that matches the template's `nodeSelector`, named `<ds>-<5 random>`,
 * deleted from nodes that no longer match, with `desiredNumberScheduled` / `currentNumberScheduled` / `numberReady`
 * status. Like the real controller (which adds the `node.kubernetes.io/unschedulable` toleration) it places pods on
 * cordoned nodes too. The pod is bound to its node directly, and the Scheduled event is recorded as the scheduler
 * would. https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 */
import type { LabelSelector } from '../../lib/labels.js';
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import type { KubeObject, Node, Pod, PodTemplateSpec } from '../types.js';
import { podTemplateHash } from './deployment.js';
import { deletePodGracefully } from './kubelet.js';
import { gated, isTerminal, podFromTemplate, type OwnerIndex } from './owned-pods.js';
import { isPodReady } from './pod-status.js';

/** The DaemonSet fields the controller reads. */
export interface DaemonSet extends KubeObject {
  spec: { selector: LabelSelector; template: PodTemplateSpec };
  status?: Record<string, unknown>;
}

const COMPONENT = 'daemonset-controller';

function wanted(ds: DaemonSet, node: Node): boolean {
  const sel = ds.spec.template.spec.nodeSelector ?? {};
  return Object.entries(sel).every(([k, v]) => node.metadata.labels?.[k] === v);
}

/** Reconciles one DaemonSet against the nodes. */
export function reconcileDaemonSet(c: Cluster, ds: DaemonSet, nodes: Node[], idx: OwnerIndex): void {
  const hash = podTemplateHash(ds.spec.template);
  const generation = String(ds.metadata.generation ?? 1);
  const byNode = new Map<string, Pod[]>();
  for (const p of idx.get(ds.metadata.uid!) ?? []) {
    if (p.metadata.deletionTimestamp) continue;
    if (isTerminal(p)) {
      c.delete('Pod', p.metadata.namespace, p.metadata.name);
      continue;
    }
    const n = p.spec.nodeName ?? '';
    byNode.set(n, [...(byNode.get(n) ?? []), p]);
  }
  let desired = 0;
  for (const node of nodes) {
    const name = node.metadata.name;
    const have = byNode.get(name) ?? [];
    byNode.delete(name);
    if (!wanted(ds, node)) {
      for (const p of have) deletePodGracefully(c, p);
      continue;
    }
    desired++;
    for (const p of have.slice(1)) deletePodGracefully(c, p);
    if (have.length) continue;
    const pod = podFromTemplate(ds, ds.spec.template, `${ds.metadata.name}-`, { 'controller-revision-hash': hash, 'pod-template-generation': generation });
    pod.spec.nodeName = name;
    const created = c.create<Pod>(pod);
    c.recordEvent(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, COMPONENT);
    c.recordEvent(created, 'Normal', 'Scheduled', `Successfully assigned ${created.metadata.namespace}/${created.metadata.name} to ${name}`, 'default-scheduler');
  }
  for (const pods of byNode.values()) for (const p of pods) deletePodGracefully(c, p);
  const mine = (idx.get(ds.metadata.uid!) ?? []).filter((p) => c.get('Pod', p.metadata.namespace, p.metadata.name) === p && !p.metadata.deletionTimestamp);
  const current = new Set(mine.map((p) => p.spec.nodeName)).size;
  const ready = mine.filter(isPodReady).length;
  const updated = mine.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length;
  const status: Record<string, unknown> = {
    currentNumberScheduled: current,
    desiredNumberScheduled: desired,
    numberMisscheduled: 0,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
  };
  if (ready) status.numberAvailable = ready;
  if (desired - ready > 0) status.numberUnavailable = desired - ready;
  if (updated) status.updatedNumberScheduled = updated;
  if (!deepEqual(ds.status, status)) {
    ds.status = status;
    c.touch(ds);
  }
}

/** Reconciles every DaemonSet when the store changed (pods, nodes or the DaemonSets themselves). */
export const daemonSetController = gated(['DaemonSet'], (c, idx) => {
  const nodes = c.nodes();
  for (const ds of c.list<DaemonSet>('DaemonSet')) reconcileDaemonSet(c, ds, nodes, idx);
  return Infinity;
});
