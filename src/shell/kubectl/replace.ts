/**
 * `kubectl replace -f FILE [--force]`: replaces each object with the file's version (`pod/x replaced`); `--force`
 * deletes and re-creates it (`pod "x" deleted` then `pod/x replaced`). Missing objects fail as kubectl reports them:
 * `Error from server (NotFound): error when replacing "pod.yaml": pods "x" not found`.
 */
import { SimError, qualifiedResource, resourceForVersionKind } from '../../sim/index.js';
import { usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { formatVisitErrors, mappingError, readManifestArgs, type VisitError } from './generators/files.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, PRINT_FLAGS, dryRunOf, printObject } from './generators/output.js';
import { replaceStored } from './generators/replace-object.js';
import { checkWriteFlags } from './generators/write.js';
import type { Verb } from './index.js';

export const replace: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'string' },
    { name: 'cascade', type: 'string', noOptDefVal: 'background' },
    { name: 'wait', type: 'bool' },
    { name: 'timeout', type: 'string' },
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string', noOptDefVal: 'true' },
    { name: 'field-manager', type: 'string' },
    { name: 'raw', type: 'string' },
    { name: 'subresource', type: 'string' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    ...PRINT_FLAGS,
  ]);
  if (!parsed.ok) return usageError('replace', parsed.error);
  const f = parsed.flags;
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const files = arr(f, 'filename');
  if (files.length === 0) return { stdout: '', stderr: 'error: must specify one of -f and -k\n', exitCode: 1 };
  const ns = str(f, 'namespace');
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  const { objects, errors } = readManifestArgs(ctx, files, bool(f, 'recursive'));
  const visitErrors: VisitError[] = [...errors];
  let out = '';
  for (const { obj, source } of objects) {
    const info = resourceForVersionKind(String(obj.apiVersion), String(obj.kind));
    if (!info) {
      visitErrors.push({ type: 'text', text: mappingError(obj, source) });
      continue;
    }
    const namespace = info.namespaced ? (obj.metadata?.namespace ?? ns ?? 'default') : undefined;
    const name = obj.metadata?.name ?? '';
    try {
      const existing = ctx.cluster.get(info.kind, namespace, name);
      if (!existing) throw SimError.notFound(qualifiedResource(info), name);
      if (dryRun !== 'none') {
        out += printObject(obj, f, 'replaced', dryRun);
        continue;
      }
      if (bool(f, 'force')) {
        ctx.cluster.delete(info.kind, namespace, name);
        out += `${info.group ? `${info.singular}.${info.group}` : info.singular} "${name}" deleted\n`;
        out += printObject(ctx.cluster.create(obj, namespace), f, 'replaced', 'none');
        continue;
      }
      out += printObject(replaceStored(ctx, existing, obj), f, 'replaced', 'none');
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      visitErrors.push({ type: 'api', error: e, file: source, verb: 'replacing' });
    }
  }
  if (objects.length === 0 && visitErrors.length === 0) return { stdout: '', stderr: 'error: no objects passed to replace\n', exitCode: 1 };
  return { stdout: out, stderr: (dry.ok ? dry.warning : '') + formatVisitErrors(visitErrors), exitCode: visitErrors.length ? 1 : 0 };
};
