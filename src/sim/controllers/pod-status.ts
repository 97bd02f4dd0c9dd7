/** Helpers that read a Pod's status the way kubectl and controllers do. */
import type { Pod } from '../types.js';

/** True when the Pod's `Ready` condition is True. */
export function isPodReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/**
 * The STATUS column of `kubectl get pods`: the phase, or the reason of the first waiting/terminated container
 * (`ContainerCreating`, `ErrImagePull`, `CrashLoopBackOff`, `Completed`), `Terminating` while deleting.
 * Mirrors `printPod` in kubernetes `pkg/printers/internalversion/printers.go`.
 */
export function podDisplayStatus(p: Pod): string {
  if (p.metadata.deletionTimestamp) return 'Terminating';
  let reason: string = p.status?.phase ?? 'Pending';
  for (const cs of p.status?.containerStatuses ?? []) {
    if (cs.state.waiting?.reason) reason = cs.state.waiting.reason;
    else if (cs.state.terminated) reason = cs.state.terminated.reason ?? (cs.state.terminated.exitCode === 0 ? 'Completed' : 'Error');
    else continue;
    if (reason !== 'Running') break;
  }
  return reason;
}
