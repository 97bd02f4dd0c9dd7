/**
 * The Deployment, ReplicaSet and ReplicationController controllers (kube-controller-manager). A Deployment owns one
 * ReplicaSet per template (`<deploy>-<pod-template-hash>`); a template change rolls pods over to a new ReplicaSet in
 * steps bounded by `maxSurge`/`maxUnavailable` (or all at once with `Recreate`); old ReplicaSets stay at 0 replicas
 * as revision history (`deployment.kubernetes.io/revision`, `kubernetes.io/change-cause` copied from the
 * Deployment), and a rollback reuses the old ReplicaSet under a new revision number. Status conditions follow the
 * controller (`NewReplicaSetAvailable`, `ReplicaSetUpdated`, `ProgressDeadlineExceeded`). A ReplicaSet replaces any
 * pod it loses with a new one under a new name. https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 *
 * Work is incremental: a pass runs only when the store changed (`cluster.version`) or a timer (progress deadline,
 * `minReadySeconds`) is due, and reads pods through one index built per pass.
 */
import { fnv32a, safeEncode } from '../../lib/hash.js';
import { matchesMap, matchesSelector } from '../../lib/labels.js';
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import type { ClusterState } from '../state.js';
import type { Deployment, KubeObject, OwnerReference, Pod, PodTemplateSpec, ReplicaSet, ReplicationController } from '../types.js';
import { isPodReady } from './pod-status.js';

/** The `pod-template-hash` of a template, as the Deployment controller computes it (FNV-32a, safe-encoded). */
export function podTemplateHash(template: PodTemplateSpec, collisionCount = 0): string {
  return safeEncode(fnv32a(JSON.stringify(template) + (collisionCount ? String(collisionCount) : '')));
}

function ownerRef(o: KubeObject): OwnerReference {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true } as OwnerReference;
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
interface Index {
  owned: Map<string, Set<string>>;
  orphans: Map<string, Set<string>>;
  marks: Map<string, Mark>;
}

function objectsOf<T extends KubeObject>(idx: Index, uids: Set<string> | undefined, kind: string): T[] {
  const out: T[] = [];
  for (const u of uids ?? []) {
    const m = idx.marks.get(u);
    if (m && m.obj.kind === kind) out.push(m.obj as T);
  }
  return out;
}

interface Pass {
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

function reconcileDeployment(p: Pass, d: Deployment): void {
  const { c } = p;
  const want = d.spec.replicas ?? 1;
  let owned = ownedSets(p, d);
  const maxRev = owned.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
  let current = owned.find((rs) => deepEqual(stripHash(rs.spec.template), d.spec.template));
  let created = false;
  if (d.spec.paused) return;
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
  if (complete) progressing = { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${current.metadata.name}" has successfully progressed.` };
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

function podFromTemplate(owner: KubeObject, template: PodTemplateSpec): Pod {
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

/** When the pod became Ready (the Ready condition's transition time), for minReadySeconds. */
function readySince(pod: Pod): number {
  const t = pod.status?.conditions?.find((x) => x.type === 'Ready')?.lastTransitionTime;
  return t ? Date.parse(t) : 0;
}

/** Keeps `replicas` pods matching the selector alive; creates with `generateName`, deletes the least useful first. */
function reconcileReplicas(p: Pass, owner: ReplicaSet | ReplicationController, matches: (pod: Pod) => boolean): void {
  const { c } = p;
  const want = owner.spec.replicas ?? 1;
  const live = (pod: Pod): boolean => c.get('Pod', pod.metadata.namespace, pod.metadata.name) === pod;
  const mine = objectsOf<Pod>(p.idx, p.idx.owned.get(owner.metadata.uid!), 'Pod').filter((pod) => live(pod) && !pod.metadata.deletionTimestamp);
  // Adopt orphans that match (as the ReplicaSet controller does).
  if (mine.length < want) {
    for (const pod of objectsOf<Pod>(p.idx, p.idx.orphans.get(owner.metadata.namespace ?? 'default'), 'Pod')) {
      if (mine.length >= want) break;
      if (!pod.metadata.ownerReferences?.length && live(pod) && matches(pod)) {
        pod.metadata.ownerReferences = [ownerRef(owner)];
        c.put(pod);
        mine.push(pod);
      }
    }
  }
  const component = owner.kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller';
  for (let i = mine.length; i < want; i++) {
    const pod = c.create<Pod>(podFromTemplate(owner, owner.spec.template));
    mine.push(pod);
    c.recordEvent(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, component);
  }
  if (mine.length > want) {
    const rank = (pod: Pod): number => (!pod.spec.nodeName ? 0 : pod.status.phase === 'Pending' ? 1 : !isPodReady(pod) ? 2 : 3);
    const victims = [...mine]
      .sort((a, b) => rank(a) - rank(b) || (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? 1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? -1 : 0))
      .slice(0, mine.length - want);
    for (const v of victims) {
      c.delete('Pod', v.metadata.namespace, v.metadata.name);
      c.recordEvent(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${v.metadata.name}`, component);
    }
  }
  const pods = mine.filter(live);
  const minReady = ((owner.spec as { minReadySeconds?: number }).minReadySeconds ?? 0) * 1000;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (!isPodReady(pod)) continue;
    ready++;
    const at = readySince(pod) + minReady;
    if (at <= p.now) available++;
    else p.wake = Math.min(p.wake, at);
  }
  const status: ReplicaSet['status'] = { replicas: pods.length, fullyLabeledReplicas: pods.length, readyReplicas: ready, availableReplicas: available, observedGeneration: owner.metadata.generation };
  if (!ready) delete status.readyReplicas;
  if (!available) delete status.availableReplicas;
  if (!pods.length) delete status.fullyLabeledReplicas;
  if (!deepEqual(owner.status, status)) {
    owner.status = status;
    c.touch(owner);
  }
}

interface Mark {
  mark: string;
  owners: string[];
  ns: string;
  obj: KubeObject;
}

function link(m: Map<string, Set<string>>, key: string, uid: string): void {
  const s = m.get(key);
  if (s) s.add(uid);
  else m.set(key, new Set([uid]));
}

function unlink(m: Map<string, Set<string>>, key: string, uid: string): void {
  const s = m.get(key);
  s?.delete(uid);
  if (s && !s.size) m.delete(key);
}

interface Cache extends Index {
  state: ClusterState;
  version: number;
  /** Object uid → when its timer (progress deadline, minReadySeconds) is due. */
  wakes: Map<string, number>;
  /** Position in the cluster's change feed; -1 to look at everything. */
  cursor: number;
}

const caches = new WeakMap<Cluster, Cache>();
const KINDS = new Set(['Pod', 'ReplicaSet', 'ReplicationController', 'Deployment']);

/** What about an object the controllers react to: its resourceVersion, plus status fields updated in place. */
function markOf(kind: string, o: KubeObject): string {
  if (kind === 'Pod') {
    const p = o as Pod;
    const ready = p.status?.conditions?.find((x) => x.type === 'Ready');
    return `${o.metadata.resourceVersion}|${p.status?.phase}|${ready?.status}|${ready?.lastTransitionTime}|${p.spec.nodeName ?? ''}`;
  }
  if (kind === 'Deployment') return o.metadata.resourceVersion ?? '';
  const st = (o as ReplicaSet).status ?? {};
  return `${o.metadata.resourceVersion}|${st.replicas}|${st.readyReplicas}|${st.availableReplicas}`;
}

/**
 * The controllers to run: those whose object, owned ReplicaSets or pods changed since the last pass (ownership links
 * a change to its owner), the ReplicaSets of a namespace with a changed orphan pod (adoption), and due timers.
 */
function changed(c: Cluster, cache: Cache, now: number): { dirty: Set<string>; orphanNs: Set<string> } {
  const dirty = new Set<string>();
  const orphanNs = new Set<string>();
  const visit = (kind: string, o: KubeObject): void => {
    const uid = o.metadata.uid!;
    const mark = markOf(kind, o);
    const prev = cache.marks.get(uid);
    if (prev?.mark === mark && prev.obj === o) return;
    const owners = (o.metadata.ownerReferences ?? []).map((r) => r.uid);
    const ns = o.metadata.namespace ?? 'default';
    if (prev) for (const u of prev.owners) unlink(cache.owned, u, uid);
    if (prev?.obj.kind === 'Pod') unlink(cache.orphans, prev.ns, uid);
    for (const u of owners) link(cache.owned, u, uid);
    if (kind === 'Pod' && owners.length === 0) link(cache.orphans, ns, uid);
    cache.marks.set(uid, { mark, owners, ns, obj: o });
    dirty.add(uid);
    for (const u of [...owners, ...(prev?.owners ?? [])]) dirty.add(u);
    if (kind === 'Pod' && owners.length === 0) orphanNs.add(ns);
  };
  const gone = (uid: string): void => {
    const m = cache.marks.get(uid);
    if (!m) return;
    cache.marks.delete(uid);
    cache.wakes.delete(uid);
    for (const u of m.owners) unlink(cache.owned, u, uid);
    if (m.obj.kind === 'Pod') unlink(cache.orphans, m.ns, uid);
    for (const u of m.owners) dirty.add(u);
  };
  const feed = cache.cursor >= 0 ? c.changesSince(cache.cursor) : undefined;
  cache.cursor = c.changeCursor;
  if (feed) {
    const done = new Set<KubeObject>();
    for (const o of feed) {
      if (!KINDS.has(o.kind) || done.has(o)) continue;
      done.add(o);
      const cur = c.get(o.kind, o.metadata.namespace, o.metadata.name);
      if (cur && cur.metadata.uid === o.metadata.uid) visit(o.kind, cur);
      else gone(o.metadata.uid!);
      if (cur && cur.metadata.uid !== o.metadata.uid) visit(o.kind, cur);
    }
  } else {
    const seen = new Set<string>();
    for (const kind of KINDS) {
      for (const o of c.state.objects.get(kind)?.values() ?? []) {
        seen.add(o.metadata.uid!);
        visit(kind, o);
      }
    }
    for (const uid of [...cache.marks.keys()]) if (!seen.has(uid)) gone(uid);
  }
  for (const [uid, t] of cache.wakes) if (t <= now) dirty.add(uid);
  return { dirty, orphanNs };
}

/** Reconciles the Deployments, ReplicaSets and ReplicationControllers that changed or are due. */
export function workloadsController(c: Cluster): void {
  const now = c.now();
  let cache = caches.get(c);
  if (cache && cache.state === c.state && cache.version === c.version && [...cache.wakes.values()].every((t) => now < t)) return;
  if (!cache || cache.state !== c.state) caches.set(c, (cache = { state: c.state, version: -1, marks: new Map(), owned: new Map(), orphans: new Map(), wakes: new Map(), cursor: -1 }));
  const { dirty, orphanNs } = changed(c, cache, now);
  cache.version = c.version;
  if (dirty.size === 0 && orphanNs.size === 0) return;
  const p: Pass = { c, idx: cache, now, wake: Infinity, dirty };
  const run = (o: KubeObject, f: () => void): void => {
    p.wake = Infinity;
    f();
    if (p.wake < Infinity) cache.wakes.set(o.metadata.uid!, p.wake);
    else cache.wakes.delete(o.metadata.uid!);
  };
  // Only the controllers that changed, in the store's order (namespace, then name) so runs are reproducible.
  const byKey = (a: KubeObject, b: KubeObject): number => {
    const an = a.metadata.namespace ?? '';
    const bn = b.metadata.namespace ?? '';
    if (an !== bn) return an < bn ? -1 : 1;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  };
  const pick = <T extends KubeObject>(kind: string): T[] => {
    const out: T[] = [];
    for (const uid of dirty) {
      const m = cache.marks.get(uid);
      if (m?.obj.kind === kind && c.get(kind, m.obj.metadata.namespace, m.obj.metadata.name) === m.obj) out.push(m.obj as T);
    }
    return out.sort(byKey);
  };
  const orphaned = <T extends KubeObject>(kind: string, have: T[]): T[] => {
    if (!orphanNs.size) return have;
    const seen = new Set(have);
    for (const ns of orphanNs) for (const o of c.list<T>(kind, ns)) seen.add(o);
    return [...seen].sort(byKey);
  };
  for (const d of pick<Deployment>('Deployment')) run(d, () => reconcileDeployment(p, d));
  for (const rs of orphaned('ReplicaSet', pick<ReplicaSet>('ReplicaSet'))) {
    run(rs, () => reconcileReplicas(p, rs, (pod) => matchesSelector(rs.spec.selector, pod.metadata.labels)));
  }
  for (const rc of orphaned('ReplicationController', pick<ReplicationController>('ReplicationController'))) {
    const sel = rc.spec.selector ?? rc.spec.template.metadata?.labels;
    run(rc, () => reconcileReplicas(p, rc, (pod) => matchesMap(sel, pod.metadata.labels)));
  }
}
