/**
 * `kubectl patch (TYPE NAME | TYPE/NAME | -f FILE) -p PATCH [--type=strategic|merge|json] [--patch-file F]`: updates
 * fields of a live object with a strategic merge patch (default), a JSON merge patch or a JSON patch, printing
 * `deployment.apps/web patched` or `deployment.apps/web patched (no change)` (kubectl `pkg/cmd/patch/patch.go`).
 * The patch may be JSON or YAML; `--local -f FILE` patches the file's objects without the apiserver. https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
import { parse as parseYaml } from 'yaml';
import { FsError, SimError, deepEqual, resolvePath, type KubeObject } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, PRINT_FLAGS, dryRunOf, printObject } from './generators/output.js';
import { JsonPatchError, jsonPatch, mergePatch, strategicMerge } from './generators/patch-ops.js';
import { readManifestArgs } from './generators/files.js';
import { NO_RESOURCES_ERROR, resolveObjects } from './generators/targets.js';
import { checkWriteFlags } from './generators/write.js';
import type { Verb } from './index.js';

type PatchType = 'strategic' | 'merge' | 'json';
const fail = (stderr: string): CommandResult => ({ stdout: '', stderr: stderr + '\n', exitCode: 1 });

/** The patch text as a JSON value (kubectl converts YAML to JSON first), or kubectl's error line. */
function decodePatch(text: string, shown: string): unknown | { error: string } {
  const t = text.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return { error: 'error: invalid JSON document' };
    }
  }
  try {
    return parseYaml(text) as unknown;
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    const line = /at line (\d+)/.exec(first)?.[1] ?? '1';
    return { error: `error: unable to parse ${JSON.stringify(shown)}: yaml: line ${line}: did not find expected node content` };
  }
}

const isError = (v: unknown): v is { error: string } => v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { error?: unknown }).error === 'string' && Object.keys(v).length === 1;

/** Applies one patch to a live object; a string is the apiserver's error text. */
function applyPatch(obj: KubeObject, patch: unknown, type: PatchType): KubeObject | string {
  let out: unknown;
  if (type === 'json') {
    if (!Array.isArray(patch)) return `Error from server (BadRequest): json: cannot unmarshal ${patch === null ? 'null' : typeof patch === 'object' ? 'object' : typeof patch} into Go value of type jsonpatch.Patch`;
    const r = jsonPatch(obj, patch);
    if (r instanceof JsonPatchError) return 'The request is invalid: the server rejected our request due to an error in our request';
    out = r;
  } else {
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return `Error from server (BadRequest): json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`;
    out = type === 'merge' ? mergePatch(obj, patch) : strategicMerge(obj, patch, [], obj.kind);
  }
  const next = out as KubeObject;
  // The apiserver keeps identity: a patch cannot rename or move an object.
  next.metadata = { ...next.metadata, name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, creationTimestamp: obj.metadata.creationTimestamp };
  next.kind = obj.kind;
  next.apiVersion = obj.apiVersion;
  return next;
}

function readPatchFile(ctx: CommandContext, file: string): string | { error: string } {
  try {
    return ctx.fs.readFile(resolvePath(ctx.cwd, file));
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    return { error: `error: unable to read patch file: open ${file}: no such file or directory` };
  }
}

/** `--local`: the objects of the `-f` files themselves, patched without asking the apiserver. */
function localObjects(ctx: CommandContext, files: string[], recursive: boolean): { objects: KubeObject[]; errors: string[] } | string {
  if (files.length === 0) return NO_RESOURCES_ERROR.replace(/\n$/, '');
  const r = readManifestArgs(ctx, files, recursive);
  return { objects: r.objects.map((o) => o.obj), errors: r.errors.map((e) => (e.type === 'text' ? `error: ${e.text}` : errorText(e.error))) };
}

export const patch: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'field-manager', type: 'string' },
    { name: 'record', type: 'bool' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    ...PRINT_FLAGS,
  ]);
  if (!parsed.ok) return usageError('patch', parsed.error);
  const f = parsed.flags;
  const text = str(f, 'patch');
  const file = str(f, 'patch-file');
  if (text && file) return fail('error: cannot specify --patch and --patch-file together');
  if (!text && !file) return fail('error: must specify --patch or --patch-file containing the contents of the patch');
  const typeText = str(f, 'type') ?? 'strategic';
  if (!['json', 'merge', 'strategic'].includes(typeText.toLowerCase())) return fail(`error: --type must be one of [json merge strategic], not ${JSON.stringify(typeText)}`);
  const sub = str(f, 'subresource');
  const local = bool(f, 'local');
  // kubectl 1.32 sends any --subresource; the apiserver has no other patchable subresource of these kinds.
  if (!local && sub !== undefined && sub !== '' && sub !== 'status' && sub !== 'scale') return fail('Error from server (NotFound): the server could not find the requested resource');
  if (local && f.positionals.length) return fail('error: cannot specify --local and server resources');
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const source = file ? readPatchFile(ctx, file) : text!;
  if (typeof source !== 'string') return fail(source.error);
  // kubectl quotes the -p text in a parse error (empty when the patch came from --patch-file).
  const body = decodePatch(source, text ?? '');
  if (isError(body)) return fail(body.error);
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  const found = local ? localObjects(ctx, arr(f, 'filename'), bool(f, 'recursive')) : resolveObjects(ctx, f.positionals, { files: arr(f, 'filename'), recursive: bool(f, 'recursive'), namespace: str(f, 'namespace') });
  if (typeof found === 'string') return fail(found);
  let stdout = '';
  const errors = [...found.errors];
  for (const obj of found.objects) {
    const next = applyPatch(structuredClone(obj), body, typeText.toLowerCase() as PatchType);
    if (typeof next === 'string') {
      errors.push(next);
      continue;
    }
    if (deepEqual(next, obj)) {
      stdout += printObject(obj, f, 'patched (no change)', dryRun);
      continue;
    }
    try {
      const stored = dryRun === 'none' && !local ? ctx.cluster.update(next) : next;
      stdout += printObject(stored, f, 'patched', dryRun);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      errors.push(errorText(e));
    }
  }
  return { stdout, stderr: (dry.ok ? dry.warning : '') + errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
};
