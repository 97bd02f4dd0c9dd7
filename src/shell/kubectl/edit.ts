/**
 * `kubectl edit (TYPE NAME | TYPE/NAME)`: writes the object's YAML (with kubectl's comment header) to
 * `/tmp/kubectl-edit-N.yaml`, asks the UI to open the learner's editor on it, and, once the UI has saved the file,
 * the UI runs the request's `onSave` line (`kubectl edit --edited-file=/tmp/kubectl-edit-N.yaml`), which replaces the
 * object and prints `deployment.apps/web edited` (or `Edit cancelled, no changes made.`). Without a UI (scripts,
 * tests) it says it is interactive and exits 1.
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_edit/
 */
import { FsError, SimError, resolveResource } from '../../sim/index.js';
import { parseManifests } from '../manifest.js';
import type { CommandContext, CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { PRINT_FLAGS, objectRef } from './generators/output.js';
import { replaceStored, sameDesiredState } from './generators/replace-object.js';
import { resolveObjects } from './generators/targets.js';
import { toYaml } from './generators/yaml.js';
import type { Verb } from './index.js';

/** The comment kubectl puts above the object in the editor. */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

const CANCELLED = { stdout: 'Edit cancelled, no changes made.\n', stderr: '', exitCode: 0 };

function tempPath(ctx: CommandContext): string {
  if (!ctx.fs.exists('/tmp')) ctx.fs.mkdir('/tmp', { parents: true });
  const used = new Set(ctx.fs.readdir('/tmp'));
  let n = 1;
  for (; n < 10_000 && used.has(`kubectl-edit-${n}.yaml`); n++);
  return `/tmp/kubectl-edit-${n}.yaml`;
}

/** The save step: reads the edited file and replaces the object it describes. */
function finishEdit(ctx: CommandContext, path: string, ns: string | undefined): CommandResult {
  let text: string;
  try {
    text = ctx.fs.readFile(path);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    return { stdout: '', stderr: `error: the path "${path}" does not exist\n`, exitCode: 1 };
  }
  const body = text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  if (!body.trim()) return CANCELLED;
  const m = parseManifests(body, path);
  if (!m.ok) return { stdout: '', stderr: `${m.error}\nA copy of your changes has been stored to "${path}"\nerror: Edit cancelled, no valid changes were saved.\n`, exitCode: 1 };
  let out = '';
  for (const obj of m.objects) {
    const info = resolveResource(String(obj.kind));
    const existing = info ? ctx.cluster.get(info.kind, info.namespaced ? (obj.metadata?.namespace ?? ns ?? 'default') : undefined, obj.metadata?.name ?? '') : undefined;
    if (!info || !existing) return { stdout: out, stderr: `error: the object in "${path}" no longer exists\n`, exitCode: 1 };
    if (sameDesiredState(existing, obj)) continue;
    try {
      replaceStored(ctx, existing, obj);
      out += `${objectRef(existing)} edited\n`;
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      return { stdout: out, stderr: `${errorText(e)}\nA copy of your changes has been stored to "${path}"\nerror: Edit cancelled, no valid changes were saved.\n`, exitCode: 1 };
    }
  }
  return out ? { stdout: out, stderr: '', exitCode: 0 } : CANCELLED;
}

export const edit: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'output-patch', type: 'bool' },
    { name: 'windows-line-endings', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string', noOptDefVal: 'true' },
    { name: 'field-manager', type: 'string' },
    { name: 'subresource', type: 'string' },
    { name: 'edited-file', type: 'string' },
    ...PRINT_FLAGS,
  ]);
  if (!parsed.ok) return usageError('edit', parsed.error);
  const f = parsed.flags;
  const ns = str(f, 'namespace');
  const saved = str(f, 'edited-file');
  if (saved !== undefined) return finishEdit(ctx, saved, ns);
  // `kubectl edit pods` (a type alone) edits every object of the type, as one List.
  const typeOnly = f.positionals.length === 1 && !f.positionals[0]!.includes('/');
  const found = resolveObjects(ctx, f.positionals, { files: arr(f, 'filename'), recursive: bool(f, 'recursive'), namespace: ns, all: typeOnly });
  if (typeof found === 'string') return { stdout: '', stderr: found + '\n', exitCode: 1 };
  if (found.errors.length) return { stdout: '', stderr: found.errors.map((e) => e + '\n').join(''), exitCode: 1 };
  if (!ctx.session.canEdit?.()) {
    return { stdout: '', stderr: 'error: kubectl edit needs an interactive editor, which is not available here; use kubectl apply -f, kubectl patch or kubectl set instead\n', exitCode: 1 };
  }
  const objects = found.objects;
  if (objects.length === 0) return { stdout: '', stderr: `No resources found in ${ns ?? 'default'} namespace.\n`, exitCode: 0 };
  const content = EDIT_HEADER + (objects.length === 1 ? toYaml(objects[0]) : toYaml({ apiVersion: 'v1', items: objects, kind: 'List', metadata: {} }));
  const path = tempPath(ctx);
  ctx.fs.writeFile(path, content);
  ctx.session.request({ type: 'edit', path, content, onSave: `kubectl edit --edited-file=${path}${ns ? ` -n ${ns}` : ''}` });
  return { stdout: '', stderr: '', exitCode: 0 };
};
