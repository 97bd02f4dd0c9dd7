import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/cluster.js';
import {
  effectivePolicyTypes,
  evaluatePolicies,
  networkPolicyAllows,
  networkPolicyVerdict,
  pluginEnforcesPolicy,
  verdictText,
  type PolicyEndpoint,
} from '../../src/sim/netpol.js';
import type { NetworkPolicy, NetworkPolicySpec, Pod, Protocol } from '../../src/sim/types.js';

const NS = new Map([
  ['x', { 'kubernetes.io/metadata.name': 'x', team: 'web' }],
  ['y', { 'kubernetes.io/metadata.name': 'y', team: 'ops' }],
]);

function pod(id: string, labels?: Record<string, string>, ip?: string): PolicyEndpoint {
  const [namespace, name] = id.split('/') as [string, string];
  return {
    type: 'pod',
    pod: { namespace, name, labels: labels ?? { pod: name }, ip, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] },
  };
}

function np(id: string, spec: Partial<NetworkPolicySpec>): NetworkPolicy {
  const [namespace, name] = id.split('/') as [string, string];
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec: { podSelector: {}, ...spec } };
}

function check(policies: NetworkPolicy[], source: PolicyEndpoint, destination: PolicyEndpoint, port: number, protocol: Protocol = 'TCP') {
  return evaluatePolicies({ policies, namespaceLabels: NS, source, destination, port, protocol });
}

const DENY_ALL = np('x/deny-all', { policyTypes: ['Ingress'] });

describe('evaluatePolicies: verdicts with reasons', () => {
  it('allows everything when no policy selects either pod', () => {
    expect(check([], pod('y/b'), pod('x/a'), 80)).toEqual({
      allowed: true,
      ingress: { direction: 'ingress', allowed: true, isolated: false, selectedBy: [], allowedBy: [], misses: [], reason: 'pod x/a is not isolated for ingress: no policy with policyTypes Ingress selects it' },
      egress: { direction: 'egress', allowed: true, isolated: false, selectedBy: [], allowedBy: [], misses: [], reason: 'pod y/b is not isolated for egress: no policy with policyTypes Egress selects it' },
    });
  });

  it('explains a default deny', () => {
    const v = check([DENY_ALL], pod('y/b'), pod('x/a'), 80);
    expect(v.ingress).toEqual({
      direction: 'ingress',
      allowed: false,
      isolated: true,
      selectedBy: ['deny-all'],
      allowedBy: [],
      misses: [],
      reason: 'pod x/a is isolated for ingress by policy deny-all, and no ingress rule of [deny-all] allows TCP/80 from y/b',
    });
    expect(verdictText(v)).toBe('pod x/a is isolated for ingress by policy deny-all, and no ingress rule of [deny-all] allows TCP/80 from y/b');
  });

  it('names the rule that allows, over a default deny (policies are additive)', () => {
    const allow = np('x/allow-ops', {
      podSelector: { matchLabels: { pod: 'a' } },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ port: 9999 }] }, { from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { pod: 'b' } } }], ports: [{ port: 'http' }] }],
    });
    const v = check([DENY_ALL, allow], pod('y/b'), pod('x/a'), 8080);
    expect(v.allowed).toBe(true);
    expect(v.ingress).toEqual({
      direction: 'ingress',
      allowed: true,
      isolated: true,
      selectedBy: ['allow-ops', 'deny-all'],
      allowedBy: [{ policy: 'allow-ops', rule: 1 }],
      misses: [{ policy: 'allow-ops', rule: 0, why: 'TCP/8080 is not among its ports [TCP/9999]' }],
      reason: 'pod x/a is isolated for ingress by policies [allow-ops, deny-all], and ingress rule 1 of allow-ops allows TCP/8080 from y/b',
    });
    expect(verdictText(v)).toBe('allowed');
  });

  it('ANDs namespaceSelector and podSelector in one peer, ORs separate peers', () => {
    const and = np('x/and', { policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { pod: 'b' } } }] }] });
    const or = np('x/or', { policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { podSelector: { matchLabels: { pod: 'b' } } }] }] });
    expect(check([and], pod('y/c'), pod('x/a'), 80).ingress.misses).toEqual([
      { policy: 'and', rule: 0, why: 'y/c matches none of its from peers [pods pod=b in namespaces team=ops]' },
    ]);
    expect(check([and], pod('x/b'), pod('x/a'), 80).allowed).toBe(false);
    expect(check([or], pod('y/c'), pod('x/a'), 80).allowed).toBe(true);
    expect(check([or], pod('x/b'), pod('x/a'), 80).allowed).toBe(true);
    expect(check([or], pod('x/c'), pod('x/a'), 80).ingress.misses).toEqual([
      { policy: 'or', rule: 0, why: 'x/c matches none of its from peers [all pods in namespaces team=ops; pods pod=b in namespace x]' },
    ]);
  });

  it('matches protocols exactly: a UDP rule does not open TCP', () => {
    const udp = np('x/udp', { policyTypes: ['Ingress'], ingress: [{ ports: [{ protocol: 'UDP', port: 80 }] }] });
    expect(check([udp], pod('y/b'), pod('x/a'), 80, 'TCP').ingress.misses).toEqual([{ policy: 'udp', rule: 0, why: 'TCP/80 is not among its ports [UDP/80]' }]);
    expect(check([udp], pod('y/b'), pod('x/a'), 80, 'UDP').allowed).toBe(true);
  });

  it('explains egress: ipBlock with except, endPort ranges, named ports only on pods', () => {
    const egress = np('y/out', {
      podSelector: { matchLabels: { pod: 'b' } },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ ipBlock: { cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] } }], ports: [{ port: 8000, endPort: 8100 }] },
        { ports: [{ port: 'dns', protocol: 'UDP' }] },
      ],
    });
    const ext = (ip: string): PolicyEndpoint => ({ type: 'external', ip });
    const ok = check([egress], pod('y/b'), ext('203.0.113.9'), 8080);
    expect(ok.egress.reason).toBe('pod y/b is isolated for egress by policy out, and egress rule 0 of out allows TCP/8080 to 203.0.113.9');
    expect(ok.ingress.reason).toBe('203.0.113.9 is not a pod, so no ingress policy applies to it');
    const excepted = check([egress], pod('y/b'), ext('203.0.113.200'), 8080);
    expect(excepted.egress).toEqual({
      direction: 'egress',
      allowed: false,
      isolated: true,
      selectedBy: ['out'],
      allowedBy: [],
      misses: [
        { policy: 'out', rule: 0, why: '203.0.113.200 matches none of its to peers [203.0.113.0/24 except 203.0.113.128/25]' },
        { policy: 'out', rule: 1, why: 'TCP/8080 is not among its ports [UDP/dns]' },
      ],
      reason: 'pod y/b is isolated for egress by policy out, and no egress rule of [out] allows TCP/8080 to 203.0.113.200',
    });
    expect(check([egress], pod('y/b'), ext('203.0.113.9'), 8101).allowed).toBe(false);
    // The named port resolves on the destination pod's container ports; an external address has none.
    expect(check([egress], pod('y/b'), pod('x/a'), 53, 'UDP').egress.allowedBy).toEqual([{ policy: 'out', rule: 1 }]);
    expect(check([egress], pod('y/b'), ext('8.8.8.8'), 53, 'UDP').allowed).toBe(false);
  });

  it('matches ipBlock against pod IPs, and never a pod that has no IP yet', () => {
    const cidr = np('x/cidr', { policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '10.244.0.0/16' } }] }] });
    expect(check([cidr], pod('y/b', undefined, '10.244.1.7'), pod('x/a'), 80).allowed).toBe(true);
    expect(check([cidr], pod('y/b'), pod('x/a'), 80).allowed).toBe(false);
  });

  it('defaults policyTypes: Ingress always, Egress only with egress rules', () => {
    const both = np('x/both', { egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] });
    const ingressOnly = np('x/in', { egress: [] });
    const egressOnly = np('x/eg', { policyTypes: ['Egress'], ingress: [{}] });
    expect([both, ingressOnly, egressOnly].map(effectivePolicyTypes)).toEqual([['Ingress', 'Egress'], ['Ingress'], ['Egress']]);
    const v = check([both], pod('x/a'), pod('y/b'), 80);
    expect(v.egress.reason).toBe('pod x/a is isolated for egress by policy both, and no egress rule of [both] allows TCP/80 to y/b');
    expect(check([egressOnly], pod('y/b'), pod('x/a'), 80).ingress.isolated).toBe(false);
  });
});

describe('pluginEnforcesPolicy', () => {
  it('is true for Calico, Cilium and (v1.0+) kindnet, false for flannel and the bridge plugin', () => {
    expect(['calico', 'cilium', 'kindnet', 'flannel', 'bridge'].map(pluginEnforcesPolicy)).toEqual([true, true, true, false, false]);
  });
});

describe('networkPolicyVerdict on a cluster', () => {
  function cluster(): { c: Cluster; a: Pod; b: Pod } {
    const c = new Cluster();
    c.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } });
    const mk = (name: string) =>
      c.create<Pod>({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'x', labels: { pod: name } },
        spec: { containers: [{ name: 'c', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['netexec', '--http-port=8080'], ports: [{ name: 'http', containerPort: 8080 }] }] },
      });
    return { c, a: mk('a'), b: mk('b') };
  }

  it('reads policies and namespace labels, treats a pod IP as that pod, and follows deletions', () => {
    const { c, a, b } = cluster();
    c.apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'from-nodes', namespace: 'x' },
      spec: { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ ipBlock: { cidr: '192.168.49.0/24' } }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'x' } }, podSelector: { matchLabels: { pod: 'b' } } }], ports: [{ port: 'http' }] }] },
    });
    expect(networkPolicyVerdict(c, { ip: b.status.podIP! }, a, 8080, 'TCP').ingress.reason).toBe(
      'pod x/a is isolated for ingress by policy from-nodes, and ingress rule 0 of from-nodes allows TCP/8080 from x/b',
    );
    expect(networkPolicyVerdict(c, { ip: '192.168.49.2' }, a, 8080, 'TCP').allowed).toBe(true);
    expect(networkPolicyAllows(c, { ip: '10.0.0.1' }, a, 8080, 'TCP')).toBe(false);
    expect(networkPolicyAllows(c, a, { ip: b.status.podIP! }, 8080, 'TCP')).toBe(true);
    c.delete('NetworkPolicy', 'x', 'from-nodes');
    expect(networkPolicyAllows(c, { ip: '10.0.0.1' }, a, 8080, 'TCP')).toBe(true);
  });
});
