/**
 * `kubectl api-resources [-o wide|name] [--namespaced=BOOL] [--api-group=G] [--no-headers] [--sort-by=name|kind]`:
 * the resources the simulated apiserver serves, sorted by group then name as kubectl sorts them.
 */
import { RESOURCES, apiVersionOf, qualifiedResource, type ResourceInfo } from '../../sim/index.js';
import type { CommandResult } from '../types.js';
import { usageError } from './errors.js';
import { bool, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';
import { tabwrite } from './table.js';

const ALL_CATEGORY = new Set(['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'jobs']);

function verbs(r: ResourceInfo): string {
  if (r.plural === 'namespaces') return '[create delete get list patch update watch]';
  return '[create delete deletecollection get list patch update watch]';
}

/** `kubectl api-resources`: see the file comment above. */
export const apiResources: Verb = (_ctx, args): CommandResult => {
  const parsed = parseFlags(args, [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'namespaced', type: 'string' },
    { name: 'api-group', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'verbs', type: 'array' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'array' },
  ]);
  if (!parsed.ok) return usageError('api-resources', parsed.error);
  const f = parsed.flags;
  const output = str(f, 'output') ?? '';
  if (!['', 'wide', 'name'].includes(output)) return { stdout: '', stderr: `error: --output ${output} is not available\n`, exitCode: 1 };
  const sortBy = str(f, 'sort-by') ?? '';
  if (!['', 'name', 'kind'].includes(sortBy)) return { stdout: '', stderr: 'error: --sort-by accepts only name or kind\n', exitCode: 1 };
  const namespaced = str(f, 'namespaced');
  const group = str(f, 'api-group');
  const list = RESOURCES.filter((r) => (namespaced === undefined || String(r.namespaced) === namespaced) && (group === undefined || r.group === group));
  const key = (r: ResourceInfo): string => (sortBy === 'name' ? r.plural : sortBy === 'kind' ? r.kind : r.group);
  const sorted = [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  if (output === 'name') return { stdout: sorted.map((r) => qualifiedResource(r) + '\n').join(''), stderr: '', exitCode: 0 };
  const wide = output === 'wide';
  const lines: string[] = [];
  if (!bool(f, 'no-headers')) lines.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
  for (const r of sorted) {
    lines.push([r.plural, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind, ...(wide ? [verbs(r), ALL_CATEGORY.has(r.plural) ? 'all' : ''] : [])].join('\t'));
  }
  return { stdout: tabwrite(lines.join('\n') + '\n', 3), stderr: '', exitCode: 0 };
};
