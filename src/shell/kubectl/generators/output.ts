/**
 * `--dry-run` and `-o` for the verbs that write (create, run, expose, apply, scale, label, …), as kubectl's
 * `cmdutil.GetDryRunStrategy` and `genericclioptions.PrintFlags` handle them: `-o yaml|json|name`, otherwise the
 * `kind.group/name <operation>` line (`deployment.apps/web created (dry run)`).
 */
import { qualifiedSingular, resourceForKind, type KubeObject } from '../../../sim/index.js';
import { str, type FlagSpec, type ParsedFlags } from '../flags.js';
import { toJson } from './json.js';
import { toYaml } from './yaml.js';

export type DryRun = 'none' | 'client' | 'server';

/** Flag specs every writing verb shares. */
export const DRY_RUN_FLAG = { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' } as const;
export const OUTPUT_FLAG = { name: 'output', short: 'o', type: 'string' } as const;

/** The printing and kustomize flags kubectl's writing verbs accept (accepted; the sandbox has no templates or kustomize). */
export const PRINT_FLAGS: FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

/** The flags every `kubectl set …` subcommand shares: which objects (`-f`, `-R`), and how the result is written and printed. */
export const SET_COMMON_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'array' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  ...PRINT_FLAGS,
];

/** Reads `--dry-run`; an invalid value returns kubectl's error line. Deprecated forms warn on stderr. */
export function dryRunOf(f: ParsedFlags): { ok: true; value: DryRun; warning: string } | { ok: false; error: string } {
  const v = str(f, 'dry-run');
  if (v === undefined || v === 'none' || v === 'false') return { ok: true, value: 'none', warning: v === 'false' ? '--dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.\n' : '' };
  if (v === 'client') return { ok: true, value: 'client', warning: '' };
  if (v === 'server') return { ok: true, value: 'server', warning: '' };
  if (v === 'unchanged') return { ok: true, value: 'client', warning: '--dry-run is deprecated and can be replaced with --dry-run=client.\n' };
  if (v === 'true') return { ok: true, value: 'client', warning: '--dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n' };
  return { ok: false, error: `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".` };
}

const FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Checks `-o` before anything happens; undefined when fine. */
export function outputError(f: ParsedFlags): string | undefined {
  const o = str(f, 'output');
  if (o === undefined || o === '' || o === 'yaml' || o === 'json' || o === 'name') return undefined;
  return `error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${FORMATS}`;
}

/** `deployment.apps/web`, as `-o name` and the operation lines print an object. */
export function objectRef(obj: KubeObject): string {
  const info = resourceForKind(obj.kind);
  // A kind the simulator does not serve (CronJob) is still named from its apiVersion's group: `cronjob.batch/x`.
  const group = String(obj.apiVersion ?? '').includes('/') ? `.${String(obj.apiVersion).split('/')[0]}` : '';
  return `${info ? qualifiedSingular(info) : obj.kind.toLowerCase() + group}/${obj.metadata.name}`;
}

/** Prints one object as `-o` asks, or `ref operation` (with ` (dry run)` / ` (server dry run)`). */
export function printObject(obj: KubeObject, f: ParsedFlags, operation: string, dryRun: DryRun): string {
  const o = str(f, 'output');
  if (o === 'yaml') return toYaml(obj);
  if (o === 'json') return toJson(obj);
  if (o === 'name') return objectRef(obj) + '\n';
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${objectRef(obj)} ${operation}${suffix}\n`;
}

/** The object to send to the simulated apiserver: drops what the typed Go struct adds (`creationTimestamp: null`, empty status). */
export function forServer(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj);
  const strip = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) return o.forEach(strip);
    const rec = o as Record<string, unknown>;
    for (const [k, v] of Object.entries(rec)) {
      if (k === 'creationTimestamp' && v === null) delete rec[k];
      else strip(v);
    }
  };
  strip(copy);
  delete copy.status;
  return copy;
}
