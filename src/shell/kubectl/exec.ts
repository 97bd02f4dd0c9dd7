/**
 * `kubectl exec [-it] (POD | TYPE/NAME) [-c CONTAINER] [-n NS] -- COMMAND [ARGS…]`: runs a command in a container
 * (kubectl `pkg/cmd/exec/exec.go`). `deploy/web` or `svc/web` picks one of their pods, as
 * `AttachablePodForObject` does. With `-it` and a shell (`bash`, `sh`) the learner's prompt moves into the
 * container. A non-zero exit adds `command terminated with exit code N`, as kubectl prints it.
 */
import { SimError, isPodReady, resolveResource, type Deployment, type KubeObject, type Pod, type ReplicaSet, type Service } from '../../sim/index.js';
import { matchesMap, matchesSelector } from '../../lib/labels.js';
import { commandFor } from '../commands.js';
import type { CommandContext, CommandResult, Location } from '../types.js';
import { errorText, guard, usageError, usageErrorf } from './errors.js';
import { bool, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';

/** The pod `kubectl exec TYPE/NAME` attaches to: ready and running pods first, then the oldest. */
export function attachablePod(ctx: CommandContext, ns: string, target: string): Pod | string {
  const slash = target.indexOf('/');
  const type = slash >= 0 ? target.slice(0, slash) : 'pods';
  const name = slash >= 0 ? target.slice(slash + 1) : target;
  const info = resolveResource(type);
  if (!info) return `error: the server doesn't have a resource type "${type}"`;
  let obj: KubeObject;
  try {
    obj = ctx.cluster.mustGet(info.kind, ns, name);
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return errorText(e);
  }
  if (obj.kind === 'Pod') return obj as Pod;
  let matches: (p: Pod) => boolean;
  if (obj.kind === 'Service') matches = (p) => matchesMap((obj as Service).spec.selector, p.metadata.labels) && Object.keys((obj as Service).spec.selector ?? {}).length > 0;
  else if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') matches = (p) => matchesSelector((obj as Deployment | ReplicaSet).spec.selector, p.metadata.labels);
  else return `error: cannot attach to ${obj.kind.toLowerCase()}: selector for ${obj.kind} not implemented`;
  const pods = ctx.cluster
    .list<Pod>('Pod', ns)
    .filter(matches)
    .sort((a, b) => Number(isPodReady(b)) - Number(isPodReady(a)) || (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : 1));
  if (pods.length === 0) return `error: no pods found for ${obj.kind.toLowerCase()}/${name}`;
  return pods[0]!;
}

export const exec: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'pod-running-timeout', type: 'string' },
  ]);
  if (!parsed.ok) return usageError('exec', parsed.error);
  const f = parsed.flags;
  if (f.rest === undefined && f.positionals.length > 1) return usageErrorf('exec', 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  const podName = f.positionals[0];
  if (!podName) return { stdout: '', stderr: 'error: pod, type/name or --filename must be specified\n', exitCode: 1 };
  const command = f.rest ?? [];
  if (command.length === 0) return { stdout: '', stderr: 'error: you must specify at least one command for the container\n', exitCode: 1 };
  const ns = str(f, 'namespace') ?? 'default';
  return guard((): CommandResult => {
    const found = attachablePod(ctx, ns, podName);
    if (typeof found === 'string') return { stdout: '', stderr: found + '\n', exitCode: 1 };
    const pod = found;
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') {
      return { stdout: '', stderr: `error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}\n`, exitCode: 1 };
    }
    let stderr = '';
    let container = str(f, 'container');
    if (!container) {
      container = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec.containers[0]!.name;
      if (pod.spec.containers.length > 1 && !bool(f, 'quiet') && !pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']) {
        stderr += `Defaulted container "${container}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}\n`;
      }
    }
    const cs = pod.status.containerStatuses?.find((s) => s.name === container);
    if (!pod.spec.containers.some((c) => c.name === container) || !cs?.state.running) {
      return { stdout: '', stderr: `${stderr}error: unable to upgrade connection: container not found ("${container}")\n`, exitCode: 1 };
    }
    const location: Location = { type: 'container', namespace: ns, pod: pod.metadata.name, container, shell: 'bash' };
    const prog = command[0]!.split('/').pop()!;
    const runnable = commandFor(ctx.cluster, location, prog);
    if (typeof runnable !== 'function') {
      return {
        stdout: '',
        stderr: `${stderr}error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": ${command[0]!.includes('/') ? `stat ${command[0]}: no such file or directory` : 'executable file not found in $PATH'}: unknown\n`,
        exitCode: 1,
      };
    }
    if ((prog === 'bash' || prog === 'sh') && command.length === 1) {
      if (!bool(f, 'stdin')) return { stdout: '', stderr, exitCode: 0 };
      ctx.session.enter({ ...location, shell: prog });
      return { stdout: '', stderr, exitCode: 0 };
    }
    const r = ctx.session.runAt({ ...location, shell: prog === 'sh' ? 'sh' : 'bash' }, command, ctx.stdin, { tty: bool(f, 'tty') });
    const tail = r.exitCode !== 0 ? `command terminated with exit code ${r.exitCode}\n` : '';
    return { stdout: r.stdout, stderr: stderr + r.stderr + tail, exitCode: r.exitCode };
  });
};
