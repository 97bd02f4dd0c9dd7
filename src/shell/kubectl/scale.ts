/**
 * `kubectl scale (TYPE NAME | TYPE/NAME | -f FILE) --replicas=N [--current-replicas=M]`: sets the replica count of a
 * Deployment, ReplicaSet, ReplicationController or StatefulSet and prints `deployment.apps/web scaled`
 * (kubectl `pkg/cmd/scale/scale.go`). The controllers then add or remove pods.
 */
import { SimError, type KubeObject } from '../../sim/index.js';
import type { CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, PRINT_FLAGS, dryRunOf, printObject } from './generators/output.js';
import { resolveObjects } from './generators/targets.js';
import { checkWriteFlags } from './generators/write.js';
import type { Verb } from './index.js';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

export const scale: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'replicas', type: 'string' },
    { name: 'current-replicas', type: 'string' },
    { name: 'resource-version', type: 'string' },
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'timeout', type: 'string' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    ...PRINT_FLAGS,
  ]);
  if (!parsed.ok) return usageError('scale', parsed.error);
  const f = parsed.flags;
  const replicasText = str(f, 'replicas');
  if (replicasText === undefined) return { stdout: '', stderr: 'error: required flag(s) "replicas" not set\n', exitCode: 1 };
  if (!/^-?\d+$/.test(replicasText)) return usageError('scale', `error: invalid argument "${replicasText}" for "--replicas" flag: strconv.ParseInt: parsing "${replicasText}": invalid syntax`);
  const replicas = Number(replicasText);
  if (replicas < 0) return { stdout: '', stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n', exitCode: 1 };
  const current = str(f, 'current-replicas');
  if (current !== undefined && (!/^-?\d+$/.test(current) || Number(current) < -1)) return { stdout: '', stderr: 'error: The --current-replicas must specify an integer of -1 or greater\n', exitCode: 1 };
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  const found = resolveObjects(ctx, f.positionals, { files: arr(f, 'filename'), recursive: bool(f, 'recursive'), namespace: str(f, 'namespace'), selector: str(f, 'selector'), all: bool(f, 'all'), allNamespaces: bool(f, 'all-namespaces') });
  if (typeof found === 'string') return { stdout: '', stderr: found + '\n', exitCode: 1 };
  if (found.objects.length === 0) {
    // scale.go wraps the lookup error with %w, so it prints as a plain error, not `Error from server (…)`.
    const why = found.errors.map((e) => e.replace(/^Error from server \([A-Za-z]+\): /, '').replace(/^error: /, '')).join(', ');
    return { stdout: '', stderr: `error: no objects passed to scale${why ? ` ${why}` : ''}\n`, exitCode: 1 };
  }
  let stdout = '';
  const errors = [...found.errors];
  for (const obj of found.objects) {
    if (!SCALABLE.has(obj.kind)) {
      errors.push('Error from server (NotFound): the server could not find the requested resource');
      continue;
    }
    const spec = obj.spec as { replicas?: number };
    if (current !== undefined && Number(current) !== -1 && (spec.replicas ?? 1) !== Number(current)) {
      errors.push(`error: Expected replicas to be ${current}, was ${spec.replicas ?? 1}`);
      continue;
    }
    const next: KubeObject = structuredClone(obj);
    (next.spec as { replicas?: number }).replicas = replicas;
    try {
      if (dryRun === 'none') ctx.cluster.update(next);
      stdout += printObject(next, f, 'scaled', dryRun);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      errors.push(errorText(e));
    }
  }
  const result: CommandResult = { stdout, stderr: (dry.ok ? dry.warning : '') + errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
  return result;
};
