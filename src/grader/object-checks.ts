/**
 * Checks on the object store: an object exists with these fields, the pods a selector picks are Ready, a Service has
 * endpoints. Messages say what is missing in kubectl's vocabulary, never "check 3 failed".
 */
import { matchesMap } from '../lib/labels.js';
import { isPodReady, type Cluster, type Endpoints, type KubeObject, type Pod, type Service } from '../sim/index.js';
import type { Check, CheckVerdict } from './types.js';
import { inNs, isNamespaced, nsOf, objectText, plural, podStateText, podsBySelector, readPath, satisfies, selectorText, valueText } from './util.js';

type Of<T extends Check['type']> = Extract<Check, { type: T }>;

const pass = (message: string): CheckVerdict => ({ ok: true, message });
const fail = (message: string): CheckVerdict => ({ ok: false, message });

/** The first field expectation an object does not meet, as `spec.type is "ClusterIP", expected "NodePort"`. */
function firstMismatch(o: KubeObject, where: Record<string, unknown> | undefined): string | undefined {
  for (const [path, expected] of Object.entries(where ?? {})) {
    const actual = readPath(o, path);
    if (!satisfies(actual, expected)) return `${path} is ${valueText(actual)}, expected ${valueText(expected)}`;
  }
  return undefined;
}

/** An object of a kind exists (by name or by labels), optionally with field values; or, with `exists: false`, does not. */
export function objectExists(c: Cluster, check: Of<'objectExists'>): CheckVerdict {
  const ns = nsOf(check.namespace);
  const scope = isNamespaced(check.kind) ? ns : undefined;
  const what = check.name ? `${check.kind} ${check.name}${scope ? inNs(scope) : ''}` : `${check.kind} with labels ${selectorText(check.selector ?? {})}${scope ? inNs(scope) : ''}`;
  let candidates: KubeObject[];
  if (check.name) {
    const o = c.get(check.kind, scope, check.name);
    candidates = o && (!check.selector || matchesMap(check.selector, o.metadata.labels)) ? [o] : [];
  } else {
    candidates = c.list(check.kind, scope).filter((o) => !o.metadata.deletionTimestamp && matchesMap(check.selector ?? {}, o.metadata.labels));
  }
  if (check.exists === false) {
    return candidates.length ? fail(`${objectText(candidates[0]!)} still exists`) : pass(`No ${what}`);
  }
  if (candidates.length === 0) return fail(check.name ? `${what} does not exist` : `There is no ${what}`);
  const matching = candidates.find((o) => firstMismatch(o, check.where) === undefined);
  if (matching) return pass(`${objectText(matching)} exists${check.where ? ' as expected' : ''}`);
  const first = candidates[0]!;
  return fail(`${objectText(first)}: ${firstMismatch(first, check.where)}`);
}

/** The pods a selector picks are Ready: exactly `count` of them when given, otherwise at least one and all of them. */
export function podsReady(c: Cluster, check: Of<'podsReady'>): CheckVerdict {
  const ns = nsOf(check.namespace);
  const sel = selectorText(check.selector);
  const pods = podsBySelector(c, check.selector, ns);
  if (pods.length === 0) return fail(`No pod has labels ${sel}${inNs(ns)}`);
  const ready = pods.filter(isPodReady);
  const notReady = pods.find((p) => !isPodReady(p));
  if (check.count !== undefined) {
    const are = (n: number): string => `${plural(n, 'pod')} with labels ${sel} ${n === 1 ? 'is' : 'are'} Ready`;
    if (ready.length === check.count) return pass(are(ready.length));
    if (ready.length > check.count) return fail(`${are(ready.length)}, expected ${check.count}`);
    if (!notReady) return fail(`Only ${are(ready.length)}, expected ${check.count}`);
    const tally = check.count > 1 ? `; ${ready.length} of ${check.count} pods with labels ${sel} are Ready` : '';
    return fail(`Pod ${notReady.metadata.name} is not Ready yet (${podStateText(notReady)})${tally}`);
  }
  if (notReady) return fail(`Pod ${notReady.metadata.name} is not Ready yet (${podStateText(notReady)})`);
  return pods.length === 1 ? pass(`Pod ${pods[0]!.metadata.name} is Ready`) : pass(`${plural(pods.length, 'pod')} with labels ${sel} are Ready`);
}

/** Ready endpoint addresses of a Service (unique IPs over all subsets). */
function readyAddresses(c: Cluster, svc: Service): string[] {
  const ep = c.get<Endpoints>('Endpoints', svc.metadata.namespace, svc.metadata.name);
  const ips = new Set<string>();
  for (const s of ep?.subsets ?? []) for (const a of s.addresses ?? []) ips.add(a.ip);
  return [...ips];
}

/** Why a Service has no endpoints, in the learner's terms. */
function noEndpointsReason(c: Cluster, svc: Service): string {
  const sel = svc.spec.selector;
  if (!sel || Object.keys(sel).length === 0) return 'it has no selector';
  const pods = c.list<Pod>('Pod', svc.metadata.namespace).filter((p) => matchesMap(sel, p.metadata.labels));
  if (pods.length === 0) return `its selector ${selectorText(sel)} matches no pod`;
  return `its selector ${selectorText(sel)} matches no Ready pod`;
}

/** A Service has `count` ready endpoints (or at least `min`; by default at least one). */
export function serviceEndpoints(c: Cluster, check: Of<'serviceEndpoints'>): CheckVerdict {
  const ns = nsOf(check.namespace);
  const svc = c.get<Service>('Service', ns, check.service);
  if (!svc) return fail(`Service ${check.service}${inNs(ns)} does not exist`);
  const n = readyAddresses(c, svc).length;
  const name = `Service ${check.service}${inNs(ns)}`;
  if (n === 0 && (check.count === undefined || check.count > 0)) return fail(`${name} has no endpoints: ${noEndpointsReason(c, svc)}`);
  if (check.count !== undefined && n !== check.count) return fail(`${name} has ${plural(n, 'endpoint')}, expected ${check.count}`);
  const min = check.min ?? 1;
  if (check.count === undefined && n < min) return fail(`${name} has ${plural(n, 'endpoint')}, expected at least ${min}`);
  return pass(`${name} has ${plural(n, 'endpoint')}`);
}
