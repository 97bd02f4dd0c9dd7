/**
 * The Endpoints and EndpointSlice controllers (kube-controller-manager): for every Service with a selector, the pods
 * it selects that have an IP and are not terminal, ready ones in `addresses`, the others in `notReadyAddresses`
 * (all ready with `publishNotReadyAddresses`; terminating pods only in slices, with `terminating: true`),
 * `targetPort` resolved per pod (a container port name can map to different numbers on different pods, giving
 * several subsets / slices), `hostname` for pods whose `subdomain` names the Service. Slices are `<service>-<suffix>`, labelled `kubernetes.io/service-name`, owned by the Service. The
 * `kubernetes` Service's endpoints (the apiserver on the control-plane node, :8443) are kept here too.
 * https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/
 *
 * Work is incremental: a run reads the cluster's change feed (the whole store only on a fresh start or after a
 * restore), and recomputes only the Services selecting pods that changed (or Services that changed themselves).
 */
import { matchesMap } from '../../lib/labels.js';
import { fnv32a } from '../../lib/hash.js';
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import type { ClusterState } from '../state.js';
import type { EndpointAddress, EndpointSlice, EndpointSubset, Endpoints, KubeObject, Pod, Protocol, Service, ServicePort } from '../types.js';
import { isPodReady } from './pod-status.js';

interface PodMark {
  obj: Pod;
  rv: string | undefined;
  ip: string | undefined;
  ready: boolean;
  phase: string;
  ns: string;
  labels: Record<string, string> | undefined;
  deleting: boolean;
}

interface Cache {
  state: ClusterState;
  version: number;
  /** Position in the cluster's change feed; -1 to look at everything. */
  cursor: number;
  pods: Map<string, PodMark>;
  /** Namespace → pod uid → pod: the pods a Service can select, kept up to date from the feed. */
  byNs: Map<string, Map<string, Pod>>;
  services: Map<string, string | undefined>;
}

const caches = new WeakMap<Cluster, Cache>();
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MANAGED_BY = 'endpointslice-controller.k8s.io';

type SlicePort = { name: string; port: number; protocol: Protocol };

/** A deterministic 5-character suffix in Kubernetes' alphabet for a generated slice name. */
function suffix(seed: string): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += ALPHABET[fnv32a(`${seed}#${i}`) % ALPHABET.length];
  return s;
}

/** The pod's port for a Service port: a number, or a container port found by name and protocol (`podutil.FindPort`). */
export function resolveTargetPort(pod: Pod, sp: ServicePort): number | undefined {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  const proto = sp.protocol ?? 'TCP';
  for (const ct of pod.spec.containers) for (const p of ct.ports ?? []) if (p.name === t && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  return undefined;
}

const byIP = (a: { ip: string }, b: { ip: string }): number => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);

interface Group {
  ports: SlicePort[];
  ready: { ip: string; pod: Pod; hostname?: string; ready: boolean; serving: boolean; terminating: boolean }[];
}

function groupsFor(svc: Service, pods: Pod[]): Group[] {
  const groups = new Map<string, Group>();
  for (const pod of pods) {
    if (!matchesMap(svc.spec.selector, pod.metadata.labels)) continue;
    const ip = pod.status?.podIP;
    if (!ip || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    const terminating = !!pod.metadata.deletionTimestamp;
    const ports: SlicePort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = resolveTargetPort(pod, sp);
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
    }
    if (ports.length === 0 && (svc.spec.ports ?? []).length > 0) continue;
    const key = ports.map((p) => `${p.name}/${p.port}/${p.protocol}`).join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, ready: [] }));
    const podReady = isPodReady(pod);
    const hostname = pod.spec.hostname && pod.spec.subdomain === svc.metadata.name ? pod.spec.hostname : undefined;
    const ready = !terminating && (podReady || !!svc.spec.publishNotReadyAddresses);
    g.ready.push({ ip, pod, ready, serving: podReady, terminating, ...(hostname ? { hostname } : {}) });
  }
  const out = [...groups.values()];
  for (const g of out) g.ready.sort(byIP);
  return out.sort((a, b) => byIP(a.ready[0]!, b.ready[0]!));
}

function address(e: Group['ready'][number]): EndpointAddress {
  const a: EndpointAddress = { ip: e.ip };
  if (e.hostname) a.hostname = e.hostname;
  if (e.pod.spec.nodeName) a.nodeName = e.pod.spec.nodeName;
  a.targetRef = { kind: 'Pod', name: e.pod.metadata.name, namespace: e.pod.metadata.namespace ?? 'default', uid: e.pod.metadata.uid };
  return a;
}

function subsetsOf(groups: Group[]): EndpointSubset[] {
  return groups.filter((g) => g.ready.some((e) => !e.terminating)).map((g) => {
    const s: EndpointSubset = {};
    const ready = g.ready.filter((e) => e.ready).map(address);
    const notReady = g.ready.filter((e) => !e.ready && !e.terminating).map(address);
    if (ready.length) s.addresses = ready;
    if (notReady.length) s.notReadyAddresses = notReady;
    if (g.ports.length) s.ports = g.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol }));
    return s;
  });
}

function sliceEndpoints(g: Group): EndpointSlice['endpoints'] {
  return g.ready.map((e) => ({
    addresses: [e.ip],
    conditions: { ready: e.ready, serving: e.serving, terminating: e.terminating },
    ...(e.hostname ? { hostname: e.hostname } : {}),
    ...(e.pod.spec.nodeName ? { nodeName: e.pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', name: e.pod.metadata.name, namespace: e.pod.metadata.namespace ?? 'default', uid: e.pod.metadata.uid },
  }));
}

/** Writes `obj` when its managed fields differ from the stored one; new objects get a uid and creation time. */
function save(c: Cluster, existing: KubeObject | undefined, obj: KubeObject, fields: string[]): void {
  if (existing && fields.every((f) => deepEqual(existing[f], obj[f])) && deepEqual(existing.metadata.labels, obj.metadata.labels)) return;
  obj.metadata.uid = existing?.metadata.uid ?? c.newUid();
  obj.metadata.creationTimestamp = existing?.metadata.creationTimestamp ?? c.nowIso();
  c.put(obj);
}

function writeEndpoints(c: Cluster, svc: Service, subsets: EndpointSubset[], labels: Record<string, string> | undefined): void {
  const ns = svc.metadata.namespace ?? 'default';
  const existing = c.get<Endpoints>('Endpoints', ns, svc.metadata.name);
  const ep: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: ns, ...(labels ? { labels } : {}) } };
  if (subsets.length) ep.subsets = subsets;
  save(c, existing, ep, ['subsets']);
}

function writeSlices(c: Cluster, svc: Service, groups: Group[], existing: EndpointSlice[], deletes: [string, string][]): void {
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name;
  const labels = { ...(svc.metadata.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': MANAGED_BY, 'kubernetes.io/service-name': name };
  const owner = { apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true };
  const wanted: { ports: SlicePort[] | null; endpoints: EndpointSlice['endpoints'] }[] = groups.length
    ? groups.map((g) => ({ ports: g.ports, endpoints: sliceEndpoints(g) }))
    : [{ ports: null, endpoints: [] }];
  const sorted = [...existing].sort((a, b) => ((a.metadata.creationTimestamp ?? '') + a.metadata.name < (b.metadata.creationTimestamp ?? '') + b.metadata.name ? -1 : 1));
  wanted.forEach((w, i) => {
    const prev = sorted[i];
    const sliceName = prev?.metadata.name ?? `${name}-${suffix(`${svc.metadata.uid}/${i}`)}`;
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: sliceName, generateName: `${name}-`, namespace: ns, labels, ownerReferences: [owner] },
      addressType: 'IPv4',
      endpoints: w.endpoints,
      ports: w.ports,
    };
    save(c, prev, slice, ['endpoints', 'ports']);
  });
  for (const extra of sorted.slice(wanted.length)) deletes.push(['EndpointSlice', `${ns}/${extra.metadata.name}`]);
}

/** The apiserver's own endpoints for `default/kubernetes`: every control-plane node's InternalIP on :8443. */
function kubernetesEndpoints(c: Cluster, svc: Service): void {
  const nodes = c.nodes().filter((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined);
  const ips = nodes.map((n) => c.nodeIP(n)).sort();
  const subsets: EndpointSubset[] = ips.length ? [{ addresses: ips.map((ip) => ({ ip })), ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] }] : [];
  writeEndpoints(c, svc, subsets, { 'endpointslice.kubernetes.io/skip-mirror': 'true' });
  const existing = c.get<EndpointSlice>('EndpointSlice', 'default', 'kubernetes');
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
    ports: [{ name: 'https', port: 8443, protocol: 'TCP' }],
  };
  save(c, existing, slice, ['endpoints', 'ports']);
}

function podChanged(m: PodMark | undefined, p: Pod): boolean {
  return !m || m.obj !== p || m.deleting !== !!p.metadata.deletionTimestamp || m.rv !== p.metadata.resourceVersion || m.ip !== p.status?.podIP || m.ready !== isPodReady(p) || m.phase !== p.status?.phase;
}

/** Keeps every Service's Endpoints and EndpointSlices in step with the pods it selects. */
export function endpointsController(c: Cluster): void {
  let cache = caches.get(c);
  if (!cache || cache.state !== c.state) {
    cache = { state: c.state, version: -1, cursor: -1, pods: new Map(), byNs: new Map(), services: new Map() };
    caches.set(c, cache);
  }
  if (cache.version === c.version) return;
  const store = cache;
  /** Per namespace, the label sets (before and after) of pods that changed: only Services selecting them recompute. */
  const dirty = new Map<string, (Record<string, string> | undefined)[]>();
  const mark = (ns: string, labels: Record<string, string> | undefined): void => {
    const list = dirty.get(ns);
    if (list) list.push(labels);
    else dirty.set(ns, [labels]);
  };
  const visit = (p: Pod): string => {
    const ns = p.metadata.namespace ?? 'default';
    const uid = p.metadata.uid ?? `${ns}/${p.metadata.name}`;
    let pods = store.byNs.get(ns);
    if (!pods) store.byNs.set(ns, (pods = new Map()));
    pods.set(uid, p);
    const old = store.pods.get(uid);
    if (podChanged(old, p)) {
      mark(ns, p.metadata.labels);
      if (old) mark(old.ns, old.labels);
      store.pods.set(uid, { obj: p, rv: p.metadata.resourceVersion, ip: p.status?.podIP, ready: isPodReady(p), phase: p.status?.phase, ns, labels: p.metadata.labels, deleting: !!p.metadata.deletionTimestamp });
    }
    return uid;
  };
  const drop = (uid: string): void => {
    const m = store.pods.get(uid);
    if (!m) return;
    mark(m.ns, m.labels);
    store.pods.delete(uid);
    store.byNs.get(m.ns)?.delete(uid);
  };
  const feed = cache.cursor >= 0 ? c.changesSince(cache.cursor) : undefined;
  cache.cursor = c.changeCursor;
  if (feed) {
    const done = new Set<KubeObject>();
    for (const o of feed) {
      if (o.kind !== 'Pod' || done.has(o)) continue;
      done.add(o);
      const cur = c.get<Pod>('Pod', o.metadata.namespace, o.metadata.name);
      if (!cur || cur.metadata.uid !== o.metadata.uid) drop(o.metadata.uid ?? `${o.metadata.namespace}/${o.metadata.name}`);
      if (cur) visit(cur);
    }
  } else {
    cache.byNs = new Map();
    const seen = new Set<string>();
    for (const o of c.state.objects.get('Pod')?.values() ?? []) seen.add(visit(o as Pod));
    for (const uid of [...cache.pods.keys()]) if (!seen.has(uid)) drop(uid);
  }
  const deletes: [string, string][] = [];
  const liveServices = new Set<string>();
  let slicesBySvc: Map<string, EndpointSlice[]> | undefined;
  for (const o of c.state.objects.get('Service')?.values() ?? []) {
    const svc = o as Service;
    const ns = svc.metadata.namespace ?? 'default';
    const key = `${ns}/${svc.metadata.name}`;
    liveServices.add(key);
    const changed = cache.services.get(key) !== svc.metadata.resourceVersion || !cache.services.has(key);
    cache.services.set(key, svc.metadata.resourceVersion);
    if (!changed && !dirty.get(ns)?.some((labels) => !svc.spec.selector || matchesMap(svc.spec.selector, labels))) continue;
    if (key === 'default/kubernetes' && !svc.spec.selector) {
      kubernetesEndpoints(c, svc);
      continue;
    }
    if (!svc.spec.selector || svc.spec.type === 'ExternalName') continue;
    slicesBySvc ??= indexSlices(c);
    const groups = groupsFor(svc, [...(cache.byNs.get(ns)?.values() ?? [])]);
    writeEndpoints(c, svc, subsetsOf(groups), svc.metadata.labels);
    writeSlices(c, svc, groups, slicesBySvc.get(key) ?? [], deletes);
  }
  for (const key of [...cache.services.keys()]) {
    if (liveServices.has(key)) continue;
    cache.services.delete(key);
    deletes.push(['Endpoints', key]);
  }
  cache.version = c.version;
  for (const [kind, key] of deletes) {
    const [ns, name] = key.split('/') as [string, string];
    if (c.get(kind, ns, name)) c.delete(kind, ns, name);
  }
}

function indexSlices(c: Cluster): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const o of c.state.objects.get('EndpointSlice')?.values() ?? []) {
    const s = o as EndpointSlice;
    if (s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] !== MANAGED_BY) continue;
    const key = `${s.metadata.namespace}/${s.metadata.labels['kubernetes.io/service-name']}`;
    const list = out.get(key) ?? [];
    list.push(s);
    out.set(key, list);
  }
  return out;
}
