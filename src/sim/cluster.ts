/**
 * The simulated cluster: an apiserver-like object store with defaulting and validation, controllers that reconcile
 * over simulated time, and the node/container runtime. Deterministic: time comes from an injected clock and every
 * random choice from a seeded generator. Never touches the host.
 */
import { ManualClock } from '../lib/clock.js';
import { Rng } from '../lib/random.js';
import { SimError } from './errors.js';
import { resourceForKind, qualifiedResource, type ResourceInfo } from './resources.js';
import { objectKey, type ClusterState } from './state.js';
import type { KubeEvent, KubeObject, Namespace, Node } from './types.js';
import { bootstrap, type ClusterOptions, type NodeOptions } from './bootstrap.js';
import { CONTROLLERS } from './controllers/index.js';
import { validateObject } from './validate/index.js';

export type { ClusterOptions, NodeOptions };

/** What `apply` did, as kubectl reports it. */
export type ApplyAction = 'created' | 'configured' | 'unchanged';

/** Simulated time in milliseconds that passes for one command a learner types (so pods start "by the next command"). */
export const COMMAND_TICK_MS = 2_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Deep equality for plain JSON-like data. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The status the apiserver gives a new object (any status the client sent is ignored). */
const INITIAL_STATUS: Record<string, () => unknown> = {
  Pod: () => ({ phase: 'Pending' }),
  Service: () => ({ loadBalancer: {} }),
  Ingress: () => ({ loadBalancer: {} }),
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  ReplicationController: () => ({ replicas: 0 }),
};

export class Cluster {
  readonly clock: ManualClock;
  readonly rng: Rng;
  readonly options: Required<Pick<ClusterOptions, 'networkPlugin' | 'clusterDomain'>> & ClusterOptions;
  state: ClusterState;
  /** Bumped on every change to objects; lets callers (grader, UI) skip work when nothing changed. */
  version = 0;
  /** True while controllers run: a create/apply/delete made by a controller does not start a nested reconcile. */
  private reconciling = false;
  /**
   * Objects written (put, deleted, or changed in place with `touch(obj)`), newest last: a change feed that lets
   * controllers work on what changed, as informers do. Bounded; a reader too far behind resynchronises.
   */
  private changeLog: KubeObject[] = [];
  private changeLogStart = 0;
  /** Event dedup index (involved uid + reason + message → event), rebuilt when the state object is replaced. */
  private eventIndex: { state: ClusterState; byKey: Map<string, KubeEvent> } | undefined;

  constructor(options: ClusterOptions = {}) {
    this.clock = options.clock ?? new ManualClock();
    this.rng = new Rng(options.seed ?? 42);
    this.options = { networkPlugin: 'calico', clusterDomain: 'cluster.local', ...options };
    this.state = {
      objects: new Map(),
      nextUid: 1,
      nextResourceVersion: 1000,
      rngState: this.rng.seedState,
      runtime: new Map(),
      nodeDisks: new Map(),
      podIpNext: new Map(),
      addons: new Set(options.addons ?? []),
      tunnel: false,
      nodeImages: new Map(),
    };
    bootstrap(this, options);
    this.reconcile();
  }

  // ---- time -------------------------------------------------------------------------------------------------

  now(): number {
    return this.clock.now();
  }

  /** RFC 3339 for the current simulated time (`creationTimestamp`, event times). */
  nowIso(): string {
    return iso(this.clock.now());
  }

  /**
   * Moves simulated time forward, reconciling at each second so lifecycles (pulls, crashes, back-offs, probes)
   * unfold as they would. Long waits are stepped coarsely: bounded work whatever `ms` is.
   */
  advance(ms: number): void {
    const end = this.clock.now() + Math.max(0, ms);
    let coarse = 0;
    for (let steps = 0; this.clock.now() < end && steps < 200; steps++) {
      const remaining = end - this.clock.now();
      // The first two minutes second by second; beyond that, the rest in 60 equal steps (at most 180 reconciles).
      if (steps === 120) coarse = Math.max(1000, Math.ceil(remaining / 60));
      this.clock.advance(Math.min(steps < 120 ? 1000 : coarse, remaining));
      this.reconcile();
    }
  }

  /**
   * Runs every controller until nothing changes (bounded: at most 10 rounds). Writes made by a controller do not
   * recurse into another reconcile: the running loop sees the new version and runs another round.
   */
  reconcile(): void {
    if (this.reconciling) return;
    this.reconciling = true;
    try {
      for (let round = 0; round < 10; round++) {
        const before = this.version;
        for (const c of CONTROLLERS) c(this);
        if (this.version === before) break;
      }
    } finally {
      this.reconciling = false;
    }
  }

  // ---- ids ----------------------------------------------------------------------------------------------------

  newUid(): string {
    const n = this.state.nextUid++;
    const hex = n.toString(16).padStart(12, '0');
    return `${(0x1a2b3c4d + n).toString(16).slice(-8)}-${hex.slice(0, 4)}-4${hex.slice(4, 7)}-8${hex.slice(7, 10)}-${hex.padStart(12, '0')}`;
  }

  /** A random suffix in Kubernetes' alphabet (`x2x9k`). */
  randomSuffix(n = 5): string {
    return this.rng.string(n, 'bcdfghjklmnpqrstvwxz2456789');
  }

  // ---- store --------------------------------------------------------------------------------------------------

  private bucket(kind: string): Map<string, KubeObject> {
    let b = this.state.objects.get(kind);
    if (!b) {
      b = new Map();
      this.state.objects.set(kind, b);
    }
    return b;
  }

  private info(kind: string): ResourceInfo {
    const r = resourceForKind(kind);
    if (!r) throw SimError.badRequest(`no matches for kind "${kind}"`);
    return r;
  }

  /** One object, or undefined. */
  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const r = resourceForKind(kind);
    return this.state.objects.get(kind)?.get(objectKey(r?.namespaced ? (namespace ?? 'default') : undefined, name)) as T | undefined;
  }

  /** One object, or a NotFound error in the apiserver's wording. */
  mustGet<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T {
    const o = this.get<T>(kind, namespace, name);
    if (!o) throw SimError.notFound(qualifiedResource(this.info(kind)), name);
    return o;
  }

  /** Objects of a kind, in one namespace or all (`namespace` undefined), sorted by namespace then name. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    const b = this.state.objects.get(kind);
    if (!b) return [];
    const out: T[] = [];
    for (const o of b.values()) if (namespace === undefined || o.metadata.namespace === namespace) out.push(o as T);
    return out.sort((a, b) => {
      const an = a.metadata.namespace ?? '';
      const bn = b.metadata.namespace ?? '';
      if (an !== bn) return an < bn ? -1 : 1;
      return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
    });
  }

  /** Writes an object as-is (controllers' status updates). Bumps resourceVersion. */
  put(obj: KubeObject): void {
    const r = this.info(obj.kind);
    obj.metadata.resourceVersion = String(this.state.nextResourceVersion++);
    this.bucket(obj.kind).set(objectKey(r.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name), obj);
    this.version++;
    this.logChange(obj);
  }

  /** Marks a change made in place (status fields) without a new resourceVersion; name the object when you can. */
  touch(obj?: KubeObject): void {
    this.version++;
    if (obj) this.logChange(obj);
  }

  private logChange(obj: KubeObject): void {
    this.changeLog.push(obj);
    if (this.changeLog.length > 50_000) {
      this.changeLog.splice(0, 25_000);
      this.changeLogStart += 25_000;
    }
  }

  /** Position in the change feed: pass it to `changesSince` later. */
  get changeCursor(): number {
    return this.changeLogStart + this.changeLog.length;
  }

  /**
   * Objects written since `cursor` (possibly repeated; a deleted object is in the feed but no longer in the store),
   * or undefined when the feed no longer reaches back that far (the reader must look at everything).
   */
  changesSince(cursor: number): readonly KubeObject[] | undefined {
    if (cursor < this.changeLogStart) return undefined;
    return this.changeLog.slice(cursor - this.changeLogStart);
  }

  private prepare(input: KubeObject, namespace?: string): { obj: KubeObject; info: ResourceInfo } {
    const info = this.info(input.kind);
    const obj = structuredClone(input);
    obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
    if (info.namespaced) {
      const ns = obj.metadata.namespace ?? namespace ?? 'default';
      if (namespace && obj.metadata.namespace && obj.metadata.namespace !== namespace) {
        throw SimError.badRequest(
          `the namespace from the provided object "${obj.metadata.namespace}" does not match the namespace "${namespace}". You must pass '--namespace=${obj.metadata.namespace}' to perform this operation.`,
        );
      }
      obj.metadata.namespace = ns;
      if (!this.get('Namespace', undefined, ns)) throw SimError.notFound('namespaces', ns);
    } else {
      delete obj.metadata.namespace;
    }
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = obj.metadata.generateName + this.randomSuffix();
    validateObject(this, obj);
    return { obj, info };
  }

  /** Creates an object (`kubectl create`): AlreadyExists if it is there. Returns the stored object. */
  create<T extends KubeObject = KubeObject>(input: KubeObject, namespace?: string): T {
    const { obj, info } = this.prepare(input, namespace);
    if (this.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) {
      throw SimError.alreadyExists(qualifiedResource(info), obj.metadata.name);
    }
    obj.metadata.uid = this.newUid();
    obj.metadata.creationTimestamp = this.nowIso();
    if (obj.spec !== undefined) obj.metadata.generation = 1;
    const initial = INITIAL_STATUS[obj.kind];
    if (initial) obj.status = initial();
    if (obj.kind === 'Namespace') {
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
      (obj as Namespace).status = { phase: 'Active' };
    }
    this.put(obj);
    this.reconcile();
    return this.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name) ?? (obj as T);
  }

  /**
   * Applies an object (`kubectl apply`): creates it, or replaces its desired state (metadata labels/annotations and
   * spec, or data) keeping what the system owns (uid, creation time, status). Reports created/configured/unchanged.
   */
  apply(input: KubeObject, namespace?: string): { action: ApplyAction; object: KubeObject } {
    const { obj } = this.prepare(input, namespace);
    const existing = this.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!existing) return { action: 'created', object: this.create(obj) };
    const next = structuredClone(existing);
    let changed = false;
    for (const field of ['labels', 'annotations'] as const) {
      const want = obj.metadata[field];
      let merged = field === 'labels' && obj.kind === 'Namespace' ? { ...(want ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name } : want;
      if (field === 'annotations') {
        // Annotations a controller owns (`deployment.kubernetes.io/revision`) survive an apply, as in a three-way merge.
        const kept = Object.entries(existing.metadata.annotations ?? {}).filter(([k]) => k.startsWith('deployment.kubernetes.io/') && !(want && k in want));
        if (kept.length) merged = { ...(want ?? {}), ...Object.fromEntries(kept) };
      }
      if (!deepEqual(existing.metadata[field] ?? {}, merged ?? {})) {
        next.metadata[field] = merged;
        changed = true;
      }
    }
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'metadata' || k === 'status' || k === 'apiVersion' || k === 'kind') continue;
      if (!deepEqual(existing[k], v)) {
        changed = true;
        next[k] = v;
      }
    }
    for (const k of Object.keys(existing)) {
      if (!(k in obj) && !['metadata', 'status', 'apiVersion', 'kind', 'spec'].includes(k)) {
        delete next[k];
        changed = true;
      }
    }
    if (!changed) return { action: 'unchanged', object: existing };
    this.assertMutable(existing, next);
    if (!deepEqual(existing.spec, next.spec)) next.metadata.generation = (existing.metadata.generation ?? 1) + 1;
    this.put(next);
    this.reconcile();
    return { action: 'configured', object: next };
  }

  /** Replaces an object's desired state after an edit (`kubectl edit`, `label`, `scale`, `set image`). */
  update(next: KubeObject): KubeObject {
    const existing = this.mustGet(next.kind, next.metadata.namespace, next.metadata.name);
    validateObject(this, next);
    this.assertMutable(existing, next);
    if (!deepEqual(existing.spec, next.spec)) next.metadata.generation = (existing.metadata.generation ?? 1) + 1;
    this.put(next);
    this.reconcile();
    return next;
  }

  /** Immutable fields: a Pod's spec (except image) and a Service's clusterIP, as the apiserver enforces. */
  private assertMutable(existing: KubeObject, next: KubeObject): void {
    if (existing.kind === 'Pod') {
      const strip = (o: KubeObject): unknown => {
        const s = structuredClone(o.spec) as { containers?: { image?: string }[]; nodeName?: string };
        for (const c of s.containers ?? []) delete c.image;
        delete s.nodeName;
        return s;
      };
      if (!deepEqual(strip(existing), strip(next))) {
        throw SimError.invalid('Pod', existing.metadata.name, [
          { path: 'spec', type: 'Forbidden', detail: 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)' },
        ]);
      }
    }
  }

  /**
   * Deletes an object. Objects it owns are garbage-collected (background propagation), as the apiserver's GC does.
   * Returns the deleted object.
   */
  delete(kind: string, namespace: string | undefined, name: string): KubeObject {
    const info = this.info(kind);
    const obj = this.mustGet(kind, namespace, name);
    this.bucket(kind).delete(objectKey(info.namespaced ? obj.metadata.namespace : undefined, name));
    this.version++;
    this.logChange(obj);
    if (kind === 'Pod') this.state.runtime.delete(obj.metadata.uid!);
    if (kind === 'Namespace') {
      for (const [k, b] of this.state.objects) {
        if (!resourceForKind(k)?.namespaced) continue;
        for (const [key, o] of [...b]) if (o.metadata.namespace === name) this.delete(k, name, o.metadata.name) && b.delete(key);
      }
    }
    this.collectGarbage(obj.metadata.uid!);
    this.reconcile();
    return obj;
  }

  private collectGarbage(ownerUid: string): void {
    for (const [kind, b] of this.state.objects) {
      for (const o of [...b.values()]) {
        if (o.metadata.ownerReferences?.some((r) => r.uid === ownerUid) && this.get(kind, o.metadata.namespace, o.metadata.name)) {
          this.delete(kind, o.metadata.namespace, o.metadata.name);
        }
      }
    }
  }

  // ---- events -------------------------------------------------------------------------------------------------

  /** Records an Event about an object; repeats of the same reason+message bump `count` (as the event recorder does). */
  recordEvent(about: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string): void {
    const ns = about.metadata.namespace ?? 'default';
    if (this.eventIndex?.state !== this.state) {
      const byKey = new Map<string, KubeEvent>();
      for (const e of (this.state.objects.get('Event')?.values() ?? []) as Iterable<KubeEvent>) byKey.set(`${e.involvedObject.uid}\0${e.reason}\0${e.message}`, e);
      this.eventIndex = { state: this.state, byKey };
    }
    const key = `${about.metadata.uid}\0${reason}\0${message}`;
    const found = this.eventIndex.byKey.get(key);
    const existing = found && this.state.objects.get('Event')?.get(objectKey(found.metadata.namespace, found.metadata.name)) === found ? found : undefined;
    const now = this.nowIso();
    if (existing) {
      existing.count++;
      existing.lastTimestamp = now;
      this.touch();
      return;
    }
    const ev: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${about.metadata.name}.${(this.state.nextUid++).toString(16).padStart(16, '0')}`, namespace: ns, creationTimestamp: now, uid: this.newUid() },
      involvedObject: { kind: about.kind, name: about.metadata.name, namespace: about.metadata.namespace, uid: about.metadata.uid },
      reason,
      message,
      type,
      source: { component },
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
    };
    this.put(ev);
    this.eventIndex.byKey.set(key, ev);
  }

  /** Events about an object, oldest first. */
  eventsFor(obj: KubeObject): KubeEvent[] {
    return this.list<KubeEvent>('Event', obj.metadata.namespace ?? 'default')
      .filter((e) => e.involvedObject.uid === obj.metadata.uid)
      .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : 0));
  }

  // ---- nodes --------------------------------------------------------------------------------------------------

  nodes(): Node[] {
    return this.list<Node>('Node');
  }

  /** A node's InternalIP. */
  nodeIP(node: Node): string {
    return node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
  }

  // ---- snapshots (undo) ---------------------------------------------------------------------------------------

  /** A deep copy of the whole state, for undo. */
  snapshot(): ClusterState {
    this.state.rngState = this.rng.seedState;
    return structuredClone(this.state);
  }

  /** Restores a snapshot taken by `snapshot()`. Time is not rolled back. */
  restore(s: ClusterState): void {
    this.state = structuredClone(s);
    this.changeLogStart = this.changeCursor;
    this.changeLog = [];
    this.rng.seedState = s.rngState;
    this.version++;
  }
}
