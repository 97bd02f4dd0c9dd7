/**
 * `kubectl set env (TYPE NAME | TYPE/NAME | -f FILE) KEY=VALUE… KEY-… [-c CONTAINER] [--list] [--overwrite=false]`:
 * sets or removes environment variables in a Pod template (a Deployment then rolls out) and prints
 * `deployment.apps/web env updated`; objects left unchanged print nothing (kubectl `pkg/cmd/set/set_env.go`).
 */
import { SimError, type Container, type KubeObject } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, PRINT_FLAGS, dryRunOf, printObject } from './generators/output.js';
import { NO_RESOURCES_ERROR, resolveObjects } from './generators/targets.js';
import { checkWriteFlags } from './generators/write.js';
import { notPodTemplate, objectErrorPrefix, podSpecOf } from './set.js';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** The error kubectl gives for an invalid variable name (`validation.IsEnvVarName`). */
function badName(name: string): string {
  return `error: "${name}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`;
}

/** Splits the arguments as `envutil.SplitEnvironmentFromResources` does: resources first, then KEY=VALUE / KEY-. */
function splitEnvArgs(args: string[]): { resources: string[]; env: string[] } {
  const isEnv = (a: string): boolean => a.includes('=') || a.endsWith('-');
  const first = args.findIndex(isEnv);
  return first < 0 ? { resources: args, env: [] } : { resources: args.slice(0, first), env: args.slice(first) };
}

/** Kind label in `--list` headers (`# Deployment web, container nginx`). */
function listOf(obj: KubeObject, containers: Container[]): string {
  return containers
    .map((c) => `# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n` + (c.env ?? []).map((e) => (e.value !== undefined || !e.valueFrom ? `${e.name}=${e.value ?? ''}\n` : `# ${e.name} from a reference\n`)).join(''))
    .join('');
}

/** `kubectl set env`. */
export function setEnv(ctx: CommandContext, args: string[]): CommandResult {
  const parsed = parseFlags(args, [
    { name: 'all', type: 'bool' },
    { name: 'containers', short: 'c', type: 'string' },
    { name: 'env', short: 'e', type: 'array' },
    { name: 'from', type: 'string' },
    { name: 'keys', type: 'array' },
    { name: 'list', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'overwrite', type: 'bool' },
    { name: 'prefix', type: 'string' },
    { name: 'resolve', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'field-manager', type: 'string' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    ...PRINT_FLAGS,
  ]);
  if (!parsed.ok) return usageError('set env', parsed.error);
  const f = parsed.flags;
  if (str(f, 'from') !== undefined) return { stdout: '', stderr: 'error: kubectl set env --from is not available in this sandbox; use --env or KEY=VALUE\n', exitCode: 1 };
  if (bool(f, 'local')) return { stdout: '', stderr: 'error: kubectl set env --local is not available in this sandbox\n', exitCode: 1 };
  const { resources, env } = splitEnvArgs(f.positionals);
  if (resources.length === 0 && arr(f, 'filename').length === 0) return { stdout: '', stderr: NO_RESOURCES_ERROR, exitCode: 1 };
  const pairs = [...arr(f, 'env'), ...env];
  const sets: { name: string; value: string }[] = [];
  const removes: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    const name = eq >= 0 ? p.slice(0, eq) : p.slice(0, -1);
    if (!ENV_NAME.test(name)) return { stdout: '', stderr: badName(name) + '\n', exitCode: 1 };
    if (eq >= 0) sets.push({ name, value: p.slice(eq + 1) });
    else removes.push(name);
  }
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  const found = resolveObjects(ctx, resources, { files: arr(f, 'filename'), recursive: bool(f, 'recursive'), namespace: str(f, 'namespace'), selector: str(f, 'selector'), all: bool(f, 'all') });
  if (typeof found === 'string') return { stdout: '', stderr: found + '\n', exitCode: 1 };
  const overwrite = f.values.has('overwrite') ? bool(f, 'overwrite') : true;
  const wanted = str(f, 'containers') ?? '*';
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
    const containers = [...(spec.initContainers ?? []), ...spec.containers].filter((c) => wanted === '*' || c.name === wanted);
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
      for (const { name, value } of sets) {
        const at = list.findIndex((e) => e.name === name);
        if (at >= 0 && !overwrite && list[at]!.value !== value) {
          errors.push(`error: ${objectErrorPrefix(obj)}'${name}' already has a value (${list[at]!.value ?? ''}), and --overwrite is false`);
          refused = true;
        } else if (at >= 0) list[at] = { name, value };
        else list.push({ name, value });
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
      errors.push(errorText(e));
    }
  }
  return { stdout, stderr: warnings + (dry.ok ? dry.warning : '') + errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}
