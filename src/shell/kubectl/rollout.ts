/**
 * `kubectl rollout status|history|undo|restart` for Deployments (kubectl `pkg/cmd/rollout`, and the status,
 * history and rollback helpers of `pkg/polymorphichelpers`). Revisions are the ReplicaSets' `deployment.kubernetes.io/revision`
 * annotations; `status` advances simulated time until the rollout finishes (bounded by the progress deadline).
 */
import { SimError, type Deployment, type KubeObject, type ReplicaSet } from '../../sim/index.js';
import { replicaSetsOf, revisionOf } from '../../sim/controllers/workloads.js';
import type { CommandContext, CommandResult } from '../types.js';
import { errorText, usageError, usageErrorf } from './errors.js';
import { arr, bool, parseFlags, str, type FlagSpec, type ParsedFlags } from './flags.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, objectRef, printObject } from './generators/output.js';
import { podTemplateText } from './generators/pod-template.js';
import { splitSubcommand } from './generators/subcommand.js';
import { resolveObjects } from './generators/targets.js';
import { helpText } from './help/index.js';
import type { Verb } from './index.js';

/** Simulated seconds `rollout status` waits at most (the controller's progress deadline, 600 s by default, ends it first). */
const DEFAULT_DEADLINE_S = 900;

type Sub = 'status' | 'history' | 'undo' | 'restart' | 'pause' | 'resume';
const SUBS: Sub[] = ['status', 'history', 'undo', 'restart', 'pause', 'resume'];

function gk(obj: KubeObject): string {
  return obj.apiVersion.includes('/') ? `${obj.kind}.${obj.apiVersion.split('/')[0]}` : obj.kind;
}

/** `DeploymentStatusViewer.Status`: the message and whether the rollout is done. */
export function deploymentStatus(d: Deployment): { message: string; done: boolean; error?: string } {
  const name = JSON.stringify(d.metadata.name);
  const s = d.status ?? {};
  const want = d.spec.replicas ?? 1;
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  if (s.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')) return { message: '', done: false, error: `deployment ${name} exceeded its progress deadline` };
  const updated = s.updatedReplicas ?? 0;
  const total = s.replicas ?? 0;
  const available = s.availableReplicas ?? 0;
  if (updated < want) return { message: `Waiting for deployment ${name} rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false };
  if (total > updated) return { message: `Waiting for deployment ${name} rollout to finish: ${total - updated} old replicas are pending termination...\n`, done: false };
  if (available < updated) return { message: `Waiting for deployment ${name} rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
  return { message: `deployment ${name} successfully rolled out\n`, done: true };
}

function status(ctx: CommandContext, obj: KubeObject, f: ParsedFlags): CommandResult {
  if (obj.kind !== 'Deployment') return { stdout: '', stderr: `error: no status viewer has been implemented for ${gk(obj)}\n`, exitCode: 1 };
  const watch = f.values.has('watch') ? bool(f, 'watch') : true;
  const timeout = str(f, 'timeout');
  const limitS = timeout && /^\d+s?$/.test(timeout) && Number(timeout.replace('s', '')) > 0 ? Number(timeout.replace('s', '')) : DEFAULT_DEADLINE_S;
  let out = '';
  let last = '';
  for (let waited = 0; waited <= limitS; waited++) {
    const d = ctx.cluster.get<Deployment>('Deployment', obj.metadata.namespace, obj.metadata.name);
    if (!d) return { stdout: out, stderr: 'error: object has been deleted\n', exitCode: 1 };
    const s = deploymentStatus(d);
    if (s.error) return { stdout: out, stderr: `error: ${s.error}\n`, exitCode: 1 };
    if (s.message !== last) out += s.message;
    last = s.message;
    if (s.done || !watch) return { stdout: out, stderr: '', exitCode: 0 };
    if (waited < limitS) ctx.cluster.advance(1000);
  }
  const msg = timeout ? 'error: timed out waiting for the condition' : `error: deployment ${JSON.stringify(obj.metadata.name)} exceeded its progress deadline`;
  return { stdout: out, stderr: msg + '\n', exitCode: 1 };
}

function history(ctx: CommandContext, obj: KubeObject, f: ParsedFlags): CommandResult {
  if (obj.kind !== 'Deployment') return { stdout: '', stderr: `error: no history viewer has been implemented for ${JSON.stringify(gk(obj))}\n`, exitCode: 1 };
  const revText = str(f, 'revision') ?? '0';
  if (!/^\d+$/.test(revText)) return usageError('rollout history', `error: invalid argument "${revText}" for "--revision" flag: strconv.ParseInt: parsing "${revText}": invalid syntax`);
  const revision = Number(revText);
  const byRev = new Map<number, ReplicaSet>();
  for (const rs of replicaSetsOf(ctx.cluster, obj as Deployment)) if (revisionOf(rs) > 0) byRev.set(revisionOf(rs), rs);
  if (byRev.size === 0) return { stdout: `${objectRef(obj)} \nNo rollout history found.\n`, stderr: '', exitCode: 0 };
  if (revision > 0) {
    const rs = byRev.get(revision);
    if (!rs) return { stdout: '', stderr: 'error: unable to find the specified revision\n', exitCode: 1 };
    return { stdout: `${objectRef(obj)} with revision #${revision}\n${podTemplateText(rs.spec.template, changeCause(rs))}\n`, stderr: '', exitCode: 0 };
  }
  const revs = [...byRev.keys()].sort((a, b) => a - b);
  const width = Math.max(8, ...revs.map((r) => String(r).length)) + 2;
  const rows = revs.map((r) => `${String(r).padEnd(width)}${changeCause(byRev.get(r)!) || '<none>'}\n`).join('');
  return { stdout: `${objectRef(obj)} \n${'REVISION'.padEnd(width)}CHANGE-CAUSE\n${rows}\n`, stderr: '', exitCode: 0 };
}

/** Annotations a rollback neither copies from the ReplicaSet nor drops from the Deployment (`annotationsToSkip`). */
const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function changeCause(rs: ReplicaSet): string {
  return rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '';
}

function stripHash(t: ReplicaSet['spec']['template']): ReplicaSet['spec']['template'] {
  const copy = structuredClone(t);
  if (copy.metadata?.labels) {
    delete copy.metadata.labels['pod-template-hash'];
  }
  return copy;
}

function undo(ctx: CommandContext, obj: KubeObject, f: ParsedFlags): CommandResult {
  if (obj.kind !== 'Deployment') return { stdout: '', stderr: `error: no rollbacker has been implemented for ${JSON.stringify(gk(obj))}\n`, exitCode: 1 };
  const d = obj as Deployment;
  const toText = str(f, 'to-revision') ?? '0';
  if (!/^\d+$/.test(toText)) return usageError('rollout undo', `error: invalid argument "${toText}" for "--to-revision" flag: strconv.ParseInt: parsing "${toText}": invalid syntax`);
  const to = Number(toText);
  const rss = replicaSetsOf(ctx.cluster, d).filter((rs) => revisionOf(rs) > 0);
  let target: ReplicaSet | undefined;
  if (to > 0) {
    target = rss.find((rs) => revisionOf(rs) === to);
    if (!target) return { stdout: '', stderr: `error: unable to find specified revision ${to} in history\n`, exitCode: 1 };
  } else {
    const sorted = [...rss].sort((a, b) => revisionOf(b) - revisionOf(a));
    target = sorted[1];
    if (!target) return { stdout: '', stderr: `error: no rollout history found for deployment ${JSON.stringify(d.metadata.name)}\n`, exitCode: 1 };
  }
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  if (dryRun === 'client') return { stdout: `${objectRef(obj)} Pod Template:\n${podTemplateText(target.spec.template, '')}\n`, stderr: '', exitCode: 0 };
  if (d.spec.paused) return { stdout: '', stderr: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n", exitCode: 1 };
  const wanted = stripHash(target.spec.template);
  if (JSON.stringify(stripHash(d.spec.template)) === JSON.stringify(wanted)) {
    return { stdout: `${objectRef(obj)} skipped rollback (current template already matches revision ${revisionOf(target)})\n`, stderr: '', exitCode: 0 };
  }
  const next = structuredClone(d);
  next.spec.template = wanted;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
  if (Object.keys(annotations).length) next.metadata.annotations = annotations;
  else delete next.metadata.annotations;
  ctx.cluster.update(next);
  return { stdout: printObject(next, f, 'rolled back', dryRun), stderr: '', exitCode: 0 };
}

function restart(ctx: CommandContext, obj: KubeObject, f: ParsedFlags): CommandResult {
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(obj.kind)) {
    return { stdout: '', stderr: `error: ${obj.kind.toLowerCase()}s ${JSON.stringify(obj.metadata.name)} restarting is not supported\n`, exitCode: 1 };
  }
  const next = structuredClone(obj) as Deployment;
  const at = ctx.cluster.nowIso();
  const meta = next.spec.template.metadata ?? {};
  if (meta.annotations?.['kubectl.kubernetes.io/restartedAt'] === at) {
    return { stdout: '', stderr: `error: failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another\n`, exitCode: 1 };
  }
  next.spec.template.metadata = { ...meta, annotations: { ...(meta.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': at } };
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  if (dryRun === 'none') ctx.cluster.update(next);
  return { stdout: printObject(next, f, 'restarted', dryRun), stderr: '', exitCode: 0 };
}

function pauseResume(ctx: CommandContext, obj: KubeObject, f: ParsedFlags, pause: boolean): CommandResult {
  const resource = obj.kind === 'Deployment' ? 'deployments.apps' : `${obj.kind.toLowerCase()}s`;
  if (obj.kind !== 'Deployment') return { stdout: '', stderr: `error: ${resource} ${JSON.stringify(obj.metadata.name)} ${pause ? 'pausing' : 'resuming'} is not supported\n`, exitCode: 1 };
  const d = obj as Deployment;
  if (!!d.spec.paused === pause) return { stdout: '', stderr: `error: ${resource} ${JSON.stringify(obj.metadata.name)} ${pause ? 'is already paused' : 'is not paused'}\n`, exitCode: 1 };
  const next = structuredClone(d);
  if (pause) next.spec.paused = true;
  else delete next.spec.paused;
  ctx.cluster.update(next);
  return { stdout: printObject(next, f, pause ? 'paused' : 'resumed', 'none'), stderr: '', exitCode: 0 };
}

/** Each subcommand's own flags, as kubectl 1.32 declares them (only undo has --dry-run; status has no -o). */
function flagsFor(sub: Sub): FlagSpec[] {
  const common: FlagSpec[] = [
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
  ];
  const printing: FlagSpec[] = [OUTPUT_FLAG, { name: 'allow-missing-template-keys', type: 'bool' }, { name: 'show-managed-fields', type: 'bool' }, { name: 'template', type: 'string' }];
  if (sub === 'status') return [...common, { name: 'revision', type: 'string' }, { name: 'timeout', type: 'string' }, { name: 'watch', short: 'w', type: 'bool' }];
  if (sub === 'history') return [...common, ...printing, { name: 'revision', type: 'string' }];
  if (sub === 'undo') return [...common, ...printing, DRY_RUN_FLAG, { name: 'to-revision', type: 'string' }];
  return [...common, ...printing, { name: 'field-manager', type: 'string' }];
}

export const rollout: Verb = (ctx, args) => {
  const { sub, rest } = splitSubcommand(args);
  if (sub === undefined) return { stdout: helpText('rollout') ?? '', stderr: '', exitCode: 0 };
  if (!SUBS.includes(sub as Sub)) return usageErrorf('rollout', `unknown command "${[sub, ...rest.filter((a) => !a.startsWith('-'))].join(' ')}"`);
  const cmd = `rollout ${sub}`;
  const parsed = parseFlags(rest, flagsFor(sub as Sub));
  if (!parsed.ok) return usageError(cmd, parsed.error);
  const f = parsed.flags;
  const files = arr(f, 'filename');
  if (f.positionals.length === 0 && files.length === 0) return { stdout: '', stderr: 'error: required resource not specified\n', exitCode: 1 };
  const found = resolveObjects(ctx, f.positionals, { files, recursive: bool(f, 'recursive'), namespace: str(f, 'namespace'), selector: str(f, 'selector') });
  if (typeof found === 'string') return { stdout: '', stderr: found + '\n', exitCode: 1 };
  let stdout = '';
  let stderr = found.errors.map((e) => e + '\n').join('');
  let exitCode = found.errors.length ? 1 : 0;
  for (const obj of found.objects) {
    let r: CommandResult;
    try {
      if (sub === 'status') r = status(ctx, obj, f);
      else if (sub === 'history') r = history(ctx, obj, f);
      else if (sub === 'undo') r = undo(ctx, obj, f);
      else if (sub === 'restart') r = restart(ctx, obj, f);
      else r = pauseResume(ctx, obj, f, sub === 'pause');
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      r = { stdout: '', stderr: errorText(e) + '\n', exitCode: 1 };
    }
    stdout += r.stdout;
    stderr += r.stderr;
    if (r.exitCode) exitCode = r.exitCode;
  }
  return { stdout, stderr, exitCode };
};
