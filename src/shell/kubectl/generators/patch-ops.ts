/**
 * The three patch types `kubectl patch --type` sends and the apiserver applies:
 * - strategic merge patch (the default): maps merge, `null` deletes a key, lists with a patch merge key merge by it
 *   (containers/env/volumes by `name`, container ports by `containerPort`, Service ports by `port`, volumeMounts by
 *   `mountPath`), `$patch: delete` removes a list element, other lists are replaced;
 * - JSON merge patch (RFC 7386, `--type=merge`): maps merge, `null` deletes, every list is replaced;
 * - JSON patch (RFC 6902, `--type=json`): `add`, `remove`, `replace`, `move`, `copy`, `test`, with the error texts of
 *   the evanphx/json-patch library the apiserver uses.
 * https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */

type Json = unknown;
type Rec = Record<string, Json>;

const isRec = (v: Json): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isRec(patch)) return structuredClone(patch);
  const out: Rec = isRec(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === '__proto__') continue;
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** The patch merge key of a list field at `path` (dot-separated field names), as the Go types declare it. */
function mergeKeyFor(path: string[], kind: string): string | undefined {
  const field = path[path.length - 1] ?? '';
  if (['containers', 'initContainers', 'ephemeralContainers', 'env', 'volumes', 'imagePullSecrets'].includes(field)) return 'name';
  if (field === 'volumeMounts' || field === 'volumeDevices') return field === 'volumeMounts' ? 'mountPath' : 'devicePath';
  if (field === 'hostAliases') return 'ip';
  if (field === 'ports') {
    const parent = path[path.length - 2] ?? '';
    if (['containers', 'initContainers', 'ephemeralContainers'].includes(parent)) return 'containerPort';
    if (kind === 'Service' && path.length === 2 && path[0] === 'spec') return 'port';
  }
  return undefined;
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.filter((x) => !(isRec(x) && x.$patch === 'delete')).map(stripDirectives);
  if (!isRec(v)) return v;
  const out: Rec = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$') && k !== '__proto__' && x !== null) out[k] = stripDirectives(x);
  return out;
}

function mergeStrategicList(live: Json, patch: Json[], path: string[], kind: string): Json[] {
  const key = mergeKeyFor(path, kind);
  if (!key || !Array.isArray(live)) return patch.map(stripDirectives) as Json[];
  const out: Json[] = [...live];
  for (const el of patch) {
    if (!isRec(el)) continue;
    const k = el[key];
    const at = out.findIndex((x) => isRec(x) && x[key] === k);
    if (el.$patch === 'delete') {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at >= 0) out[at] = strategicMerge(out[at], el, path, kind);
    else out.push(stripDirectives(el));
  }
  return out;
}

/** Strategic merge patch of `patch` into `live` (`path`: the field names leading here; `kind`: the object's kind). */
export function strategicMerge(live: Json, patch: Json, path: string[] = [], kind = ''): Json {
  if (!isRec(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') return stripDirectives(patch);
  const out: Rec = isRec(live) ? { ...live } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$') || k === '__proto__') continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeStrategicList(out[k], v, [...path, k], kind);
    else if (isRec(v)) out[k] = strategicMerge(out[k], v, [...path, k], kind);
    else out[k] = v;
  }
  return out;
}

/** One JSON patch operation's failure, worded as evanphx/json-patch words it. */
export class JsonPatchError {
  constructor(readonly message: string) {}
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

type Container = { get(k: string): Json; has(k: string): boolean; set(k: string, v: Json, insert: boolean): string | undefined; remove(k: string): string | undefined };

function containerOf(v: Json): Container | undefined {
  if (Array.isArray(v)) {
    const idx = (k: string, allowEnd: boolean): number | undefined => {
      if (allowEnd && k === '-') return v.length;
      if (!/^\d+$/.test(k)) return undefined;
      const n = Number(k);
      return n <= v.length - (allowEnd ? 0 : 1) ? n : undefined;
    };
    return {
      get: (k) => (idx(k, false) === undefined ? undefined : v[idx(k, false)!]),
      has: (k) => idx(k, false) !== undefined,
      set: (k, x, insert) => {
        const i = idx(k, insert);
        if (i === undefined) return `Unable to access invalid index: ${k}: invalid index referenced`;
        if (insert) v.splice(i, 0, x);
        else v[i] = x;
        return undefined;
      },
      remove: (k) => {
        const i = idx(k, false);
        if (i === undefined) return `Unable to access invalid index: ${k}: invalid index referenced`;
        v.splice(i, 1);
        return undefined;
      },
    };
  }
  if (!isRec(v)) return undefined;
  return {
    get: (k) => (Object.hasOwn(v, k) ? v[k] : undefined),
    has: (k) => Object.hasOwn(v, k),
    set: (k, x) => {
      Object.defineProperty(v, k, { value: x, enumerable: true, writable: true, configurable: true });
      return undefined;
    },
    remove: (k) => {
      if (!Object.hasOwn(v, k)) return `Unable to remove nonexistent key: ${k}: missing value`;
      delete v[k];
      return undefined;
    },
  };
}

/** The container holding the last token of `path`, and that token; undefined when the parent is missing. */
function locate(doc: Json, path: string): { parent: Container; key: string } | undefined {
  const tokens = path.split('/').slice(1).map(unescape);
  let cur: Json = doc;
  for (const t of tokens.slice(0, -1)) {
    const c = containerOf(cur);
    if (!c || !c.has(t)) return undefined;
    cur = c.get(t);
  }
  const parent = containerOf(cur);
  return parent ? { parent, key: tokens[tokens.length - 1] ?? '' } : undefined;
}

/** Applies an RFC 6902 patch to a copy of `doc`; a failing operation gives the library's error text. */
export function jsonPatch(doc: Json, ops: Json[]): Json | JsonPatchError {
  const out = structuredClone(doc);
  for (const raw of ops) {
    const op = isRec(raw) ? raw : {};
    const kind = typeof op.op === 'string' ? op.op : 'unknown';
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(kind)) return new JsonPatchError(`Unexpected kind: ${kind}`);
    if (typeof op.path !== 'string') return new JsonPatchError(`${kind} operation failed to decode path: operation missing path field: missing value`);
    const path = op.path;
    if (!path.startsWith('/')) continue;
    const at = locate(out, path);
    if (kind === 'add' || kind === 'replace') {
      if (!at) return new JsonPatchError(kind === 'add' ? `add operation does not apply: doc is missing path: "${path}": missing value` : `replace operation does not apply: doc is missing path: ${path}: missing value`);
      const e = at.parent.set(at.key, structuredClone(op.value ?? null), kind === 'add');
      if (e) return new JsonPatchError(`error in ${kind} for path: '${path}': ${e}`);
    } else if (kind === 'remove') {
      if (!at) return new JsonPatchError(`remove operation does not apply: doc is missing path: "${path}": missing value`);
      const e = at.parent.remove(at.key);
      if (e) return new JsonPatchError(`error in remove for path: '${path}': ${e}`);
    } else if (kind === 'test') {
      if (!at || JSON.stringify(at.parent.get(at.key)) !== JSON.stringify(op.value)) return new JsonPatchError(`testing value ${path} failed: test failed`);
    } else {
      const from = typeof op.from === 'string' ? op.from : '';
      const src = locate(out, from);
      if (!src || !src.parent.has(src.key)) return new JsonPatchError(`${kind} operation does not apply: doc is missing from path: ${from}: missing value`);
      const value = structuredClone(src.parent.get(src.key));
      if (kind === 'move') src.parent.remove(src.key);
      const dest = locate(out, path);
      if (!dest) return new JsonPatchError(`${kind} operation does not apply: doc is missing destination path: ${path}: missing value`);
      const e = dest.parent.set(dest.key, value, true);
      if (e) return new JsonPatchError(`error in ${kind} for path: '${path}': ${e}`);
    }
  }
  return out;
}
