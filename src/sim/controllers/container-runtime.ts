/**
 * The container runtime half of the simulated kubelet: image pulls (`IfNotPresent` reuses the node's copy; a
 * missing image goes ErrImagePull → ImagePullBackOff), container starts (fresh file system, processes, start-up
 * logs, port clashes within the pod), exits and restarts with the kubelet's back-off (`doBackOff`: first restart at
 * once, then 10 s doubling to 300 s), readiness and liveness probes with their periods and thresholds, and each
 * container's status as the kubelet reports it. https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/
 */
import type { Cluster } from '../cluster.js';
import { initContainerFs } from '../container-fs.js';
import { bindFailureLines, containerArgv, lookupImage, parseImageRef, pullError, type ImageInfo } from '../images.js';
import { startProcesses } from '../processes.js';
import { runProbe } from '../probes.js';
import { scriptOutput } from '../shell-script.js';
import { resolveContainerEnv } from './container-env.js';
import type { ContainerRuntime, PodRuntime } from '../state.js';
import type { Container, ContainerStatus, Pod, Probe } from '../types.js';

/** Time from the sandbox until containers start (the image pull, or finding it on the node). */
export const PULL_MS = 1_000;
/** How long a main process that exits by itself runs (the next kubelet sync sees it gone). */
const EXIT_AFTER_MS = 1_000;
/** The kubelet's sync granularity: a container that exits is seen (and restarted, first time) one sync later. */
export const SYNC_MS = 1_000;
/** Crash and image-pull back-off: 10 s, doubling, capped at 300 s (kubelet `MaxContainerBackOff`). */
const BACKOFF_START_S = 10;
const BACKOFF_MAX_S = 300;
/** How often a failed volume mount is retried (FailedMount events repeat). */
export const MOUNT_RETRY_MS = 2_000;

/** RFC 3339 without fractions, as the API prints times. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}


/** A container that has not run yet. */
export function newContainerRuntime(): ContainerRuntime {
  return { fs: new Map(), logs: [], previousLogs: [], installed: [], aptUpdated: false, processes: [], backoffSeconds: 0, restartCount: 0, readyProbeOk: false };
}


/** The kubelet's back-off entry (`flowcontrol.Backoff.Next`): 10 s, doubling to 300 s, reset after 10 idle minutes. */
function nextBackoff(cr: ContainerRuntime, now: number): void {
  const stale = cr.backoffUpdatedAt !== undefined && now - cr.backoffUpdatedAt > 2 * BACKOFF_MAX_S * 1000;
  cr.backoffSeconds = cr.backoffSeconds && !stale ? Math.min(cr.backoffSeconds * 2, BACKOFF_MAX_S) : BACKOFF_START_S;
  cr.backoffUpdatedAt = now;
}


/** `imagePullPolicy` defaulting: `Always` for `:latest` or no tag, else `IfNotPresent`. */
function pullPolicy(spec: Container): string {
  if (spec.imagePullPolicy) return spec.imagePullPolicy;
  return parseImageRef(spec.image).tag === 'latest' && !spec.image.includes('@') ? 'Always' : 'IfNotPresent';
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
  cr.neverPulled = false;
  if (image && policy !== 'Always' && nodeHasImage(c, node, spec.image)) {
    c.recordEvent(pod, 'Normal', 'Pulled', `Container image "${spec.image}" already present on machine`, 'kubelet');
    return image;
  }
  if (policy === 'Never') {
    c.recordEvent(pod, 'Warning', 'ErrImageNeverPull', `Container image "${spec.image}" is not present with pull policy of Never`, 'kubelet');
    c.recordEvent(pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', 'kubelet');
    cr.neverPulled = true;
    return undefined;
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
  const lines = [...image.startupLogs(argv, pod.status.podIP ?? ''), ...(main.type === 'sleep' ? scriptOutput(argv) : [])];
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
export function syncContainer(c: Cluster, pod: Pod, rt: PodRuntime, spec: Container, now: number): { st: ContainerStatus; wake: number } {
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
    cr.configError = image ? resolveContainerEnv(c, pod, spec).error : undefined;
    if (cr.configError) c.recordEvent(pod, 'Warning', 'Failed', `Error: ${cr.configError}`, 'kubelet');
    if (image && !cr.configError) {
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
  if (cr.neverPulled) {
    st.state = { waiting: { reason: 'ErrImageNeverPull', message: `Container image "${spec.image}" is not present with pull policy of Never` } };
    return { st, wake: Infinity };
  }
  if (cr.configError) {
    st.state = { waiting: { reason: 'CreateContainerConfigError', message: cr.configError } };
    return { st, wake: now + MOUNT_RETRY_MS };
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

