import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Cluster } from '../../src/sim/cluster.js';
import { SimError } from '../../src/sim/errors.js';
import type { KubeObject, NetworkPolicy } from '../../src/sim/types.js';

function policy(spec: string): KubeObject {
  return parse(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: np
spec:
${spec
  .trim()
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`) as KubeObject;
}

/** The apiserver's message for applying `spec`, or 'ok'. */
function applyError(spec: string): string {
  try {
    new Cluster().apply(policy(spec));
    return 'ok';
  } catch (e) {
    if (e instanceof SimError) return `${e.code}: ${e.message}`;
    throw e;
  }
}

describe('NetworkPolicy validation (apiserver wording)', () => {
  it('accepts a valid policy', () => {
    expect(applyError(`
podSelector: {matchLabels: {app: web}}
ingress:
- from:
  - namespaceSelector: {matchLabels: {team: a}}
    podSelector: {matchExpressions: [{key: role, operator: In, values: [client]}]}
  - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
  ports:
  - {port: 80}
  - {port: http, protocol: TCP}
  - {port: 8000, endPort: 8100, protocol: UDP}
  - {protocol: SCTP}`)).toBe('ok');
  });

  it('rejects ipBlock together with another peer', () => {
    expect(applyError(`
podSelector: {}
ingress:
- from:
  - ipBlock: {cidr: 10.0.0.0/8}
    podSelector: {}`)).toBe('Invalid: NetworkPolicy "np" is invalid: spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer');
  });

  it('rejects an empty peer', () => {
    expect(applyError(`
podSelector: {}
egress:
- to:
  - {}`)).toBe('Invalid: NetworkPolicy "np" is invalid: spec.egress[0].to[0]: Required value: must specify a peer');
  });

  it('rejects an invalid CIDR', () => {
    expect(applyError(`
podSelector: {}
egress:
- to:
  - ipBlock: {cidr: 10.0.0.0/33}`)).toBe(
      'Invalid: NetworkPolicy "np" is invalid: spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    );
  });

  it('rejects an except outside the cidr, and an except as wide as it', () => {
    expect(applyError(`
podSelector: {}
ingress:
- from:
  - ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/24, 10.0.0.0/8, nope]}`)).toBe(
      'Invalid: NetworkPolicy "np" is invalid: [spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.0.0/24": must be a strict subset of `cidr`, spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`, spec.ingress[0].from[0].ipBlock.except[2]: Invalid value: "nope": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)]',
    );
  });

  it('rejects an endPort below port', () => {
    expect(applyError(`
podSelector: {}
ingress:
- ports:
  - {port: 80, endPort: 79}`)).toBe('Invalid: NetworkPolicy "np" is invalid: spec.ingress[0].ports[0].endPort: Invalid value: 79: must be greater than or equal to `port`');
  });

  it('rejects an endPort with a named port, and without a port', () => {
    expect(applyError(`
podSelector: {}
ingress:
- ports:
  - {port: http, endPort: 90}
  - {endPort: 90}`)).toBe(
      'Invalid: NetworkPolicy "np" is invalid: [spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric, spec.ingress[0].ports[1].endPort: Invalid value: 90: may not be specified when `port` is not specified]',
    );
  });

  it('rejects an unsupported protocol', () => {
    expect(applyError(`
podSelector: {}
ingress:
- ports:
  - {protocol: ICMP}`)).toBe('Invalid: NetworkPolicy "np" is invalid: spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"');
  });

  it('rejects a port out of range and a malformed port name', () => {
    expect(applyError(`
podSelector: {}
egress:
- ports:
  - {port: 70000}
  - {port: "80"}
  - {port: Web--Port}`)).toBe(
      'Invalid: NetworkPolicy "np" is invalid: [spec.egress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.egress[0].ports[1].port: Invalid value: "80": must contain at least one letter (a-z), spec.egress[0].ports[2].port: Invalid value: "Web--Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.egress[0].ports[2].port: Invalid value: "Web--Port": must not contain consecutive hyphens]',
    );
  });

  it('accepts IPv6 blocks and host bits in a CIDR (legacy parsing, as v1.34 without StrictIPCIDRValidation)', () => {
    expect(applyError(`
podSelector: {}
egress:
- to:
  - ipBlock: {cidr: '2001:db8::/64', except: ['2001:db8::/96']}
  - ipBlock: {cidr: 10.244.0.5/16}`)).toBe('ok');
  });

  it('requires a cidr in an ipBlock, and rejects an IPv4 except inside an IPv6 cidr', () => {
    expect(applyError(`
podSelector: {}
ingress:
- from:
  - ipBlock: {cidr: ''}
  - ipBlock: {cidr: '2001:db8::/64', except: [10.0.0.0/8]}`)).toBe(
      'Invalid: NetworkPolicy "np" is invalid: [spec.ingress[0].from[0].ipBlock.cidr: Required value, spec.ingress[0].from[1].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`]',
    );
  });

  it('rejects more than two policy types', () => {
    expect(applyError(`
podSelector: {}
policyTypes: [Ingress, Egress, Ingress]`)).toBe(
      'Invalid: NetworkPolicy "np" is invalid: spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes',
    );
  });

  it('rejects an unknown policy type', () => {
    expect(applyError(`
podSelector: {}
policyTypes: [Ingress, Sideways]`)).toBe('Invalid: NetworkPolicy "np" is invalid: spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"');
  });

  it('checks label selectors: operators, values and keys', () => {
    expect(applyError(`
podSelector:
  matchLabels: {"bad key!": x}
  matchExpressions:
  - {key: app, operator: In}
  - {key: tier, operator: Exists, values: [a]}
  - {key: zone, operator: Near, values: [a]}`)).toBe(
      `Invalid: NetworkPolicy "np" is invalid: [spec.podSelector.matchLabels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), spec.podSelector.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn', spec.podSelector.matchExpressions[1].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist', spec.podSelector.matchExpressions[2].operator: Invalid value: "Near": not a valid selector operator]`,
    );
  });
});

describe('NetworkPolicy defaulting', () => {
  it('defaults policyTypes and port protocols, so applying again is unchanged', () => {
    const c = new Cluster();
    const np = policy(`
podSelector: {}
egress:
- ports: [{port: 53}]
ingress:
- ports: [{port: 80}]`);
    expect(c.apply(np).action).toBe('created');
    const stored = c.mustGet<NetworkPolicy>('NetworkPolicy', 'default', 'np');
    expect(stored.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }],
      ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }],
    });
    expect(c.apply(np).action).toBe('unchanged');
  });

  it('defaults policyTypes to Ingress alone without egress rules', () => {
    const c = new Cluster();
    c.apply(policy(`podSelector: {matchLabels: {app: db}}`));
    expect(c.mustGet<NetworkPolicy>('NetworkPolicy', 'default', 'np').spec).toEqual({ podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] });
  });
});
