/**
 * The process table a container sees: its own processes, or, with `shareProcessNamespace: true`, every container's
 * with the pod's `pause` process as PID 1 (https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/).
 * The interactive shell the learner is in shows up too.
 */
import type { ContainerRuntime, ProcessInfo } from '../../sim/state.js';
import type { Pod } from '../../sim/index.js';
import type { CommandContext } from '../types.js';

export interface ProcRow {
  pid: number;
  user: string;
  command: string;
  /** The container the process belongs to and its runtime entry; undefined for pause and the session's own. */
  container?: string;
  info?: ProcessInfo;
  runtime?: ContainerRuntime;
  tty: boolean;
}

/** The pod and container a container-location command runs in. */
export function here(ctx: CommandContext): { pod: Pod; container: string } | undefined {
  const loc = ctx.location;
  if (loc.type !== 'container') return undefined;
  const pod = ctx.cluster.get<Pod>('Pod', loc.namespace, loc.pod);
  return pod ? { pod, container: loc.container } : undefined;
}

/** Every process visible from where the command runs. */
export function processTable(ctx: CommandContext): ProcRow[] {
  const h = here(ctx);
  if (!h) return [];
  const rt = ctx.cluster.state.runtime.get(h.pod.metadata.uid!);
  if (!rt) return [];
  const rows: ProcRow[] = [];
  const shared = !!h.pod.spec.shareProcessNamespace;
  let next = 1;
  if (shared) rows.push({ pid: next++, user: '65535', command: '/pause', tty: false });
  for (const spec of h.pod.spec.containers) {
    if (!shared && spec.name !== h.container) continue;
    const cr = rt.containers.get(spec.name);
    if (!cr || cr.startedAt === undefined) continue;
    for (const p of cr.processes) rows.push({ pid: shared ? (p.pid === 1 ? next++ : p.pid + 6) : p.pid, user: p.user, command: p.command, container: spec.name, info: p, runtime: cr, tty: false });
  }
  const shell = ctx.location.type === 'container' ? ctx.location.shell : 'sh';
  const base = Math.max(rt.nextPid, ...rows.map((r) => r.pid + 1));
  rows.push({ pid: base, user: 'root', command: shell, tty: true });
  return rows.sort((a, b) => a.pid - b.pid);
}
