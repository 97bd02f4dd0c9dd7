/**
 * `kubectl run NAME --image=IMAGE [--port=P] [--labels=k=v,…] [--env=K=V] [--restart=Always|OnFailure|Never]
 * [--expose] [--command] [-i] [-t] [--rm] [-- ARGS…]`: creates a Pod labelled `run=NAME`
 * (kubectl `pkg/cmd/run/run.go`). With `-i` it waits for the pod, attaches: `-it -- sh` moves the prompt into the
 * container, `-i -- CMD` runs CMD and prints its output; `--rm` deletes the pod afterwards (`pod "tmp" deleted`).
 */
import { SimError, type KubeObject, type Pod } from '../../sim/index.js';
import type { CommandContext, CommandResult, Location } from '../types.js';
import { errorText, usageError, usageErrorf } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { exposeServiceObject, runPodObject } from './generators/objects.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, PRINT_FLAGS, dryRunOf, forServer, printObject } from './generators/output.js';
import { toYaml } from './generators/yaml.js';
import { checkWriteFlags } from './generators/write.js';
import type { Verb } from './index.js';

const CMD = 'run';
/** Simulated seconds `run -i` waits for the pod to start before giving up (kubectl's --pod-running-timeout is 1m). */
const START_TIMEOUT_S = 60;

function parseKv(list: string[], what: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) return `invalid ${what} spec: ${item}`;
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

export const run: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'image', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'env', type: 'array' },
    { name: 'annotations', type: 'array' },
    { name: 'restart', type: 'string' },
    { name: 'rm', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'command', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'pod-running-timeout', type: 'string' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'privileged', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'field-manager', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'cascade', type: 'string', noOptDefVal: 'background' },
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'string' },
    { name: 'override-type', type: 'string' },
    { name: 'overrides', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'timeout', type: 'string' },
    { name: 'wait', type: 'bool' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    ...PRINT_FLAGS,
  ]);
  if (!parsed.ok) return usageError(CMD, parsed.error);
  const f = parsed.flags;
  const image = str(f, 'image');
  if (image === undefined) return { stdout: '', stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 };
  const name = f.positionals[0];
  if (!name) return usageErrorf(CMD, 'NAME is required for run');
  if (image === '') return { stdout: '', stderr: 'error: --image is required\n', exitCode: 1 };
  if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(image)) return { stdout: '', stderr: `error: Invalid image name "${image}": invalid reference format\n`, exitCode: 1 };
  const stdin = bool(f, 'stdin');
  const tty = bool(f, 'tty');
  if (tty && !stdin) return usageErrorf(CMD, '-i/--stdin is required for containers with -t/--tty=true');
  const port = str(f, 'port');
  if (bool(f, 'expose') && !port) return usageErrorf(CMD, '--port must be set when exposing a service');
  const restart = str(f, 'restart') ?? 'Always';
  if (restart !== 'Always' && restart !== 'OnFailure' && restart !== 'Never') return usageErrorf(CMD, `invalid restart policy: ${restart}`);
  const attach = f.values.has('attach') ? bool(f, 'attach') : stdin;
  if (!attach && bool(f, 'rm')) return usageErrorf(CMD, '--rm should only be used for attached containers');
  const dry = dryRunOf(f);
  if (!dry.ok) return { stdout: '', stderr: dry.error + '\n', exitCode: 1 };
  if (attach && dry.value !== 'none') return usageErrorf(CMD, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const labelText = str(f, 'labels');
  const labels = labelText ? parseKv(labelText.split(','), 'label') : undefined;
  if (typeof labels === 'string') return { stdout: '', stderr: `error: ${labels}\n`, exitCode: 1 };
  const annotations = parseKv(arr(f, 'annotations'), 'annotation');
  if (typeof annotations === 'string') return { stdout: '', stderr: `error: ${annotations}\n`, exitCode: 1 };
  const env = arr(f, 'env').map((e) => ({ name: e.slice(0, Math.max(0, e.indexOf('=')) || e.length), value: e.includes('=') ? e.slice(e.indexOf('=') + 1) : '' }));
  if (port !== undefined && !/^\d+$/.test(port)) return { stdout: '', stderr: `error: strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax\n`, exitCode: 1 };
  const ns = str(f, 'namespace');
  const pod = runPodObject({
    name,
    namespace: dry.value === 'client' ? ns : undefined,
    image,
    labels,
    annotations,
    port: port !== undefined ? Number(port) : undefined,
    env,
    command: bool(f, 'command'),
    argv: [...f.positionals.slice(1), ...(f.rest ?? [])],
    restart,
    stdin,
    tty,
    imagePullPolicy: str(f, 'image-pull-policy'),
  });
  const svc = bool(f, 'expose')
    ? exposeServiceObject({ name, namespace: dry.value === 'client' ? ns : undefined, selector: labels ?? { run: name }, ports: [{ protocol: 'TCP', port: Number(port) }] })
    : undefined;
  if (dry.value === 'client') {
    const o = str(f, 'output');
    if (svc && o === 'yaml') return { stdout: toYaml(svc) + '---\n---\n' + toYaml(pod), stderr: dry.warning, exitCode: 0 };
    return { stdout: (svc ? printObject(svc, f, 'created', 'client') : '') + printObject(pod, f, 'created', 'client'), stderr: dry.warning, exitCode: 0 };
  }
  const namespace = ns ?? 'default';
  if (dry.value === 'server') {
    if (ctx.cluster.get('Pod', namespace, name)) return { stdout: '', stderr: `Error from server (AlreadyExists): pods "${name}" already exists\n`, exitCode: 1 };
    return { stdout: (svc ? printObject(svc, f, 'created', 'server') : '') + printObject(pod, f, 'created', 'server'), stderr: dry.warning, exitCode: 0 };
  }
  let stored: KubeObject;
  try {
    stored = ctx.cluster.create(forServer(pod), namespace);
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return { stdout: '', stderr: errorText(e) + '\n', exitCode: 1 };
  }
  let out = '';
  let err = '';
  if (svc) {
    try {
      out += printObject(ctx.cluster.create(forServer(svc), namespace), f, 'created', 'none');
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      err += errorText(e) + '\n';
    }
  }
  if (!attach) return { stdout: printObject(stored, f, 'created', 'none') + out, stderr: err, exitCode: err ? 1 : 0 };
  return attachTo(ctx, stored as Pod, { tty, rm: bool(f, 'rm'), quiet: bool(f, 'quiet'), argv: [...f.positionals.slice(1), ...(f.rest ?? [])], restart });
};

/** Advances simulated time until the pod's container runs (or the wait times out). */
function waitRunning(ctx: CommandContext, pod: Pod): Pod | string {
  for (let i = 0; i <= START_TIMEOUT_S; i++) {
    const p = ctx.cluster.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!p) return `pods "${pod.metadata.name}" not found`;
    const st = p.status.containerStatuses?.[0];
    if (st?.state.running) return p;
    if (st?.state.waiting && /ErrImagePull|ImagePullBackOff|InvalidImageName/.test(st.state.waiting.reason) && i > 10) break;
    ctx.cluster.advance(1000);
  }
  return 'timed out waiting for the condition';
}

function deletePod(ctx: CommandContext, pod: Pod): string {
  if (!ctx.cluster.get('Pod', pod.metadata.namespace, pod.metadata.name)) return '';
  ctx.cluster.delete('Pod', pod.metadata.namespace, pod.metadata.name);
  return `pod "${pod.metadata.name}" deleted\n`;
}

function attachTo(ctx: CommandContext, pod: Pod, o: { tty: boolean; rm: boolean; quiet: boolean; argv: string[]; restart: string }): CommandResult {
  const ready = waitRunning(ctx, pod);
  if (typeof ready === 'string') {
    const tail = o.rm ? deletePod(ctx, pod) : '';
    return { stdout: tail, stderr: `error: ${ready}\n`, exitCode: 1 };
  }
  const container = ready.spec.containers[0]!;
  const argv = container.command ?? (o.argv.length ? o.argv : []);
  const location: Location = { type: 'container', namespace: ready.metadata.namespace!, pod: ready.metadata.name, container: container.name, shell: 'sh' };
  const prompt = o.tty && !o.quiet ? "If you don't see a command prompt, try pressing enter.\n" : '';
  const interactiveShell = argv.length === 0 || (argv.length === 1 && /(^|\/)(sh|bash|ash)$/.test(argv[0]!));
  if (interactiveShell && o.tty) {
    const shell = argv[0]?.split('/').pop() === 'bash' ? 'bash' : 'sh';
    const ended = o.restart === 'Always' && !o.quiet ? `Session ended, resume using 'kubectl attach ${ready.metadata.name} -c ${container.name} -i -t' command when the pod is running\n` : '';
    const onLeave = o.rm || ended ? (): string => ended + (o.rm ? deletePod(ctx, ready) : '') : undefined;
    enterWithHook(ctx, { ...location, shell }, onLeave);
    return { stdout: '', stderr: prompt, exitCode: 0 };
  }
  const r = argv.length ? ctx.session.runAt(location, argv, ctx.stdin, { tty: o.tty }) : { stdout: '', stderr: '', exitCode: 0 };
  // On a terminal the streams interleave in time: the notice (kubectl's stderr), then the command's output (a TTY
  // carries the container's stdout and stderr alike), then `pod "x" deleted`. A result has no interleaving, so on a
  // terminal that sequence is kept in stdout; only kubectl's own closing messages stay on stderr.
  const onTerminal = o.tty && ctx.tty !== false;
  let stdout = onTerminal ? prompt + r.stdout + r.stderr : r.stdout;
  let stderr = onTerminal ? '' : prompt + r.stderr;
  if (o.rm) stdout += deletePod(ctx, ready);
  else if (o.restart === 'Always' && o.tty && !o.quiet) stderr += `Session ended, resume using 'kubectl attach ${ready.metadata.name} -c ${container.name} -i -t' command when the pod is running\n`;
  if (r.exitCode !== 0 && o.restart !== 'Always') stderr += `pod ${ready.metadata.namespace}/${ready.metadata.name} terminated (Error)\n`;
  return { stdout, stderr, exitCode: o.restart !== 'Always' ? r.exitCode : 0 };
}

/** Enters the container's shell; with `--rm`, the session runs `onLeave` when the learner exits it (if it supports hooks). */
function enterWithHook(ctx: CommandContext, location: Location, onLeave: (() => string) | undefined): void {
  ctx.session.enter(location, onLeave);
}
