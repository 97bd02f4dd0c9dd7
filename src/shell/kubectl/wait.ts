/**
 * `kubectl wait --for=condition=C[=STATUS]|delete|jsonpath='{…}'=VALUE (TYPE/NAME | TYPE NAME… | TYPE -l SEL |
 * TYPE --all) [--timeout=30s]`: advances simulated time until each object meets the condition or the timeout
 * passes, printing `pod/x condition met` or kubectl's `timed out waiting for the condition on pods/x`.
 */
import { SimError, qualifiedResource, type KubeObject } from '../../sim/index.js';
import type { CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { bool, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';
import { evaluate, parsePath, printValue } from './printers/jsonpath.js';
import { objectRef } from './printers/output.js';
import { canonical } from './printers/yaml.js';
import { parseResourceArgs } from './resource-args.js';
import { parseSelector } from './selector.js';

/** Go duration strings (`60s`, `2m`, `1m30s`, `500ms`, `0`) in milliseconds, or undefined; negative means a week, as kubectl wait reads it. */
export function parseDuration(s: string): number | undefined {
  if (s === '0') return 0;
  if (s.startsWith('-')) return parseDuration(s.slice(1)) === undefined ? undefined : 7 * 24 * 3_600_000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    pos = re.lastIndex;
  }
  return pos === s.length && s.length > 0 ? total : undefined;
}

type Condition = { type: 'delete' } | { type: 'condition'; name: string; status: string } | { type: 'jsonpath'; path: string; value?: string };

function parseFor(s: string): Condition | string {
  if (s === 'delete') return { type: 'delete' };
  if (s.startsWith('condition=')) {
    const [name, status] = s.slice(10).split('=');
    if (!name) return 'error: condition name cannot be empty';
    return { type: 'condition', name: name.toLowerCase(), status: (status ?? 'true').toLowerCase() };
  }
  if (s.startsWith('jsonpath=')) {
    const body = s.slice(9);
    const close = body.lastIndexOf('}');
    if (!body.startsWith('{') || close < 0) return `error: unrecognized condition: "${s}"`;
    const rest = body.slice(close + 1);
    return { type: 'jsonpath', path: body.slice(1, close), value: rest.startsWith('=') ? rest.slice(1) : undefined };
  }
  return `error: unrecognized condition: "${s}"`;
}

function met(o: KubeObject | undefined, cond: Condition): boolean {
  if (cond.type === 'delete') return !o;
  if (!o) return false;
  if (cond.type === 'condition') {
    const conds = ((o.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []);
    return conds.some((c) => c.type.toLowerCase() === cond.name && c.status.toLowerCase() === cond.status);
  }
  const got = evaluate(parsePath(cond.path.startsWith('.') ? cond.path : '.' + cond.path), canonical(o));
  if (cond.value === undefined) return got.length > 0;
  return got.length > 0 && printValue(got[0]) === cond.value;
}

/** `kubectl wait`: see the file comment above. */
export const wait: Verb = (ctx, args): CommandResult => {
  const parsed = parseFlags(args, [
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'field-selector', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'local', type: 'bool' },
  ]);
  if (!parsed.ok) return usageError('wait', parsed.error);
  const f = parsed.flags;
  const forText = str(f, 'for');
  if (!forText) return { stdout: '', stderr: 'error: --for must be specified\n', exitCode: 1 };
  const cond = parseFor(forText);
  if (typeof cond === 'string') return { stdout: '', stderr: cond + '\n', exitCode: 1 };
  const timeout = parseDuration(str(f, 'timeout') ?? '30s');
  if (timeout === undefined) return usageError('wait', `error: invalid argument "${str(f, 'timeout')}" for "--timeout" flag: time: invalid duration "${str(f, 'timeout')}"`);
  const ra = parseResourceArgs(f.positionals);
  if (!ra.ok) return { stdout: '', stderr: ra.error + '\n', exitCode: 1 };
  if (ra.requests.length === 0) return { stdout: '', stderr: 'error: resource(s) were provided, but no name was specified\n', exitCode: 1 };
  const sel = parseSelector(str(f, 'selector') ?? '');
  if (!sel.ok) return { stdout: '', stderr: sel.error + '\n', exitCode: 1 };
  const ns = str(f, 'namespace') ?? 'default';
  const allNs = bool(f, 'all-namespaces');
  if (!ra.byName && str(f, 'selector') === undefined && !bool(f, 'all')) return { stdout: '', stderr: 'error: resource(s) were provided, but no name was specified\n', exitCode: 1 };
  const targets: { kind: string; ns: string | undefined; name: string; resource: string }[] = [];
  let stderr = '';
  for (const req of ra.requests) {
    const scope = req.info.namespaced ? (allNs ? undefined : ns) : undefined;
    if (req.names.length) {
      for (const name of req.names) {
        if (!ctx.cluster.get(req.info.kind, scope ?? ns, name)) {
          if (cond.type === 'delete') continue;
          stderr += errorText(SimError.notFound(qualifiedResource(req.info), name)) + '\n';
        } else targets.push({ kind: req.info.kind, ns: scope ?? ns, name, resource: qualifiedResource(req.info) });
      }
    } else {
      for (const o of ctx.cluster.list(req.info.kind, scope).filter((x) => sel.matches(x.metadata.labels))) {
        targets.push({ kind: o.kind, ns: o.metadata.namespace, name: o.metadata.name, resource: qualifiedResource(req.info) });
      }
    }
  }
  if (targets.length === 0 && !stderr) {
    // Waiting for the deletion of something already gone succeeds at once, silently (kubectl's wait does the same).
    return cond.type === 'delete' ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: 'error: no matching resources found\n', exitCode: 1 };
  }
  let stdout = '';
  for (const t of targets) {
    const start = ctx.cluster.now();
    const current = (): KubeObject | undefined => ctx.cluster.get(t.kind, t.ns, t.name);
    const ref = objectRef(current() ?? ({ kind: t.kind, metadata: { name: t.name } } as KubeObject));
    let ok = met(current(), cond);
    // One-second steps for the first two minutes, then coarser ones: bounded work even for `--timeout=-1` (a week).
    for (let step = 0; !ok && ctx.cluster.now() - start < timeout && step < 1_000; step++) {
      const remaining = timeout - (ctx.cluster.now() - start);
      ctx.cluster.advance(Math.min(step < 120 ? 1000 : Math.max(1000, Math.ceil(remaining / 60)), remaining));
      ok = met(current(), cond);
    }
    if (ok) stdout += `${ref} condition met\n`;
    else stderr += `error: timed out waiting for the condition on ${t.resource}/${t.name}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};
