/** Helpers that read a Pod's status the way kubectl and controllers do. */
import type { Pod } from '../types.js';

/** True when the Pod's `Ready` condition is True. */
export function isPodReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/**
 * The STATUS column of `kubectl get pods`: the phase, or the reason of a waiting/terminated container
 * (`ContainerCreating`, `ErrImagePull`, `CrashLoopBackOff`, `Completed`; the first container's wins), `NotReady` when
 * one container completed while another still runs (`Running` if the pod is Ready), `Terminating` while deleting.
 * Mirrors `printPod` in kubernetes `pkg/printers/internalversion/printers.go`.
 */
export function podDisplayStatus(p: Pod): string {
  let reason: string = p.status?.phase ?? 'Pending';
  const statuses = p.status?.containerStatuses ?? [];
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const cs = statuses[i]!;
    const t = cs.state.terminated;
    if (cs.state.waiting?.reason) reason = cs.state.waiting.reason;
    else if (t?.reason) reason = t.reason;
    else if (t) reason = `ExitCode:${t.exitCode}`;
    else if (cs.ready && cs.state.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) reason = isPodReady(p) ? 'Running' : 'NotReady';
  if (p.metadata.deletionTimestamp) return 'Terminating';
  return reason;
}
