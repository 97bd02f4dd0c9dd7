/** `kubectl get pods [-o wide]` — the table printers for each kind live in printers/. */
import { isPodReady, podDisplayStatus, resolveResource, type Pod } from '../../sim/index.js';
import type { CommandResult } from '../types.js';
import { usageError } from './errors.js';
import { parseFlags, str } from './flags.js';
import type { Verb } from './index.js';
import { age, renderTable } from './table.js';

function restarts(p: Pod): string {
  return String((p.status.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0));
}

export const get: Verb = (ctx, args): CommandResult => {
  const parsed = parseFlags(args, [{ name: 'output', short: 'o', type: 'string' }]);
  if (!parsed.ok) return usageError('get', parsed.error);
  const kind = parsed.flags.positionals[0];
  if (!kind) return usageError('get', 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.');
  const r = resolveResource(kind);
  if (!r) return { stdout: '', stderr: `error: the server doesn't have a resource type "${kind}"\n`, exitCode: 1 };
  const ns = str(parsed.flags, 'namespace') ?? 'default';
  const wide = str(parsed.flags, 'output') === 'wide';
  const pods = ctx.cluster.list<Pod>('Pod', ns);
  if (pods.length === 0) return { stdout: '', stderr: `No resources found in ${ns} namespace.\n`, exitCode: 0 };
  const now = ctx.cluster.now();
  const header = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : [])];
  const rows = pods.map((p) => {
    const cs = p.status.containerStatuses ?? [];
    const ready = `${cs.filter((c) => c.ready).length}/${p.spec.containers.length}`;
    void isPodReady;
    return [p.metadata.name, ready, podDisplayStatus(p), restarts(p), age(p.metadata.creationTimestamp, now), ...(wide ? [p.status.podIP ?? '<none>', p.spec.nodeName ?? '<none>', '<none>', '<none>'] : [])];
  });
  return { stdout: renderTable([header, ...rows]), stderr: '', exitCode: 0 };
};
