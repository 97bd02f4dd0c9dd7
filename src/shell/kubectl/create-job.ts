/**
 * `kubectl create job NAME --image=IMAGE [-- COMMAND…]` and `kubectl create cronjob NAME --image=IMAGE
 * --schedule=SCHEDULE [--restart=R] [-- COMMAND…]` (kubectl `pkg/cmd/create/create_job.go`, `create_cronjob.go`).
 * `create job` only stores the Job: its pods are the Job controller's business. The simulator serves no CronJob
 * resource, so `create cronjob` works only with `--dry-run=client`.
 */
import { resolveResource } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { CREATE_COMMON, oneName } from './create.js';
import { usageError } from './errors.js';
import { parseFlags, str } from './flags.js';
import { cronJobObject, jobObject } from './generators/batch.js';
import { dryRunOf } from './generators/output.js';
import { checkWriteFlags, createGenerated } from './generators/write.js';

/** `kubectl create job`. */
export function createJob(ctx: CommandContext, args: string[]): CommandResult {
  const cmd = 'create job';
  const parsed = parseFlags(args, [{ name: 'image', type: 'string' }, { name: 'from', type: 'string' }, ...CREATE_COMMON]);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  const f = parsed.flags;
  const name = oneName(f.positionals, cmd);
  if (typeof name !== 'string') return name;
  const image = str(f, 'image');
  const from = str(f, 'from');
  if ((image === undefined || image === '') === (from === undefined || from === '')) return { stdout: '', stderr: 'error: either --image or --from must be specified\n', exitCode: 1 };
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  if (from) {
    const type = from.includes('/') ? from.slice(0, from.indexOf('/')) : from;
    if (!resolveResource(type)) return { stdout: '', stderr: `error: the server doesn't have a resource type "${type}"\n`, exitCode: 1 };
    return { stdout: '', stderr: `error: unknown object type *v1.${resolveResource(type)!.kind}\n`, exitCode: 1 };
  }
  const ns = str(f, 'namespace');
  return createGenerated(ctx, f, jobObject({ name, namespace: ns, image: image!, command: f.rest ?? [] }), ns ?? 'default', 'failed to create job: ');
}

/** `kubectl create cronjob`. */
export function createCronJob(ctx: CommandContext, args: string[]): CommandResult {
  const cmd = 'create cronjob';
  const parsed = parseFlags(args, [{ name: 'image', type: 'string' }, { name: 'schedule', type: 'string' }, { name: 'restart', type: 'string' }, ...CREATE_COMMON]);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  const f = parsed.flags;
  const image = str(f, 'image');
  if (image === undefined) return { stdout: '', stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 };
  const schedule = str(f, 'schedule');
  if (schedule === undefined) return { stdout: '', stderr: 'error: required flag(s) "schedule" not set\n', exitCode: 1 };
  const name = oneName(f.positionals, cmd);
  if (typeof name !== 'string') return name;
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const dry = dryRunOf(f);
  if (dry.ok && dry.value !== 'client') return { stdout: '', stderr: 'error: kubectl create cronjob is not available in this sandbox: the simulated cluster has no CronJob controller (--dry-run=client -o yaml prints the manifest)\n', exitCode: 1 };
  const ns = str(f, 'namespace');
  return createGenerated(ctx, f, cronJobObject({ name, namespace: ns, image, schedule, restart: str(f, 'restart'), command: f.rest ?? [] }), ns ?? 'default', 'failed to create cronjob: ');
}
