/**
 * The shared engine of `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes, `--overwrite`
 * allows changing an existing value, `--list` prints them; messages and errors as kubectl `pkg/cmd/label/label.go`
 * and `pkg/cmd/annotate/annotate.go` word them.
 */
import { SimError, type KubeObject } from '../../../sim/index.js';
import type { CommandContext, CommandResult } from '../../types.js';
import { errorText, usageError } from '../errors.js';
import { arr, bool, parseFlags, str } from '../flags.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, PRINT_FLAGS, dryRunOf, printObject } from './output.js';
import { resolveObjects } from './targets.js';
import { checkWriteFlags } from './write.js';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Splits arguments into resources and `k=v` / `k-` pairs (`cmdutil.GetResourcesAndPairs`). */
function splitPairs(args: string[], what: string): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = [];
  const pairs: string[] = [];
  let inPairs = false;
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) {
      inPairs = true;
      pairs.push(s);
    } else {
      if (inPairs) return `error: all resources must be specified before ${what} changes: ${s}`;
      resources.push(s);
    }
  }
  return { resources, pairs };
}

/** Runs `kubectl label` (`field` labels) or `kubectl annotate` (`field` annotations). */
export function editMetadata(ctx: CommandContext, args: string[], field: 'labels' | 'annotations'): CommandResult {
  const verb = field === 'labels' ? 'label' : 'annotate';
  const parsed = parseFlags(args, [
    { name: 'overwrite', type: 'bool' },
    { name: 'list', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'resource-version', type: 'string' },
    { name: 'field-manager', type: 'string' },
    { name: 'record', type: 'bool' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    ...PRINT_FLAGS,
  ]);
  if (!parsed.ok) return usageError(verb, parsed.error);
  const f = parsed.flags;
  const split = splitPairs(f.positionals, field === 'labels' ? 'label' : 'annotation');
  if (typeof split === 'string') return { stdout: '', stderr: split + '\n', exitCode: 1 };
  const list = bool(f, 'list');
  if (list && str(f, 'output') !== undefined) return { stdout: '', stderr: 'error: --list and --output may not be specified together\n', exitCode: 1 };
  if (bool(f, 'all') && str(f, 'selector') !== undefined) return { stdout: '', stderr: 'error: cannot set --all and --selector at the same time\n', exitCode: 1 };
  if (split.pairs.length === 0 && !list) return { stdout: '', stderr: `error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required\n`, exitCode: 1 };
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of split.pairs) {
    if (p.includes('=')) {
      const parts = p.split('=');
      if (field === 'labels' && parts.length !== 2) return { stdout: '', stderr: `error: invalid label spec: ${p}\n`, exitCode: 1 };
      const [k, ...rest] = parts;
      const v = rest.join('=');
      if (field === 'labels' && (!LABEL_VALUE.test(v) || v.length > 63)) {
        return { stdout: '', stderr: `error: invalid label value: "${p}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`, exitCode: 1 };
      }
      set[k!] = v;
    } else remove.push(p.slice(0, -1));
  }
  if (remove.some((r) => r in set)) return { stdout: '', stderr: `error: can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command\n`, exitCode: 1 };
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  const found = resolveObjects(ctx, split.resources, { files: arr(f, 'filename'), recursive: bool(f, 'recursive'), namespace: str(f, 'namespace'), selector: str(f, 'selector'), all: bool(f, 'all'), allNamespaces: bool(f, 'all-namespaces') });
  if (typeof found === 'string') {
    const msg = found.startsWith("error: You must provide") ? `error: one or more resources must be specified as <resource> <name> or <resource>/<name>` : found;
    return { stdout: '', stderr: msg + '\n', exitCode: 1 };
  }
  let stdout = '';
  const errors = [...found.errors];
  const overwrite = bool(f, 'overwrite');
  for (const obj of found.objects) {
    const current = obj.metadata[field] ?? {};
    if (list) {
      stdout += Object.entries(current).map(([k, v]) => `${found.objects.length > 1 ? ' ' : ''}${k}=${v}\n`).join('');
      continue;
    }
    if (!overwrite) {
      const conflicts = Object.entries(set).filter(([k, v]) => k in current && current[k] !== v);
      if (conflicts.length) {
        errors.push(
          field === 'labels'
            ? conflicts.map(([k]) => `error: '${k}' already has a value (${current[k]}), and --overwrite is false`).join('\n')
            : `error: --overwrite is false but found the following declared annotation(s): ${conflicts.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')}`,
        );
        continue;
      }
    }
    const next: KubeObject = structuredClone(obj);
    const map = { ...current, ...set };
    for (const r of remove) {
      if (!(r in map) && field === 'labels' && dryRun === 'none') stdout += `label "${r}" not found.\n`;
      delete map[r];
    }
    if (Object.keys(map).length) next.metadata[field] = map;
    else delete next.metadata[field];
    const changed = JSON.stringify(current) !== JSON.stringify(next.metadata[field] ?? {});
    let message = field === 'labels' ? 'labeled' : 'annotated';
    if (field === 'labels' && !changed) message = 'not labeled';
    else if (field === 'labels' && !overwrite && Object.keys(next.metadata.labels ?? {}).length < Object.keys(current).length) message = 'unlabeled';
    try {
      if (dryRun === 'none' && changed) ctx.cluster.update(next);
      stdout += printObject(next, f, message, dryRun);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      errors.push(errorText(e));
    }
  }
  return { stdout, stderr: (dry.ok ? dry.warning : '') + errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}
