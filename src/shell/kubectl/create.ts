/**
 * `kubectl create -f FILE` and the generators `create deployment|service|namespace|ingress|configmap|secret generic`.
 * Unlike apply, create fails on an existing object:
 * `Error from server (AlreadyExists): error when creating "pod.yaml": pods "x" already exists`.
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/
 */
import { SimError, qualifiedResource, resourceForKind, resourceForVersionKind } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { createConfigMap, createNamespace, createSecret, createServiceAccount } from './create-config.js';
import { createDeployment } from './create-deployment.js';
import { createCronJob, createJob } from './create-job.js';
import { createIngress } from './create-ingress.js';
import { createService } from './create-service.js';
import { usageError, usageErrorf } from './errors.js';
import { arr, bool, parseFlags, str, type FlagSpec } from './flags.js';
import { formatVisitErrors, mappingError, readManifestArgs, type VisitError } from './generators/files.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, printObject } from './generators/output.js';
import { splitSubcommand } from './generators/subcommand.js';
import { checkWriteFlags } from './generators/write.js';
import { withLastApplied } from './generators/three-way.js';
import type { Verb } from './index.js';

/** Flags every `create` generator accepts. */
export const CREATE_COMMON: FlagSpec[] = [
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', noOptDefVal: 'true' },
  { name: 'field-manager', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'show-labels', type: 'bool' },
  { name: 'record', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

type Sub = (ctx: CommandContext, args: string[]) => CommandResult;

const SUBCOMMANDS: Record<string, Sub> = {
  deployment: createDeployment,
  deploy: createDeployment,
  service: createService,
  svc: createService,
  namespace: createNamespace,
  ns: createNamespace,
  ingress: createIngress,
  ing: createIngress,
  configmap: createConfigMap,
  cm: createConfigMap,
  secret: createSecret,
  serviceaccount: createServiceAccount,
  sa: createServiceAccount,
  job: createJob,
  cronjob: createCronJob,
  cj: createCronJob,
};

/** Generators kubectl has that the sandbox does not model. */
const UNMODELLED = ['clusterrole', 'clusterrolebinding', 'poddisruptionbudget', 'pdb', 'priorityclass', 'pc', 'quota', 'resourcequota', 'role', 'rolebinding', 'token'];

/** The one NAME a generator takes, or kubectl's usage error (`exactly one NAME is required, got 0`). */
export function oneName(positionals: string[], cmdPath: string): string | CommandResult {
  if (positionals.length !== 1) return usageErrorf(cmdPath, `exactly one NAME is required, got ${positionals.length}`);
  return positionals[0]!;
}

export const create: Verb = (ctx, args) => {
  const { sub, rest } = splitSubcommand(args);
  if (sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub)) return SUBCOMMANDS[sub]!(ctx, rest);
  if (sub !== undefined && UNMODELLED.includes(sub)) return { stdout: '', stderr: `error: kubectl create ${sub} is not available in this sandbox (it simulates networking objects)\n`, exitCode: 1 };
  return createFromFiles(ctx, args);
};

function createFromFiles(ctx: CommandContext, args: string[]): CommandResult {
  const parsed = parseFlags(args, [{ name: 'filename', short: 'f', type: 'array' }, { name: 'recursive', short: 'R', type: 'bool' }, { name: 'edit', type: 'bool' }, { name: 'raw', type: 'string' }, { name: 'selector', short: 'l', type: 'string' }, { name: 'windows-line-endings', type: 'bool' }, ...CREATE_COMMON]);
  if (!parsed.ok) return usageError('create', parsed.error);
  const f = parsed.flags;
  if (f.positionals.length) return usageErrorf('create', `Unexpected args: [${f.positionals.join(' ')}]`);
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
    if (!resourceForVersionKind(String(obj.apiVersion), String(obj.kind))) {
      visitErrors.push({ type: 'text', text: mappingError(obj, source) });
      continue;
    }
    try {
      if (dryRun !== 'none') {
        const info = resourceForKind(String(obj.kind))!;
        const name = obj.metadata?.name ?? '';
        if (dryRun === 'server' && ctx.cluster.get(info.kind, info.namespaced ? (obj.metadata?.namespace ?? ns ?? 'default') : undefined, name)) throw SimError.alreadyExists(qualifiedResource(info), name);
        out += printObject(obj, f, 'created', dryRun);
        continue;
      }
      const stored = ctx.cluster.create(bool(f, 'save-config') ? withLastApplied(obj, undefined) : obj, ns);
      out += printObject(stored, f, 'created', 'none');
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      if (e.code === 'BadRequest' && e.message.startsWith('the namespace from the provided object')) visitErrors.push({ type: 'text', text: e.message });
      else visitErrors.push({ type: 'api', error: e, file: source, verb: 'creating' });
    }
  }
  if (objects.length === 0 && visitErrors.length === 0) return { stdout: '', stderr: 'error: no objects passed to create\n', exitCode: 1 };
  return { stdout: out, stderr: (dry.ok ? dry.warning : '') + formatVisitErrors(visitErrors), exitCode: visitErrors.length ? 1 : 0 };
}
