/**
 * `kubectl logs POD|TYPE/NAME [-c C] [--previous] [-f] [--tail N] [--timestamps] [--prefix] [--all-containers]
 * [-l selector]`: what the container's PID 1 wrote, from the simulated runtime. The kubelet's refusals are
 * reproduced word for word (`is waiting to start: ContainerCreating`, `previous terminated container … not found`).
 * `-f` prints what there is and ends: the simulated terminal never blocks.
 */
import { SimError, type Cluster, type Deployment, type KubeObject, type Pod, type ReplicaSet } from '../../sim/index.js';
import { matchesSelector, type LabelSelector } from '../../lib/labels.js';
import type { CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';
import { parseSelector } from './selector.js';

type LogLines = { time: number; line: string }[];

function badRequest(message: string): CommandResult {
  return { stdout: '', stderr: `Error from server (BadRequest): ${message}\n`, exitCode: 1 };
}

/** The log lines of one container, or the kubelet's refusal. */
function containerLogs(c: Cluster, pod: Pod, container: string, previous: boolean): LogLines | CommandResult {
  const st = pod.status.containerStatuses?.find((s) => s.name === container);
  const rt = c.state.runtime.get(pod.metadata.uid ?? '')?.containers.get(container);
  const where = `container "${container}" in pod "${pod.metadata.name}"`;
  // The apiserver streams nothing for a pod that has no node yet (pod LogLocation returns no location).
  if (!pod.spec.nodeName) return [];
  if (!st || !rt) return badRequest(`${where} is waiting to start: ContainerCreating`);
  if (previous) return st.lastState?.terminated ? rt.previousLogs : badRequest(`previous terminated ${where} not found`);
  if (st.state.running || st.state.terminated) return rt.startedAt !== undefined || rt.logs.length ? rt.logs : rt.previousLogs;
  if (st.lastState?.terminated) return rt.previousLogs;
  const reason = st.state.waiting?.reason ?? 'ContainerCreating';
  if (reason === 'ErrImagePull') return badRequest(`${where} is waiting to start: image can't be pulled`);
  if (reason === 'ImagePullBackOff') return badRequest(`${where} is waiting to start: trying and failing to pull image`);
  return badRequest(`${where} is waiting to start: ${reason}`);
}

/** The pod a `TYPE/NAME` argument means (the first pod of a workload, as kubectl's `AttachablePodForObject`). */
function podFor(c: Cluster, ns: string, arg: string): { pod?: Pod; note: string } | CommandResult {
  const slash = arg.indexOf('/');
  if (slash < 0) {
    const pod = c.get<Pod>('Pod', ns, arg);
    if (!pod) return { stdout: '', stderr: errorText(SimError.notFound('pods', arg)) + '\n', exitCode: 1 };
    return { pod, note: '' };
  }
  const type = arg.slice(0, slash).toLowerCase();
  const name = arg.slice(slash + 1);
  const kinds: Record<string, [string, string]> = {
    pod: ['Pod', 'pods'], pods: ['Pod', 'pods'], po: ['Pod', 'pods'],
    deployment: ['Deployment', 'deployments.apps'], deployments: ['Deployment', 'deployments.apps'], deploy: ['Deployment', 'deployments.apps'],
    replicaset: ['ReplicaSet', 'replicasets.apps'], replicasets: ['ReplicaSet', 'replicasets.apps'], rs: ['ReplicaSet', 'replicasets.apps'],
    service: ['Service', 'services'], services: ['Service', 'services'], svc: ['Service', 'services'],
  };
  const k = kinds[type];
  if (!k) return { stdout: '', stderr: `error: the server doesn't have a resource type "${type}"\n`, exitCode: 1 };
  const obj = c.get<KubeObject>(k[0], ns, name);
  if (!obj) return { stdout: '', stderr: errorText(SimError.notFound(k[1], name)) + '\n', exitCode: 1 };
  if (k[0] === 'Pod') return { pod: obj as Pod, note: '' };
  const selector: LabelSelector | undefined =
    k[0] === 'Service' ? { matchLabels: (obj as { spec: { selector?: Record<string, string> } }).spec.selector ?? {} } : (obj as Deployment | ReplicaSet).spec.selector;
  const pods = c.list<Pod>('Pod', ns).filter((p) => matchesSelector(selector, p.metadata.labels));
  if (pods.length === 0) return { stdout: '', stderr: `error: timed out waiting for the condition\n`, exitCode: 1 };
  return { pod: pods[0], note: pods.length > 1 ? `Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}\n` : '' };
}

function render(lines: LogLines, opts: { tail?: number; timestamps: boolean; prefix: string }): string {
  const shown = opts.tail !== undefined && opts.tail >= 0 ? lines.slice(Math.max(0, lines.length - opts.tail)) : lines;
  return shown.map((l) => `${opts.prefix}${opts.timestamps ? new Date(l.time).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z') + ' ' : ''}${l.line}\n`).join('');
}

/** `kubectl logs`: see the file comment above. */
export const logs: Verb = (ctx, args): CommandResult => {
  const parsed = parseFlags(args, [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'tail', type: 'string' },
    { name: 'timestamps', type: 'bool' },
    { name: 'prefix', type: 'bool' },
    { name: 'all-containers', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'since', type: 'string' },
    { name: 'since-time', type: 'string' },
    { name: 'limit-bytes', type: 'string' },
    { name: 'max-log-requests', type: 'string' },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'pod-running-timeout', type: 'string' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
  ]);
  if (!parsed.ok) return usageError('logs', parsed.error);
  const f = parsed.flags;
  const ns = str(f, 'namespace') ?? 'default';
  const tailText = str(f, 'tail');
  const tail = tailText === undefined ? undefined : Number(tailText);
  if (tail !== undefined && !Number.isInteger(tail)) return usageError('logs', `error: invalid argument "${tailText}" for "--tail" flag: strconv.ParseInt: parsing "${tailText}": invalid syntax`);
  const selText = str(f, 'selector');
  let pods: Pod[] = [];
  let stderr = '';
  if (selText !== undefined) {
    if (f.positionals.length > 0) return { stdout: '', stderr: `error: only one of a selector or a resource name may be specified\nSee 'kubectl logs -h' for help and examples\n`, exitCode: 1 };
    const sel = parseSelector(selText);
    if (!sel.ok) return { stdout: '', stderr: sel.error + '\n', exitCode: 1 };
    pods = ctx.cluster.list<Pod>('Pod', ns).filter((p) => sel.matches(p.metadata.labels));
    if (pods.length === 0) return { stdout: '', stderr: `No resources found in ${ns} namespace.\n`, exitCode: 0 };
  } else {
    const [target, containerArg] = f.positionals;
    if (!target) return { stdout: '', stderr: `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n`, exitCode: 1 };
    if (f.positionals.length > 2) return { stdout: '', stderr: `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n`, exitCode: 1 };
    if (containerArg && str(f, 'container')) return { stdout: '', stderr: `error: only one of -c or an inline [CONTAINER] arg is allowed\nSee 'kubectl logs -h' for help and examples\n`, exitCode: 1 };
    if (containerArg) f.values.set('container', containerArg);
    const found = podFor(ctx.cluster, ns, target);
    if ('exitCode' in found) return found;
    stderr += found.note;
    pods = [found.pod!];
  }
  let stdout = '';
  const prefixed = bool(f, 'prefix');
  for (const pod of pods) {
    let containers: string[];
    const chosen = str(f, 'container');
    if (bool(f, 'all-containers')) containers = pod.spec.containers.map((c) => c.name);
    else if (chosen) {
      if (!pod.spec.containers.some((c) => c.name === chosen)) {
        return { stdout, stderr: `${stderr}error: container ${chosen} is not valid for pod ${pod.metadata.name}\n`, exitCode: 1 };
      }
      containers = [chosen];
    } else {
      const def = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec.containers[0]!.name;
      if (pod.spec.containers.length > 1) stderr += `Defaulted container "${def}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}\n`;
      containers = [def];
    }
    for (const name of containers) {
      const got = containerLogs(ctx.cluster, pod, name, bool(f, 'previous'));
      if (!Array.isArray(got)) return { stdout, stderr: stderr + got.stderr, exitCode: 1 };
      stdout += render(got, { tail: tail ?? (selText !== undefined ? 10 : undefined), timestamps: bool(f, 'timestamps'), prefix: prefixed ? `[pod/${pod.metadata.name}/${name}] ` : '' });
    }
  }
  return { stdout, stderr, exitCode: 0 };
};
