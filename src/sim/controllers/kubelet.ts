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
import { bindFailureLines, containerArgv, lookupImage, parseImageRef, pullError, type ImageInfo } from '../images.js';
import { initContainerFs } from '../container-fs.js';
import { startProcesses } from '../processes.js';
import { runProbe } from '../probes.js';
import type { ClusterState, ContainerRuntime, PodRuntime } from '../state.js';
import type { Container, ContainerStatus, Node, Pod, PodCondition, Probe } from '../types.js';
import { podRequests, qosClass, schedulePod, type NodeUsage } from './scheduler.js';

export { cpuMillis, memBytes } from './scheduler.js';

/** Time from the sandbox until containers start (the image pull, or finding it on the node). */
const PULL_MS = 1_000;
/** How long a main process that exits by itself runs (the next kubelet sync sees it gone). */
const EXIT_AFTER_MS = 1_000;
const SYNC_MS = 1_000;
const BACKOFF_START_S = 10;
const BACKOFF_MAX_S = 300;
const MOUNT_RETRY_MS = 2_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function newContainerRuntime(): ContainerRuntime {
  return { fs: new Map(), logs: [], previousLogs: [], installed: [], aptUpdated: false, processes: [], backoffSeconds: 0, restartCount: 0, readyProbeOk: false };
}

/** The kubelet's back-off entry (`flowcontrol.Backoff.Next`): 10 s, doubling to 300 s, reset after 10 idle minutes. */
function nextBackoff(cr: ContainerRuntime, now: number): void {
  const stale = cr.backoffUpdatedAt !== undefined && now - cr.backoffUpdatedAt > 2 * BACKOFF_MAX_S * 1000;
  cr.backoffSeconds = cr.backoffSeconds && !stale ? Math.min(cr.backoffSeconds * 2, BACKOFF_MAX_S) : BACKOFF_START_S;
  cr.backoffUpdatedAt = now;
}

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

/** `imagePullPolicy` defaulting: `Always` for `:latest` or no tag, else `IfNotPresent`. */
function pullPolicy(spec: Container): string {
  if (spec.imagePullPolicy) return spec.imagePullPolicy;
  const ref = spec.image.includes('@') ? spec.image : spec.image;
  return parseImageRef(ref).tag === 'latest' && !ref.includes('@') ? 'Always' : 'IfNotPresent';
}

function nodeHasImage(c: Cluster, node: string, image: string): boolean {
  return c.state.nodeImages?.get(node)?.includes(image) ?? false;
}

function rememberImage(c: Cluster, node: string, image: string): void {
  c.state.nodeImages ??= new Map();
  const list = c.state.nodeImages.get(node) ?? [];
  if (!list.includes(image)) c.state.nodeImages.set(node, [...list, image]);
}

/** Pull events and whether the image is there. A failed pull sets the image back-off. */
function pull(c: Cluster, pod: Pod, spec: Container, cr: ContainerRuntime, now: number): ImageInfo | undefined {
  const node = pod.spec.nodeName!;
  const image = lookupImage(spec.image);
  const policy = pullPolicy(spec);
  if (image && policy !== 'Always' && nodeHasImage(c, node, spec.image)) {
    c.recordEvent(pod, 'Normal', 'Pulled', `Container image "${spec.image}" already present on machine`, 'kubelet');
    return image;
  }
  c.recordEvent(pod, 'Normal', 'Pulling', `Pulling image "${spec.image}"`, 'kubelet');
  if (!image) {
    c.recordEvent(pod, 'Warning', 'Failed', `Failed to pull image "${spec.image}": ${pullError(spec.image)}`, 'kubelet');
    c.recordEvent(pod, 'Warning', 'Failed', 'Error: ErrImagePull', 'kubelet');
    cr.pullFailedAt = now;
    nextBackoff(cr, now);
    cr.backoffUntil = now + cr.backoffSeconds * 1000;
    return undefined;
  }
  rememberImage(c, node, spec.image);
  c.recordEvent(pod, 'Normal', 'Pulled', `Successfully pulled image "${spec.image}" in 1.2s (1.2s including waiting). Image size: ${image.size ?? 72195292} bytes.`, 'kubelet');
  return image;
}

/** A port the container would bind that a running sibling already holds (one network namespace per pod). */
function portClash(rt: PodRuntime, pod: Pod, name: string, wants: { port: number; protocol: string }[]): number | undefined {
  for (const other of pod.spec.containers) {
    if (other.name === name) continue;
    const ocr = rt.containers.get(other.name);
    if (!ocr || ocr.startedAt === undefined || ocr.exitAt !== undefined) continue;
    const oimg = lookupImage(other.image);
    const omain = oimg?.main(containerArgv(oimg, other.command, other.args));
    if (omain?.type !== 'serve') continue;
    const clash = wants.find((w) => omain.servers.some((s) => s.port === w.port && s.protocol === w.protocol));
    if (clash) return clash.port;
  }
  return undefined;
}

function startContainer(c: Cluster, pod: Pod, rt: PodRuntime, spec: Container, cr: ContainerRuntime, image: ImageInfo, now: number): void {
  const argv = containerArgv(image, spec.command, spec.args);
  // `kubectl run -it … -- sh` keeps stdin open: a lone shell then waits for input instead of exiting.
  const own = [...(spec.command ?? []), ...(spec.args ?? [])];
  const stdinShell = spec.stdin && own.length <= 1 && /(^|\/)(sh|bash|ash)$/.test(own[0] ?? argv[0] ?? '');
  const main = stdinShell ? { type: 'sleep' as const, argv } : image.main(argv);
  if (cr.everStarted) {
    cr.restartCount++;
    cr.previousLogs = cr.logs;
  }
  cr.logs = [];
  cr.everStarted = true;
  cr.terminatedNow = false;
  cr.fs = initContainerFs(c, pod, spec, image);
  cr.installed = [];
  cr.aptUpdated = false;
  cr.startedAt = now;
  cr.imageRef = spec.image;
  cr.readyProbeOk = false;
  cr.readinessFailures = 0;
  cr.readinessSuccesses = 0;
  cr.livenessFailures = 0;
  cr.nextReadinessAt = spec.readinessProbe ? now + (spec.readinessProbe.initialDelaySeconds ?? 0) * 1000 : undefined;
  cr.nextLivenessAt = spec.livenessProbe ? now + (spec.livenessProbe.initialDelaySeconds ?? 0) * 1000 : undefined;
  cr.exitAt = undefined;
  c.recordEvent(pod, 'Normal', 'Created', `Created container: ${spec.name}`, 'kubelet');
  c.recordEvent(pod, 'Normal', 'Started', `Started container ${spec.name}`, 'kubelet');
  const lines = image.startupLogs(argv, pod.status.podIP ?? '');
  const clash = main.type === 'serve' ? portClash(rt, pod, spec.name, main.servers) : undefined;
  if (clash !== undefined) {
    cr.processes = [];
    for (const line of [...lines, ...bindFailureLines(image, clash, now)]) cr.logs.push({ time: now, line });
    cr.exitAt = now;
    cr.exitCode = 1;
    cr.exitReason = 'Error';
    return;
  }
  const extra = startProcesses(rt, cr, !!pod.spec.shareProcessNamespace, image.repository, main, now);
  for (const line of [...lines, ...extra]) cr.logs.push({ time: now, line });
  if (main.type === 'exit') {
    if (main.output) for (const line of main.output.split('\n')) cr.logs.push({ time: now, line });
    cr.exitAt = now + EXIT_AFTER_MS;
    cr.exitCode = main.code;
    cr.exitReason = main.code === 0 ? 'Completed' : 'Error';
  }
}

/**
 * The main process is gone: record the run as `lastState` and decide when it may start again, as kubelet's
 * `doBackOff` does: with no back-off entry it restarts at the next sync; with one it waits that long after the exit.
 */
function terminate(cr: ContainerRuntime, restart: boolean, now: number): void {
  const finishedAt = cr.exitAt ?? now;
  cr.previousTerminated = cr.lastTerminated;
  cr.lastTerminated = { exitCode: cr.exitCode ?? 0, reason: cr.exitReason ?? 'Completed', startedAt: cr.startedAt ?? now, finishedAt };
  cr.startedAt = undefined;
  cr.exitAt = undefined;
  cr.processes = [];
  cr.terminatedNow = true;
  cr.readyProbeOk = false;
  if (!restart) return;
  const expired = cr.backoffUpdatedAt !== undefined && now - cr.backoffUpdatedAt > 2 * BACKOFF_MAX_S * 1000;
  cr.backoffUntil = cr.backoffSeconds === 0 || expired ? finishedAt + SYNC_MS : finishedAt + cr.backoffSeconds * 1000;
}

function probe(c: Cluster, pod: Pod, spec: Container, p: Probe, kind: 'Readiness' | 'Liveness'): boolean {
  const r = runProbe(c, pod, spec, p);
  if (!r.ok) c.recordEvent(pod, 'Warning', 'Unhealthy', `${kind} probe failed: ${r.message ?? ''}`.trimEnd(), 'kubelet');
  return r.ok;
}

/** Runs due probes; returns true when liveness asks for a restart. */
function runProbes(c: Cluster, pod: Pod, spec: Container, cr: ContainerRuntime, now: number): boolean {
  const rp = spec.readinessProbe;
  if (rp && cr.nextReadinessAt !== undefined && now >= cr.nextReadinessAt) {
    cr.nextReadinessAt = now + (rp.periodSeconds ?? 10) * 1000;
    if (probe(c, pod, spec, rp, 'Readiness')) {
      cr.readinessFailures = 0;
      cr.readinessSuccesses = (cr.readinessSuccesses ?? 0) + 1;
      if (cr.readinessSuccesses >= (rp.successThreshold ?? 1)) cr.readyProbeOk = true;
    } else {
      cr.readinessSuccesses = 0;
      cr.readinessFailures = (cr.readinessFailures ?? 0) + 1;
      if (cr.readinessFailures >= (rp.failureThreshold ?? 3) || !cr.readyProbeOk) cr.readyProbeOk = false;
    }
  }
  if (!rp) cr.readyProbeOk = true;
  const lp = spec.livenessProbe;
  if (lp && cr.nextLivenessAt !== undefined && now >= cr.nextLivenessAt) {
    cr.nextLivenessAt = now + (lp.periodSeconds ?? 10) * 1000;
    if (probe(c, pod, spec, lp, 'Liveness')) cr.livenessFailures = 0;
    else if ((cr.livenessFailures = (cr.livenessFailures ?? 0) + 1) >= (lp.failureThreshold ?? 3)) {
      c.recordEvent(pod, 'Normal', 'Killing', `Container ${spec.name} failed liveness probe, will be restarted`, 'kubelet');
      return true;
    }
  }
  return false;
}

function restartAllowed(pod: Pod, code: number): boolean {
  const policy = pod.spec.restartPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnFailure' && code !== 0);
}

function statusOf(t: NonNullable<ContainerRuntime['lastTerminated']>): ContainerStatus['state'] {
  return { terminated: { exitCode: t.exitCode, reason: t.reason, startedAt: iso(t.startedAt), finishedAt: iso(t.finishedAt) } };
}

/** Ends the current run now (liveness failure, changed definition) with the exit code the runtime would report. */
function kill(cr: ContainerRuntime, image: ImageInfo | undefined, now: number): void {
  cr.exitAt = now;
  cr.exitCode = image?.repository === 'nginx' || image?.repository === 'httpd' ? 0 : 137;
  cr.exitReason = cr.exitCode === 0 ? 'Completed' : 'Error';
}

/** One container's sync; returns its status and the earliest time it needs another sync. */
function syncContainer(c: Cluster, pod: Pod, rt: PodRuntime, spec: Container, now: number): { st: ContainerStatus; wake: number } {
  let cr = rt.containers.get(spec.name);
  if (!cr) rt.containers.set(spec.name, (cr = newContainerRuntime()));
  const st: ContainerStatus = { name: spec.name, image: spec.image, ready: false, restartCount: cr.restartCount, started: false, state: { waiting: { reason: 'ContainerCreating' } } };
  if (rt.mountError || now - (rt.sandboxAt ?? now) < PULL_MS) {
    return { st, wake: rt.mountError ? now + MOUNT_RETRY_MS : (rt.sandboxAt ?? now) + PULL_MS };
  }
  // A changed image (kubectl set image on a bare pod) replaces the running container at once.
  if (cr.startedAt !== undefined && cr.imageRef !== undefined && cr.imageRef !== spec.image) {
    c.recordEvent(pod, 'Normal', 'Killing', `Container ${spec.name} definition changed, will be restarted`, 'kubelet');
    kill(cr, lookupImage(cr.imageRef), now);
    terminate(cr, true, now);
    cr.backoffUntil = now;
  }
  if (cr.startedAt !== undefined && cr.exitAt !== undefined && now >= cr.exitAt) terminate(cr, restartAllowed(pod, cr.exitCode ?? 0), now);
  const due = cr.backoffUntil === undefined || now >= cr.backoffUntil;
  const restartable = !cr.terminatedNow || restartAllowed(pod, cr.lastTerminated?.exitCode ?? 0);
  if (cr.startedAt === undefined && due && restartable) {
    const image = pull(c, pod, spec, cr, now);
    if (image) {
      if (cr.pullFailedAt !== undefined) cr.backoffSeconds = 0;
      cr.pullFailedAt = undefined;
      if (cr.everStarted) nextBackoff(cr, now);
      startContainer(c, pod, rt, spec, cr, image, now);
      if (cr.exitAt !== undefined && now >= cr.exitAt) terminate(cr, restartAllowed(pod, cr.exitCode ?? 0), now);
    }
  }
  if (cr.startedAt !== undefined && runProbes(c, pod, spec, cr, now)) {
    kill(cr, lookupImage(spec.image), now);
    terminate(cr, true, now);
  }
  st.restartCount = cr.restartCount;
  if (cr.lastTerminated) st.lastState = statusOf(cr.lastTerminated);
  if (cr.startedAt !== undefined) {
    st.state = { running: { startedAt: iso(cr.startedAt) } };
    st.started = true;
    st.ready = cr.readyProbeOk;
    let wake = Infinity;
    for (const t of [cr.exitAt, cr.nextReadinessAt, cr.nextLivenessAt]) if (t !== undefined) wake = Math.min(wake, t);
    return { st, wake };
  }
  if (cr.pullFailedAt !== undefined) {
    const fresh = now - cr.pullFailedAt < SYNC_MS;
    const msg = `Back-off pulling image "${spec.image}"`;
    if (!fresh) {
      c.recordEvent(pod, 'Normal', 'BackOff', msg, 'kubelet');
      c.recordEvent(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', 'kubelet');
    }
    st.state = { waiting: fresh ? { reason: 'ErrImagePull', message: pullError(spec.image) } : { reason: 'ImagePullBackOff', message: msg } };
    return { st, wake: fresh ? cr.pullFailedAt + SYNC_MS : (cr.backoffUntil ?? now + SYNC_MS) };
  }
  const t = cr.lastTerminated;
  if (!t) return { st, wake: now + SYNC_MS };
  const restart = restartAllowed(pod, t.exitCode);
  if (!restart) {
    if (cr.previousTerminated) st.lastState = statusOf(cr.previousTerminated);
    else delete st.lastState;
    st.state = statusOf(t);
    return { st, wake: Infinity };
  }
  const until = cr.backoffUntil ?? now + SYNC_MS;
  if (now > t.finishedAt && until - t.finishedAt > SYNC_MS) {
    const who = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    c.recordEvent(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${who}`, 'kubelet');
    st.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${cr.backoffSeconds}s restarting failed container=${spec.name} pod=${who}` } };
    return { st, wake: until };
  }
  st.state = statusOf(t);
  if (cr.previousTerminated) st.lastState = statusOf(cr.previousTerminated);
  else delete st.lastState;
  return { st, wake: Math.min(until, now + SYNC_MS) };
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

function createSandbox(c: Cluster, pod: Pod, node: Node, now: number, usedIPs: () => Set<string>): PodRuntime {
  const rt: PodRuntime = { uid: pod.metadata.uid!, containers: new Map(), emptyDirs: new Map(), sandboxAt: now, nextPid: 8 };
  for (const ct of pod.spec.containers) rt.containers.set(ct.name, newContainerRuntime());
  for (const v of pod.spec.volumes ?? []) if (v.emptyDir) rt.emptyDirs.set(v.name, new Map([['/', { type: 'dir', mtime: now }]]));
  c.state.runtime.set(pod.metadata.uid!, rt);
  const ip = pod.spec.hostNetwork ? c.nodeIP(node) : allocatePodIP(c, node, usedIPs());
  pod.status = { ...pod.status, phase: 'Pending', hostIP: c.nodeIP(node), podIP: ip, podIPs: [{ ip }], startTime: iso(now), qosClass: qosClass(pod) };
  c.touch(pod);
  return rt;
}

function syncPod(c: Cluster, pod: Pod, node: Node, now: number, usedIPs: () => Set<string>): void {
  const rt = c.state.runtime.get(pod.metadata.uid!) ?? createSandbox(c, pod, node, now, usedIPs);
  if (!rt.mounted) {
    const mountError = checkVolumes(c, pod);
    if (mountError) c.recordEvent(pod, 'Warning', 'FailedMount', mountError, 'kubelet');
    rt.mountError = mountError;
    rt.mounted = !mountError;
  }
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
  /** Pods waiting for a node, and the cluster version they were last tried at (retried when anything changes). */
  unscheduled: Map<string, Pod>;
  triedAt: number;
  /** What each node holds (pods, requests) and which pods are counted there; kept up to date from the feed. */
  usage: Map<string, NodeUsage>;
  counted: Map<string, { node: string; cpu: number; mem: number }>;
  /** Pod IPs in use, by pod uid (the IPAM's view). */
  ips: Map<string, string>;
  usedIPs: Set<string>;
}

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
    ks.counted.delete(uid);
  }
  if (live && !ks.counted.has(uid)) {
    const r = podRequests(live);
    const node = live.spec.nodeName!;
    const u = ks.usage.get(node) ?? { pods: 0, cpu: 0, mem: 0 };
    u.pods++;
    u.cpu += r.cpu;
    u.mem += r.mem;
    ks.usage.set(node, u);
    ks.counted.set(uid, { node, cpu: r.cpu, mem: r.mem });
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
    kubelets.set(c, (ks = { state: c.state, cursor: 0, timers: [], unscheduled: new Map(), triedAt: -1, usage: new Map(), counted: new Map(), ips: new Map(), usedIPs: new Set() }));
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
      if (o.kind !== 'Pod') continue;
      const cur = c.get<Pod>('Pod', o.metadata.namespace, o.metadata.name);
      if (cur) todo.set(cur.metadata.uid!, cur);
      if (!cur || cur.metadata.uid !== o.metadata.uid) {
        ks.unscheduled.delete(o.metadata.uid!);
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
  if (ks.unscheduled.size && ks.triedAt !== c.version) {
    for (const [uid, pod] of ks.unscheduled) {
      if (c.get('Pod', pod.metadata.namespace, pod.metadata.name) !== pod) {
        ks.unscheduled.delete(uid);
        continue;
      }
      schedulePod(c, pod, (nodes ??= c.nodes()), ks.usage);
      if (!pod.spec.nodeName) continue;
      const r = podRequests(pod);
      ks.counted.set(uid, { node: pod.spec.nodeName, cpu: r.cpu, mem: r.mem });
      ks.unscheduled.delete(uid);
      sync(pod);
    }
    ks.triedAt = c.version;
  }
}
