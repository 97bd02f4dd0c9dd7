/**
 * Processes inside containers: the table `ps` shows, signals (`kill -HUP <pid>`), and stdout of the main process
 * (what `kubectl logs` shows). Each container has its own PID namespace, PID 1 being the image's entrypoint or the
 * pod's `command`; with `shareProcessNamespace: true` the pod has one table whose PID 1 is the sandbox's `/pause` and
 * every container's main process gets its own PID. As in Linux, PID 1 of a namespace only reacts to signals it
 * handles (nginx and httpd handle HUP/TERM/QUIT…; a shell or `sleep` as PID 1 ignores even KILL sent from inside).
 * https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/
 */
import type { Cluster } from './cluster.js';
import type { MainProcess } from './images.js';
import type { ContainerRuntime, PodRuntime, ProcessInfo } from './state.js';
import type { Pod } from './types.js';

/** Signal numbers on Linux x86-64, by name without the SIG prefix. */
export const SIGNALS: Readonly<Record<string, number>> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13,
  ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24,
  XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, PWR: 30, SYS: 31,
};

/** A signal's number from `HUP`, `SIGHUP`, `1` (case-insensitive); undefined if unknown. Signal 0 checks existence. */
export function signalNumber(signal: string | number): number | undefined {
  if (typeof signal === 'number') return signal >= 0 && signal <= 31 ? signal : undefined;
  if (/^\d+$/.test(signal)) return signalNumber(Number(signal));
  return SIGNALS[signal.toUpperCase().replace(/^SIG/, '')];
}

/** A signal's name without the SIG prefix (`HUP`), or the number as text. */
export function signalName(n: number): string {
  return Object.entries(SIGNALS).find(([, v]) => v === n)?.[0] ?? String(n);
}

/** One row of `ps`: a process and the container it runs in. */
export interface ProcessView extends ProcessInfo {
  ppid: number;
  /** The container the process belongs to; undefined for the pod's `/pause` (shared namespace). */
  container?: string;
}

/** What `kill` gets back. */
export type SignalResult = { ok: true; effect: 'handled' | 'ignored' | 'exited' | 'checked' } | { ok: false; error: string };

/** `2026/11/21 05:54:38`, nginx's and Go's log time format. */
export function logTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, '/');
}

function nginxStartLines(time: string, pid: number, workers: number[]): string[] {
  return [
    `${time} [notice] ${pid}#${pid}: using the "epoll" event method`,
    `${time} [notice] ${pid}#${pid}: nginx/1.27.3`,
    `${time} [notice] ${pid}#${pid}: built by gcc 12.2.0 (Debian 12.2.0-14)`,
    `${time} [notice] ${pid}#${pid}: OS: Linux 6.8.0-1021-aws`,
    `${time} [notice] ${pid}#${pid}: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${time} [notice] ${pid}#${pid}: start worker processes`,
    ...workers.map((w) => `${time} [notice] ${pid}#${pid}: start worker process ${w}`),
  ];
}

function allocPid(rt: PodRuntime, cr: ContainerRuntime, shared: boolean): number {
  if (shared) return rt.nextPid++;
  cr.nextPid = (cr.nextPid ?? 40) + 1;
  return cr.nextPid - 1;
}

/**
 * The processes a container starts with, and the lines its main process logs on start (besides the image's own
 * start-up lines). nginx runs a master and two workers (the minikube node has 2 CPUs), httpd a parent and three
 * children; other images one process from the container's argv.
 */
export function startProcesses(rt: PodRuntime, cr: ContainerRuntime, shared: boolean, repository: string, main: MainProcess, now: number): string[] {
  const argv = main.argv;
  const pid1 = shared ? allocPid(rt, cr, true) : 1;
  if (shared) rt.nextPid += 5;
  if (!shared) cr.nextPid = 7;
  const proc = (pid: number, user: string, uid: number, command: string, role: string, ppid: number): ProcessInfo => ({ pid, ppid, user, uid, command, role, signals: [], startedAt: now });
  if (main.type === 'serve' && repository === 'nginx') {
    const workers = shared ? [allocPid(rt, cr, true), allocPid(rt, cr, true)] : [29, 30];
    if (!shared) cr.nextPid = 31;
    cr.processes = [proc(pid1, 'root', 0, 'nginx: master process nginx -g daemon off;', 'nginx-master', 0), ...workers.map((w) => proc(w, 'nginx', 101, 'nginx: worker process', 'nginx-worker', pid1))];
    return nginxStartLines(logTime(now), pid1, workers);
  }
  if (main.type === 'serve' && repository === 'httpd') {
    const kids = shared ? [allocPid(rt, cr, true), allocPid(rt, cr, true), allocPid(rt, cr, true)] : [8, 9, 10];
    if (!shared) cr.nextPid = 11;
    cr.processes = [proc(pid1, 'root', 0, 'httpd -DFOREGROUND', 'httpd', 0), ...kids.map((k) => proc(k, 'www-data', 33, 'httpd -DFOREGROUND', 'httpd-worker', pid1))];
    return [];
  }
  const command = argv.join(' ');
  const base = (argv[0] ?? '').split('/').pop() ?? '';
  const role = ['sh', 'bash', 'ash'].includes(base) ? 'shell' : base === 'sleep' ? 'sleep' : main.type === 'serve' ? `server:${repository}` : 'program';
  cr.processes = [proc(pid1, 'root', 0, command, role, 0)];
  // A shell loop (`while true; do sleep 5; done`) always has its current `sleep` as a child.
  const nap = role === 'shell' ? /\bdo\s+(sleep\s+\S+?)\s*;?\s*done/.exec(command) : null;
  if (nap) cr.processes.push(proc(allocPid(rt, cr, shared), 'root', 0, nap[1]!, 'sleep', pid1));
  return [];
}

/** The `/pause` process of a pod that shares its PID namespace. */
function pauseProcess(rt: PodRuntime): ProcessView {
  return { pid: 1, ppid: 0, user: 'root', uid: 0, command: '/pause', role: 'pause', signals: [], startedAt: rt.sandboxAt };
}

function runtimeOf(c: Cluster, pod: Pod, container: string): { rt: PodRuntime; cr: ContainerRuntime } | undefined {
  const rt = c.state.runtime.get(pod.metadata.uid ?? '');
  const cr = rt?.containers.get(container);
  return rt && cr ? { rt, cr } : undefined;
}

/**
 * The processes a container sees, by PID (what `ps` lists, before the shell adds itself): its own, or with
 * `shareProcessNamespace` every running container's plus `/pause`. Undefined when the container is not running.
 */
export function listProcesses(c: Cluster, pod: Pod, container: string): ProcessView[] | undefined {
  const r = runtimeOf(c, pod, container);
  if (!r || r.cr.startedAt === undefined) return undefined;
  const rows: ProcessView[] = [];
  if (pod.spec.shareProcessNamespace) {
    rows.push(pauseProcess(r.rt));
    for (const [name, cr] of r.rt.containers) {
      if (cr.startedAt === undefined) continue;
      for (const p of cr.processes) rows.push({ ...p, ppid: p.ppid ?? 0, container: name });
    }
  } else {
    for (const p of r.cr.processes) rows.push({ ...p, ppid: p.ppid ?? 0, container });
  }
  return rows.sort((a, b) => a.pid - b.pid);
}

/** A PID for a short-lived process the learner starts in the container (`kill`, `ps`): the namespace's next. */
export function nextPid(c: Cluster, pod: Pod, container: string): number {
  const r = runtimeOf(c, pod, container);
  if (!r) return 0;
  return allocPid(r.rt, r.cr, !!pod.spec.shareProcessNamespace);
}

/** Appends lines to a container's stdout (`echo x >> /proc/1/fd/1`): they show in `kubectl logs`. */
export function appendLog(c: Cluster, pod: Pod, container: string, line: string): boolean {
  const r = runtimeOf(c, pod, container);
  if (!r || r.cr.startedAt === undefined) return false;
  for (const l of line.replace(/\n$/, '').split('\n')) r.cr.logs.push({ time: c.now(), line: l });
  c.touch();
  return true;
}

/** The main process ends: the kubelet sees the container exit at its next sync and restarts it per restartPolicy. */
function exitMain(c: Cluster, rt: PodRuntime, cr: ContainerRuntime, code: number): void {
  cr.exitAt = c.now();
  cr.exitCode = code;
  cr.exitReason = code === 0 ? 'Completed' : 'Error';
  rt.wakeAt = c.now();
  const pod = [...(c.state.objects.get('Pod')?.values() ?? [])].find((p) => p.metadata.uid === rt.uid);
  c.touch(pod);
}

function log(cr: ContainerRuntime, now: number, lines: string[]): void {
  for (const line of lines) cr.logs.push({ time: now, line });
}

/** nginx's master: HUP reloads (new workers), TERM/INT stop fast, QUIT gracefully, USR1 reopens logs. */
function nginxMaster(c: Cluster, rt: PodRuntime, cr: ContainerRuntime, p: ProcessInfo, sig: number, from: number, shared: boolean): SignalResult {
  const t = logTime(c.now());
  const me = `${p.pid}#${p.pid}`;
  const name = `signal ${sig} (SIG${signalName(sig)}) received from ${from}`;
  const workers = cr.processes.filter((w) => w.role === 'nginx-worker');
  if (sig === SIGNALS.HUP) {
    const fresh = workers.map(() => allocPid(rt, cr, shared));
    log(cr, c.now(), [`${t} [notice] ${me}: ${name}, reconfiguring`, `${t} [notice] ${me}: reconfiguring`, `${t} [notice] ${me}: using the "epoll" event method`, `${t} [notice] ${me}: start worker processes`, ...fresh.map((w) => `${t} [notice] ${me}: start worker process ${w}`)]);
    for (const w of workers) log(cr, c.now(), [`${t} [notice] ${w.pid}#${w.pid}: gracefully shutting down`, `${t} [notice] ${w.pid}#${w.pid}: exiting`, `${t} [notice] ${w.pid}#${w.pid}: exit`]);
    for (const w of workers) log(cr, c.now(), [`${t} [notice] ${me}: signal 17 (SIGCHLD) received from ${w.pid}`, `${t} [notice] ${me}: worker process ${w.pid} exited with code 0`, `${t} [notice] ${me}: signal 29 (SIGIO) received`]);
    cr.processes = [p, ...fresh.map((pid) => ({ ...workers[0]!, pid, signals: [], startedAt: c.now() }))];
    return { ok: true, effect: 'handled' };
  }
  if (sig === SIGNALS.USR1) {
    log(cr, c.now(), [`${t} [notice] ${me}: ${name}, reopening logs`, `${t} [notice] ${me}: reopening logs`]);
    return { ok: true, effect: 'handled' };
  }
  if (sig === SIGNALS.TERM || sig === SIGNALS.INT || sig === SIGNALS.QUIT) {
    const how = sig === SIGNALS.QUIT ? 'gracefully shutting down' : 'exiting';
    log(cr, c.now(), [`${t} [notice] ${me}: ${name}, ${how}`, ...workers.map((w) => `${t} [notice] ${w.pid}#${w.pid}: exiting`), `${t} [notice] ${me}: exit`]);
    exitMain(c, rt, cr, 0);
    return { ok: true, effect: 'exited' };
  }
  return { ok: true, effect: 'ignored' };
}

/** Apache httpd's parent: HUP restarts, USR1 restarts gracefully, TERM and WINCH stop. */
function httpdParent(c: Cluster, rt: PodRuntime, cr: ContainerRuntime, sig: number): SignalResult {
  const t = `[${new Date(c.now()).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5.000000 $4')}]`;
  if (sig === SIGNALS.HUP || sig === SIGNALS.USR1) {
    const graceful = sig === SIGNALS.USR1;
    log(cr, c.now(), [`${t} [mpm_event:notice] [pid 1:tid 1] ${graceful ? 'AH00493: SIGUSR1 received.  Doing graceful restart' : 'AH00494: SIGHUP received.  Attempting to restart'}`, `${t} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`, `${t} [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`]);
    return { ok: true, effect: 'handled' };
  }
  if (sig === SIGNALS.TERM || sig === SIGNALS.WINCH || sig === SIGNALS.INT) {
    log(cr, c.now(), [`${t} [mpm_event:notice] [pid 1:tid 1] AH00491: caught SIG${signalName(sig)}, shutting down`]);
    exitMain(c, rt, cr, 0);
    return { ok: true, effect: 'exited' };
  }
  return { ok: true, effect: 'ignored' };
}

/** Signals whose default action ends a process (everything but CHLD, CONT, URG, WINCH, STOP and the tty stops). */
function terminates(sig: number): boolean {
  return ![0, SIGNALS.CHLD, SIGNALS.CONT, SIGNALS.URG, SIGNALS.WINCH, SIGNALS.STOP, SIGNALS.TSTP, SIGNALS.TTIN, SIGNALS.TTOU].includes(sig);
}

/**
 * Sends a signal to a PID as seen from inside `container` (`kill -HUP 1`, `kill 8`), from the process `fromPid`
 * (the `kill` command itself; defaults to a fresh PID). Returns an error in kill's words for an unknown PID.
 */
export function signalProcess(c: Cluster, pod: Pod, container: string, pid: number, signal: string | number, fromPid?: number): SignalResult {
  const sig = signalNumber(signal);
  if (sig === undefined) return { ok: false, error: `kill: ${signal}: invalid signal specification` };
  const r = runtimeOf(c, pod, container);
  const shared = !!pod.spec.shareProcessNamespace;
  const visible = listProcesses(c, pod, container);
  const target = visible?.find((p) => p.pid === pid);
  if (!r || !visible || !target) return { ok: false, error: `kill: (${pid}) - No such process` };
  if (sig === 0) return { ok: true, effect: 'checked' };
  const from = fromPid ?? nextPid(c, pod, container);
  if (target.role === 'pause') return { ok: true, effect: 'ignored' };
  const owner = r.rt.containers.get(target.container ?? container)!;
  const proc = owner.processes.find((p) => p.pid === pid)!;
  proc.signals.push(signalName(sig));
  c.touch();
  const isPid1 = !shared && pid === 1;
  const isMain = proc.ppid === 0 || proc.ppid === undefined;
  if (proc.role === 'nginx-master' && sig !== SIGNALS.KILL) return nginxMaster(c, r.rt, owner, proc, sig, from, shared);
  if (proc.role === 'httpd' && sig !== SIGNALS.KILL) return httpdParent(c, r.rt, owner, sig);
  if (proc.role === 'server:hashicorp/http-echo' && (sig === SIGNALS.TERM || sig === SIGNALS.INT)) {
    log(owner, c.now(), [`${logTime(c.now())} [INFO] server is shutting down`]);
    exitMain(c, r.rt, owner, 0);
    return { ok: true, effect: 'exited' };
  }
  // PID 1 of a namespace gets no default actions: signals it does not handle (KILL too, from inside) are ignored.
  if (isPid1 || !terminates(sig)) return { ok: true, effect: 'ignored' };
  if (isMain) {
    exitMain(c, r.rt, owner, 128 + sig);
    return { ok: true, effect: 'exited' };
  }
  if (proc.role === 'nginx-worker') {
    const master = owner.processes.find((p) => p.role === 'nginx-master')!;
    const fresh = allocPid(r.rt, owner, shared);
    const t = logTime(c.now());
    const how = sig === SIGNALS.TERM || sig === SIGNALS.INT || sig === SIGNALS.QUIT ? `exited with code 0` : `exited on signal ${sig}`;
    log(owner, c.now(), [`${t} [${how.startsWith('exited on') ? 'alert' : 'notice'}] ${master.pid}#${master.pid}: worker process ${pid} ${how}`, `${t} [notice] ${master.pid}#${master.pid}: start worker process ${fresh}`]);
    owner.processes = owner.processes.map((p) => (p.pid === pid ? { ...p, pid: fresh, signals: [], startedAt: c.now() } : p));
    return { ok: true, effect: 'exited' };
  }
  const parent = owner.processes.find((p) => p.pid === proc.ppid);
  if (parent?.role === 'shell' && proc.role === 'sleep') {
    // The loop goes round again: a new `sleep` under a new PID.
    owner.processes = owner.processes.map((p) => (p.pid === pid ? { ...p, pid: allocPid(r.rt, owner, shared), signals: [], startedAt: c.now() } : p));
  } else owner.processes = owner.processes.filter((p) => p.pid !== pid);
  return { ok: true, effect: 'exited' };
}
