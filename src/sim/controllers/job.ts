/**
 * The Job controller: runs pods from the template until `completions` (default 1) have succeeded, at most
 * `parallelism` (default 1) at a time. Failed pods (restartPolicy Never) and container restarts (OnFailure) count
 * against `backoffLimit` (default 6); a new pod after a failure waits the controller's back-off (10 s doubling,
 * capped at 6 minutes). It ends with the `Complete` (or `Failed`, `BackoffLimitExceeded`) condition, after
 * `SuccessCriteriaMet` / `FailureTarget` as Kubernetes 1.31+ reports them. Finished pods stay (with their logs).
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/
 */
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import type { KubeObject, Pod, PodTemplateSpec } from '../types.js';
import { iso } from './container-runtime.js';
import { deletePodGracefully } from './kubelet.js';
import { gated, podFromTemplate, type OwnerIndex } from './owned-pods.js';
import { isPodReady } from './pod-status.js';

/** The Job fields the controller reads. */
export interface Job extends KubeObject {
  spec: { completions?: number; parallelism?: number; backoffLimit?: number; template: PodTemplateSpec; suspend?: boolean };
  status?: JobStatus;
}

/** `batch/v1` JobStatus as the controller writes it. */
export interface JobStatus {
  startTime?: string;
  completionTime?: string;
  active?: number;
  ready?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  uncountedTerminatedPods?: Record<string, never>;
  conditions?: { type: string; status: string; lastProbeTime: string; lastTransitionTime: string; reason: string; message: string }[];
}

const COMPONENT = 'job-controller';
const BACKOFF_MS = 10_000;
const BACKOFF_MAX_MS = 360_000;

function finishedAt(p: Pod): number {
  let t = 0;
  for (const s of p.status.containerStatuses ?? []) {
    const f = s.state.terminated?.finishedAt;
    if (f) t = Math.max(t, Date.parse(f));
  }
  return t;
}

function condition(type: string, reason: string, message: string, at: string): NonNullable<JobStatus['conditions']>[number] {
  return { type, status: 'True', lastProbeTime: at, lastTransitionTime: at, reason, message };
}

/** Reconciles one Job; returns when it needs to run again (a back-off expiring), or Infinity. */
export function reconcileJob(c: Cluster, job: Job, idx: OwnerIndex, now: number): number {
  const st: JobStatus = structuredClone(job.status ?? {});
  const done = st.conditions?.some((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  const pods = (idx.get(job.metadata.uid!) ?? []).filter((p) => c.get('Pod', p.metadata.namespace, p.metadata.name) === p);
  const active = pods.filter((p) => !p.metadata.deletionTimestamp && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
  const succeeded = pods.filter((p) => p.status.phase === 'Succeeded').length;
  const failedPods = pods.filter((p) => p.status.phase === 'Failed');
  const restarts = active.reduce((n, p) => n + (p.status.containerStatuses ?? []).reduce((m, s) => m + s.restartCount, 0), 0);
  const completions = job.spec.completions ?? 1;
  const parallelism = job.spec.parallelism ?? 1;
  const limit = job.spec.backoffLimit ?? 6;
  const at = iso(now);
  let wake = Infinity;
  st.startTime ??= at;
  if (!done) {
    if (succeeded >= completions) {
      st.conditions = [condition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods', at), condition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', at)];
      st.completionTime = at;
      for (const p of active) deletePodGracefully(c, p);
      c.recordEvent(job, 'Normal', 'Completed', 'Job completed', COMPONENT);
    } else if (failedPods.length + restarts > limit) {
      st.conditions = [condition('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', at), condition('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', at)];
      for (const p of active) deletePodGracefully(c, p);
      c.recordEvent(job, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', COMPONENT);
    } else if (!job.spec.suspend) {
      const target = Math.min(parallelism, completions - succeeded);
      const lastFailure = failedPods.reduce((t, p) => Math.max(t, finishedAt(p)), 0);
      const delay = failedPods.length ? Math.min(BACKOFF_MAX_MS, BACKOFF_MS * 2 ** (failedPods.length - 1)) : 0;
      const allowedAt = lastFailure + delay;
      if (active.length < target && now < allowedAt) wake = allowedAt;
      for (let i = active.length; i < target && now >= allowedAt && i < 1_000; i++) {
        const uid = job.metadata.uid!;
        const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': job.metadata.name, 'controller-uid': uid, 'job-name': job.metadata.name };
        const pod = c.create<Pod>(podFromTemplate(job, job.spec.template, `${job.metadata.name}-`, labels));
        active.push(pod);
        c.recordEvent(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, COMPONENT);
      }
    }
  }
  const finished = st.conditions?.some((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  const running = active.filter((p) => !p.metadata.deletionTimestamp);
  const status: JobStatus = { ...st, ready: finished ? 0 : running.filter(isPodReady).length, terminating: 0, uncountedTerminatedPods: {} };
  delete status.active;
  delete status.succeeded;
  delete status.failed;
  if (running.length && !finished) status.active = running.length;
  if (succeeded) status.succeeded = succeeded;
  if (failedPods.length) status.failed = failedPods.length;
  if (!deepEqual(job.status, status)) {
    job.status = status;
    c.touch(job);
  }
  return wake;
}

/** Reconciles every Job when the store changed or a back-off is due. */
export const jobController = gated(['Job'], (c, idx, now) => {
  let wake = Infinity;
  for (const job of c.list<Job>('Job')) wake = Math.min(wake, reconcileJob(c, job, idx, now));
  return wake;
});
