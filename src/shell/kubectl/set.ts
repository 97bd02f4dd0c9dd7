/**
 * `kubectl set image (TYPE NAME | TYPE/NAME | -f FILE) CONTAINER=IMAGE… [--all] [-l SEL] [--record]`: changes
 * container images in a pod template (a Deployment rolls out a new ReplicaSet) or a Pod, printing
 * `deployment.apps/web image updated` (kubectl `pkg/cmd/set/set_image.go`). `set env`, `set resources` and
 * `set selector` live in their own files; `set serviceaccount` and `set subject` are not modelled.
 */
import { SimError, type Container, type KubeObject, type PodSpec } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { SET_COMMON_FLAGS, dryRunOf, objectRef, printObject } from './generators/output.js';
import { NO_RESOURCES_ERROR, resolveObjects } from './generators/targets.js';
import { splitSubcommand } from './generators/subcommand.js';
import { checkWriteFlags } from './generators/write.js';
import { helpText } from './help/index.js';
import type { Verb } from './index.js';
import { setEnv } from './set-env.js';
import { setResources } from './set-resources.js';
import { setSelector } from './set-selector.js';

/** The pod spec inside an object (a Pod's own, or a workload's template), or undefined. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return obj.spec as PodSpec;
  const t = (obj.spec as { template?: { spec?: PodSpec } } | undefined)?.template;
  return t?.spec;
}

/**
 * How `kubectl set` names an object in its per-object errors: `configmap/cm the object…`, but a grouped kind's
 * reference is followed by a line break (`ingress.networking.k8s.io/ing\n the object…`), as kubectl 1.32 prints them.
 */
export function objectErrorPrefix(obj: KubeObject): string {
  const ref = objectRef(obj);
  return ref.slice(0, ref.indexOf('/')).includes('.') ? `${ref}\n ` : `${ref} `;
}

/** `selectContainers`: the `-c` selector of `set env`/`set resources`, which may use shell wildcards (`path.Match`). */
export function containerMatcher(pattern: string): (name: string) => boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return (name) => re.test(name);
}

/** kubectl's error for an object without a pod template. */
export function notPodTemplate(obj: KubeObject): string {
  return `error: ${objectErrorPrefix(obj)}the object is not a pod or does not have a pod template: *v1.${obj.kind}`;
}

function setImage(ctx: CommandContext, args: string[], line: string): CommandResult {
  const parsed = parseFlags(args, [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'record', type: 'bool' },
    ...SET_COMMON_FLAGS,
  ]);
  if (!parsed.ok) return usageError('set image', parsed.error);
  const f = parsed.flags;
  const resources = f.positionals.filter((a) => !a.includes('='));
  const pairs = f.positionals.filter((a) => a.includes('='));
  if (resources.length === 0 && arr(f, 'filename').length === 0) return { stdout: '', stderr: NO_RESOURCES_ERROR, exitCode: 1 };
  if (pairs.length === 0) return { stdout: '', stderr: 'error: at least one image update is required\n', exitCode: 1 };
  const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  if (images.has('*') && images.size > 1) return { stdout: '', stderr: 'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n', exitCode: 1 };
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  const found = resolveObjects(ctx, resources, { files: arr(f, 'filename'), recursive: bool(f, 'recursive'), namespace: str(f, 'namespace'), selector: str(f, 'selector'), all: bool(f, 'all') });
  if (typeof found === 'string') return { stdout: '', stderr: found + '\n', exitCode: 1 };
  let stdout = '';
  let stderr = bool(f, 'record') ? 'Flag --record has been deprecated, --record will be removed in the future\n' : '';
  const errors = [...found.errors];
  for (const obj of found.objects) {
    const next: KubeObject = structuredClone(obj);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(notPodTemplate(obj));
      continue;
    }
    for (const [name, image] of images) {
      const all: Container[] = [...(spec.initContainers ?? []), ...spec.containers];
      const hit = all.filter((c) => name === '*' || c.name === name);
      if (hit.length === 0) errors.push(`error: unable to find container named "${name}"`);
      for (const c of hit) c.image = image;
    }
    if (JSON.stringify(podSpecOf(obj)) === JSON.stringify(spec)) continue;
    if (bool(f, 'record')) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), 'kubernetes.io/change-cause': line };
    try {
      if (dryRun === 'none') ctx.cluster.update(next);
      stdout += printObject(next, f, 'image updated', dryRun);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      errors.push(`error: failed to patch image update to pod template: ${e.message}`);
    }
  }
  stderr += dry.ok ? dry.warning : '';
  return { stdout, stderr: stderr + errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}

export const set: Verb = (ctx, args) => {
  const { sub, rest } = splitSubcommand(args);
  if (sub === 'image') {
    const line = ['kubectl', 'set', 'image', ...rest.map((a) => (a === '--record' ? '--record=true' : a))].join(' ');
    return setImage(ctx, rest, line);
  }
  if (sub === 'env') return setEnv(ctx, rest);
  if (sub === 'resources') return setResources(ctx, rest);
  if (sub === 'selector') return setSelector(ctx, rest);
  if (sub === undefined) return { stdout: '', stderr: helpText('set') ?? 'Configure application resources.\n', exitCode: 1 };
  if (['serviceaccount', 'sa', 'subject'].includes(sub)) return { stdout: '', stderr: `error: kubectl set ${sub} is not available in this sandbox; edit the manifest and kubectl apply it\n`, exitCode: 1 };
  return { stdout: '', stderr: `error: unknown command "${sub}" for "kubectl set"\n`, exitCode: 1 };
};
