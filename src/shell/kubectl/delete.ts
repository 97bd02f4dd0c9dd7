/**
 * `kubectl delete (-f FILE | TYPE NAME… | TYPE/NAME… | TYPE -l SELECTOR | TYPE --all)`: deletes each object and
 * prints `pod "x" deleted` (`deployment.apps "web" deleted`), as kubectl 1.32 (the installed client) words it;
 * objects it owns go with it (the garbage collector's background propagation). Errors come after the successes.
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_delete/
 */
import { SimError, resourceForKind, resourceForVersionKind, type KubeObject } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, bool, parseFlags, str, type ParsedFlags } from './flags.js';
import { mappingError, readManifestArgs } from './generators/files.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, PRINT_FLAGS, dryRunOf, type DryRun } from './generators/output.js';
import { findTargets, parseTargets } from './generators/targets.js';
import type { Verb } from './index.js';

const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";

const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

/** `deployment.apps`, as delete prints a kind (lower-case Kind, then the group). */
function kindString(obj: KubeObject): string {
  const info = resourceForKind(obj.kind);
  return info?.group ? `${obj.kind.toLowerCase()}.${info.group}` : obj.kind.toLowerCase();
}

function deleteLine(obj: KubeObject, f: ParsedFlags, force: boolean, dryRun: DryRun): string {
  if (str(f, 'output') === 'name') return `${kindString(obj)}/${obj.metadata.name}\n`;
  const op = (force ? 'force deleted' : 'deleted') + (dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '');
  return `${kindString(obj)} "${obj.metadata.name}" ${op}\n`;
}

export const del: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'grace-period', type: 'string' },
    { name: 'force', type: 'bool' },
    { name: 'now', type: 'bool' },
    { name: 'wait', type: 'bool' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'cascade', type: 'string', noOptDefVal: 'background' },
    { name: 'timeout', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'interactive', short: 'i', type: 'bool' },
    { name: 'raw', type: 'string' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    ...PRINT_FLAGS,
  ]);
  if (!parsed.ok) return usageError('delete', parsed.error);
  const f = parsed.flags;
  const out = str(f, 'output');
  if (out !== undefined && out !== 'name') return { stdout: '', stderr: `error: unexpected -o output mode: ${out}. We only support '-o name'\n`, exitCode: 1 };
  if (bool(f, 'all') && str(f, 'selector') !== undefined) return { stdout: '', stderr: 'error: cannot set --all and --selector at the same time\n', exitCode: 1 };
  const grace = str(f, 'grace-period');
  if (bool(f, 'now') && grace !== undefined) return { stdout: '', stderr: 'error: --now and --grace-period cannot be specified together\n', exitCode: 1 };
  if (bool(f, 'force') && grace !== undefined && Number(grace) > 0) return { stdout: '', stderr: 'error: --force and --grace-period greater than 0 cannot be specified together\n', exitCode: 1 };
  const dry = dryRunOf(f);
  if (!dry.ok) return { stdout: '', stderr: dry.error + '\n', exitCode: 1 };
  const force = grace === '0' || (bool(f, 'force') && grace === undefined);
  const ns = str(f, 'namespace');
  const files = arr(f, 'filename');
  let stdout = '';
  const errors: string[] = [];
  const objects: { obj: KubeObject; source?: string }[] = [];
  if (files.length) {
    if (f.positionals.length) return { stdout: '', stderr: 'error: Unexpected args: [' + f.positionals.join(' ') + ']\n', exitCode: 1 };
    const r = readManifestArgs(ctx, files, bool(f, 'recursive'));
    errors.push(...r.errors.map((e) => (e.type === 'text' ? e.text : errorText(e.error))));
    for (const { obj, source } of r.objects) {
      const info = resourceForVersionKind(String(obj.apiVersion), String(obj.kind));
      if (!info) {
        errors.push(mappingError(obj, source));
        continue;
      }
      const name = obj.metadata?.name ?? '';
      const target = info ? ctx.cluster.get(info.kind, info.namespaced ? (obj.metadata?.namespace ?? ns ?? 'default') : undefined, name) : undefined;
      if (target) objects.push({ obj: target, source });
      else if (info && !bool(f, 'ignore-not-found')) errors.push(errorText(SimError.notFound(info.group ? `${info.plural}.${info.group}` : info.plural, name), { file: source, verb: 'deleting' }));
    }
  } else {
    if (f.positionals.length === 0) return { stdout: '', stderr: NO_RESOURCES, exitCode: 1 };
    const spec = parseTargets(f.positionals);
    if (typeof spec === 'string') return { stdout: '', stderr: spec + '\n', exitCode: 1 };
    const bySelector = bool(f, 'all') || str(f, 'selector') !== undefined || str(f, 'field-selector') !== undefined;
    if (spec.named.length === 0 && !bySelector) return { stdout: '', stderr: 'error: resource(s) were provided, but no name was specified\n', exitCode: 1 };
    if (spec.named.length && bySelector) return { stdout: '', stderr: 'error: name cannot be provided when a selector is specified\n', exitCode: 1 };
    const found = findTargets(ctx.cluster, spec, ns, { selector: str(f, 'selector'), all: bool(f, 'all'), allNamespaces: bool(f, 'all-namespaces') });
    if (typeof found === 'string') return { stdout: '', stderr: found + '\n', exitCode: 1 };
    for (const x of found) {
      if (x.type === 'object') objects.push({ obj: x.obj });
      else if (!bool(f, 'ignore-not-found')) errors.push(x.text);
    }
    if (found.length === 0) stdout += 'No resources found\n';
  }
  for (const { obj } of objects) {
    if (dry.value === 'none' && stillThere(ctx, obj)) {
      ctx.cluster.delete(obj.kind, obj.metadata.namespace, obj.metadata.name);
      if (obj.kind === 'Service' && obj.metadata.namespace === 'default' && obj.metadata.name === 'kubernetes') recreateKubernetesService(ctx, obj);
    }
    stdout += deleteLine(obj, f, force, dry.value);
  }
  const warning = (force && objects.length && dry.value === 'none' ? FORCE_WARNING : '') + dry.warning;
  const result: CommandResult = { stdout, stderr: warning + joinErrors(errors), exitCode: errors.length ? 1 : 0 };
  return result;
};

/** The apiserver recreates the `kubernetes` Service (same ClusterIP) moments after it is deleted. */
function recreateKubernetesService(ctx: CommandContext, old: KubeObject): void {
  const copy = structuredClone(old);
  copy.metadata = { name: old.metadata.name, namespace: old.metadata.namespace, labels: old.metadata.labels };
  delete copy.status;
  ctx.cluster.create(copy);
}

/** True while the object exists (an earlier deletion in the same command may have taken it with it). */
function stillThere(ctx: CommandContext, obj: KubeObject): boolean {
  return !!ctx.cluster.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

/**
 * `cmdutil.CheckErr` on delete's aggregate: a lone error that is not an apiserver status gets `error: `; several print
 * one message a line, unprefixed.
 */
function joinErrors(errors: string[]): string {
  if (errors.length === 1) return (/^(error: |Error from server|The )/.test(errors[0]!) ? errors[0]! : `error: ${errors[0]!}`) + '\n';
  return errors.map((e) => e.replace(/^error: /, '') + '\n').join('');
}
