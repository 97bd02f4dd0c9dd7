/**
 * `TYPE[,TYPE…] [NAME…]` and `TYPE/NAME…` arguments as kubectl's resource builder reads them, with `all`
 * expanded to its category (pods, replicationcontrollers, services, daemonsets, deployments, replicasets,
 * statefulsets, jobs) and kubectl's own error wording.
 */
import { resolvePath, resolveResource, resourceForKind, type ResourceInfo } from '../../sim/index.js';
import { parseManifests } from '../manifest.js';
import type { CommandContext } from '../types.js';

/** One resource type and the names asked for (empty: every object). */
export interface ResourceRequest {
  info: ResourceInfo;
  names: string[];
  /** The namespace a manifest named (`-f`), overriding `-n`. */
  namespace?: string;
}

export type ResourceArgs = { ok: true; requests: ResourceRequest[]; byName: boolean } | { ok: false; error: string };

const ALL = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'jobs'];

function lookup(type: string): ResourceInfo[] | string {
  if (type === 'all') return ALL.map((t) => resolveResource(t)!);
  const r = resolveResource(type);
  return r ? [r] : `error: the server doesn't have a resource type "${type}"`;
}

/** Reads the positional arguments of get/describe/delete. */
export function parseResourceArgs(args: string[]): ResourceArgs {
  if (args.length === 0) return { ok: true, requests: [], byName: false };
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      return {
        ok: false,
        error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
      };
    }
    const requests: ResourceRequest[] = [];
    for (const a of args) {
      const [type, name] = [a.slice(0, a.indexOf('/')), a.slice(a.indexOf('/') + 1)];
      if (!type || !name) return { ok: false, error: `error: arguments in resource/name form must have a single resource and name` };
      const infos = lookup(type);
      if (typeof infos === 'string') return { ok: false, error: infos };
      const info = infos[0]!;
      const last = requests[requests.length - 1];
      if (last && last.info === info) last.names.push(name);
      else requests.push({ info, names: [name] });
    }
    return { ok: true, requests, byName: true };
  }
  const [types, ...names] = args;
  const requests: ResourceRequest[] = [];
  for (const t of types!.split(',').filter(Boolean)) {
    const infos = lookup(t);
    if (typeof infos === 'string') return { ok: false, error: infos };
    for (const info of infos) if (!requests.some((r) => r.info === info)) requests.push({ info, names: [...names] });
  }
  return { ok: true, requests, byName: names.length > 0 };
}

/** `-f FILE|DIR|-`: the objects the manifests name, as requests by name (kubectl's FilenameParam). */
export function parseFileArgs(ctx: CommandContext, files: string[]): ResourceArgs {
  const requests: ResourceRequest[] = [];
  for (const f of files) {
    const texts: { text: string; shown: string }[] = [];
    if (f === '-') texts.push({ text: ctx.stdin, shown: 'STDIN' });
    else {
      const p = resolvePath(ctx.cwd, f.replace(/^~(?=\/|$)/, ctx.env.get('HOME') ?? '/'));
      if (!ctx.fs.exists(p)) return { ok: false, error: `error: the path "${f}" does not exist` };
      if (ctx.fs.isDir(p)) {
        for (const n of ctx.fs.readdir(p)) if (/\.(ya?ml|json)$/.test(n)) texts.push({ text: ctx.fs.readFile(`${p}/${n}`), shown: `${f.replace(/\/$/, '')}/${n}` });
      } else texts.push({ text: ctx.fs.readFile(p), shown: f });
    }
    for (const { text, shown } of texts) {
      const m = parseManifests(text, shown);
      if (!m.ok) return { ok: false, error: m.error };
      for (const o of m.objects) {
        const info = resourceForKind(String(o.kind));
        if (!info) return { ok: false, error: `error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${o.metadata?.namespace ?? ''}" from "${shown}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first` };
        const namespace = info.namespaced ? o.metadata?.namespace : undefined;
        const last = requests[requests.length - 1];
        if (last && last.info === info && last.namespace === namespace) last.names.push(o.metadata.name);
        else requests.push({ info, names: [o.metadata.name], ...(namespace ? { namespace } : {}) });
      }
    }
  }
  return { ok: true, requests, byName: true };
}
