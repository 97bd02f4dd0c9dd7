/**
 * The Job and CronJob that `kubectl create job NAME --image=I [-- CMD…]` and `kubectl create cronjob NAME --image=I
 * --schedule=S [--restart=R] [-- CMD…]` build (kubectl `pkg/cmd/create/create_job.go`, `create_cronjob.go`), field
 * for field in Go struct order so `-o json` matches: one container named after the Job, `restartPolicy: Never` for a
 * Job, `OnFailure` (or `--restart`) for a CronJob's template.
 */
import type { KubeObject } from '../../../sim/index.js';

type Obj = Record<string, unknown>;

function meta(name: string, namespace: string | undefined): KubeObject['metadata'] {
  const m: Obj = { name };
  if (namespace) m.namespace = namespace;
  m.creationTimestamp = null;
  return m as unknown as KubeObject['metadata'];
}

function container(name: string, image: string, command: string[]): Obj {
  const c: Obj = { name, image };
  if (command.length) c.command = command;
  c.resources = {};
  return c;
}

/** `kubectl create job NAME --image=IMAGE [-- COMMAND…]`. */
export function jobObject(o: { name: string; namespace?: string; image: string; command: string[] }): KubeObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: meta(o.name, o.namespace),
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(o.name, o.image, o.command)], restartPolicy: 'Never' } } },
    status: {},
  };
}

/** `kubectl create cronjob NAME --image=IMAGE --schedule=SCHEDULE [--restart=R] [-- COMMAND…]`. */
export function cronJobObject(o: { name: string; namespace?: string; image: string; schedule: string; restart?: string; command: string[] }): KubeObject {
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: meta(o.name, o.namespace),
    spec: {
      schedule: o.schedule,
      jobTemplate: {
        metadata: { name: o.name, creationTimestamp: null },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(o.name, o.image, o.command)], restartPolicy: o.restart || 'OnFailure' } } },
      },
    },
    status: {},
  };
}
