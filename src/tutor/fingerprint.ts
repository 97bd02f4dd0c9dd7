/**
 * Whether a command changed anything the learner made (objects' desired state, files, installed tools, where the
 * prompt is), as opposed to time passing and controllers updating status. `undo` only steps over the former.
 */
import { fnv32a } from '../lib/hash.js';
import type { LessonEnv } from '../lessons/runtime.js';

const DERIVED = new Set(['Event', 'Endpoints', 'EndpointSlice']);

/** JSON with Maps and Sets as arrays (plain JSON.stringify prints them as `{}`); the shell's `$?` is not state. */
const json = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? [...x].filter(([k]) => k !== '?') : x instanceof Set ? [...x] : x));
const mapJson = (m: Map<string, unknown>): string => json(m);

/** A short digest of the learner-made state. */
export function fingerprint(env: LessonEnv): string {
  const parts: string[] = [];
  const s = env.cluster.state;
  for (const [kind, bucket] of s.objects) {
    if (DERIVED.has(kind)) continue;
    for (const [key, o] of bucket) {
      const { resourceVersion: _rv, ...meta } = o.metadata;
      parts.push(`${kind}/${key}`, JSON.stringify({ ...o, status: undefined, metadata: meta }));
    }
  }
  for (const [uid, rt] of s.runtime) {
    for (const [name, c] of rt.containers) parts.push(uid, name, JSON.stringify(c.installed), mapJson(c.fs), JSON.stringify(c.processes.map((p) => p.signals)));
    for (const [vol, tree] of rt.emptyDirs) parts.push(uid, vol, mapJson(tree));
  }
  for (const [node, disk] of s.nodeDisks) parts.push(node, mapJson(disk));
  parts.push(json(s.addons), String(s.tunnel), json(env.session.snapshot()));
  const text = parts.join('\u0000');
  return `${fnv32a(text).toString(16)}:${text.length}`;
}
