/**
 * The StatefulSet controller: pods `<name>-0 … <name>-(N-1)` with stable names, `hostname` = the pod name and
 * `subdomain` = `spec.serviceName` (so a headless Service gives each pod a DNS record). With the default
 * `OrderedReady` policy pod i is created only once pods 0 … i-1 are Running and Ready, and scale-down removes the
 * highest ordinal first, one at a time; `Parallel` creates and deletes at once. A deleted (or finished) pod comes
 * back under the same name. https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/
 *
 * PersistentVolumeClaims are not modelled: each of `volumeClaimTemplates` is accepted and backed by an emptyDir
 * volume of the same name in the pod (so its mounts work), which does not outlive the pod as a real claim would.
 */
import type { LabelSelector } from '../../lib/labels.js';
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import type { KubeObject, Pod, PodTemplateSpec } from '../types.js';
import { podTemplateHash } from './deployment.js';
import { deletePodGracefully } from './kubelet.js';
import { gated, isTerminal, podFromTemplate, type OwnerIndex } from './owned-pods.js';
import { isPodReady } from './pod-status.js';

/** The StatefulSet fields the controller reads. */
export interface StatefulSet extends KubeObject {
  spec: {
    replicas?: number;
    serviceName?: string;
    selector: LabelSelector;
    template: PodTemplateSpec;
    podManagementPolicy?: 'OrderedReady' | 'Parallel';
    volumeClaimTemplates?: { metadata?: { name?: string } }[];
  };
  status?: Record<string, unknown>;
}

const COMPONENT = 'statefulset-controller';

function ordinalOf(set: StatefulSet, pod: Pod): number | undefined {
  const prefix = `${set.metadata.name}-`;
  if (!pod.metadata.name.startsWith(prefix)) return undefined;
  const rest = pod.metadata.name.slice(prefix.length);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}

function newPod(set: StatefulSet, ordinal: number, revision: string): Pod {
  const name = `${set.metadata.name}-${ordinal}`;
  const pod = podFromTemplate(set, set.spec.template, name, {
    'apps.kubernetes.io/pod-index': String(ordinal),
    'controller-revision-hash': revision,
    'statefulset.kubernetes.io/pod-name': name,
  });
  pod.spec.hostname = name;
  if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
  const volumes = pod.spec.volumes ?? [];
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const claim = t.metadata?.name;
    if (claim && !volumes.some((v) => v.name === claim)) volumes.push({ name: claim, emptyDir: {} });
  }
  if (volumes.length) pod.spec.volumes = volumes;
  return pod;
}

/** Reconciles one StatefulSet: create the missing ordinals, remove the surplus, report status. */
export function reconcileStatefulSet(c: Cluster, set: StatefulSet, idx: OwnerIndex): void {
  const want = set.spec.replicas ?? 1;
  const ordered = (set.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
  const revision = `${set.metadata.name}-${podTemplateHash(set.spec.template)}`;
  const pods = new Map<number, Pod>();
  for (const p of idx.get(set.metadata.uid!) ?? []) {
    const i = ordinalOf(set, p);
    if (i !== undefined) pods.set(i, p);
  }
  // A finished pod is deleted so it can be created again under the same name.
  for (const [i, p] of pods) {
    if (isTerminal(p) && !p.metadata.deletionTimestamp) {
      c.delete('Pod', p.metadata.namespace, p.metadata.name);
      c.recordEvent(set, 'Normal', 'SuccessfulDelete', `delete Pod ${p.metadata.name} in StatefulSet ${set.metadata.name} successful`, COMPONENT);
      pods.delete(i);
    }
  }
  let blocked = false;
  for (let i = 0; i < want && i < 10_000; i++) {
    const p = pods.get(i);
    if (!p) {
      if (blocked) break;
      const created = c.create<Pod>(newPod(set, i, revision));
      pods.set(i, created);
      c.recordEvent(set, 'Normal', 'SuccessfulCreate', `create Pod ${created.metadata.name} in StatefulSet ${set.metadata.name} successful`, COMPONENT);
      if (ordered) blocked = true;
      continue;
    }
    if (ordered && (!isPodReady(p) || p.metadata.deletionTimestamp)) blocked = true;
  }
  const condemned = [...pods.keys()].filter((i) => i >= want).sort((a, b) => b - a);
  const healthy = [...pods.entries()].every(([i, p]) => i >= want || (isPodReady(p) && !p.metadata.deletionTimestamp));
  for (const i of condemned) {
    const p = pods.get(i)!;
    if (p.metadata.deletionTimestamp) {
      if (ordered) break;
      continue;
    }
    if (ordered && !healthy) break;
    deletePodGracefully(c, p);
    c.recordEvent(set, 'Normal', 'SuccessfulDelete', `delete Pod ${p.metadata.name} in StatefulSet ${set.metadata.name} successful`, COMPONENT);
    if (ordered) break;
  }
  const live = [...pods.values()].filter((p) => c.get('Pod', p.metadata.namespace, p.metadata.name) === p);
  const ready = live.filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp).length;
  const current = live.filter((p) => p.metadata.labels?.['controller-revision-hash'] === revision).length;
  const status: Record<string, unknown> = {
    availableReplicas: ready,
    collisionCount: 0,
    currentRevision: revision,
    observedGeneration: set.metadata.generation,
    replicas: live.length,
    updateRevision: revision,
  };
  if (current) status.currentReplicas = current;
  if (ready) status.readyReplicas = ready;
  if (current) status.updatedReplicas = current;
  if (!deepEqual(set.status, status)) {
    set.status = status;
    c.touch(set);
  }
}

/** Reconciles every StatefulSet when the store changed. */
export const statefulSetController = gated(['StatefulSet'], (c, idx) => {
  for (const set of c.list<StatefulSet>('StatefulSet')) reconcileStatefulSet(c, set, idx);
  return Infinity;
});
