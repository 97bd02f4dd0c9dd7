/**
 * The scheduler and the kubelet: place pods on nodes with room, give each pod an IP from its node's pod CIDR, pull
 * images, start containers, restart crashed ones with back-off, run readiness probes, and keep `status` as the real
 * kubelet reports it. https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/
 */
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import { containerArgv, lookupImage, type ImageInfo } from '../images.js';
import type { ContainerRuntime, PodRuntime } from '../state.js';
import type { ContainerStatus, Node, Pod, PodCondition } from '../types.js';
import { initContainerFs } from '../container-fs.js';
import { probeReady } from '../probes.js';

/** Seconds from scheduling until containers start (image pull). */
const PULL_MS = 1_000;
const BACKOFF_START_S = 10;
const BACKOFF_MAX_S = 300;

/** CPU quantity in millicores (`100m`, `0.5`, `2`). */
export function cpuMillis(q: string | undefined): number {
  if (!q) return 0;
  return q.endsWith('m') ? Number(q.slice(0, -1)) : Math.round(Number(q) * 1000);
}

const MEM_UNITS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, K: 1e3, M: 1e6, G: 1e9, T: 1e12, k: 1e3 };

/** Memory quantity in bytes (`64Mi`, `1G`, `128974848`). */
export function memBytes(q: string | undefined): number {
  if (!q) return 0;
  const m = /^(\d+(?:\.\d+)?)([KMGT]i?|k)?$/.exec(q);
  if (!m) return 0;
  return Number(m[1]) * (m[2] ? (MEM_UNITS[m[2]] ?? 1) : 1);
}

function requests(p: Pod): { cpu: number; mem: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of p.spec.containers) {
    cpu += cpuMillis(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu);
    mem += memBytes(c.resources?.requests?.memory ?? c.resources?.limits?.memory);
  }
  return { cpu, mem };
}

function schedule(c: Cluster, pod: Pod): void {
  const nodes = c.nodes();
  const need = requests(pod);
  const reasons = new Map<string, number>();
  const fits: Node[] = [];
  for (const n of nodes) {
    const placed = c.list<Pod>('Pod').filter((p) => p.spec.nodeName === n.metadata.name && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
    const used = placed.reduce((acc, p) => {
      const r = requests(p);
      return { cpu: acc.cpu + r.cpu, mem: acc.mem + r.mem };
    }, { cpu: 0, mem: 0 });
    const why: string[] = [];
    const sel = pod.spec.nodeSelector ?? {};
    if (!Object.entries(sel).every(([k, v]) => n.metadata.labels?.[k] === v)) why.push("node(s) didn't match Pod's node affinity/selector");
    else {
      if (used.cpu + need.cpu > cpuMillis(n.status.allocatable.cpu)) why.push('Insufficient cpu');
      if (used.mem + need.mem > memBytes(n.status.allocatable.memory)) why.push('Insufficient memory');
      if (placed.length >= Number(n.status.allocatable.pods ?? 110)) why.push('Too many pods');
    }
    if (why.length === 0) fits.push(n);
    for (const w of why) reasons.set(w, (reasons.get(w) ?? 0) + 1);
  }
  if (fits.length === 0) {
    const detail = [...reasons.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([w, k]) => `${k} ${w}`).join(', ');
    const message = `0/${nodes.length} nodes are available: ${detail}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} No preemption victims found for incoming pod.`;
    const cond: PodCondition = { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message };
    if (!deepEqual(pod.status.conditions, [cond])) {
      pod.status = { phase: 'Pending', conditions: [cond], qosClass: qosClass(pod) };
      c.touch();
      c.recordEvent(pod, 'Warning', 'FailedScheduling', message, 'default-scheduler');
    }
    return;
  }
  // Spread: the node with the fewest pods (ties by name), as the default scoring's balance tends to.
  const count = (n: Node): number => c.list<Pod>('Pod').filter((p) => p.spec.nodeName === n.metadata.name).length;
  const node = [...fits].sort((a, b) => count(a) - count(b))[0]!;
  pod.spec.nodeName = node.metadata.name;
  c.put(pod);
  c.recordEvent(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`, 'default-scheduler');
}

function qosClass(p: Pod): string {
  const cs = p.spec.containers;
  if (cs.every((c) => !c.resources?.requests && !c.resources?.limits)) return 'BestEffort';
  const guaranteed = cs.every((c) => c.resources?.limits?.cpu && c.resources?.limits?.memory && (!c.resources.requests || (c.resources.requests.cpu === c.resources.limits.cpu && c.resources.requests.memory === c.resources.limits.memory)));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Allocates the next free IP in a node's pod CIDR (host-local IPAM: sequential, never the just-freed one first). */
function allocatePodIP(c: Cluster, node: Node): string {
  const base = node.spec.podCIDR.split('/')[0]!.split('.').slice(0, 3).join('.');
  const used = new Set(c.list<Pod>('Pod').map((p) => p.status.podIP));
  let next = c.state.podIpNext.get(node.metadata.name) ?? 2;
  for (let i = 0; i < 253; i++) {
    const ip = `${base}.${next}`;
    next = next >= 254 ? 2 : next + 1;
    if (!used.has(ip)) {
      c.state.podIpNext.set(node.metadata.name, next);
      return ip;
    }
  }
  return `${base}.254`;
}

function newContainerRuntime(): ContainerRuntime {
  return { fs: new Map(), logs: [], previousLogs: [], installed: [], aptUpdated: false, processes: [], backoffSeconds: 0, restartCount: 0, readyProbeOk: false };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function startContainer(c: Cluster, pod: Pod, rt: PodRuntime, name: string, cr: ContainerRuntime, image: ImageInfo): void {
  const spec = pod.spec.containers.find((x) => x.name === name)!;
  const argv = containerArgv(image, spec.command, spec.args);
  const now = c.now();
  cr.fs = initContainerFs(c, pod, spec, image);
  cr.installed = [];
  cr.aptUpdated = false;
  cr.startedAt = now;
  const main = image.main(argv);
  cr.processes = [{ pid: 1, user: 'root', command: argv.join(' '), signals: [] }];
  if (main.type === 'serve' && image.repository === 'nginx') {
    cr.processes[0]!.command = 'nginx: master process nginx -g daemon off;';
    cr.processes.push({ pid: 29, user: 'nginx', command: 'nginx: worker process', signals: [] }, { pid: 30, user: 'nginx', command: 'nginx: worker process', signals: [] });
  }
  if (main.type === 'serve' && image.repository === 'httpd') {
    cr.processes[0]!.command = 'httpd -DFOREGROUND';
    cr.processes.push({ pid: 8, user: 'www-data', command: 'httpd -DFOREGROUND', signals: [] }, { pid: 9, user: 'www-data', command: 'httpd -DFOREGROUND', signals: [] });
  }
  for (const line of image.startupLogs(argv, pod.status.podIP ?? '')) cr.logs.push({ time: now, line });
  if (main.type === 'exit' && main.output) for (const line of main.output.split('\n')) cr.logs.push({ time: now, line });
  const verb = cr.restartCount === 0 ? 'Created' : 'Created';
  c.recordEvent(pod, 'Normal', verb, `Created container: ${name}`, 'kubelet');
  c.recordEvent(pod, 'Normal', 'Started', `Started container ${name}`, 'kubelet');
  void rt;
}

function reconcilePod(c: Cluster, pod: Pod): void {
  if (!pod.spec.nodeName) return schedule(c, pod);
  const node = c.get<Node>('Node', undefined, pod.spec.nodeName);
  if (!node) return;
  let rt = c.state.runtime.get(pod.metadata.uid!);
  const now = c.now();
  if (!rt) {
    rt = { uid: pod.metadata.uid!, containers: new Map(), emptyDirs: new Map(), sandboxAt: now, nextPid: 40 };
    for (const ct of pod.spec.containers) rt.containers.set(ct.name, newContainerRuntime());
    for (const v of pod.spec.volumes ?? []) if (v.emptyDir) rt.emptyDirs.set(v.name, new Map([['/', { type: 'dir', mtime: now }]]));
    c.state.runtime.set(pod.metadata.uid!, rt);
    const ip = pod.spec.hostNetwork ? c.nodeIP(node) : allocatePodIP(c, node);
    pod.status = { ...pod.status, phase: 'Pending', hostIP: c.nodeIP(node), podIP: ip, podIPs: [{ ip }], startTime: iso(now), qosClass: qosClass(pod) };
    for (const ct of pod.spec.containers) c.recordEvent(pod, 'Normal', 'Pulling', `Pulling image "${ct.image}"`, 'kubelet');
  }
  const statuses: ContainerStatus[] = [];
  for (const spec of pod.spec.containers) {
    const cr = rt.containers.get(spec.name) ?? newContainerRuntime();
    rt.containers.set(spec.name, cr);
    const image = lookupImage(spec.image);
    const prev = pod.status.containerStatuses?.find((s) => s.name === spec.name);
    const st: ContainerStatus = { name: spec.name, image: spec.image, ready: false, restartCount: cr.restartCount, started: false, state: {} };
    if (prev?.lastState) st.lastState = prev.lastState;
    if (now - (rt.sandboxAt ?? now) < PULL_MS) {
      st.state = { waiting: { reason: 'ContainerCreating' } };
    } else if (!image) {
      const pulling = cr.backoffUntil === undefined || now >= cr.backoffUntil;
      if (pulling) {
        cr.backoffSeconds = cr.backoffSeconds ? Math.min(cr.backoffSeconds * 2, BACKOFF_MAX_S) : BACKOFF_START_S;
        cr.backoffUntil = now + cr.backoffSeconds * 1000;
        const msg = `Failed to pull image "${spec.image}": Error response from daemon: pull access denied for ${spec.image.split(':')[0]}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
        c.recordEvent(pod, 'Warning', 'Failed', msg, 'kubelet');
        c.recordEvent(pod, 'Warning', 'Failed', 'Error: ErrImagePull', 'kubelet');
        st.state = { waiting: { reason: 'ErrImagePull', message: msg } };
      } else {
        if (prev?.state.waiting?.reason === 'ErrImagePull') {
          c.recordEvent(pod, 'Normal', 'BackOff', `Back-off pulling image "${spec.image}"`, 'kubelet');
          c.recordEvent(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', 'kubelet');
        }
        st.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${spec.image}"` } };
      }
    } else {
      if (cr.startedAt === undefined && (cr.backoffUntil === undefined || now >= cr.backoffUntil)) {
        if (cr.restartCount === 0 && !prev?.state.running && !prev?.lastState) c.recordEvent(pod, 'Normal', 'Pulled', `Successfully pulled image "${spec.image}" in 1.2s (1.2s including waiting). Image size: 72195292 bytes.`, 'kubelet');
        startContainer(c, pod, rt, spec.name, cr, image);
      }
      const argv = containerArgv(image, spec.command, spec.args);
      const own = [...(spec.command ?? []), ...(spec.args ?? [])];
      const stdinShell = spec.stdin && own.length <= 1 && /(^|\/)(sh|bash|ash)$/.test(own[0] ?? argv[0] ?? '');
      const main = stdinShell ? { type: 'sleep' as const, argv } : image.main(argv);
      if (cr.startedAt !== undefined && main.type === 'exit' && now - cr.startedAt >= 1000) {
        // The main process exited: record it, back off, restart (restartPolicy Always).
        const reason = main.code === 0 ? 'Completed' : 'Error';
        st.lastState = { terminated: { exitCode: main.code, reason, startedAt: iso(cr.startedAt), finishedAt: iso(now) } };
        cr.previousLogs = cr.logs;
        cr.logs = [];
        cr.startedAt = undefined;
        if ((pod.spec.restartPolicy ?? 'Always') === 'Never' || ((pod.spec.restartPolicy === 'OnFailure') && main.code === 0)) {
          st.state = { terminated: { exitCode: main.code, reason } };
          statuses.push(st);
          continue;
        }
        cr.backoffSeconds = cr.backoffSeconds ? Math.min(cr.backoffSeconds * 2, BACKOFF_MAX_S) : BACKOFF_START_S;
        cr.backoffUntil = now + cr.backoffSeconds * 1000;
        cr.restartCount++;
        st.restartCount = cr.restartCount;
        c.recordEvent(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, 'kubelet');
      }
      if (cr.startedAt !== undefined) {
        st.state = { running: { startedAt: iso(cr.startedAt) } };
        st.started = true;
        cr.readyProbeOk = spec.readinessProbe ? probeReady(c, pod, spec, cr) : true;
        st.ready = cr.readyProbeOk;
      } else if (!st.state.terminated) {
        st.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${cr.backoffSeconds}s restarting failed container=${spec.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` } };
      }
    }
    statuses.push(st);
  }
  const allReady = statuses.every((s) => s.ready);
  const anyRunning = statuses.some((s) => s.state.running);
  const allDone = statuses.every((s) => s.state.terminated);
  const phase: Pod['status']['phase'] = allDone ? (statuses.every((s) => s.state.terminated!.exitCode === 0) ? 'Succeeded' : 'Failed') : anyRunning || statuses.some((s) => s.lastState) ? 'Running' : 'Pending';
  const t = (b: boolean): 'True' | 'False' => (b ? 'True' : 'False');
  const started = now - (rt.sandboxAt ?? now) >= PULL_MS;
  const conditions: PodCondition[] = [
    { type: 'PodReadyToStartContainers', status: t(started) },
    { type: 'Initialized', status: 'True' },
    { type: 'Ready', status: t(allReady), ...(allReady ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${statuses.filter((s) => !s.ready).map((s) => s.name).join(' ')}]` }) },
    { type: 'ContainersReady', status: t(allReady), ...(allReady ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${statuses.filter((s) => !s.ready).map((s) => s.name).join(' ')}]` }) },
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
    c.touch();
  }
}

/** Schedules and runs every pod. */
export function kubeletController(c: Cluster): void {
  for (const pod of c.list<Pod>('Pod')) reconcilePod(c, pod);
}
