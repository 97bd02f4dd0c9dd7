/**
 * `kubectl apply -f FILE|DIR|- [-R] [-n NS] [--dry-run=client|server] [-o yaml|json|name]`: creates each object or
 * updates it in place, printing `pod/x created`, `pod/x configured` or `pod/x unchanged`. Errors are collected and
 * printed after the successes, as kubectl does (`error when creating "pod.yaml": …`; immutable fields give the
 * apiserver's `The Pod "x" is invalid: spec: Forbidden: …`). https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/
 */
import { SimError, resourceForVersionKind } from '../../sim/index.js';
import type { CommandResult } from '../types.js';
import { usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { formatVisitErrors, mappingError, readManifestArgs, type VisitError } from './generators/files.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, printObject } from './generators/output.js';
import { checkWriteFlags } from './generators/write.js';
import { LAST_APPLIED, threeWayMerge, withLastApplied } from './generators/three-way.js';
import type { Verb } from './index.js';

/** Flags apply accepts besides `-f`, `-R`, `--dry-run` and `-o` (accepted and ignored: the sandbox has one field manager). */
const IGNORED = ['validate', 'field-manager', 'server-side', 'force-conflicts', 'overwrite', 'record', 'save-config', 'wait', 'force', 'show-managed-fields', 'prune', 'all', 'timeout', 'grace-period', 'cascade', 'openapi-patch', 'prune-allowlist', 'subresource', 'template', 'allow-missing-template-keys'];

export const apply: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    ...IGNORED.map((name) => ({ name, type: ['validate', 'field-manager', 'timeout', 'grace-period', 'cascade', 'prune-allowlist', 'subresource', 'template'].includes(name) ? ('string' as const) : ('bool' as const) })),
  ]);
  if (!parsed.ok) return usageError('apply', parsed.error);
  const f = parsed.flags;
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  if (str(f, 'kustomize') !== undefined) return { stdout: '', stderr: 'error: kustomize is not available in this sandbox; apply the files with -f\n', exitCode: 1 };
  const files = arr(f, 'filename');
  if (files.length === 0) return { stdout: '', stderr: 'error: must specify one of -f and -k\n', exitCode: 1 };
  const ns = str(f, 'namespace');
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  const { objects, errors } = readManifestArgs(ctx, files, bool(f, 'recursive'));
  if (objects.length === 0 && errors.length === 0) return { stdout: '', stderr: 'error: no objects passed to apply\n', exitCode: 1 };
  let out = '';
  let warnings = '';
  const visitErrors: VisitError[] = [...errors];
  for (const { obj, source } of objects) {
    const info = resourceForVersionKind(String(obj.apiVersion), String(obj.kind));
    if (!info) {
      visitErrors.push({ type: 'text', text: mappingError(obj, source) });
      continue;
    }
    const targetNs = info.namespaced ? (obj.metadata?.namespace ?? ns ?? 'default') : undefined;
    if (info.namespaced && ns && obj.metadata?.namespace && obj.metadata.namespace !== ns) {
      visitErrors.push({ type: 'text', text: `the namespace from the provided object "${obj.metadata.namespace}" does not match the namespace "${ns}". You must pass '--namespace=${obj.metadata.namespace}' to perform this operation.` });
      continue;
    }
    const existing = ctx.cluster.get(String(obj.kind), targetNs, obj.metadata?.name ?? '');
    const desired = withLastApplied(obj, targetNs);
    try {
      if (!existing) {
        if (dryRun === 'none') out += printObject(ctx.cluster.create(desired, targetNs), f, 'created', 'none');
        else out += printObject(obj, f, 'created', dryRun);
        continue;
      }
      if (!existing.metadata.annotations?.[LAST_APPLIED]) warnings += missingAnnotationWarning(info.plural, existing.metadata.name);
      const { merged, changed } = threeWayMerge(existing, desired);
      if (!changed) {
        out += printObject(existing, f, 'unchanged', dryRun);
        continue;
      }
      const stored = dryRun === 'none' ? ctx.cluster.update(merged) : merged;
      out += printObject(stored, f, 'configured', dryRun);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      visitErrors.push({ type: 'api', error: e, file: source, verb: existing ? 'patching' : 'creating' });
    }
  }
  const stderr = (dry.ok ? dry.warning : '') + warnings + formatVisitErrors(visitErrors);
  const result: CommandResult = { stdout: out, stderr, exitCode: visitErrors.length ? 1 : 0 };
  return result;
};

function missingAnnotationWarning(resource: string, name: string): string {
  return `Warning: resource ${resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}
