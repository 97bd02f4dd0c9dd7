import { describe, expect, it } from 'vitest';
import { Cluster, podDisplayStatus, type KubeObject, type Pod } from '../../src/sim/index.js';
import { events, logs } from './lifecycle.helpers.js';

function job(name: string, script: string, spec: Record<string, unknown> = {}, restartPolicy = 'Never'): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { ...spec, template: { spec: { restartPolicy, containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', script] }] } } },
  };
}

function statuses(c: Cluster): string[] {
  return c.list<Pod>('Pod', 'default').map((p) => podDisplayStatus(p)).sort();
}

function jobStatus(c: Cluster, name: string): Record<string, unknown> {
  const st = structuredClone(c.mustGet('Job', 'default', name).status) as Record<string, unknown> & { conditions?: { type: string; reason: string }[] };
  return { ...st, startTime: typeof st.startTime, completionTime: typeof st.completionTime, conditions: st.conditions?.map((x) => `${x.type}:${x.reason}`) };
}

describe('Job controller', () => {
  it('runs a pod to completion: STATUS Completed, its logs kept, the Job Complete', () => {
    const c = new Cluster();
    const j = c.create(job('hello', 'echo hi'));
    expect(statuses(c)).toEqual(['ContainerCreating']);
    c.advance(4_000);
    expect(statuses(c)).toEqual(['Completed']);
    const p = c.list<Pod>('Pod', 'default')[0]!;
    expect({ phase: p.status.phase, named: p.metadata.name.startsWith('hello-'), jobLabel: p.metadata.labels?.['job-name'], logs: logs(c, p, 'main') }).toEqual({ phase: 'Succeeded', named: true, jobLabel: 'hello', logs: ['hi'] });
    expect(jobStatus(c, 'hello')).toEqual({ startTime: 'string', completionTime: 'string', ready: 0, succeeded: 1, terminating: 0, uncountedTerminatedPods: {}, conditions: ['SuccessCriteriaMet:CompletionsReached', 'Complete:CompletionsReached'] });
    expect(events(c, j)).toEqual([`Normal SuccessfulCreate job-controller: Created pod: ${p.metadata.name}`, 'Normal Completed job-controller: Job completed']);
  });

  it('honours completions and parallelism', () => {
    const c = new Cluster();
    c.create(job('batch', 'echo done', { completions: 3, parallelism: 2 }));
    expect(statuses(c)).toEqual(['ContainerCreating', 'ContainerCreating']);
    expect(jobStatus(c, 'batch')).toEqual({ startTime: 'string', completionTime: 'undefined', active: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {}, conditions: undefined });
    c.advance(10_000);
    expect(statuses(c)).toEqual(['Completed', 'Completed', 'Completed']);
    expect((c.mustGet('Job', 'default', 'batch').status as { succeeded: number }).succeeded).toEqual(3);
  });

  it('stops after backoffLimit failures (restartPolicy Never), waiting its back-off between pods', () => {
    const c = new Cluster();
    const j = c.create(job('fail', 'exit 1', { backoffLimit: 1 }));
    c.advance(4_000);
    expect(statuses(c)).toEqual(['Error']);
    c.advance(10_000);
    expect(statuses(c)).toEqual(['Error', 'Error']);
    expect(jobStatus(c, 'fail')).toEqual({ startTime: 'string', completionTime: 'undefined', ready: 0, failed: 2, terminating: 0, uncountedTerminatedPods: {}, conditions: ['FailureTarget:BackoffLimitExceeded', 'Failed:BackoffLimitExceeded'] });
    expect(events(c, j).slice(-1)).toEqual(['Warning BackoffLimitExceeded job-controller: Job has reached the specified backoff limit']);
  });

  it('counts container restarts against backoffLimit with restartPolicy OnFailure', () => {
    const c = new Cluster();
    c.create(job('retry', 'exit 2', { backoffLimit: 2 }, 'OnFailure'));
    c.advance(60_000);
    const st = jobStatus(c, 'retry');
    expect({ conditions: st.conditions, pods: c.list<Pod>('Pod', 'default').length }).toEqual({ conditions: ['FailureTarget:BackoffLimitExceeded', 'Failed:BackoffLimitExceeded'], pods: 0 });
  });
});
