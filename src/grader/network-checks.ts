/**
 * Checks that probe the simulated network the way a learner would, without changing anything: name resolution from a
 * pod (CoreDNS and the pod's resolv.conf search list) and a connection from a pod, a node or the learner's machine.
 * A probe through a Service tries every ready endpoint once, so kube-proxy's round-robin ends where it started.
 * https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
 */
import { findFrontend, readyEndpoints } from '../sim/kube-proxy.js';
import { lookupHost } from '../sim/dns.js';
import { connect, httpRequest, isIngressControllerPod, type NetFailure, type NetSource } from '../sim/network.js';
import type { Cluster, Node, Pod, Service } from '../sim/index.js';
import type { Check, CheckVerdict, ConnectionExpect, ConnectionFrom, ConnectionTo } from './types.js';
import { inNs, nsOf, podsBySelector, runningPod, selectorText } from './util.js';

type Of<T extends Check['type']> = Extract<Check, { type: T }>;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A name resolves from a pod picked by labels: to `expect` (an IP or `nxdomain`) when given, else to anything. */
export function dnsResolves(c: Cluster, check: Of<'dnsResolves'>): CheckVerdict {
  const ns = nsOf(check.namespace);
  const pod = runningPod(c, check.from, ns);
  if (!pod) return { ok: false, message: `No running pod with labels ${selectorText(check.from)}${inNs(ns)} to resolve ${check.name} from` };
  const r = lookupHost(c, pod, check.name);
  const got = r.ok ? r.ips.join(', ') : r.reason === 'timeout' ? 'no answer (the DNS server timed out)' : 'NXDOMAIN (no such name)';
  if (check.expect === 'nxdomain') {
    return !r.ok && r.reason === 'nxdomain'
      ? { ok: true, message: `${check.name} does not resolve from pod ${pod.metadata.name}` }
      : { ok: false, message: `${check.name} resolves from pod ${pod.metadata.name} to ${got}; expected NXDOMAIN` };
  }
  if (!r.ok) return { ok: false, message: `${check.name} does not resolve from pod ${pod.metadata.name}: ${got}` };
  if (check.expect !== undefined && !r.ips.includes(check.expect)) {
    return { ok: false, message: `${check.name} resolves from pod ${pod.metadata.name} to ${got}; expected ${check.expect}` };
  }
  return { ok: true, message: `${check.name} resolves from pod ${pod.metadata.name} to ${got}` };
}

interface Source {
  src: NetSource;
  text: string;
  pod?: Pod;
}

function sourceOf(c: Cluster, from: ConnectionFrom): Source | string {
  if ('host' in from) return { src: { type: 'host' }, text: 'your machine' };
  if ('node' in from) {
    const node = c.get<Node>('Node', undefined, from.node);
    return node ? { src: { type: 'node', node }, text: `node ${from.node}` } : `Node ${from.node} does not exist`;
  }
  const ns = nsOf(from.namespace);
  const pod = runningPod(c, from.pod, ns);
  if (!pod) return `No running pod with labels ${selectorText(from.pod)}${inNs(ns)} to connect from`;
  const container = from.container ?? pod.spec.containers[0]!.name;
  return { src: { type: 'pod', pod, container }, text: `pod ${pod.metadata.name}`, pod };
}

interface Target {
  host: string;
  port: number;
  path: string;
  text: string;
}

function targetsOf(c: Cluster, to: ConnectionTo): Target[] | string {
  if ('url' in to) {
    const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(to.url.trim());
    if (!m) return `Not a URL: ${to.url}`;
    const port = m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80;
    return [{ host: m[2]!, port, path: m[4] ?? '/', text: to.url }];
  }
  const ns = nsOf(to.namespace);
  if ('service' in to) {
    const svc = c.get<Service>('Service', ns, to.service);
    if (!svc) return `Service ${to.service}${inNs(ns)} does not exist`;
    const ip = svc.spec.clusterIP;
    if (!ip || ip === 'None') return `Service ${to.service}${inNs(ns)} has no ClusterIP`;
    return [{ host: ip, port: to.port, path: '/', text: `Service ${to.service} port ${to.port}` }];
  }
  const pods = podsBySelector(c, to.pod, ns).filter((p) => p.status?.podIP);
  if (pods.length === 0) return `No pod with labels ${selectorText(to.pod)}${inNs(ns)} has an IP yet`;
  return pods.map((p) => ({ host: p.status.podIP!, port: to.port, path: '/', text: `pod ${p.metadata.name} port ${to.port}` }));
}

type Outcome = ConnectionExpect | 'unresolved' | 'unreachable';

function outcomeOf(f: NetFailure): Outcome {
  if (f.type === 'resolve') return 'unresolved';
  if (f.type === 'refused') return 'refused';
  if (f.type === 'unreachable') return 'unreachable';
  if (f.type === 'timeout' && f.cause === 'policy') return 'denied';
  return 'timeout';
}

const OUTCOME_TEXT: Record<Outcome, string> = {
  allowed: 'succeeded',
  denied: 'was dropped by a NetworkPolicy (the client times out)',
  refused: 'was refused',
  timeout: 'timed out',
  unresolved: 'failed: the name does not resolve',
  unreachable: 'failed: no pod has that address (No route to host)',
};

const EXPECT_TEXT: Record<ConnectionExpect, string> = {
  allowed: 'succeed',
  denied: 'be blocked by a NetworkPolicy',
  refused: 'be refused',
  timeout: 'time out',
};

/** How many probes bring kube-proxy's round-robin back to where it was: one per ready endpoint of a Service frontend. */
function probeCount(c: Cluster, src: Source, host: string, port: number): number {
  let ip = host;
  if (!IPV4.test(host)) {
    if (!src.pod) return 1;
    const r = lookupHost(c, src.pod, host);
    if (!r.ok) return 1;
    ip = r.ips[0]!;
  }
  const f = findFrontend(c, ip, port);
  if (!f || f.svc.spec.sessionAffinity === 'ClientIP') return 1;
  return Math.max(1, readyEndpoints(c, f.svc, f.port).length);
}

/** Whose answer it was: a pod by name, or the ingress controller (its own 404 or a proxied page). */
function answerer(pod: Pod): string {
  return isIngressControllerPod(pod) ? "the ingress controller's answer" : `the answer from pod ${pod.metadata.name}`;
}

/** Probes one target: every Service endpoint once; the outcomes and any response body that misses `body`. */
function probe(c: Cluster, src: Source, t: Target, body: string | undefined): { outcomes: Outcome[]; bodyMiss?: string } {
  const n = Math.min(probeCount(c, src, t.host, t.port), 50);
  const outcomes: Outcome[] = [];
  let bodyMiss: string | undefined;
  for (let i = 0; i < n; i++) {
    if (body === undefined) {
      const r = connect(c, src.src, t.host, t.port);
      outcomes.push(r.ok ? 'allowed' : outcomeOf(r.failure));
      continue;
    }
    const r = httpRequest(c, src.src, t.host, t.port, { method: 'GET', path: t.path, host: t.host, headers: {} });
    outcomes.push(r.ok ? 'allowed' : outcomeOf(r.failure));
    if (r.ok && !r.response.body.includes(body)) bodyMiss = `${answerer(r.endpoint.pod)} did not contain "${body}"`;
  }
  return { outcomes, ...(bodyMiss ? { bodyMiss } : {}) };
}

/** A connection from A to B is allowed, denied by NetworkPolicy, refused, or times out, as `expect` says. */
export function connection(c: Cluster, check: Of<'connection'>): CheckVerdict {
  const src = sourceOf(c, check.from);
  if (typeof src === 'string') return { ok: false, message: src };
  const targets = targetsOf(c, check.to);
  if (typeof targets === 'string') return { ok: false, message: targets };
  for (const t of targets) {
    const { outcomes, bodyMiss } = probe(c, src, t, check.body);
    const wrong = outcomes.find((o) => !(o === check.expect || (check.expect === 'timeout' && o === 'denied')));
    const lead = `A connection from ${src.text} to ${t.text}`;
    if (wrong) {
      const some = outcomes.length > 1 && outcomes.some((o) => o === check.expect) ? ' (for some of its endpoints)' : '';
      return { ok: false, message: `${lead} ${OUTCOME_TEXT[wrong]}${some}; expected it to ${EXPECT_TEXT[check.expect]}` };
    }
    if (bodyMiss) return { ok: false, message: `${lead} succeeded, but ${bodyMiss}` };
  }
  const t = targets.length === 1 ? targets[0]!.text : `${targets.length} pods`;
  return { ok: true, message: `A connection from ${src.text} to ${t} ${OUTCOME_TEXT[check.expect]}` };
}
