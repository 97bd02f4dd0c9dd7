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
      peers: peers?.map((peer) => ({ peer, ipBlock: peer.ipBlock ? compileIpBlock(peer.ipBlock) : undefined })),
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
 * grouped by namespace. `allowed` skips building the reasons.
 */
export class PolicyEngine {
  private readonly byNamespace = new Map<string, CompiledPolicy[]>();
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
    const ingress = this.direction('ingress', destination, source, destination, port, protocol, true);
    const egress = this.direction('egress', source, destination, destination, port, protocol, true);
    return { allowed: ingress.allowed && egress.allowed, ingress, egress };
  }

  /** Only whether the connection is allowed (fast path for matrices). */
  allowed(source: PolicyEndpoint, destination: PolicyEndpoint, port: number, protocol: Protocol): boolean {
    return (
      this.direction('egress', source, destination, destination, port, protocol, false).allowed &&
      this.direction('ingress', destination, source, destination, port, protocol, false).allowed
    );
  }

  private selecting(subject: PolicyEndpoint, dir: PolicyDirection): CompiledPolicy[] {
    if (subject.type !== 'pod') return [];
    const out: CompiledPolicy[] = [];
    for (const p of this.byNamespace.get(subject.pod.namespace) ?? []) {
      if (p[dir] && matchesSelector(p.podSelector, subject.pod.labels)) out.push(p);
    }
    return out;
  }

  /**
   * One direction: `subject` is the pod the policies protect (the destination for ingress, the source for egress),
   * `peer` the other end; ports always resolve on `destination`.
   */
  private direction(
    dir: PolicyDirection,
    subject: PolicyEndpoint,
    peer: PolicyEndpoint,
    destination: PolicyEndpoint,
    port: number,
    protocol: Protocol,
    explain: boolean,
  ): DirectionVerdict {
    const selecting = this.selecting(subject, dir);
    const traffic = `${protocol}/${port}`;
    const towards = dir === 'ingress' ? `from ${endpointText(peer)}` : `to ${endpointText(peer)}`;
    if (selecting.length === 0) {
      const reason = !explain
        ? ''
        : subject.type !== 'pod'
          ? `${subject.ip} is not a pod, so no ${dir} policy applies to it`
          : `pod ${endpointText(subject)} is not isolated for ${dir}: no policy with policyTypes ${dir === 'ingress' ? 'Ingress' : 'Egress'} selects it`;
      return { direction: dir, allowed: true, isolated: false, selectedBy: [], allowedBy: [], misses: [], reason };
    }
    const allowedBy: { policy: string; rule: number }[] = [];
    const misses: RuleMiss[] = [];
    for (const p of selecting) {
      const rules = p[dir] ?? [];
      for (let i = 0; i < rules.length; i++) {
        const why = this.ruleMiss(rules[i]!, p.namespace, dir, peer, destination, port, protocol, explain);
        if (why === undefined) {
          allowedBy.push({ policy: p.name, rule: i });
          if (!explain) return { direction: dir, allowed: true, isolated: true, selectedBy: [], allowedBy, misses, reason: '' };
        } else if (explain) misses.push({ policy: p.name, rule: i, why });
      }
    }
    const names = selecting.map((p) => p.name);
    const allowed = allowedBy.length > 0;
    let reason = '';
    if (explain) {
      const head = `pod ${endpointText(subject)} is isolated for ${dir} by ${list(names)}`;
      const first = allowedBy[0];
      reason = first
        ? `${head}, and ${dir} rule ${first.rule} of ${first.policy} allows ${traffic} ${towards}`
        : `${head}, and no ${dir} rule of [${names.join(', ')}] allows ${traffic} ${towards}`;
    }
    return { direction: dir, allowed, isolated: true, selectedBy: names, allowedBy, misses, reason };
  }

  /** Undefined when the rule admits the connection; otherwise why not (empty string when not explaining). */
  private ruleMiss(
    rule: CompiledRule,
    policyNamespace: string,
    dir: PolicyDirection,
    peer: PolicyEndpoint,
    destination: PolicyEndpoint,
    port: number,
    protocol: Protocol,
    explain: boolean,
  ): string | undefined {
    if (rule.ports && rule.ports.length > 0 && !rule.ports.some((p) => portMatches(p, destination, port, protocol))) {
      return explain ? `${protocol}/${port} is not among its ports [${rule.ports.map(portText).join(', ')}]` : '';
    }
    if (rule.peers && rule.peers.length > 0 && !rule.peers.some((p) => peerMatches(p.peer, p.ipBlock, policyNamespace, peer, this.namespaceLabels))) {
      return explain ? `${endpointText(peer)} matches none of its ${dir === 'ingress' ? 'from' : 'to'} peers [${rule.peers.map((p) => peerText(p.peer, policyNamespace)).join('; ')}]` : '';
    }
    return undefined;
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

const ENFORCING = new Set(['calico', 'cilium', 'antrea', 'weave', 'kube-router']);

/**
 * Whether a network plugin enforces NetworkPolicy. Calico and Cilium do; the simple plugins (`bridge`, flannel, and
 * kindnet as minikube configures it) accept policies and ignore them.
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
  const v = { version: c.version, engine: new PolicyEngine(c.list<NetworkPolicy>('NetworkPolicy'), nsLabels), podsByIp };
  VIEWS.set(c, v);
  return v;
}

function endpointOf(v: ClusterView, e: Pod | { ip: string }): PolicyEndpoint {
  if ('kind' in e && e.kind === 'Pod') return policyEndpointOfPod(e as Pod);
  const ip = (e as { ip: string }).ip;
  const pod = v.podsByIp.get(ip);
  return pod ? policyEndpointOfPod(pod) : { type: 'external', ip };
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
