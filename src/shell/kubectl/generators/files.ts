/**
 * `-f FILE|DIR|-` as kubectl's resource builder reads it (apply, create, delete, replace): files from the current
 * location's file system, directories by their `.yaml`/`.yml`/`.json` entries (recursively with `-R`), `-` from
 * stdin; and the way `cmdutil.CheckErr` prints what went wrong (one error alone, several each on a line).
 */
import { FsError, SimError, resolvePath, type KubeObject } from '../../../sim/index.js';
import { parseManifests } from '../../manifest.js';
import type { CommandContext } from '../../types.js';
import { apiMessage, errorText } from '../errors.js';

/** An object read from a manifest, with the name kubectl shows for its source. */
export interface SourcedObject {
  obj: KubeObject;
  source: string;
}

/** One failure while visiting objects; kubectl prints them together at the end. */
export type VisitError = { type: 'text'; text: string } | { type: 'api'; error: SimError; file?: string; verb?: 'creating' | 'applying' | 'patching' | 'retrieving' | 'deleting' | 'replacing' };

function listDir(ctx: CommandContext, dir: string, shown: string, recursive: boolean, out: { path: string; shown: string }[], depth: number): void {
  if (depth > 8) return;
  for (const n of ctx.fs.readdir(dir)) {
    const p = `${dir.replace(/\/$/, '')}/${n}`;
    if (ctx.fs.isDir(p)) {
      if (recursive) listDir(ctx, p, `${shown}/${n}`, recursive, out, depth + 1);
    } else if (/\.(ya?ml|json)$/.test(n)) out.push({ path: p, shown: `${shown}/${n}` });
  }
}

/** Reads every object of the `-f` arguments. */
export function readManifestArgs(ctx: CommandContext, files: string[], recursive: boolean): { objects: SourcedObject[]; errors: VisitError[] } {
  const objects: SourcedObject[] = [];
  const errors: VisitError[] = [];
  for (const f of files) {
    const names: { path: string; shown: string }[] = [];
    if (f === '-') names.push({ path: '-', shown: 'STDIN' });
    else if (/^https?:\/\//.test(f)) {
      errors.push({ type: 'text', text: `unable to read URL "${f}": the sandbox has no internet access; save the manifest to a file (cat <<EOF > file.yaml) and use -f file.yaml` });
    } else {
      const p = resolvePath(ctx.cwd, f.replace(/^~(?=\/|$)/, ctx.env.get('HOME') ?? '/'));
      if (!ctx.fs.exists(p)) {
        errors.push({ type: 'text', text: `the path "${f}" does not exist` });
        continue;
      }
      if (ctx.fs.isDir(p)) listDir(ctx, p, f.replace(/\/$/, ''), recursive, names, 0);
      else names.push({ path: p, shown: f });
    }
    for (const { path, shown } of names) {
      let text: string;
      try {
        text = path === '-' ? ctx.stdin : ctx.fs.readFile(path);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        errors.push({ type: 'text', text: `the path "${f}" does not exist` });
        continue;
      }
      // Objects decoded before a YAML error in the same file are still visited, as kubectl's stream decoder does.
      const m = parseManifests(text, shown);
      for (const obj of m.objects) objects.push({ obj, source: shown });
      if (!m.ok) errors.push({ type: 'text', text: m.error.replace(/^error: /, '') });
    }
  }
  return { objects, errors };
}

/**
 * The RESTMapper's refusal of a kind/version the apiserver does not serve (a typo'd kind, `apps/v1` written as `v1`),
 * as kubectl prints it for `-f` files: `resource mapping not found for name: "x" namespace: "" from "f.yaml": …`.
 */
export function mappingError(obj: KubeObject, source: string): string {
  return `resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`;
}

/**
 * `cmdutil.CheckErr` over the collected errors: a lone Invalid error prints `The Kind "name" is invalid: …`, a lone
 * other error its standard message; several print one message each (Invalid ones keep their `error when …` source).
 */
export function formatVisitErrors(errors: VisitError[]): string {
  if (errors.length === 0) return '';
  if (errors.length === 1) {
    const e = errors[0]!;
    if (e.type === 'text') return e.text.startsWith('error: ') ? e.text + '\n' : `error: ${e.text}\n`;
    if (e.error.code === 'Invalid') return errorText(e.error) + '\n';
    return errorText(e.error, e.file ? { file: e.file, verb: e.verb } : {}) + '\n';
  }
  return errors
    .map((e) => {
      if (e.type === 'text') return e.text.replace(/^error: /, '');
      if (e.error.code === 'Invalid') return `Error from server (Invalid): ${e.file ? `error when ${e.verb ?? 'creating'} "${e.file}": ` : ''}${apiMessage(e.error)}`;
      return errorText(e.error, e.file ? { file: e.file, verb: e.verb } : {});
    })
    .map((l) => l + '\n')
    .join('');
}
