/**
 * The objects a writing verb acts on, as kubectl's resource builder finds them: `TYPE NAME [NAME…]`, `TYPE/NAME…`,
 * `TYPE -l SELECTOR`, `TYPE --all` (`all` meaning pods, services, deployments, replicasets, …), with kubectl's errors
 * (`error: the server doesn't have a resource type "x"`, `Error from server (NotFound): pods "x" not found`).
 */
import { SimError, qualifiedResource, resolveResource, resourceForVersionKind, type Cluster, type KubeObject, type ResourceInfo } from '../../../sim/index.js';
import type { CommandContext } from '../../types.js';
import { errorText } from '../errors.js';
import { parseSelector } from '../selector.js';
import { mappingError, readManifestArgs } from './files.js';

const ALL = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'jobs'];

/** What the positional arguments asked for. */
export interface TargetSpec {
  /** Resource types, in the order given. */
  types: ResourceInfo[];
  /** Explicit `[type, name]` pairs (empty when selecting by label or --all). */
  named: { info: ResourceInfo; name: string }[];
}

/** Parses `TYPE NAME…` / `TYPE/NAME…`; returns kubectl's error line on failure. */
export function parseTargets(args: string[]): TargetSpec | string {
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length) {
    if (slashed.length !== args.length) {
      return "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";
    }
    const named: TargetSpec['named'] = [];
    for (const a of args) {
      const type = a.slice(0, a.indexOf('/'));
      const name = a.slice(a.indexOf('/') + 1);
      if (!type || !name) return 'error: arguments in resource/name form must have a single resource and name';
      const info = resolveResource(type);
      if (!info) return `error: the server doesn't have a resource type "${type}"`;
      named.push({ info, name });
    }
    return { types: [...new Set(named.map((n) => n.info))], named };
  }
  const [typeList, ...names] = args;
  const types: ResourceInfo[] = [];
  for (const t of (typeList ?? '').split(',').filter(Boolean)) {
    const infos = t === 'all' ? ALL.map((x) => resolveResource(x)!) : [resolveResource(t)];
    if (!infos[0]) return `error: the server doesn't have a resource type "${t}"`;
    for (const i of infos) if (i && !types.includes(i)) types.push(i);
  }
  return { types, named: types.flatMap((info) => names.map((name) => ({ info, name }))) };
}

/** One object found, or the error its lookup gave. */
export type Found = { type: 'object'; obj: KubeObject } | { type: 'error'; text: string };

/**
 * Looks the targets up: named objects one by one (NotFound errors in order), otherwise every object of the types
 * that matches `selector` (`all` when `all` is set).
 */
export function findTargets(c: Cluster, spec: TargetSpec, namespace: string | undefined, opts: { selector?: string; all?: boolean; allNamespaces?: boolean }): Found[] | string {
  if (spec.named.length) {
    return spec.named.map(({ info, name }): Found => {
      const obj = c.get(info.kind, info.namespaced ? (namespace ?? 'default') : undefined, name);
      return obj ? { type: 'object', obj } : { type: 'error', text: errorText(SimError.notFound(qualifiedResource(info), name)) };
    });
  }
  let matches: (l: Record<string, string> | undefined) => boolean = () => true;
  if (opts.selector !== undefined) {
    const sel = parseSelector(opts.selector);
    if (!sel.ok) return sel.error;
    matches = sel.matches;
  }
  const out: Found[] = [];
  for (const info of spec.types) {
    const ns = info.namespaced ? (opts.allNamespaces ? undefined : (namespace ?? 'default')) : undefined;
    for (const obj of c.list(info.kind, ns)) if (matches(obj.metadata.labels)) out.push({ type: 'object', obj });
  }
  return out;
}

/** kubectl's message when neither arguments nor `-f` name anything. */
export const NO_RESOURCES_ERROR =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";

/**
 * The objects `scale`, `label`, `annotate`, `set image` and `rollout` act on: from `-f` files (looked up in the
 * cluster) or from `TYPE NAME` arguments, `-l` or `--all`. Lookup errors are returned alongside what was found.
 */
export function resolveObjects(
  ctx: CommandContext,
  positionals: string[],
  o: { files: string[]; recursive: boolean; namespace?: string; selector?: string; all?: boolean; allNamespaces?: boolean },
): { objects: KubeObject[]; errors: string[] } | string {
  const errors: string[] = [];
  const objects: KubeObject[] = [];
  if (o.files.length) {
    const r = readManifestArgs(ctx, o.files, o.recursive);
    for (const e of r.errors) errors.push(e.type === 'text' ? `error: ${e.text}` : errorText(e.error));
    for (const { obj, source } of r.objects) {
      const info = resourceForVersionKind(String(obj.apiVersion), String(obj.kind));
      if (!info) {
        errors.push(`error: ${mappingError(obj, source)}`);
        continue;
      }
      const name = obj.metadata?.name ?? '';
      const found = info ? ctx.cluster.get(info.kind, info.namespaced ? (obj.metadata?.namespace ?? o.namespace ?? 'default') : undefined, name) : undefined;
      if (found) objects.push(found);
      else if (info) errors.push(errorText(SimError.notFound(qualifiedResource(info), name)));
    }
    return { objects, errors };
  }
  if (positionals.length === 0) return NO_RESOURCES_ERROR.replace(/\n$/, '');
  const spec = parseTargets(positionals);
  if (typeof spec === 'string') return spec;
  if (spec.named.length === 0 && !o.all && o.selector === undefined) return 'error: resource(s) were provided, but no name was specified';
  const found = findTargets(ctx.cluster, spec, o.namespace, { selector: o.selector, all: o.all, allNamespaces: o.allNamespaces });
  if (typeof found === 'string') return found;
  for (const x of found) {
    if (x.type === 'object') objects.push(x.obj);
    else errors.push(x.text);
  }
  return { objects, errors };
}
