/**
 * `kubectl get`: tables per kind (printers/tables.ts), `-o wide|yaml|json|name|jsonpath=…|custom-columns=…`, `-l`,
 * `-n`, `-A`, `--show-labels`, `-L`, `--sort-by`, `--no-headers`, several kinds at once (rows prefixed `pod/x`, a
 * blank line between tables), by name with NotFound errors, and `-w` (prints the current state, then ends: the
 * simulated terminal cannot block). Mirrors kubectl `pkg/cmd/get/get.go`.
 */
import { SimError, qualifiedResource, type KubeEvent, type KubeObject } from '../../sim/index.js';
import { fromChunks, type CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, bool, parseFlags, str, type FlagSpec } from './flags.js';
import type { Verb } from './index.js';
import { badFormatError, objectRef, printGeneric } from './printers/output.js';
import { evaluate, relaxedPath } from './printers/jsonpath.js';
import { DEFAULT_TABLE, TABLES } from './printers/tables.js';
import { canonical } from './printers/yaml.js';
import { parseFileArgs, parseResourceArgs } from './resource-args.js';
import { parseSelector } from './selector.js';
import { tabwrite } from './table.js';
import { formatLabels } from '../../lib/labels.js';

/** Flags of `kubectl get`. */
export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'array' },
  { name: 'sort-by', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'chunk-size', type: 'string' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'server-print', type: 'bool' },
  { name: 'filename', short: 'f', type: 'array' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'subresource', type: 'string' },
];

/** The apiserver's deprecation warning for core/v1 Endpoints (Kubernetes 1.33 and later), printed by kubectl. */
export const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

const FIELDS: Record<string, (o: KubeObject) => string | undefined> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace,
  'status.phase': (o) => (o.status as { phase?: string } | undefined)?.phase,
  'spec.nodeName': (o) => (o.spec as { nodeName?: string } | undefined)?.nodeName,
  type: (o) => o.type as string | undefined,
  reason: (o) => o.reason as string | undefined,
  'involvedObject.kind': (o) => (o.involvedObject as { kind?: string } | undefined)?.kind,
  'involvedObject.name': (o) => (o.involvedObject as { name?: string } | undefined)?.name,
};

function fieldFilter(sel: string | undefined): ((o: KubeObject) => boolean) | string {
  if (!sel) return () => true;
  const terms: { key: string; neg: boolean; value: string }[] = [];
  for (const t of sel.split(',')) {
    const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(t.trim());
    if (!m) return `error: invalid selector: '${sel}'; can't understand '${t}'`;
    if (!FIELDS[m[1]!]) return `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "${sel}": field label not supported: ${m[1]}`;
    terms.push({ key: m[1]!, neg: m[2] === '!=', value: m[3]! });
  }
  return (o) => terms.every((t) => (FIELDS[t.key]!(o) === t.value) !== t.neg);
}

function sortKey(v: unknown): string | number {
  return typeof v === 'number' ? v : typeof v === 'string' ? v : JSON.stringify(v ?? '');
}

/** `kubectl get`: see the file comment above. */
/**
 * kubectl prints the apiserver's warnings as they arrive, before the table: keep that order in the result's chunks
 * (the tutor shows interleaved output in order).
 */
export function warningFirst(r: CommandResult): CommandResult {
  if (!r.stderr.startsWith(ENDPOINTS_WARNING) || r.chunks) return r;
  return fromChunks([{ fd: 2, text: ENDPOINTS_WARNING }, { fd: 1, text: r.stdout }, { fd: 2, text: r.stderr.slice(ENDPOINTS_WARNING.length) }], r.exitCode);
}

export const get: Verb = (ctx, args) => warningFirst(getObjects(ctx, args));

const getObjects: Verb = (ctx, args): CommandResult => {
  const parsed = parseFlags(args, GET_FLAGS);
  if (!parsed.ok) return usageError('get', parsed.error);
  const f = parsed.flags;
  const output = str(f, 'output') ?? '';
  const human = output === '' || output === 'wide';
  const outName = output.split('=')[0]!;
  if (!human && !['yaml', 'json', 'name', 'jsonpath', 'jsonpath-as-json', 'custom-columns', 'go-template', 'template', 'kyaml', 'jsonpath-file', 'custom-columns-file', 'go-template-file', 'templatefile'].includes(outName)) {
    return { stdout: '', stderr: badFormatError(output) + '\n', exitCode: 1 };
  }
  if (bool(f, 'show-labels') && !human) return { stdout: '', stderr: `error: --show-labels option cannot be used with ${output} printer\n`, exitCode: 1 };
  const files = arr(f, 'filename');
  if (f.positionals.length === 0 && files.length === 0) {
    return {
      stdout: '',
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
      exitCode: 1,
    };
  }
  if (files.length > 0 && f.positionals.length > 0) return { stdout: '', stderr: 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n', exitCode: 1 };
  const ra = files.length > 0 ? parseFileArgs(ctx, files) : parseResourceArgs(f.positionals);
  if (!ra.ok) return { stdout: '', stderr: ra.error + '\n', exitCode: 1 };
  const selectorText = str(f, 'selector');
  if (selectorText !== undefined && ra.byName) return { stdout: '', stderr: 'error: name cannot be provided when a selector is specified\n', exitCode: 1 };
  const selector = parseSelector(selectorText ?? '');
  if (!selector.ok) return { stdout: '', stderr: selector.error + '\n', exitCode: 1 };
  const fields = fieldFilter(str(f, 'field-selector'));
  if (typeof fields === 'string') return { stdout: '', stderr: fields + '\n', exitCode: 1 };
  const allNs = bool(f, 'all-namespaces');
  const ns = str(f, 'namespace') ?? 'default';
  if (!allNs && ra.requests.some((r) => r.info.namespaced) && !ctx.cluster.get('Namespace', undefined, ns) && !ra.byName) {
    return { stdout: '', stderr: `No resources found in ${ns} namespace.\n`, exitCode: 0 };
  }
  let stderr = ra.requests.some((r) => r.info.kind === 'Endpoints') ? ENDPOINTS_WARNING : '';
  const groups: { kind: string; namespaced: boolean; items: KubeObject[] }[] = [];
  for (const req of ra.requests) {
    const scope = req.info.namespaced && !allNs ? ns : undefined;
    let items: KubeObject[] = [];
    if (req.names.length > 0) {
      for (const name of req.names) {
        const o = ctx.cluster.get(req.info.kind, req.namespace ?? scope ?? (req.info.namespaced ? ns : undefined), name);
        if (o) items.push(o);
        else if (!bool(f, 'ignore-not-found')) stderr += errorText(SimError.notFound(qualifiedResource(req.info), name)) + '\n';
      }
    } else {
      items = ctx.cluster.list(req.info.kind, scope).filter((o) => selector.matches(o.metadata.labels) && fields(o));
      if (req.info.kind === 'Event') items.sort((a, b) => ((a as KubeEvent).lastTimestamp < (b as KubeEvent).lastTimestamp ? -1 : (a as KubeEvent).lastTimestamp > (b as KubeEvent).lastTimestamp ? 1 : 0));
    }
    const sortBy = str(f, 'sort-by');
    if (sortBy) {
      const p = relaxedPath(sortBy);
      if (!p.ok) return { stdout: '', stderr: p.error + '\n', exitCode: 1 };
      const keyed = items.map((o) => ({ o, k: sortKey(evaluate(p.steps, canonical(o))[0]) }));
      keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
      items = keyed.map((x) => x.o);
    }
    if (items.length) groups.push({ kind: req.info.kind, namespaced: req.info.namespaced, items });
  }
  const all = groups.flatMap((g) => g.items);
  const exit = stderr.replace(ENDPOINTS_WARNING, '') ? 1 : 0;
  if (!human) {
    if (outName === 'name' || all.length > 0 || !ra.byName) {
      const single = ra.byName && ra.requests.length === 1 && ra.requests[0]!.names.length === 1;
      if (single && all.length === 0) return { stdout: '', stderr, exitCode: exit };
      const r = printGeneric(output, all, single, bool(f, 'no-headers'));
      if (!r.ok) return { stdout: '', stderr: stderr + r.error + '\n', exitCode: 1 };
      return { stdout: r.text, stderr, exitCode: exit };
    }
    return { stdout: '', stderr, exitCode: exit };
  }
  const withKind = bool(f, 'show-kind') || new Set(all.map((o) => o.kind)).size > 1;
  const wide = output === 'wide';
  const now = ctx.cluster.now();
  const labelCols = arr(f, 'label-columns').flatMap((l) => l.split(',')).filter(Boolean);
  const blocks: string[] = [];
  for (const g of groups) {
    const table = TABLES[g.kind] ?? DEFAULT_TABLE;
    const withNs = allNs && g.namespaced;
    const lines: string[] = [];
    if (!bool(f, 'no-headers')) {
      const header = [...(withNs ? ['NAMESPACE'] : []), ...(wide ? (table.wideHeader ?? [...table.columns, ...table.wide]) : table.columns), ...labelCols.map((l) => l.split('/').pop()!.toUpperCase()), ...(bool(f, 'show-labels') ? ['LABELS'] : [])];
      lines.push(header.join('\t'));
    }
    for (const o of g.items) {
      const cells = table.row(o, { now, wide });
      if (withKind) cells[0] = g.kind === 'Event' ? cells[0]! : `${objectRef(o).split('/')[0]}/${cells[0]}`;
      const row = [...(withNs ? [o.metadata.namespace ?? ''] : []), ...cells, ...labelCols.map((l) => o.metadata.labels?.[l] ?? ''), ...(bool(f, 'show-labels') ? [formatLabels(o.metadata.labels)] : [])];
      lines.push(row.join('\t'));
    }
    blocks.push(tabwrite(lines.join('\n') + '\n', 3));
  }
  const stdout = blocks.join(bool(f, 'no-headers') ? '' : '\n');
  if (all.length === 0 && !exit && !bool(f, 'ignore-not-found')) {
    const namespacedOnly = !allNs && ra.requests.every((r) => r.info.namespaced);
    stderr += namespacedOnly ? `No resources found in ${ns} namespace.\n` : 'No resources found\n';
  }
  return { stdout, stderr, exitCode: exit };
};
