/**
 * The ReplicaSet and ReplicationController controllers, and the pass that runs them with the Deployment controller
 * (`deployment.ts`): a ReplicaSet keeps `replicas` pods matching its selector, adopting orphans, creating missing
 * ones with `generateName` (so a deleted pod comes back under a new name) and deleting the least useful first;
 * `availableReplicas` honours `minReadySeconds`.
 * https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/
 *
 * Work is incremental: a pass reads the cluster's change feed, reconciles only controllers whose object, ReplicaSets
 * or pods changed (ownership links a change to its owner) or whose timer (progress deadline, `minReadySeconds`) is
 * due, and keeps ownership indexes up to date instead of rebuilding them.
 */
import { matchesMap, matchesSelector } from '../../lib/labels.js';
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import type { ClusterState } from '../state.js';
import type { Deployment, KubeObject, Pod, PodTemplateSpec, ReplicaSet, ReplicationController } from '../types.js';
import { link, objectsOf, ownerRef, reconcileDeployment, unlink, type Index, type Mark, type Pass } from './deployment.js';
import { deletePodGracefully } from './kubelet.js';
import { isPodReady } from './pod-status.js';

export { podTemplateHash, replicaSetsOf, revisionOf, rollingLimits } from './deployment.js';

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
  const owned = objectsOf<Pod>(p.idx, p.idx.owned.get(owner.metadata.uid!), 'Pod').filter((pod) => live(pod) && !pod.metadata.deletionTimestamp);
  // A pod whose labels no longer match is released (its owner reference removed), as the controller's ref manager does.
  const mine: Pod[] = [];
  for (const pod of owned) {
    if (matches(pod)) {
      mine.push(pod);
      continue;
    }
    pod.metadata.ownerReferences = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
    if (!pod.metadata.ownerReferences.length) delete pod.metadata.ownerReferences;
    c.put(pod);
  }
  // Adopt every orphan that matches (the ref manager's ClaimPods), then remove any surplus below.
  for (const pod of objectsOf<Pod>(p.idx, p.idx.orphans.get(owner.metadata.namespace ?? 'default'), 'Pod')) {
    if (!pod.metadata.ownerReferences?.length && !pod.metadata.deletionTimestamp && live(pod) && matches(pod)) {
      pod.metadata.ownerReferences = [ownerRef(owner)];
      c.put(pod);
      mine.push(pod);
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
      deletePodGracefully(c, v);
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
  // A pod's change reaches its ReplicaSet's owner too (Recreate waits for old pods to be gone).
  for (const uid of [...dirty]) for (const u of cache.marks.get(uid)?.owners ?? []) dirty.add(u);
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
