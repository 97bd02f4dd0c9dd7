/**
 * `kubectl set resources (TYPE NAME | TYPE/NAME | -f FILE) [-c CONTAINER] --requests=cpu=100m,memory=64Mi
 * --limits=…`: sets container resource requests and limits in a Pod template and prints
 * `deployment.apps/web resource requirements updated`; unchanged objects print nothing
 * (kubectl `pkg/cmd/set/set_resources.go`).
 */
import { SimError, type Container, type KubeObject } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { apiMessage, usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { SET_COMMON_FLAGS, dryRunOf, printObject } from './generators/output.js';
import { NO_RESOURCES_ERROR, resolveObjects } from './generators/targets.js';
import { checkWriteFlags } from './generators/write.js';
import { containerMatcher, notPodTemplate, podSpecOf } from './set.js';

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/** Parses `cpu=100m,memory=64Mi` as `HandleResourceRequirementsV1` does; a string is kubectl's error line. */
function parseResourceList(text: string | undefined): Record<string, string> | string {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const item of text.split(',')) {
    const eq = item.indexOf('=');
    if (eq < 0) return `error: Invalid argument syntax ${item}, expected <resource>=<value>`;
    const value = item.slice(eq + 1);
    if (!QUANTITY.test(value)) return "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    out[item.slice(0, eq)] = value;
  }
  return out;
}

/** `kubectl set resources`. */
export function setResources(ctx: CommandContext, args: string[]): CommandResult {
  const parsed = parseFlags(args, [
    { name: 'containers', short: 'c', type: 'string' },
    { name: 'limits', type: 'string' },
    { name: 'requests', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    ...SET_COMMON_FLAGS,
  ]);
  if (!parsed.ok) return usageError('set resources', parsed.error);
  const f = parsed.flags;
  if (bool(f, 'local')) return { stdout: '', stderr: 'error: kubectl set resources --local is not available in this sandbox\n', exitCode: 1 };
  if (f.positionals.length === 0 && arr(f, 'filename').length === 0) return { stdout: '', stderr: NO_RESOURCES_ERROR, exitCode: 1 };
  if (!str(f, 'limits') && !str(f, 'requests')) return { stdout: '', stderr: 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n', exitCode: 1 };
  const limits = parseResourceList(str(f, 'limits'));
  if (typeof limits === 'string') return { stdout: '', stderr: limits + '\n', exitCode: 1 };
  const requests = parseResourceList(str(f, 'requests'));
  if (typeof requests === 'string') return { stdout: '', stderr: requests + '\n', exitCode: 1 };
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  const found = resolveObjects(ctx, f.positionals, { files: arr(f, 'filename'), recursive: bool(f, 'recursive'), namespace: str(f, 'namespace'), selector: str(f, 'selector'), all: bool(f, 'all') });
  if (typeof found === 'string') return { stdout: '', stderr: found + '\n', exitCode: 1 };
  const wanted = str(f, 'containers') ?? '*';
  const matches = containerMatcher(wanted);
  let stdout = '';
  const errors = [...found.errors];
  for (const obj of found.objects) {
    const next: KubeObject = structuredClone(obj);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(notPodTemplate(obj));
      continue;
    }
    const containers: Container[] = spec.containers.filter((c) => matches(c.name));
    if (containers.length === 0) {
      errors.push(`error: unable to find container named ${wanted}`);
      continue;
    }
    for (const c of containers) {
      const r = { ...(c.resources ?? {}) };
      if (Object.keys(limits).length) r.limits = { ...(r.limits ?? {}), ...limits };
      if (Object.keys(requests).length) r.requests = { ...(r.requests ?? {}), ...requests };
      c.resources = r;
    }
    if (JSON.stringify(podSpecOf(obj)) === JSON.stringify(spec)) continue;
    try {
      const stored = dryRun === 'none' ? ctx.cluster.update(next) : next;
      stdout += printObject(stored, f, 'resource requirements updated', dryRun);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      errors.push(`error: failed to patch resources update to pod template ${apiMessage(e)}`);
    }
  }
  return { stdout, stderr: (dry.ok ? dry.warning : '') + errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}
