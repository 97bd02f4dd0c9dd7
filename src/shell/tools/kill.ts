/**
 * `kill [-HUP|-s HUP|-1|-9|-TERM] PID…` (the shell builtin) and `kill -l`: signals go through the simulator's process
 * model (`src/sim/processes.ts`): nginx and httpd reload on SIGHUP (their reload lines reach `kubectl logs`) and stop
 * on SIGTERM, after which the kubelet restarts the container; PID 1 ignores signals it has no handler for.
 */
import { signalNumber, signalProcess } from '../../sim/processes.js';
import type { CommandFn, CommandResult } from '../types.js';
import { shellOf } from '../builtins.js';
import { here, processTable } from './procs.js';

const LIST =
  ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n16) SIGSTKFLT\t17) SIGCHLD\t18) SIGCONT\t19) SIGSTOP\t20) SIGTSTP\n21) SIGTTIN\t22) SIGTTOU\t23) SIGURG\t24) SIGXCPU\t25) SIGXFSZ\n26) SIGVTALRM\t27) SIGPROF\t28) SIGWINCH\t29) SIGIO\t30) SIGPWR\n31) SIGSYS\n';
const USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]';

export const kill: CommandFn = (ctx): CommandResult => {
  const sh = shellOf(ctx);
  const args = ctx.argv.slice(1);
  if (args[0] === '-l' || args[0] === '-L') return { stdout: LIST, stderr: '', exitCode: 0 };
  let sig = 15;
  let i = 0;
  const spec = args[0] === '-s' || args[0] === '-n' ? args[1] : args[0]?.startsWith('-') && args[0] !== '--' ? args[0].slice(1) : undefined;
  if (spec !== undefined || args[0] === '-s' || args[0] === '-n') {
    const n = signalNumber(spec ?? '');
    if (n === undefined) return { stdout: '', stderr: `${sh}: kill: ${spec ?? ''}: invalid signal specification\n`, exitCode: 1 };
    sig = n;
    i = args[0] === '-s' || args[0] === '-n' ? 2 : 1;
  }
  const pids = args.slice(i).filter((a) => a !== '--');
  if (!pids.length) return { stdout: '', stderr: `${sh}: ${USAGE}\n`, exitCode: 2 };
  const h = here(ctx);
  const self = processTable(ctx).find((r) => r.tty)?.pid;
  let err = '';
  for (const p of pids) {
    if (!/^-?\d+$/.test(p)) {
      err += `${sh}: kill: ${p}: arguments must be process or job IDs\n`;
      continue;
    }
    const pid = Number(p);
    if (pid === self) continue;
    const r = h ? signalProcess(ctx.cluster, h.pod, h.container, pid, sig, self === undefined ? undefined : self + 1) : { ok: false as const, error: `kill: (${p}) - No such process` };
    if (!r.ok) err += sh === 'sh' ? `sh: can't kill pid ${p}: No such process\n` : `${sh}: ${r.error}\n`;
    // The kubelet re-syncs a pod when its object changes; make it notice the exited main process now.
    else if (r.effect === 'exited' && h) ctx.cluster.put(h.pod);
  }
  return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
};
