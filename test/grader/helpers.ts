import { replay, startSandbox, type LessonEnv } from '../../src/lessons/runtime.js';
import { checkGoal } from '../../src/grader/index.js';
import type { Check, GoalVerdict } from '../../src/grader/types.js';

/** A fresh sandbox after running `script` (commands as typed). */
export function sandbox(script: string, seed = 42): LessonEnv {
  const env = startSandbox(seed);
  replay(env.session, script);
  return env;
}

/** Grades one check against a sandbox. */
export function grade(env: LessonEnv, ...checks: Check[]): GoalVerdict {
  return checkGoal(checks, { cluster: env.cluster, actions: env.session.actions, home: env.session.homeFs });
}

/** `kubectl apply -f - <<EOF … EOF` for a manifest. */
export function applyText(yaml: string): string {
  return `kubectl apply -f - <<EOF\n${yaml.trim()}\nEOF\n`;
}

export const WEB = applyText(`
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
`);

export const WEB_SVC = applyText(`
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`);

export const CLIENT = applyText(`
apiVersion: v1
kind: Pod
metadata:
  name: client
  labels:
    app: client
spec:
  containers:
  - name: box
    image: busybox
    command: ["sleep", "infinity"]
`);
