/**
 * `kill [-HUP|-s HUP|-1|-9|-TERM] PID…` (the shell builtin) and `kill -l`. The signal is recorded on the process.
 * nginx and httpd reload on SIGHUP (their reload lines go to the container log) and stop on SIGTERM/SIGINT/SIGQUIT,
 * after which the kubelet restarts the container. As on Linux, PID 1 of its own namespace ignores signals it has no
 * handler for, even SIGKILL: `kill -9 1` in a shell-only container does nothing.
 */
import type { Pod } from '../../sim/index.js';
import type { CommandContext, CommandFn, CommandResult } from '../types.js';
import { shellOf } from '../builtins.js';
import { here, processTable, type ProcRow } from './procs.js';

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, CONT: 18, STOP: 19, WINCH: 28 };
const BY_NUMBER = new Map(Object.entries(SIGNALS).map(([k, v]) => [v, k]));
const LIST = ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n';
const USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]';

function signalName(s: string): string | undefined {
  const up = s.toUpperCase().replace(/^SIG/, '');
  if (/^\d+$/.test(up)) return BY_NUMBER.get(Number(up));
  return SIGNALS[up] !== undefined ? up : undefined;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19).replace(/-/g, '/');
}

/** What a server's master process does with a signal; returns the exit code when it stops. */
function deliver(ctx: CommandContext, pod: Pod, row: ProcRow, sig: string, fromPid: number): number | undefined {
  const info = row.info!;
  const cr = row.runtime!;
  info.signals.push(sig);
  const now = ctx.cluster.now();
  const isMain = info.pid === 1;
  const nginx = isMain && info.command.startsWith('nginx: master');
  const httpd = isMain && info.command.startsWith('httpd');
  const log = (line: string): number => cr.logs.push({ time: now, line });
  if (sig === 'HUP') {
    if (nginx) {
      for (const l of [`signal 1 (SIGHUP) received from ${fromPid}, reconfiguring`, 'reconfiguring', 'using the "epoll" event method', 'start worker processes', 'start worker process 31', 'start worker process 32']) log(`${stamp(now)} [notice] 1#1: ${l}`);
    } else if (httpd) {
      log('[mpm_event:notice] [pid 1:tid 1] AH00493: SIGHUP received.  Attempting to restart');
      log('[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations');
    }
    return undefined;
  }
  const shared = !!pod.spec.shareProcessNamespace;
  const handles = nginx || httpd;
  if (!isMain) return undefined;
  if (sig === 'KILL') return shared ? 137 : undefined;
  if (['TERM', 'INT', 'QUIT'].includes(sig) && (handles || shared)) {
    if (nginx) log(`${stamp(now)} [notice] 1#1: signal ${SIGNALS[sig]} (SIG${sig}) received from ${fromPid}, exiting`);
    if (httpd) log('[mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down');
    return handles ? 0 : 128 + SIGNALS[sig]!;
  }
  return undefined;
}

/** The container's main process ended: record it and let the kubelet restart it (restartPolicy Always). */
function stopContainer(ctx: CommandContext, pod: Pod, container: string, code: number): void {
  const cr = ctx.cluster.state.runtime.get(pod.metadata.uid!)?.containers.get(container);
  if (!cr || cr.startedAt === undefined) return;
  const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const st = pod.status.containerStatuses?.find((s) => s.name === container);
  if (st) st.lastState = { terminated: { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: iso(cr.startedAt), finishedAt: iso(ctx.cluster.now()) } };
  cr.previousLogs = cr.logs;
  cr.logs = [];
  cr.startedAt = undefined;
  cr.restartCount++;
  ctx.cluster.touch();
  ctx.cluster.reconcile();
}

export const kill: CommandFn = (ctx): CommandResult => {
  const sh = shellOf(ctx);
  const args = ctx.argv.slice(1);
  if (args[0] === '-l' || args[0] === '-L') return { stdout: LIST, stderr: '', exitCode: 0 };
  let sig = 'TERM';
  let i = 0;
  if (args[0] === '-s' || args[0] === '-n') {
    const s = signalName(args[1] ?? '');
    if (!s) return { stdout: '', stderr: `${sh}: kill: ${args[1] ?? ''}: invalid signal specification\n`, exitCode: 1 };
    sig = s;
    i = 2;
  } else if (args[0]?.startsWith('-') && args[0] !== '--') {
    const s = signalName(args[0].slice(1));
    if (!s) return { stdout: '', stderr: `${sh}: kill: ${args[0].slice(1)}: invalid signal specification\n`, exitCode: 1 };
    sig = s;
    i = 1;
  }
  const pids = args.slice(i).filter((a) => a !== '--');
  if (!pids.length) return { stdout: '', stderr: `${sh}: ${USAGE}\n`, exitCode: 2 };
  const h = here(ctx);
  const table = processTable(ctx);
  const self = table.find((r) => r.tty);
  let err = '';
  const stops: [string, number][] = [];
  for (const p of pids) {
    if (!/^-?\d+$/.test(p)) {
      err += `${sh}: kill: ${p}: arguments must be process or job IDs\n`;
      continue;
    }
    const row = table.find((r) => r.pid === Number(p));
    if (!row || !h) {
      err += sh === 'sh' ? `sh: can't kill pid ${p}: No such process\n` : `${sh}: kill: (${p}) - No such process\n`;
      continue;
    }
    if (!row.info || !row.container) continue;
    const code = deliver(ctx, h.pod, row, sig, (self?.pid ?? 40) + 1);
    if (code !== undefined) stops.push([row.container, code]);
  }
  if (h) for (const [c, code] of stops) stopContainer(ctx, h.pod, c, code);
  if (stops.length || sig === 'HUP') ctx.cluster.touch();
  return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
};
