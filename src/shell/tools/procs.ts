/**
 * The process table a container sees (`src/sim/processes.ts`: its own processes, or with `shareProcessNamespace`
 * every container's and `/pause` as PID 1), plus the shell the learner is typing in.
 * https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/
 */
import { listProcesses, type ProcessView } from '../../sim/processes.js';
import type { Pod } from '../../sim/index.js';
import type { CommandContext } from '../types.js';

export interface ProcRow {
  pid: number;
  ppid: number;
  user: string;
  command: string;
  startedAt?: number;
  tty: boolean;
}

/** The pod and container a container-location command runs in. */
export function here(ctx: CommandContext): { pod: Pod; container: string } | undefined {
  const loc = ctx.location;
  if (loc.type !== 'container') return undefined;
  const pod = ctx.cluster.get<Pod>('Pod', loc.namespace, loc.pod);
  return pod ? { pod, container: loc.container } : undefined;
}

/** Every process visible from where the command runs, the learner's shell last. */
export function processTable(ctx: CommandContext): ProcRow[] {
  const h = here(ctx);
  const procs: ProcessView[] = (h && listProcesses(ctx.cluster, h.pod, h.container)) || [];
  const rows: ProcRow[] = procs.map((p) => ({ pid: p.pid, ppid: p.ppid, user: p.user, command: p.command, startedAt: p.startedAt, tty: false }));
  const shell = ctx.location.type === 'container' ? ctx.location.shell : 'sh';
  const top = Math.max(0, ...rows.map((r) => r.pid));
  rows.push({ pid: Math.max(top + 1, h?.pod.spec.shareProcessNamespace ? top + 1 : 8), ppid: 0, user: 'root', command: shell, tty: true });
  return rows;
}
