/**
 * `kubectl exec [-it] POD [-c CONTAINER] -- COMMAND [ARGS…]`: runs a command in a container. With `-it` and a shell
 * (`bash`, `sh`) the learner's prompt moves into the container. A non-zero exit adds
 * `command terminated with exit code N`, as kubectl prints it.
 */
import { type Pod } from '../../sim/index.js';
import { commandFor } from '../commands.js';
import type { CommandResult, Location } from '../types.js';
import { guard, usageError } from './errors.js';
import { bool, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';

export const exec: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
  ]);
  if (!parsed.ok) return usageError('exec', parsed.error);
  const f = parsed.flags;
  const podName = f.positionals[0];
  if (!podName) return usageError('exec', 'error: pod, type/name or --filename must be specified');
  const command = f.rest ?? f.positionals.slice(1);
  if (command.length === 0) return usageError('exec', 'error: you must specify at least one command for the container');
  const ns = str(f, 'namespace') ?? 'default';
  return guard((): CommandResult => {
    const pod = ctx.cluster.mustGet<Pod>('Pod', ns, podName.replace(/^(pod|pods|po)\//, ''));
    let stderr = '';
    let container = str(f, 'container');
    if (!container) {
      container = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec.containers[0]!.name;
      if (pod.spec.containers.length > 1 && !bool(f, 'quiet')) stderr += `Defaulted container "${container}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}\n`;
    } else if (!pod.spec.containers.some((c) => c.name === container)) {
      return { stdout: '', stderr: `${stderr}error: container ${container} not found in pod ${pod.metadata.name}\n`, exitCode: 1 };
    }
    const cs = pod.status.containerStatuses?.find((s) => s.name === container);
    if (!cs?.state.running) return { stdout: '', stderr: `${stderr}error: unable to upgrade connection: container not found ("${container}")\n`, exitCode: 1 };
    const location: Location = { type: 'container', namespace: ns, pod: pod.metadata.name, container, shell: 'bash' };
    const prog = command[0]!.split('/').pop()!;
    const found = commandFor(ctx.cluster, location, prog);
    if (typeof found !== 'function') {
      return {
        stdout: '',
        stderr: `${stderr}error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": executable file not found in $PATH: unknown\n`,
        exitCode: 1,
      };
    }
    if ((prog === 'bash' || prog === 'sh') && command.length === 1) {
      if (!bool(f, 'stdin')) return { stdout: '', stderr, exitCode: 0 };
      ctx.session.enter({ ...location, shell: prog });
      return { stdout: '', stderr, exitCode: 0 };
    }
    const r = ctx.session.runAt({ ...location, shell: prog === 'sh' ? 'sh' : 'bash' }, command, ctx.stdin);
    const tail = r.exitCode !== 0 ? `command terminated with exit code ${r.exitCode}\n` : '';
    return { stdout: r.stdout, stderr: stderr + r.stderr + tail, exitCode: r.exitCode };
  });
};
