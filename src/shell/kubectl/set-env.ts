/**
 * `kubectl set env (TYPE NAME | TYPE/NAME | -f FILE) KEY=VALUE… KEY-… [-c CONTAINER] [--list] [--overwrite=false]`:
 * sets or removes environment variables in a Pod template (a Deployment then rolls out) and prints
 * `deployment.apps/web env updated`; objects left unchanged print nothing (kubectl `pkg/cmd/set/set_env.go`).
 * `--from=configmap/NAME|secret/NAME [--keys=…] [--prefix=P]` adds one key reference per key (`db.host` → `DB_HOST`).
 */
import { SimError, type Container, type KubeObject } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { apiMessage, usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { SET_COMMON_FLAGS, dryRunOf, printObject } from './generators/output.js';
import { resolveObjects } from './generators/targets.js';
import { checkWriteFlags } from './generators/write.js';
import { containerMatcher, notPodTemplate, objectErrorPrefix, podSpecOf } from './set.js';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** The error kubectl gives for an invalid variable name (`validation.IsEnvVarName`). */
function badName(name: string): string {
  return `error: "${name}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`;
}

/**
 * Splits the arguments as `envutil.SplitEnvironmentFromResources` does: resources first, then KEY=VALUE / KEY-;
 * undefined when a resource follows an environment change.
 */
function splitEnvArgs(args: string[]): { resources: string[]; env: string[] } | undefined {
  const isEnv = (a: string): boolean => a.includes('=') || a.endsWith('-');
  const first = args.findIndex(isEnv);
  if (first < 0) return { resources: args, env: [] };
  if (!args.slice(first).every(isEnv)) return undefined;
  return { resources: args.slice(0, first), env: args.slice(first) };
}

/** `keyToEnvName`: a ConfigMap or Secret key as a variable name (`db.host` → `DB_HOST`). */
function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
}

/** `envutil.GetEnvVarRefString`: how `--list` names a reference. */
function refString(from: Record<string, Record<string, string> | undefined>): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource field ${from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : ''}${from.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

type EnvVar = NonNullable<Container['env']>[number];

/** The variables `--from=configmap/NAME|secret/NAME` injects (all keys, or `--keys`), as key references. */
function fromSource(ctx: CommandContext, from: string, keys: string[], namespace: string | undefined): EnvVar[] | string {
  const found = resolveObjects(ctx, [from], { files: [], recursive: false, namespace });
  if (typeof found === 'string') return found;
  if (found.errors.length) return found.errors[0]!;
  const out: EnvVar[] = [];
  for (const obj of found.objects) {
    if (obj.kind !== 'ConfigMap' && obj.kind !== 'Secret') return 'error: unsupported resource specified in --from';
    const data = (obj as KubeObject & { data?: Record<string, string> }).data ?? {};
    const ref = obj.kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
    for (const key of Object.keys(data).sort()) {
      if (keys.length && !keys.includes(key)) continue;
      out.push({ name: keyToEnvName(key), valueFrom: { [ref]: { name: obj.metadata.name, key } } } as EnvVar);
    }
  }
  return out;
}

/** `--list`: `# Deployment web, container nginx`, then each variable or the reference it comes from. */
function listOf(obj: KubeObject, containers: Container[]): string {
  const line = (e: EnvVar): string => (e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom as Record<string, Record<string, string>>)}\n` : `${e.name}=${e.value ?? ''}\n`);
  return containers.map((c) => `# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n` + (c.env ?? []).map(line).join('')).join('');
}

/** `kubectl set env`. */
export function setEnv(ctx: CommandContext, args: string[]): CommandResult {
  const parsed = parseFlags(args, [
    { name: 'containers', short: 'c', type: 'string' },
    { name: 'env', short: 'e', type: 'array' },
    { name: 'from', type: 'string' },
    { name: 'keys', type: 'array' },
    { name: 'list', type: 'bool' },
    { name: 'overwrite', type: 'bool' },
    { name: 'prefix', type: 'string' },
    { name: 'resolve', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    ...SET_COMMON_FLAGS,
  ]);
  if (!parsed.ok) return usageError('set env', parsed.error);
  const f = parsed.flags;
  if (bool(f, 'local')) return { stdout: '', stderr: 'error: kubectl set env --local is not available in this sandbox\n', exitCode: 1 };
  if (bool(f, 'all') && str(f, 'selector') !== undefined) return { stdout: '', stderr: 'error: cannot set --all and --selector at the same time\n', exitCode: 1 };
  const split = splitEnvArgs(f.positionals);
  if (!split) return { stdout: '', stderr: `error: all resources must be specified before environment changes: ${f.positionals.join(' ')}\n`, exitCode: 1 };
  const { resources, env } = split;
  if (resources.length === 0 && arr(f, 'filename').length === 0) return { stdout: '', stderr: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n', exitCode: 1 };
  if (bool(f, 'list') && str(f, 'output') !== undefined) return { stdout: '', stderr: 'error: --list and --output may not be specified together\n', exitCode: 1 };
  const keys = arr(f, 'keys').flatMap((k) => k.split(','));
  const from = str(f, 'from');
  if (keys.length && !from) return { stdout: '', stderr: 'error: when specifying --keys, a configmap or secret must be provided with --from\n', exitCode: 1 };
  const pairs = [...arr(f, 'env'), ...env];
  const sets: EnvVar[] = [];
  const removes: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    const name = eq >= 0 ? p.slice(0, eq) : p.slice(0, -1);
    if (!ENV_NAME.test(name)) return { stdout: '', stderr: badName(name) + '\n', exitCode: 1 };
    if (eq >= 0) sets.push({ name, value: p.slice(eq + 1) });
    else removes.push(name);
  }
  if (from) {
    const injected = fromSource(ctx, from, keys, str(f, 'namespace'));
    if (typeof injected === 'string') return { stdout: '', stderr: injected + '\n', exitCode: 1 };
    sets.push(...injected);
  }
  const prefix = str(f, 'prefix') ?? '';
  for (const e of sets) e.name = prefix + e.name;
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  const found = resolveObjects(ctx, resources, { files: arr(f, 'filename'), recursive: bool(f, 'recursive'), namespace: str(f, 'namespace'), selector: str(f, 'selector'), all: bool(f, 'all') });
  if (typeof found === 'string') return { stdout: '', stderr: found + '\n', exitCode: 1 };
  const overwrite = f.values.has('overwrite') ? bool(f, 'overwrite') : true;
  const wanted = str(f, 'containers') ?? '*';
  const matches = containerMatcher(wanted);
  let stdout = '';
  let warnings = '';
  const errors = [...found.errors];
  for (const obj of found.objects) {
    const next: KubeObject = structuredClone(obj);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(notPodTemplate(obj));
      continue;
    }
    const containers = spec.containers.filter((c) => matches(c.name));
    if (containers.length === 0) {
      warnings += `Warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching "${wanted}"\n`;
      continue;
    }
    if (bool(f, 'list')) {
      stdout += listOf(obj, containers);
      continue;
    }
    let refused = false;
    for (const c of containers) {
      const list = [...(c.env ?? [])];
      for (const e of sets) {
        const at = list.findIndex((x) => x.name === e.name);
        if (at >= 0 && !overwrite && list[at]!.value !== e.value) {
          errors.push(`error: ${objectErrorPrefix(obj)}'${e.name}' already has a value (${list[at]!.value ?? ''}), and --overwrite is false`);
          refused = true;
        } else if (at >= 0) list[at] = structuredClone(e);
        else list.push(structuredClone(e));
      }
      const kept = list.filter((e) => !removes.includes(e.name));
      if (kept.length) c.env = kept;
      else delete c.env;
    }
    if (refused || JSON.stringify(podSpecOf(obj)) === JSON.stringify(spec)) continue;
    try {
      const stored = dryRun === 'none' ? ctx.cluster.update(next) : next;
      stdout += printObject(stored, f, 'env updated', dryRun);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      errors.push(`error: failed to patch env update to pod template: ${apiMessage(e)}`);
    }
  }
  return { stdout, stderr: warnings + (dry.ok ? dry.warning : '') + errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}
