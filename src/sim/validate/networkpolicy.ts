/**
 * NetworkPolicy defaulting and validation in the apiserver's wording: `SetDefaults_NetworkPolicy`/`…Port` and
 * `ValidateNetworkPolicySpec` of kubernetes `pkg/apis/networking` (peers, ipBlock CIDRs, ports, endPort, protocols,
 * policyTypes), with apimachinery's label selector checks.
 * https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/networking/validation/validation.go
 */
import type { LabelSelector } from '../../lib/labels.js';
import type { FieldError } from '../errors.js';
import { parseCidr } from '../netpol-match.js';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../types.js';

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const LABEL_VALUE = new RegExp(`^(${QUALIFIED_NAME_FMT})?$`);
const DNS1123_SUBDOMAIN_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

/** apimachinery `RegexError`: the message, the examples, the regex. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const q = (s: string): string => JSON.stringify(s);

/** apimachinery `IsQualifiedName` (label keys). */
function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  const nameMsg = regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc');
  if (parts.length > 2) return [`a qualified name ${nameMsg} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (!prefix) errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
      if (!DNS1123_SUBDOMAIN.test(prefix)) {
        errs.push(`prefix part ${regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com')}`);
      }
    }
  }
  if (!name) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${nameMsg}`);
  return errs;
}

/** apimachinery `IsValidLabelValue`. */
function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", `(${QUALIFIED_NAME_FMT})?`, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/** apimachinery `ValidateLabelSelector`: label keys and values, operators, values required or forbidden by operator. */
export function validateLabelSelector(s: LabelSelector | undefined, path: string): FieldError[] {
  if (!s) return [];
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(s.matchLabels ?? {})) {
    for (const d of qualifiedNameErrors(k)) errs.push({ path: `${path}.matchLabels`, type: 'Invalid value', value: q(k), detail: d });
    for (const d of labelValueErrors(String(v))) errs.push({ path: `${path}.matchLabels`, type: 'Invalid value', value: q(String(v)), detail: d });
  }
  (s.matchExpressions ?? []).forEach((r, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = r.values ?? [];
    if (r.operator === 'In' || r.operator === 'NotIn') {
      if (values.length === 0) errs.push({ path: `${p}.values`, type: 'Required value', detail: "must be specified when `operator` is 'In' or 'NotIn'" });
    } else if (r.operator === 'Exists' || r.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push({ path: `${p}.values`, type: 'Forbidden', detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
    } else {
      errs.push({ path: `${p}.operator`, type: 'Invalid value', value: q(String(r.operator)), detail: 'not a valid selector operator' });
    }
    for (const d of qualifiedNameErrors(r.key ?? '')) errs.push({ path: `${p}.key`, type: 'Invalid value', value: q(r.key ?? ''), detail: d });
    values.forEach((v, j) => {
      for (const d of labelValueErrors(String(v))) errs.push({ path: `${p}.values[${j}]`, type: 'Invalid value', value: q(String(v)), detail: d });
    });
  });
  return errs;
}

/** apimachinery `IsValidPortName`. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

const validPort = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 65535;
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

function validatePort(port: NetworkPolicyPort, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const proto = port.protocol as string | undefined;
  if (proto !== undefined && proto !== null && proto !== 'TCP' && proto !== 'UDP' && proto !== 'SCTP') {
    errs.push({ path: `${path}.protocol`, type: 'Unsupported value', value: q(String(proto)), detail: 'supported values: "TCP", "UDP", "SCTP"' });
  }
  const hasEnd = port.endPort !== undefined && port.endPort !== null;
  if (typeof port.port === 'number') {
    if (!validPort(port.port)) errs.push({ path: `${path}.port`, type: 'Invalid value', value: String(port.port), detail: PORT_RANGE });
    if (hasEnd) {
      if (port.endPort! < port.port) errs.push({ path: `${path}.endPort`, type: 'Invalid value', value: String(port.endPort), detail: 'must be greater than or equal to `port`' });
      if (!validPort(port.endPort!)) errs.push({ path: `${path}.endPort`, type: 'Invalid value', value: String(port.endPort), detail: PORT_RANGE });
    }
  } else if (typeof port.port === 'string') {
    if (hasEnd) errs.push({ path: `${path}.endPort`, type: 'Invalid value', value: String(port.endPort), detail: 'may not be specified when `port` is non-numeric' });
    for (const d of portNameErrors(port.port)) errs.push({ path: `${path}.port`, type: 'Invalid value', value: q(port.port), detail: d });
  } else if (hasEnd) {
    errs.push({ path: `${path}.endPort`, type: 'Invalid value', value: String(port.endPort), detail: 'may not be specified when `port` is not specified' });
  }
  return errs;
}

function validateIpBlock(block: { cidr: string; except?: string[] }, path: string): FieldError[] {
  if (!block.cidr) return [{ path: `${path}.cidr`, type: 'Required value' }];
  const invalid = (p: string, v: string): FieldError => ({ path: p, type: 'Invalid value', value: q(v), detail: 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)' });
  const cidr = parseCidr(String(block.cidr));
  if (!cidr) return [invalid(`${path}.cidr`, String(block.cidr))];
  const errs: FieldError[] = [];
  (block.except ?? []).forEach((e, i) => {
    const p = `${path}.except[${i}]`;
    const ex = parseCidr(String(e));
    if (!ex) errs.push(invalid(p, String(e)));
    else if (ex[0].kind() !== cidr[0].kind() || !ex[0].match(cidr) || cidr[1] >= ex[1]) {
      errs.push({ path: p, type: 'Invalid value', value: q(String(e)), detail: 'must be a strict subset of `cidr`' });
    }
  });
  return errs;
}

function validatePeer(peer: NetworkPolicyPeer, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (peer.podSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.podSelector, `${path}.podSelector`));
  }
  if (peer.namespaceSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, `${path}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    n++;
    errs.push(...validateIpBlock(peer.ipBlock, `${path}.ipBlock`));
  }
  if (n === 0) errs.push({ path, type: 'Required value', detail: 'must specify a peer' });
  else if (n > 1 && peer.ipBlock) errs.push({ path, type: 'Forbidden', detail: 'may not specify both ipBlock and another peer' });
  return errs;
}

/**
 * Fills what the apiserver defaults, in place: `spec.podSelector` `{}`, `policyTypes` (`Ingress`, plus `Egress` when
 * there are egress rules) and each port's `protocol: TCP`.
 */
export function defaultNetworkPolicy(np: NetworkPolicy): void {
  np.spec = np.spec ?? ({} as NetworkPolicy['spec']);
  const spec = np.spec;
  spec.podSelector = spec.podSelector ?? {};
  if (!spec.policyTypes || spec.policyTypes.length === 0) {
    spec.policyTypes = (spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
    for (const p of rule?.ports ?? []) if (p && (p.protocol === undefined || p.protocol === null)) p.protocol = 'TCP';
  }
}

/** Every problem of a NetworkPolicy's spec, in the apiserver's order (pod selector, ingress, egress, policyTypes). */
export function validateNetworkPolicy(np: NetworkPolicy): FieldError[] {
  const spec = np.spec ?? ({ podSelector: {} } as NetworkPolicy['spec']);
  const errs = validateLabelSelector(spec.podSelector, 'spec.podSelector');
  const rules = [
    ['ingress', 'from', spec.ingress ?? []],
    ['egress', 'to', spec.egress ?? []],
  ] as const;
  for (const [dir, peersKey, list] of rules) {
    list.forEach((rule, i) => {
      const path = `spec.${dir}[${i}]`;
      (rule?.ports ?? []).forEach((p, j) => errs.push(...validatePort(p ?? {}, `${path}.ports[${j}]`)));
      const peers = ((rule as Record<string, NetworkPolicyPeer[] | undefined>)?.[peersKey] ?? []);
      peers.forEach((peer, j) => errs.push(...validatePeer(peer ?? {}, `${path}.${peersKey}[${j}]`)));
    });
  }
  const types = spec.policyTypes ?? [];
  if (types.length > 2) {
    errs.push({ path: 'spec.policyTypes', type: 'Invalid value', value: `[]networking.PolicyType{${types.map((t) => q(String(t))).join(', ')}}`, detail: 'may not specify more than two policyTypes' });
    return errs;
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push({ path: `spec.policyTypes[${i}]`, type: 'Unsupported value', value: q(String(t)), detail: 'supported values: "Ingress", "Egress"' });
  });
  return errs;
}

/** Defaults a NetworkPolicy in place, then returns every validation error (none when it is valid). */
export function admitNetworkPolicy(np: NetworkPolicy): FieldError[] {
  defaultNetworkPolicy(np);
  return validateNetworkPolicy(np);
}
