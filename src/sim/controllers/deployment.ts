/**
 * The Deployment controller (kube-controller-manager): one ReplicaSet per pod template (`<deploy>-<pod-template-hash>`),
 * rolling updates bounded by `maxSurge`/`maxUnavailable` (`rolloutRolling`) or `Recreate`, revision history in
 * `deployment.kubernetes.io/revision` with the Deployment's annotations (`kubernetes.io/change-cause`) copied to
 * the new ReplicaSet, rollbacks that reuse a ReplicaSet under a new revision (`revision-history` keeps the old
 * numbers), `revisionHistoryLimit`, and the status conditions `Available` and `Progressing` (with
 * `ProgressDeadlineExceeded` after `progressDeadlineSeconds`).
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 */
import { fnv32a, safeEncode } from '../../lib/hash.js';
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import type { Deployment, KubeObject, OwnerReference, Pod, PodTemplateSpec, ReplicaSet } from '../types.js';

/** What the workload controllers last saw of an object (to tell what changed), its owners and namespace. */
export interface Mark {
  mark: string;
  owners: string[];
  ns: string;
  obj: KubeObject;
}

/** Adds `uid` to the set under `key`. */
export function link(m: Map<string, Set<string>>, key: string, uid: string): void {
  const s = m.get(key);
  if (s) s.add(uid);
  else m.set(key, new Set([uid]));
}

/** Removes `uid` from the set under `key` (dropping an empty set). */
export function unlink(m: Map<string, Set<string>>, key: string, uid: string): void {
  const s = m.get(key);
  s?.delete(uid);
  if (s && !s.size) m.delete(key);
}


/** The `pod-template-hash` of a template, as the Deployment controller computes it (FNV-32a, safe-encoded). */
export function podTemplateHash(template: PodTemplateSpec, collisionCount = 0): string {
  return safeEncode(fnv32a(JSON.stringify(template) + (collisionCount ? String(collisionCount) : '')));
}

/** A controller owner reference to `o`, as controllers set on what they create. */
export function ownerRef(o: KubeObject): OwnerReference {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true } as OwnerReference;
}

/** Whether `o` lists `owner` among its owner references. */
export function isOwnedBy(o: KubeObject, owner: KubeObject): boolean {
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

/** Deployment annotations the controller does not copy to its ReplicaSets (`annotationsToSkip`). */
const SKIP_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** An int-or-percent against a total: `maxSurge` rounds up, `maxUnavailable` down (`GetScaledValueFromIntOrPercent`). */
function scaled(v: number | string | undefined, fallback: string, total: number, roundUp: boolean): number {
  const x = v ?? fallback;
  if (typeof x === 'number') return x;
  const m = /^(\d+)%$/.exec(x);
  if (!m) return Number(x) || 0;
  const f = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(f) : Math.floor(f);
}

/** `maxSurge` and `maxUnavailable` resolved (both 0 is impossible: maxUnavailable becomes 1). */
export function rollingLimits(d: Deployment): { surge: number; unavailable: number } {
  const want = d.spec.replicas ?? 1;
  if (d.spec.strategy?.type === 'Recreate') return { surge: 0, unavailable: want };
  const ru = d.spec.strategy?.rollingUpdate;
  const surge = scaled(ru?.maxSurge, '25%', want, true);
  const unavailable = scaled(ru?.maxUnavailable, '25%', want, false);
  return surge === 0 && unavailable === 0 ? { surge: 0, unavailable: 1 } : { surge, unavailable };
}

/**
 * Who owns what, kept up to date from the change feed: owner uid → owned object uids, and orphan pods by namespace
 * (candidates for adoption). Objects are looked up through their marks.
 */
export interface Index {
  owned: Map<string, Set<string>>;
  orphans: Map<string, Set<string>>;
  marks: Map<string, Mark>;
}

/** The objects of one kind among a set of uids (through their marks). */
export function objectsOf<T extends KubeObject>(idx: Index, uids: Set<string> | undefined, kind: string): T[] {
  const out: T[] = [];
  for (const u of uids ?? []) {
    const m = idx.marks.get(u);
    if (m && m.obj.kind === kind) out.push(m.obj as T);
  }
  return out;
}

/** One reconcile pass of the workload controllers. */
export interface Pass {
  c: Cluster;
  idx: Index;
  now: number;
  /** Earliest time a timer-driven change is due for the object being reconciled. */
  wake: number;
  /** Uids of the controllers to reconcile in this pass (a Deployment adds the ReplicaSets it scales). */
  dirty: Set<string>;
}

function ownedSets(p: Pass, d: Deployment): ReplicaSet[] {
  return objectsOf<ReplicaSet>(p.idx, p.idx.owned.get(d.metadata.uid!), 'ReplicaSet').filter((rs) => p.c.get('ReplicaSet', rs.metadata.namespace, rs.metadata.name) === rs).sort((a, b) => revisionOf(a) - revisionOf(b));
}

function setAnnotation(o: KubeObject, key: string, value: string): boolean {
  if (o.metadata.annotations?.[key] === value) return false;
  o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [key]: value };
  return true;
}

function scaleRs(p: Pass, d: Deployment, rs: ReplicaSet, to: number): void {
  const from = rs.spec.replicas ?? 0;
  if (from === to) return;
  rs.spec.replicas = to;
  p.dirty.add(rs.metadata.uid!);
  setAnnotation(rs, 'deployment.kubernetes.io/desired-replicas', String(d.spec.replicas ?? 1));
  setAnnotation(rs, 'deployment.kubernetes.io/max-replicas', String((d.spec.replicas ?? 1) + rollingLimits(d).surge));
  p.c.put(rs);
  p.c.recordEvent(d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`, 'deployment-controller');
}

function createNewReplicaSet(p: Pass, d: Deployment, maxRev: number): ReplicaSet {
  const hash = podTemplateHash(d.spec.template);
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!SKIP_ANNOTATIONS.has(k)) annotations[k] = v;
  const want = d.spec.replicas ?? 1;
  Object.assign(annotations, { 'deployment.kubernetes.io/desired-replicas': String(want), 'deployment.kubernetes.io/max-replicas': String(want + rollingLimits(d).surge), 'deployment.kubernetes.io/revision': String(maxRev + 1) });
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels, annotations, ownerReferences: [ownerRef(d)] },
    spec: {
      replicas: 0,
      ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector: { ...d.spec.selector, matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
      template: { ...structuredClone(d.spec.template), metadata: { ...structuredClone(d.spec.template.metadata ?? {}), labels } },
    },
    status: { replicas: 0 },
  };
  const created = p.c.create<ReplicaSet>(rs);
  p.dirty.add(created.metadata.uid!);
  p.idx.marks.set(created.metadata.uid!, { mark: '', owners: [d.metadata.uid!], ns: created.metadata.namespace ?? 'default', obj: created });
  link(p.idx.owned, d.metadata.uid!, created.metadata.uid!);
  return created;
}

type Condition = NonNullable<Deployment['status']['conditions']>[number] & { lastUpdateTime?: string; lastTransitionTime?: string };

function condition(d: Deployment, type: string): Condition | undefined {
  return d.status?.conditions?.find((x) => x.type === type) as Condition | undefined;
}

/** Rolling update (`rolloutRolling`): scale the new ReplicaSet up within maxSurge, old ones down within maxUnavailable. */
function rollRolling(p: Pass, d: Deployment, current: ReplicaSet, olds: ReplicaSet[]): void {
  const want = d.spec.replicas ?? 1;
  const { surge, unavailable } = rollingLimits(d);
  const all = [current, ...olds];
  const total = (): number => all.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
  const cur = current.spec.replicas ?? 0;
  if (cur > want) return scaleRs(p, d, current, want);
  if (cur < want) {
    const up = Math.min(want + surge - total(), want - cur);
    if (up > 0) return scaleRs(p, d, current, cur + up);
  }
  const minAvailable = want - unavailable;
  const newUnavailable = (current.spec.replicas ?? 0) - (current.status.availableReplicas ?? 0);
  let budget = total() - minAvailable - newUnavailable;
  if (budget <= 0) return;
  // Unhealthy old pods go first, then available ones while availability stays at least minAvailable.
  const byAge = [...olds].sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : 1));
  for (const rs of byAge) {
    const unhealthy = (rs.spec.replicas ?? 0) - (rs.status.availableReplicas ?? 0);
    const n = Math.min(unhealthy, budget);
    if (n > 0) {
      scaleRs(p, d, rs, (rs.spec.replicas ?? 0) - n);
      budget -= n;
    }
  }
  const available = all.reduce((n, rs) => n + Math.min(rs.status.availableReplicas ?? 0, rs.spec.replicas ?? 0), 0);
  let down = available - minAvailable;
  for (const rs of byAge) {
    if (down <= 0) break;
    const n = Math.min(rs.spec.replicas ?? 0, down);
    if (n > 0) {
      scaleRs(p, d, rs, (rs.spec.replicas ?? 0) - n);
      down -= n;
    }
  }
}

/** Reconciles one Deployment: its ReplicaSets, the rollout step, history and status. */
export function reconcileDeployment(p: Pass, d: Deployment): void {
  const { c } = p;
  const want = d.spec.replicas ?? 1;
  let owned = ownedSets(p, d);
  const maxRev = owned.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
  let current = owned.find((rs) => deepEqual(stripHash(rs.spec.template), d.spec.template));
  let created = false;
  if (d.spec.paused) {
    // A paused Deployment does not roll out a changed template, but a scale still reaches its newest ReplicaSet.
    const newest = current ?? owned[owned.length - 1];
    if (!newest) return;
    if (owned.filter((rs) => (rs.spec.replicas ?? 0) > 0 && rs !== newest).length === 0) scaleRs(p, d, newest, want);
    return updateDeploymentStatus(p, d, newest, ownedSets(p, d), false);
  }
  if (!current) {
    current = createNewReplicaSet(p, d, maxRev);
    created = true;
    owned = [...owned, current];
  } else if (revisionOf(current) < maxRev) {
    // Rolling back to an older template: its ReplicaSet becomes the newest revision, remembering the old number.
    const old = String(revisionOf(current));
    const history = current.metadata.annotations?.['deployment.kubernetes.io/revision-history'];
    setAnnotation(current, 'deployment.kubernetes.io/revision-history', history ? `${history},${old}` : old);
    setAnnotation(current, 'deployment.kubernetes.io/revision', String(maxRev + 1));
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!SKIP_ANNOTATIONS.has(k)) setAnnotation(current, k, v);
    c.put(current);
  } else {
    // Every sync copies the Deployment's annotations to its newest ReplicaSet (`SetNewReplicaSetAnnotations`), so a
    // change-cause annotated after the rollout lands on the current revision.
    let changed = false;
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!SKIP_ANNOTATIONS.has(k)) changed = setAnnotation(current, k, v) || changed;
    if (changed) c.put(current);
  }
  if (setAnnotation(d, 'deployment.kubernetes.io/revision', String(revisionOf(current)))) c.put(d);
  const olds = owned.filter((rs) => rs !== current);
  if (d.spec.strategy?.type === 'Recreate') {
    for (const rs of olds) if ((rs.spec.replicas ?? 0) > 0) scaleRs(p, d, rs, 0);
    const oldPods = olds.reduce((n, rs) => n + objectsOf<Pod>(p.idx, p.idx.owned.get(rs.metadata.uid!), 'Pod').filter((pod) => c.get('Pod', pod.metadata.namespace, pod.metadata.name) === pod).length, 0);
    if (oldPods === 0) scaleRs(p, d, current, want);
  } else rollRolling(p, d, current, olds);

  // Keep at most revisionHistoryLimit old ReplicaSets (oldest revisions go first).
  const limit = d.spec.revisionHistoryLimit ?? 10;
  const idle = olds.filter((rs) => (rs.spec.replicas ?? 0) === 0 && (rs.status.replicas ?? 0) === 0);
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) c.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
  const all = ownedSets(p, d);
  updateDeploymentStatus(p, d, current, all, created);
}

function updateDeploymentStatus(p: Pass, d: Deployment, current: ReplicaSet, all: ReplicaSet[], created: boolean): void {
  const { c, now } = p;
  const want = d.spec.replicas ?? 1;
  const sum = (f: (rs: ReplicaSet) => number | undefined): number => all.reduce((n, rs) => n + (f(rs) ?? 0), 0);
  const status: Deployment['status'] = {
    observedGeneration: d.metadata.generation,
    replicas: sum((rs) => rs.status.replicas),
    updatedReplicas: current.status.replicas ?? 0,
    readyReplicas: sum((rs) => rs.status.readyReplicas),
    availableReplicas: sum((rs) => rs.status.availableReplicas),
  };
  status.unavailableReplicas = Math.max(0, want - (status.availableReplicas ?? 0));
  const iso = c.nowIso();
  const keep = (next: Condition): Condition => {
    const old = condition(d, next.type);
    const sameStatus = old?.status === next.status;
    const sameAll = sameStatus && old?.reason === next.reason && old?.message === next.message;
    return { ...next, lastUpdateTime: sameAll ? (old?.lastUpdateTime ?? iso) : iso, lastTransitionTime: sameStatus ? (old?.lastTransitionTime ?? iso) : iso };
  };
  const minAvailable = want - rollingLimits(d).unavailable;
  const available = (status.availableReplicas ?? 0) >= minAvailable;
  const availableCond = keep({ type: 'Available', status: available ? 'True' : 'False', reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', message: available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.' });
  const complete = (current.status.replicas ?? 0) === want && (current.status.availableReplicas ?? 0) >= want && (status.replicas ?? 0) === want;
  const prev = condition(d, 'Progressing');
  const deadline = (d.spec.progressDeadlineSeconds ?? 600) * 1000;
  let progressing: Condition;
  if (d.spec.paused) progressing = { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' };
  else if (complete) progressing = { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${current.metadata.name}" has successfully progressed.` };
  else if (created) progressing = { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${current.metadata.name}"` };
  else {
    const moved = !deepEqual(d.status?.updatedReplicas ?? 0, status.updatedReplicas ?? 0) || (d.status?.availableReplicas ?? 0) !== (status.availableReplicas ?? 0) || (d.status?.replicas ?? 0) !== (status.replicas ?? 0);
    const since = prev?.lastUpdateTime ? Date.parse(prev.lastUpdateTime) : now;
    if (prev?.reason === 'ProgressDeadlineExceeded' && !moved) progressing = prev;
    else if (!moved && now - since >= deadline && prev?.status === 'True') progressing = { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${current.metadata.name}" has timed out progressing.` };
    else {
      progressing = { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${current.metadata.name}" is progressing.` };
      if (moved) progressing.lastUpdateTime = iso;
      p.wake = Math.min(p.wake, (moved ? now : since) + deadline);
    }
  }
  const pc = keep(progressing);
  if (progressing.lastUpdateTime === iso) pc.lastUpdateTime = iso;
  status.conditions = [availableCond, pc];
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) if (status[k] === 0) delete status[k];
  if (!deepEqual(d.status, status)) {
    d.status = status;
    c.touch(d);
  }
}

