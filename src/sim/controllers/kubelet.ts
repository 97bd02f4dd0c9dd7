/**
 * The kubelet: for each pod bound to a node it creates the sandbox (an IP from the node's pod CIDR), mounts volumes,
 * pulls images (`IfNotPresent` reuses the node's copy; a missing image goes ErrImagePull → ImagePullBackOff), starts
 * containers, restarts exited ones with the kubelet's back-off (first restart at once, then 10 s doubling to 300 s:
 * CrashLoopBackOff), runs readiness and liveness probes on their periods, and reports `status` as the real kubelet
 * does. Work is incremental: a pod is synced when its object changed or its next timer (probe, back-off, exit) is due.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/
 */
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import { checkVolumes } from '../container-fs.js';
import type { ClusterState, PodRuntime } from '../state.js';
import type { ContainerStatus, Node, Pod, PodCondition } from '../types.js';
import { containerArgv, lookupImage } from '../images.js';
import { iso, newContainerRuntime, syncContainer } from './container-runtime.js';
import { podRequests, qosClass, schedulePod, type NodeUsage } from './scheduler.js';

export { cpuMillis, memBytes } from './scheduler.js';

/** Allocates the next free IP in a node's pod CIDR (host-local IPAM: sequential, so a freed IP is not reused at once). */
function allocatePodIP(c: Cluster, node: Node, used: Set<string>): string {
  const base = node.spec.podCIDR.split('/')[0]!.split('.').slice(0, 3).join('.');
  let next = c.state.podIpNext.get(node.metadata.name) ?? 2;
  for (let i = 0; i < 253; i++) {
    const ip = `${base}.${next}`;
    next = next >= 254 ? 2 : next + 1;
    if (!used.has(ip)) {
      c.state.podIpNext.set(node.metadata.name, next);
      used.add(ip);
      return ip;
    }
  }
  return `${base}.254`;
}


/** The pod phase from container states (kubelet `getPhase`, restartPolicy-aware). */
function podPhase(pod: Pod, statuses: ContainerStatus[]): Pod['status']['phase'] {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState?.terminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Always') return 'Running';
  if (policy === 'OnFailure') return stopped === succeeded ? 'Succeeded' : 'Running';
  return stopped === succeeded ? 'Succeeded' : 'Failed';
}

function createSandbox(c: Cluster, pod: Pod, node: Node, now: number): PodRuntime {
  const rt: PodRuntime = { uid: pod.metadata.uid!, containers: new Map(), emptyDirs: new Map(), sandboxAt: now, nextPid: 8 };
  for (const ct of pod.spec.containers) rt.containers.set(ct.name, newContainerRuntime());
  for (const v of pod.spec.volumes ?? []) if (v.emptyDir) rt.emptyDirs.set(v.name, new Map([['/', { type: 'dir', mtime: now }]]));
  c.state.runtime.set(pod.metadata.uid!, rt);
  pod.status = { ...pod.status, phase: 'Pending', hostIP: c.nodeIP(node), startTime: iso(now), qosClass: qosClass(pod) };
  c.touch(pod);
  return rt;
}

/** The sandbox's network: an IP from the node's pod CIDR (the node's own with hostNetwork), once volumes are mounted. */
function attachNetwork(c: Cluster, pod: Pod, node: Node, usedIPs: () => Set<string>): void {
  const ip = pod.spec.hostNetwork ? c.nodeIP(node) : allocatePodIP(c, node, usedIPs());
  const { phase, hostIP, ...rest } = pod.status;
  pod.status = { phase, hostIP, podIP: ip, podIPs: [{ ip }], ...rest };
  c.touch(pod);
}

/**
 * Graceful deletion, as the apiserver and kubelet do it when a controller scales down: the pod gets a
 * `deletionTimestamp` (STATUS `Terminating`, out of the endpoints) and its containers their stop signal; it is removed
 * once they have exited: after a second for servers that stop on it (nginx, httpd, Go servers), after
 * `terminationGracePeriodSeconds` (30) for a shell or `sleep` as PID 1, which ignores it and is killed.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
export function deletePodGracefully(c: Cluster, pod: Pod): void {
  if (pod.metadata.deletionTimestamp) return;
  const rt = c.state.runtime.get(pod.metadata.uid!);
  if (!rt || !pod.spec.nodeName) {
    c.delete('Pod', pod.metadata.namespace, pod.metadata.name);
    return;
  }
  const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
  pod.metadata.deletionTimestamp = iso(c.now() + grace * 1000);
  (pod.metadata as { deletionGracePeriodSeconds?: number }).deletionGracePeriodSeconds = grace;
  c.put(pod);
}

/** A terminating pod: stop its containers, and remove the pod once they are gone. */
function syncTerminating(c: Cluster, pod: Pod, rt: PodRuntime, now: number): void {
  if (rt.goneAt === undefined) {
    const grace = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    let last = now;
    for (const spec of pod.spec.containers) {
      const cr = rt.containers.get(spec.name);
      if (!cr || cr.startedAt === undefined) continue;
      c.recordEvent(pod, 'Normal', 'Killing', `Stopping container ${spec.name}`, 'kubelet');
      const image = lookupImage(spec.image);
      const main = image?.main(containerArgv(image, spec.command, spec.args));
      last = Math.max(last, now + (main?.type === 'sleep' && image?.repository !== 'registry.k8s.io/pause' && image?.shells.length ? grace : 1_000));
    }
    rt.goneAt = last;
  }
  rt.wakeAt = rt.goneAt;
  rt.seenRv = pod.metadata.resourceVersion;
  if (now >= rt.goneAt) c.delete('Pod', pod.metadata.namespace, pod.metadata.name);
}

function syncPod(c: Cluster, pod: Pod, node: Node, now: number, usedIPs: () => Set<string>): void {
  const rt = c.state.runtime.get(pod.metadata.uid!) ?? createSandbox(c, pod, node, now);
  if (pod.metadata.deletionTimestamp) return syncTerminating(c, pod, rt, now);
  if (!rt.mounted) {
    const mountError = checkVolumes(c, pod);
    if (mountError) c.recordEvent(pod, 'Warning', 'FailedMount', mountError, 'kubelet');
    rt.mountError = mountError;
    rt.mounted = !mountError;
  }
  // Volumes are mounted before the sandbox gets its network: a pod stuck on FailedMount has no IP yet.
  if (rt.mounted && !pod.status.podIP) attachNetwork(c, pod, node, usedIPs);
  const statuses: ContainerStatus[] = [];
  let wake = Infinity;
  for (const spec of pod.spec.containers) {
    const r = syncContainer(c, pod, rt, spec, now);
    statuses.push(r.st);
    wake = Math.min(wake, r.wake);
  }
  rt.wakeAt = wake;
  rt.seenRv = pod.metadata.resourceVersion;
  const phase = podPhase(pod, statuses);
  const allReady = statuses.every((s) => s.ready);
  const t = (b: boolean): 'True' | 'False' => (b ? 'True' : 'False');
  const unready = `containers with unready status: [${statuses.filter((s) => !s.ready).map((s) => s.name).join(' ')}]`;
  const done = phase === 'Succeeded' || phase === 'Failed';
  const notReady = done ? { reason: 'PodCompleted' } : { reason: 'ContainersNotReady', message: unready };
  const conditions: PodCondition[] = [
    { type: 'PodReadyToStartContainers', status: 'True' },
    { type: 'Initialized', status: 'True' },
    { type: 'Ready', status: t(allReady && !done), ...(allReady && !done ? {} : notReady) },
    { type: 'ContainersReady', status: t(allReady && !done), ...(allReady && !done ? {} : notReady) },
    { type: 'PodScheduled', status: 'True' },
  ];
  const prevConds = pod.status.conditions ?? [];
  for (const cond of conditions) {
    const old = prevConds.find((p) => p.type === cond.type);
    cond.lastTransitionTime = old && old.status === cond.status ? old.lastTransitionTime : iso(now);
  }
  const status = { ...pod.status, phase, conditions, containerStatuses: statuses };
  if (!deepEqual(pod.status, status)) {
    pod.status = status;
    c.touch(pod);
  }
}

/** A binary min-heap of timers: [time, namespace, name, uid]. */
type Timer = [number, string, string, string];

function heapPush(h: Timer[], t: Timer): void {
  h.push(t);
  for (let i = h.length - 1; i > 0; ) {
    const up = (i - 1) >> 1;
    if (h[up]![0] <= h[i]![0]) break;
    [h[up], h[i]] = [h[i]!, h[up]!];
    i = up;
  }
}

function heapPop(h: Timer[]): Timer | undefined {
  const top = h[0];
  const last = h.pop();
  if (h.length && last) {
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l]![0] < h[m]![0]) m = l;
      if (r < h.length && h[r]![0] < h[m]![0]) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }
  return top;
}

interface KubeletState {
  state: ClusterState;
  cursor: number;
  timers: Timer[];
  /** Pods waiting for a node, and each one's back-off after failed attempts (the scheduler's backoff queue). */
  unscheduled: Map<string, Pod>;
  backoff: Map<string, { attempts: number; nextTry: number }>;
  /** A node changed or a pod left: unschedulable pods are tried again at once (the queue's move on cluster events). */
  kick: boolean;
  /** What each node holds (pods, requests) and which pods are counted there; kept up to date from the feed. */
  usage: Map<string, NodeUsage>;
  counted: Map<string, { node: string; cpu: number; mem: number; owner?: string }>;
  /** Owner uid → node → how many of its pods are placed there (spreading replicas). */
  owners: Map<string, Map<string, number>>;
  /** Pod IPs in use, by pod uid (the IPAM's view). */
  ips: Map<string, string>;
  usedIPs: Set<string>;
}

/** The uid of a pod's controller (its ReplicaSet, StatefulSet, …), which spreading groups by. */
function controllerOf(pod: Pod): string | undefined {
  return pod.metadata.ownerReferences?.find((r) => r.controller)?.uid ?? pod.metadata.ownerReferences?.[0]?.uid;
}

function bumpOwner(ks: KubeletState, owner: string, node: string, by: number): void {
  const m = ks.owners.get(owner) ?? new Map<string, number>();
  const n = (m.get(node) ?? 0) + by;
  if (n > 0) m.set(node, n);
  else m.delete(node);
  if (m.size) ks.owners.set(owner, m);
  else ks.owners.delete(owner);
}

/** Scheduling back-off after a failed attempt: 5 s doubling to 60 s (so FailedScheduling repeats about once a minute). */
const SCHEDULE_BACKOFF_MS = 5_000;
const SCHEDULE_BACKOFF_MAX_MS = 60_000;

/** Adds or removes a pod from the node usage and IP tables after a change. */
function account(ks: KubeletState, pod: Pod | undefined, uid: string): void {
  const live = pod && pod.spec.nodeName && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' ? pod : undefined;
  const had = ks.counted.get(uid);
  if (had && (!live || live.spec.nodeName !== had.node)) {
    const u = ks.usage.get(had.node);
    if (u) {
      u.pods--;
      u.cpu -= had.cpu;
      u.mem -= had.mem;
    }
    if (had.owner) bumpOwner(ks, had.owner, had.node, -1);
    ks.counted.delete(uid);
    ks.kick = true;
  }
  if (live && !ks.counted.has(uid)) {
    const r = podRequests(live);
    const node = live.spec.nodeName!;
    const u = ks.usage.get(node) ?? { pods: 0, cpu: 0, mem: 0 };
    u.pods++;
    u.cpu += r.cpu;
    u.mem += r.mem;
    ks.usage.set(node, u);
    const owner = controllerOf(live);
    ks.counted.set(uid, { node, cpu: r.cpu, mem: r.mem, ...(owner ? { owner } : {}) });
    if (owner) bumpOwner(ks, owner, node, 1);
  }
  const ip = pod?.status?.podIP && !pod.spec.hostNetwork ? pod.status.podIP : undefined;
  const oldIp = ks.ips.get(uid);
  if (oldIp !== ip) {
    if (oldIp) ks.usedIPs.delete(oldIp);
    if (ip) {
      ks.ips.set(uid, ip);
      ks.usedIPs.add(ip);
    } else ks.ips.delete(uid);
  }
}

const kubelets = new WeakMap<Cluster, KubeletState>();

/**
 * Schedules pending pods and syncs the pods that changed (the cluster's change feed) or whose timers are due; on a
 * fresh start or after a snapshot restore, every pod.
 */
export function kubeletController(c: Cluster): void {
  const now = c.now();
  let ks = kubelets.get(c);
  const feed = ks && ks.state === c.state ? c.changesSince(ks.cursor) : undefined;
  if (!ks || !feed) {
    kubelets.set(c, (ks = { state: c.state, cursor: 0, timers: [], unscheduled: new Map(), backoff: new Map(), kick: true, usage: new Map(), counted: new Map(), owners: new Map(), ips: new Map(), usedIPs: new Set() }));
  }
  ks.cursor = c.changeCursor;
  const todo = new Map<string, Pod>();
  if (!feed) {
    for (const o of c.state.objects.get('Pod')?.values() ?? []) {
      todo.set(o.metadata.uid!, o as Pod);
      account(ks, o as Pod, o.metadata.uid!);
    }
  } else {
    for (const o of feed) {
      if (o.kind === 'Node') ks.kick = true;
      if (o.kind !== 'Pod') continue;
      const cur = c.get<Pod>('Pod', o.metadata.namespace, o.metadata.name);
      if (cur) todo.set(cur.metadata.uid!, cur);
      if (!cur || cur.metadata.uid !== o.metadata.uid) {
        ks.unscheduled.delete(o.metadata.uid!);
        ks.backoff.delete(o.metadata.uid!);
        account(ks, undefined, o.metadata.uid!);
      }
      if (cur) account(ks, cur, cur.metadata.uid!);
    }
  }
  for (let t = ks.timers[0]; t && t[0] <= now; t = ks.timers[0]) {
    heapPop(ks.timers);
    const pod = c.get<Pod>('Pod', t[1], t[2]);
    if (pod && pod.metadata.uid === t[3]) todo.set(t[3], pod);
  }
  let nodes: Node[] | undefined;
  const state = ks;
  const usedIPs = (): Set<string> => state.usedIPs;
  const timer = (pod: Pod, wake: number | undefined): void => {
    if (wake !== undefined && wake < Infinity) heapPush(state.timers, [Math.max(wake, now + 1), pod.metadata.namespace ?? 'default', pod.metadata.name, pod.metadata.uid!]);
  };
  const sync = (pod: Pod): void => {
    const rt = c.state.runtime.get(pod.metadata.uid!);
    if (rt && rt.seenRv === pod.metadata.resourceVersion && now < (rt.wakeAt ?? 0)) {
      if (!feed) timer(pod, rt.wakeAt);
      return;
    }
    const node = c.get<Node>('Node', undefined, pod.spec.nodeName ?? '');
    if (!node) return;
    syncPod(c, pod, node, now, usedIPs);
    account(state, pod, pod.metadata.uid!);
    timer(pod, c.state.runtime.get(pod.metadata.uid!)?.wakeAt);
  };
  for (const pod of todo.values()) {
    if (pod.spec.nodeName) sync(pod);
    else ks.unscheduled.set(pod.metadata.uid!, pod);
  }
  if (ks.unscheduled.size) {
    const kick = ks.kick;
    ks.kick = false;
    for (const [uid, pod] of ks.unscheduled) {
      if (c.get('Pod', pod.metadata.namespace, pod.metadata.name) !== pod) {
        ks.unscheduled.delete(uid);
        ks.backoff.delete(uid);
        continue;
      }
      const b = ks.backoff.get(uid);
      if (b && now < b.nextTry && !kick) continue;
      const owner = controllerOf(pod);
      const spread = owner ? (node: string): number => state.owners.get(owner)?.get(node) ?? 0 : undefined;
      schedulePod(c, pod, (nodes ??= c.nodes()), ks.usage, spread);
      if (!pod.spec.nodeName) {
        const attempts = (b?.attempts ?? 0) + 1;
        ks.backoff.set(uid, { attempts, nextTry: now + Math.min(SCHEDULE_BACKOFF_MAX_MS, SCHEDULE_BACKOFF_MS * 2 ** (attempts - 1)) });
        continue;
      }
      const r = podRequests(pod);
      ks.counted.set(uid, { node: pod.spec.nodeName, cpu: r.cpu, mem: r.mem, ...(owner ? { owner } : {}) });
      if (owner) bumpOwner(ks, owner, pod.spec.nodeName, 1);
      ks.unscheduled.delete(uid);
      ks.backoff.delete(uid);
      sync(pod);
    }
  }
}
