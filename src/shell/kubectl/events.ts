/**
 * `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A] [--no-headers] [-o yaml|json] [-w]`: the events of a
 * namespace sorted by time, as kubectl's events command prints them (`OBJECT` is `Kind/name`, repeats shown as
 * `5s (x3 over 40s)`). `-w` prints what there is and ends. Mirrors kubectl `pkg/cmd/events`.
 */
import { resolveResource, type KubeEvent } from '../../sim/index.js';
import type { CommandResult } from '../types.js';
import { usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';
import { printGeneric } from './printers/output.js';
import { humanDuration, tabwrite } from './table.js';

/** `kubectl events`: see the file comment above. */
export const events: Verb = (ctx, args): CommandResult => {
  const parsed = parseFlags(args, [
    { name: 'for', type: 'string' },
    { name: 'types', type: 'array' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'chunk-size', type: 'string' },
  ]);
  if (!parsed.ok) return usageError('events', parsed.error);
  const f = parsed.flags;
  const types = arr(f, 'types').flatMap((t) => t.split(',')).filter(Boolean);
  if (types.some((t) => !['normal', 'warning'].includes(t.toLowerCase()))) return { stdout: '', stderr: 'error: valid --types are Normal or Warning\n', exitCode: 1 };
  let forKind: string | undefined;
  let forName: string | undefined;
  const forText = str(f, 'for');
  if (forText !== undefined) {
    const parts = forText.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return { stdout: '', stderr: 'error: --for must be in resource/name form\n', exitCode: 1 };
    const info = resolveResource(parts[0]);
    if (!info) return { stdout: '', stderr: `error: the server doesn't have a resource type "${parts[0]}"\n`, exitCode: 1 };
    forKind = info.kind;
    forName = parts[1];
  }
  const allNs = bool(f, 'all-namespaces');
  const ns = str(f, 'namespace') ?? 'default';
  const time = (e: KubeEvent): string => e.lastTimestamp || e.firstTimestamp;
  const list = ctx.cluster
    .list<KubeEvent>('Event', allNs ? undefined : ns)
    .filter((e) => (types.length === 0 || types.some((t) => t.toLowerCase() === e.type.toLowerCase())) && (!forKind || (e.involvedObject.kind === forKind && e.involvedObject.name === forName)))
    .sort((a, b) => (time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : 0));
  const output = str(f, 'output');
  if (output !== undefined && output !== '') {
    const r = printGeneric(output, list, false, bool(f, 'no-headers'));
    return r.ok ? { stdout: r.text, stderr: '', exitCode: 0 } : { stdout: '', stderr: r.error + '\n', exitCode: 1 };
  }
  if (list.length === 0) return { stdout: '', stderr: allNs ? 'No events found.\n' : `No events found in ${ns} namespace.\n`, exitCode: 0 };
  const now = ctx.cluster.now();
  const since = (iso: string): string => (iso ? humanDuration(now - Date.parse(iso)) : '<unknown>');
  const lines: string[] = [];
  if (!bool(f, 'no-headers')) lines.push(`${allNs ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`);
  for (const e of list) {
    const interval = e.count > 1 ? `${since(e.lastTimestamp)} (x${e.count} over ${since(e.firstTimestamp)})` : since(e.firstTimestamp);
    lines.push(`${allNs ? `${e.metadata.namespace}\t` : ''}${interval}\t${e.type}\t${e.reason}\t${e.involvedObject.kind}/${e.involvedObject.name}\t${e.message.trim()}`);
  }
  return { stdout: tabwrite(lines.join('\n') + '\n', 3), stderr: '', exitCode: 0 };
};
