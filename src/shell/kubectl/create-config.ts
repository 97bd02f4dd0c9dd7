/**
 * `kubectl create namespace NAME`, `create configmap NAME [--from-literal=k=v] [--from-file=[k=]path]` and
 * `create secret generic NAME [--from-literal=k=v] [--from-file=[k=]path] [--type=T]`
 * (kubectl `create_namespace.go`, `create_configmap.go`, `create_secret.go`).
 */
import { FsError, resolvePath } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { CREATE_COMMON, oneName } from './create.js';
import { usageError } from './errors.js';
import { arr, parseFlags, str } from './flags.js';
import { configMapObject, namespaceObject, secretObject, serviceAccountObject } from './generators/objects.js';
import { splitSubcommand } from './generators/subcommand.js';
import { checkWriteFlags, createGenerated } from './generators/write.js';
import { helpText } from './help/index.js';

export function createNamespace(ctx: CommandContext, args: string[]): CommandResult {
  const cmd = 'create namespace';
  const parsed = parseFlags(args, CREATE_COMMON);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  const name = oneName(parsed.flags.positionals, cmd);
  if (typeof name !== 'string') return name;
  const bad = checkWriteFlags(parsed.flags);
  if (bad) return bad;
  return createGenerated(ctx, parsed.flags, namespaceObject(name), 'default');
}

/** Reads `--from-literal` and `--from-file` into a data map, with kubectl's errors. */
function collectData(ctx: CommandContext, literals: string[], files: string[], what: string, name: string): Record<string, string> | string {
  const data: Record<string, string> = {};
  const add = (k: string, v: string): string | undefined => {
    if (k in data) return what === 'ConfigMap' ? `cannot add key "${k}", another key by that name already exists in Data for ConfigMap "${name}"` : `cannot add key ${k}, another key by that name already exists in Data for Secret "${name}"`;
    data[k] = v;
    return undefined;
  };
  for (const l of literals) {
    const eq = l.indexOf('=');
    if (eq <= 0) return `invalid literal source ${l}, expected key=value`;
    const err = add(l.slice(0, eq), l.slice(eq + 1));
    if (err) return err;
  }
  for (const spec of files) {
    const eq = spec.indexOf('=');
    const path = eq >= 0 ? spec.slice(eq + 1) : spec;
    const key = eq >= 0 ? spec.slice(0, eq) : path.split('/').pop()!;
    try {
      const err = add(key, ctx.fs.readFile(resolvePath(ctx.cwd, path.replace(/^~(?=\/|$)/, ctx.env.get('HOME') ?? '/'))));
      if (err) return err;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      return `error reading ${path}: no such file or directory`;
    }
  }
  return data;
}

export function createConfigMap(ctx: CommandContext, args: string[]): CommandResult {
  const cmd = 'create configmap';
  const parsed = parseFlags(args, [{ name: 'from-literal', type: 'array' }, { name: 'from-file', type: 'array' }, { name: 'from-env-file', type: 'array' }, { name: 'append-hash', type: 'bool' }, ...CREATE_COMMON]);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  const f = parsed.flags;
  const name = oneName(f.positionals, cmd);
  if (typeof name !== 'string') return name;
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const data = collectData(ctx, arr(f, 'from-literal'), arr(f, 'from-file'), 'ConfigMap', name);
  if (typeof data === 'string') return { stdout: '', stderr: `error: ${data}\n`, exitCode: 1 };
  const ns = str(f, 'namespace');
  return createGenerated(ctx, f, configMapObject(name, ns, data), ns ?? 'default', 'failed to create configmap: ');
}

export function createSecret(ctx: CommandContext, args: string[]): CommandResult {
  const { sub: kind, rest } = splitSubcommand(args);
  if (kind !== 'generic') {
    if (kind === 'tls' || kind === 'docker-registry') return { stdout: '', stderr: `error: kubectl create secret ${kind} is not available in this sandbox; use kubectl create secret generic\n`, exitCode: 1 };
    if (kind) return { stdout: '', stderr: `error: unknown command "${kind}" for "kubectl create secret"\n`, exitCode: 1 };
    return { stdout: '', stderr: helpText('create secret') ?? 'Create a secret with specified type.\n', exitCode: 1 };
  }
  const cmd = 'create secret generic';
  const parsed = parseFlags(rest, [{ name: 'from-literal', type: 'array' }, { name: 'from-file', type: 'array' }, { name: 'from-env-file', type: 'array' }, { name: 'type', type: 'string' }, { name: 'append-hash', type: 'bool' }, ...CREATE_COMMON]);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  const f = parsed.flags;
  const name = oneName(f.positionals, cmd);
  if (typeof name !== 'string') return name;
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const data = collectData(ctx, arr(f, 'from-literal'), arr(f, 'from-file'), 'Secret', name);
  if (typeof data === 'string') return { stdout: '', stderr: `error: ${data}\n`, exitCode: 1 };
  const ns = str(f, 'namespace');
  return createGenerated(ctx, f, secretObject(name, ns, data, str(f, 'type')), ns ?? 'default', 'failed to create secret ');
}

export function createServiceAccount(ctx: CommandContext, args: string[]): CommandResult {
  const cmd = 'create serviceaccount';
  const parsed = parseFlags(args, CREATE_COMMON);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  const f = parsed.flags;
  const name = oneName(f.positionals, cmd);
  if (typeof name !== 'string') return name;
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const ns = str(f, 'namespace');
  return createGenerated(ctx, f, serviceAccountObject(name, ns), ns ?? 'default', 'failed to create serviceaccount: ');
}
