/**
 * The Deployment, ReplicaSet and ReplicationController controllers (kube-controller-manager), simplified but faithful
 * in what learners see: a Deployment owns one ReplicaSet per template (named `<deploy>-<pod-template-hash>`), a
 * template change rolls pods over to a new ReplicaSet, old ones are kept (scaled to 0) for `rollout undo`, and a
 * ReplicaSet replaces any pod it loses with a new one under a new name.
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 */
import { fnv32a, safeEncode } from '../../lib/hash.js';
import { matchesMap, matchesSelector } from '../../lib/labels.js';
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import type { Deployment, KubeObject, OwnerReference, Pod, PodTemplateSpec, ReplicaSet, ReplicationController } from '../types.js';
import { isPodReady } from './pod-status.js';

/** The `pod-template-hash` of a template, as the Deployment controller computes it (FNV-32a, safe-encoded). */
export function podTemplateHash(template: PodTemplateSpec, collisionCount = 0): string {
  return safeEncode(fnv32a(JSON.stringify(template) + (collisionCount ? String(collisionCount) : '')));
}

function ownerRef(o: KubeObject): OwnerReference {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true };
}

function isOwnedBy(o: KubeObject, owner: KubeObject): boolean {
  return !!o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid);
}

/** `deployment.kubernetes.io/revision` of a ReplicaSet, 0 if unset. */
export function revisionOf(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
}

/** The ReplicaSets a Deployment owns, oldest revision first. */
export function replicaSetsOf(c: Cluster, d: Deployment): ReplicaSet[] {
  return c
    .list<ReplicaSet>('ReplicaSet', d.metadata.namespace)
    .filter((rs) => isOwnedBy(rs, d))
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}

function stripHash(t: PodTemplateSpec): PodTemplateSpec {
  const copy = structuredClone(t);
  if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
  return copy;
}

function reconcileDeployment(c: Cluster, d: Deployment): void {
  const want = d.spec.replicas ?? 1;
  const owned = replicaSetsOf(c, d);
  let current = owned.find((rs) => deepEqual(stripHash(rs.spec.template), d.spec.template));
  const maxRev = owned.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
  if (!current) {
    const hash = podTemplateHash(d.spec.template);
    const labels = { ...(d.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels,
        annotations: { 'deployment.kubernetes.io/desired-replicas': String(want), 'deployment.kubernetes.io/max-replicas': String(want + 1), 'deployment.kubernetes.io/revision': String(maxRev + 1) },
        ownerReferences: [ownerRef(d)],
      },
      spec: {
        replicas: 0,
        selector: { ...d.spec.selector, matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
        template: { ...structuredClone(d.spec.template), metadata: { ...(d.spec.template.metadata ?? {}), labels } },
      },
      status: { replicas: 0 },
    };
    current = c.create<ReplicaSet>(rs);
    c.recordEvent(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} from 0 to ${want}`, 'deployment-controller');
  } else if (revisionOf(current) < maxRev) {
    // Rolling back to an older template: it becomes the newest revision (as `rollout undo` shows).
    current.metadata.annotations = { ...(current.metadata.annotations ?? {}), 'deployment.kubernetes.io/revision': String(maxRev + 1) };
    c.put(current);
  }
  // The controller copies the Deployment's change-cause to its newest ReplicaSet (what `rollout history` shows).
  const cause = d.metadata.annotations?.['kubernetes.io/change-cause'];
  if (cause !== undefined && current.metadata.annotations?.['kubernetes.io/change-cause'] !== cause) {
    current.metadata.annotations = { ...(current.metadata.annotations ?? {}), 'kubernetes.io/change-cause': cause };
    c.put(current);
  }
  const olds = replicaSetsOf(c, d).filter((rs) => rs.metadata.uid !== current!.metadata.uid);
  const oldPods = olds.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
  // Rolling update: bring the new ReplicaSet up, then scale old ones down once new pods are ready.
  if ((current.spec.replicas ?? 0) !== want) {
    const from = current.spec.replicas ?? 0;
    current.spec.replicas = want;
    current.metadata.annotations = { ...(current.metadata.annotations ?? {}), 'deployment.kubernetes.io/desired-replicas': String(want) };
    c.put(current);
    if (from !== 0 || oldPods === 0 || olds.length) {
      if (from !== 0) c.recordEvent(d, 'Normal', 'ScalingReplicaSet', `Scaled ${want > from ? 'up' : 'down'} replica set ${current.metadata.name} from ${from} to ${want}`, 'deployment-controller');
    }
  }
  const ready = (current.status.readyReplicas ?? 0) >= want;
  for (const old of olds) {
    if ((old.spec.replicas ?? 0) > 0 && (ready || d.spec.strategy?.type === 'Recreate')) {
      const from = old.spec.replicas ?? 0;
      old.spec.replicas = 0;
      c.put(old);
      c.recordEvent(d, 'Normal', 'ScalingReplicaSet', `Scaled down replica set ${old.metadata.name} from ${from} to 0`, 'deployment-controller');
    }
  }
  // Keep at most revisionHistoryLimit old ReplicaSets.
  const limit = d.spec.revisionHistoryLimit ?? 10;
  const idle = replicaSetsOf(c, d).filter((rs) => rs.metadata.uid !== current!.metadata.uid && (rs.spec.replicas ?? 0) === 0);
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) c.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);

  const all = replicaSetsOf(c, d);
  const pods = (rs: ReplicaSet): number => rs.status.replicas ?? 0;
  const status: Deployment['status'] = {
    observedGeneration: d.metadata.generation,
    replicas: all.reduce((n, rs) => n + pods(rs), 0),
    updatedReplicas: pods(current),
    readyReplicas: all.reduce((n, rs) => n + (rs.status.readyReplicas ?? 0), 0),
    availableReplicas: all.reduce((n, rs) => n + (rs.status.availableReplicas ?? 0), 0),
  };
  status.unavailableReplicas = Math.max(0, want - (status.availableReplicas ?? 0)) || undefined;
  const available = (status.availableReplicas ?? 0) >= want;
  status.conditions = [
    { type: 'Available', status: available ? 'True' : 'False', reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', message: available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.' },
    { type: 'Progressing', status: 'True', reason: pods(current) === want && (current.status.readyReplicas ?? 0) === want ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', message: `ReplicaSet "${current.metadata.name}" ${pods(current) === want && (current.status.readyReplicas ?? 0) === want ? 'has successfully progressed.' : 'is progressing.'}` },
  ];
  for (const k of Object.keys(status) as (keyof typeof status)[]) if (status[k] === undefined || status[k] === 0) delete status[k];
  if (!deepEqual(d.status, status)) {
    d.status = status;
    c.touch();
  }
}

function podFromTemplate(c: Cluster, owner: KubeObject, template: PodTemplateSpec): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [ownerRef(owner)],
    },
    spec: structuredClone(template.spec),
    status: { phase: 'Pending' },
  };
}

/** Keeps `replicas` pods matching the selector alive; creates with `generateName`, deletes the newest first. */
function reconcileReplicas(c: Cluster, owner: ReplicaSet | ReplicationController, matches: (p: Pod) => boolean): void {
  const want = owner.spec.replicas ?? 1;
  const mine = c.list<Pod>('Pod', owner.metadata.namespace).filter((p) => isOwnedBy(p, owner) && !p.metadata.deletionTimestamp);
  // Adopt orphans that match (as the ReplicaSet controller does).
  for (const p of c.list<Pod>('Pod', owner.metadata.namespace)) {
    if (!p.metadata.ownerReferences?.length && matches(p) && mine.length < want) {
      p.metadata.ownerReferences = [ownerRef(owner)];
      c.put(p);
      mine.push(p);
    }
  }
  const component = owner.kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller';
  for (let i = mine.length; i < want; i++) {
    const pod = c.create<Pod>(podFromTemplate(c, owner, owner.spec.template));
    c.recordEvent(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, component);
  }
  if (mine.length > want) {
    const victims = [...mine]
      .sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? 1 : -1))
      .slice(0, mine.length - want);
    for (const v of victims) {
      c.delete('Pod', v.metadata.namespace, v.metadata.name);
      c.recordEvent(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${v.metadata.name}`, component);
    }
  }
  const pods = c.list<Pod>('Pod', owner.metadata.namespace).filter((p) => isOwnedBy(p, owner));
  const ready = pods.filter(isPodReady).length;
  const status = { replicas: pods.length, fullyLabeledReplicas: pods.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: owner.metadata.generation };
  if (!deepEqual(owner.status, status)) {
    owner.status = status;
    c.touch();
  }
}

/** Reconciles every Deployment, ReplicaSet and ReplicationController. */
export function workloadsController(c: Cluster): void {
  for (const d of c.list<Deployment>('Deployment')) reconcileDeployment(c, d);
  for (const rs of c.list<ReplicaSet>('ReplicaSet')) reconcileReplicas(c, rs, (p) => matchesSelector(rs.spec.selector, p.metadata.labels));
  for (const rc of c.list<ReplicationController>('ReplicationController')) {
    const sel = rc.spec.selector ?? rc.spec.template.metadata?.labels;
    reconcileReplicas(c, rc, (p) => matchesMap(sel, p.metadata.labels));
  }
}
