/**
 * NetworkPolicy evaluation (networking.k8s.io/v1), as a pure function returning the ingress and egress verdicts of one
 * connection **with the reasons** (in the manner of cyclonus). Semantics: a pod is isolated for a direction once any
 * policy selecting it has that direction in its (defaulted) `policyTypes`; then only what some rule of some such policy
 * allows gets through (policies are additive); a connection needs both the source's egress and the destination's
 * ingress. Replies of allowed connections are allowed (the caller evaluates only the opening direction).
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
import { matchesSelector, type LabelSelector, type Labels } from '../lib/labels.js';
import {
  compileIpBlock,
  endpointText,
  peerMatches,
  peerText,
  portMatches,
  portText,
  type CompiledIpBlock,
  type PolicyEndpoint,
  type PolicyPod,
} from './netpol-match.js';
import type { Cluster } from './cluster.js';
import type { Namespace, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, Pod, Protocol } from './types.js';

export type { PolicyEndpoint, PolicyPod } from './netpol-match.js';

export type PolicyDirection = 'ingress' | 'egress';

/** Why one rule did not admit the connection. */
export interface RuleMiss {
  policy: string;
  rule: number;
  why: string;
}

/** The verdict of one direction (the destination's ingress, or the source's egress). */
export interface DirectionVerdict {
  direction: PolicyDirection;
  allowed: boolean;
  /** Whether some policy selecting the pod has this direction in its policyTypes. */
  isolated: boolean;
  /** Names of those policies (all in the pod's namespace), sorted. */
  selectedBy: string[];
  /** Every rule that admits the connection. */
  allowedBy: { policy: string; rule: number }[];
  /** Why each rule of the selecting policies did not admit it. */
  misses: RuleMiss[];
  /** One sentence a learner can read. */
  reason: string;
}

/** Whether a connection is allowed, with both directions' verdicts. */
export interface ConnectionVerdict {
  allowed: boolean;
  ingress: DirectionVerdict;
  egress: DirectionVerdict;
}

/** Everything the evaluator needs. */
export interface PolicyInput {
  policies: readonly NetworkPolicy[];
  /** Labels of each namespace, by name (for `namespaceSelector`). */
  namespaceLabels: ReadonlyMap<string, Labels>;
  source: PolicyEndpoint;
  destination: PolicyEndpoint;
  /** The destination port after Service DNAT (the pod's container port). */
  port: number;
  protocol: Protocol;
}

interface CompiledPeer {
  peer: NetworkPolicyPeer;
  ipBlock: CompiledIpBlock | undefined;
  /** Whether the peer matches each pod seen so far (pods and namespace labels are fixed for an engine's life). */
  hits: WeakMap<PolicyPod, boolean>;
}

interface CompiledRule {
  /** Undefined or empty: every peer. */
  peers: CompiledPeer[] | undefined;
  /** Undefined or empty: every port and protocol. */
  ports: NetworkPolicyPort[] | undefined;
}

interface CompiledPolicy {
  name: string;
  namespace: string;
  podSelector: LabelSelector;
  /** Rules per direction when the policy has that direction in its policyTypes; undefined otherwise. */
  ingress: CompiledRule[] | undefined;
  egress: CompiledRule[] | undefined;
}

/**
 * The policy types a policy affects, as the apiserver defaults them: the listed `policyTypes`, or when none are listed
 * `Ingress` always and `Egress` when the policy has egress rules.
 */
export function effectivePolicyTypes(np: NetworkPolicy): ('Ingress' | 'Egress')[] {
  const listed = np.spec?.policyTypes ?? [];
  if (listed.length) return [...listed];
  return (np.spec?.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function compileRules(rules: { from?: NetworkPolicyPeer[]; to?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[] | undefined, dir: PolicyDirection): CompiledRule[] {
  return (rules ?? []).map((r) => {
    const peers = (dir === 'ingress' ? r.from : r.to) ?? undefined;
    return {
      peers: peers?.map((peer) => ({ peer, ipBlock: peer.ipBlock ? compileIpBlock(peer.ipBlock) : undefined, hits: new WeakMap() })),
      ports: r.ports ?? undefined,
    };
  });
}

function compile(np: NetworkPolicy): CompiledPolicy {
  const types = effectivePolicyTypes(np);
  return {
    name: np.metadata.name,
    namespace: np.metadata.namespace ?? 'default',
    podSelector: np.spec?.podSelector ?? {},
    ingress: types.includes('Ingress') ? compileRules(np.spec?.ingress, 'ingress') : undefined,
    egress: types.includes('Egress') ? compileRules(np.spec?.egress, 'egress') : undefined,
  };
}

function list(names: string[]): string {
  return names.length === 1 ? `policy ${names[0]}` : `policies [${names.join(', ')}]`;
}

/**
 * A set of policies prepared for many evaluations (a reachability matrix): selectors and CIDRs parsed once, policies
 * grouped by namespace, and which policies select a pod and which peers match it remembered per pod object (so treat
 * `PolicyPod` objects as immutable: a relabelled pod is a new object). `allowed` skips building the reasons.
 */
export class PolicyEngine {
  private readonly byNamespace = new Map<string, CompiledPolicy[]>();
  private readonly selected = { ingress: new WeakMap<PolicyPod, CompiledPolicy[]>(), egress: new WeakMap<PolicyPod, CompiledPolicy[]>() };
  private readonly namespaceLabels: ReadonlyMap<string, Labels>;

  constructor(policies: readonly NetworkPolicy[], namespaceLabels: ReadonlyMap<string, Labels>) {
    this.namespaceLabels = namespaceLabels;
    const sorted = [...policies].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
    for (const np of sorted) {
      const c = compile(np);
      const bucket = this.byNamespace.get(c.namespace);
      if (bucket) bucket.push(c);
      else this.byNamespace.set(c.namespace, [c]);
    }
  }

  /** The full verdict, with reasons. */
  verdict(source: PolicyEndpoint, destination: PolicyEndpoint, port: number, protocol: Protocol): ConnectionVerdict {
    const ingress = this.direction('ingress', destination, source, destination, port, protocol);
    const egress = this.direction('egress', source, destination, destination, port, protocol);
    return { allowed: ingress.allowed && egress.allowed, ingress, egress };
  }

  /** Only whether the connection is allowed (fast path for matrices: no reasons, no allocation). */
  allowed(source: PolicyEndpoint, destination: PolicyEndpoint, port: number, protocol: Protocol): boolean {
    return this.admits('egress', source, destination, destination, port, protocol) && this.admits('ingress', destination, source, destination, port, protocol);
  }

  private selecting(subject: PolicyEndpoint, dir: PolicyDirection): CompiledPolicy[] {
    if (subject.type !== 'pod') return [];
    const cached = this.selected[dir].get(subject.pod);
    if (cached) return cached;
    const out: CompiledPolicy[] = [];
    for (const p of this.byNamespace.get(subject.pod.namespace) ?? []) {
      if (p[dir] && matchesSelector(p.podSelector, subject.pod.labels)) out.push(p);
    }
    this.selected[dir].set(subject.pod, out);
    return out;
  }

  /**
   * Whether one direction admits the connection: `subject` is the pod the policies protect (the destination for
   * ingress, the source for egress), `peer` the other end; ports always resolve on `destination`.
   */
  private admits(dir: PolicyDirection, subject: PolicyEndpoint, peer: PolicyEndpoint, destination: PolicyEndpoint, port: number, protocol: Protocol): boolean {
    const selecting = this.selecting(subject, dir);
    if (selecting.length === 0) return true;
    for (const p of selecting) {
      for (const rule of p[dir] ?? []) {
        if (this.portsAdmit(rule, destination, port, protocol) && this.peersAdmit(rule, p.namespace, peer)) return true;
      }
    }
    return false;
  }

  /** `admits` with the reasons. */
  private direction(dir: PolicyDirection, subject: PolicyEndpoint, peer: PolicyEndpoint, destination: PolicyEndpoint, port: number, protocol: Protocol): DirectionVerdict {
    const selecting = this.selecting(subject, dir);
    if (selecting.length === 0) {
      const reason =
        subject.type !== 'pod'
          ? `${subject.ip} is not a pod, so no ${dir} policy applies to it`
          : `pod ${endpointText(subject)} is not isolated for ${dir}: no policy with policyTypes ${dir === 'ingress' ? 'Ingress' : 'Egress'} selects it`;
      return { direction: dir, allowed: true, isolated: false, selectedBy: [], allowedBy: [], misses: [], reason };
    }
    const allowedBy: { policy: string; rule: number }[] = [];
    const misses: RuleMiss[] = [];
    for (const p of selecting) {
      (p[dir] ?? []).forEach((rule, i) => {
        if (!this.portsAdmit(rule, destination, port, protocol)) {
          misses.push({ policy: p.name, rule: i, why: `${protocol}/${port} is not among its ports [${(rule.ports ?? []).map(portText).join(', ')}]` });
        } else if (!this.peersAdmit(rule, p.namespace, peer)) {
          const peers = (rule.peers ?? []).map((x) => peerText(x.peer, p.namespace)).join('; ');
          misses.push({ policy: p.name, rule: i, why: `${endpointText(peer)} matches none of its ${dir === 'ingress' ? 'from' : 'to'} peers [${peers}]` });
        } else allowedBy.push({ policy: p.name, rule: i });
      });
    }
    const names = selecting.map((p) => p.name);
    const traffic = `${protocol}/${port} ${dir === 'ingress' ? 'from' : 'to'} ${endpointText(peer)}`;
    const head = `pod ${endpointText(subject)} is isolated for ${dir} by ${list(names)}`;
    const first = allowedBy[0];
    const reason = first
      ? `${head}, and ${dir} rule ${first.rule} of ${first.policy} allows ${traffic}`
      : `${head}, and no ${dir} rule of [${names.join(', ')}] allows ${traffic}`;
    return { direction: dir, allowed: first !== undefined, isolated: true, selectedBy: names, allowedBy, misses, reason };
  }

  private portsAdmit(rule: CompiledRule, destination: PolicyEndpoint, port: number, protocol: Protocol): boolean {
    return !rule.ports || rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, destination, port, protocol));
  }

  private peersAdmit(rule: CompiledRule, policyNamespace: string, peer: PolicyEndpoint): boolean {
    return !rule.peers || rule.peers.length === 0 || rule.peers.some((p) => this.peerHit(p, policyNamespace, peer));
  }

  private peerHit(p: CompiledPeer, policyNamespace: string, e: PolicyEndpoint): boolean {
    if (e.type !== 'pod') return peerMatches(p.peer, p.ipBlock, policyNamespace, e, this.namespaceLabels);
    let hit = p.hits.get(e.pod);
    if (hit === undefined) {
      hit = peerMatches(p.peer, p.ipBlock, policyNamespace, e, this.namespaceLabels);
      p.hits.set(e.pod, hit);
    }
    return hit;
  }
}

/** Evaluates one connection against a set of policies: both directions, with the reasons. Pure. */
export function evaluatePolicies(input: PolicyInput): ConnectionVerdict {
  return new PolicyEngine(input.policies, input.namespaceLabels).verdict(input.source, input.destination, input.port, input.protocol);
}

/** A one-line summary of a verdict: `allowed`, or the reason of each direction that blocks. */
export function verdictText(v: ConnectionVerdict): string {
  if (v.allowed) return 'allowed';
  return [v.egress, v.ingress].filter((d) => !d.allowed).map((d) => d.reason).join('; ');
}

const ENFORCING = new Set(['calico', 'cilium', 'antrea', 'weave', 'kube-router', 'kindnet']);

/**
 * Whether a network plugin enforces NetworkPolicy. Calico, Cilium and kindnet (v1.0 and later, 2024: its embedded
 * network policy controller) do; the simple plugins (`bridge`, flannel) accept policies and ignore them.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/#prerequisites
 */
export function pluginEnforcesPolicy(plugin: string): boolean {
  return ENFORCING.has(plugin);
}

/** A pod as the policy engine sees it: host-network pods are their node's address, outside the policy's reach. */
export function policyEndpointOfPod(pod: Pod): PolicyEndpoint {
  if (pod.spec.hostNetwork) return { type: 'external', ip: pod.status?.hostIP ?? '' };
  const ports = pod.spec.containers.flatMap((ct) => ct.ports ?? []);
  return {
    type: 'pod',
    pod: { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, labels: pod.metadata.labels ?? {}, ip: pod.status?.podIP, ports },
  };
}

interface ClusterView {
  version: number;
  engine: PolicyEngine;
  podsByIp: Map<string, Pod>;
  /** One endpoint object per pod, so the engine's per-pod caches hit. */
  endpoints: WeakMap<Pod, PolicyEndpoint>;
}

const VIEWS = new WeakMap<Cluster, ClusterView>();

/** The cluster's policies compiled once per cluster version. */
function view(c: Cluster): ClusterView {
  const cached = VIEWS.get(c);
  if (cached && cached.version === c.version) return cached;
  const nsLabels = new Map<string, Labels>();
  for (const ns of c.list<Namespace>('Namespace')) nsLabels.set(ns.metadata.name, ns.metadata.labels ?? {});
  const podsByIp = new Map<string, Pod>();
  for (const p of c.list<Pod>('Pod')) if (p.status?.podIP && !p.spec.hostNetwork) podsByIp.set(p.status.podIP, p);
  const v = { version: c.version, engine: new PolicyEngine(c.list<NetworkPolicy>('NetworkPolicy'), nsLabels), podsByIp, endpoints: new WeakMap() };
  VIEWS.set(c, v);
  return v;
}

function endpointOf(v: ClusterView, e: Pod | { ip: string }): PolicyEndpoint {
  const pod = 'kind' in e && e.kind === 'Pod' ? (e as Pod) : v.podsByIp.get((e as { ip: string }).ip);
  if (!pod) return { type: 'external', ip: (e as { ip: string }).ip };
  let ep = v.endpoints.get(pod);
  if (!ep) {
    ep = policyEndpointOfPod(pod);
    v.endpoints.set(pod, ep);
  }
  return ep;
}

/**
 * The NetworkPolicy verdict for a connection in a cluster, reading its policies and namespace labels. `dst` is the
 * pod (or address) after Service DNAT and `port` its container port. An address that is a pod's IP counts as that
 * pod. This does not consult the network plugin: callers enforce the verdict only when `pluginEnforcesPolicy`.
 */
export function networkPolicyVerdict(c: Cluster, src: Pod | { ip: string }, dst: Pod | { ip: string }, port: number, protocol: Protocol): ConnectionVerdict {
  const v = view(c);
  return v.engine.verdict(endpointOf(v, src), endpointOf(v, dst), port, protocol);
}

/** Like `networkPolicyVerdict` but only the boolean, without building reasons (reachability matrices). */
export function networkPolicyAllows(c: Cluster, src: Pod | { ip: string }, dst: Pod | { ip: string }, port: number, protocol: Protocol): boolean {
  const v = view(c);
  return v.engine.allowed(endpointOf(v, src), endpointOf(v, dst), port, protocol);
}
