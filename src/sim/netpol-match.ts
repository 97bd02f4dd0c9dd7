/**
 * The building blocks of NetworkPolicy matching: CIDRs (`ipBlock` with `except`), peers (`podSelector`,
 * `namespaceSelector`, both ANDed in one peer) and ports (number, named container port, `endPort` range, protocol).
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
import ipaddr from 'ipaddr.js';
import { matchesSelector, type LabelSelector, type Labels } from '../lib/labels.js';
import type { ContainerPort, NetworkPolicyPeer, NetworkPolicyPort, Protocol } from './types.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A parsed CIDR: the network address and the prefix length. */
export type Cidr = [Address, number];

const IPV4_CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,3}$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Parses a CIDR the way the apiserver's legacy-field parser does (`netutils.ParseCIDRSloppy`): dotted-quad IPv4 or
 * IPv6, host bits allowed (they are masked off). Undefined when it is not a CIDR.
 */
export function parseCidr(text: string): Cidr | undefined {
  if (IPV4_CIDR.test(text)) {
    if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) return undefined;
    return ipaddr.IPv4.parseCIDR(text);
  }
  if (!text.includes(':') || !ipaddr.IPv6.isValidCIDR(text)) return undefined;
  const [addr, bits] = ipaddr.IPv6.parseCIDR(text);
  return addr.isIPv4MappedAddress() && bits >= 96 ? [addr.toIPv4Address(), bits - 96] : [addr, bits];
}

function parseIpUncached(text: string): Address | undefined {
  if (IPV4.test(text)) return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : undefined;
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return undefined;
  return ipaddr.process(text);
}

const IP_CACHE = new Map<string, Address | undefined>();
const IP_CACHE_MAX = 20_000;

/** Parses an IP address (dotted-quad IPv4 or IPv6; IPv4-mapped IPv6 becomes IPv4). Undefined when it is not one. */
export function parseIp(text: string): Address | undefined {
  if (IP_CACHE.has(text)) return IP_CACHE.get(text);
  if (IP_CACHE.size >= IP_CACHE_MAX) IP_CACHE.clear();
  const ip = parseIpUncached(text);
  IP_CACHE.set(text, ip);
  return ip;
}

/** True when `ip` lies in `cidr` (an IPv4 address is never in an IPv6 CIDR and vice versa). */
export function inCidr(ip: Address, cidr: Cidr): boolean {
  return ip.kind() === cidr[0].kind() && ip.match(cidr);
}

/** The network a CIDR names, canonical (`10.244.1.7/4` → `0.0.0.0/4`). */
export function canonicalCidr(cidr: Cidr): string {
  const [addr, bits] = cidr;
  const net = addr.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${bits}`) : ipaddr.IPv6.networkAddressFromCIDR(`${addr.toString()}/${bits}`);
  return `${net.toString()}/${bits}`;
}

/** A pod as NetworkPolicy sees it: where it lives, its labels, its IP and its container ports (for named ports). */
export interface PolicyPod {
  namespace: string;
  name: string;
  labels: Labels;
  /** Undefined before the pod has an IP: then no `ipBlock` matches it. */
  ip?: string;
  ports: readonly ContainerPort[];
}

/** One end of a connection: a pod of the cluster, or an address outside the pod network (a node, the internet). */
export type PolicyEndpoint = { type: 'pod'; pod: PolicyPod } | { type: 'external'; ip: string };

/** How reasons name an endpoint: `x/a` for a pod, the address otherwise. */
export function endpointText(e: PolicyEndpoint): string {
  return e.type === 'pod' ? `${e.pod.namespace}/${e.pod.name}` : e.ip;
}

/** An `ipBlock` with its CIDRs parsed once. */
export interface CompiledIpBlock {
  cidr: Cidr | undefined;
  except: Cidr[];
}

/** Parses an `ipBlock` (unparseable CIDRs match nothing; validation rejects them before they get here). */
export function compileIpBlock(block: { cidr: string; except?: string[] }): CompiledIpBlock {
  const except: Cidr[] = [];
  for (const e of block.except ?? []) {
    const c = parseCidr(e);
    if (c) except.push(c);
  }
  return { cidr: parseCidr(block.cidr), except };
}

function endpointIp(e: PolicyEndpoint): string | undefined {
  return e.type === 'pod' ? e.pod.ip : e.ip;
}

/**
 * True when `peer` (of a policy in `policyNamespace`) selects `e`. An `ipBlock` matches by IP, pod IPs included (as
 * Calico, Cilium and the upstream e2e suite expect); selectors match pods only: `podSelector` alone means pods of the
 * policy's namespace, `namespaceSelector` alone every pod of the selected namespaces, both together the selected pods
 * of the selected namespaces.
 */
export function peerMatches(
  peer: NetworkPolicyPeer,
  ipBlock: CompiledIpBlock | undefined,
  policyNamespace: string,
  e: PolicyEndpoint,
  namespaceLabels: ReadonlyMap<string, Labels>,
): boolean {
  if (peer.ipBlock) {
    const ipText = endpointIp(e);
    const ip = ipText === undefined ? undefined : parseIp(ipText);
    if (!ip || !ipBlock?.cidr || !inCidr(ip, ipBlock.cidr)) return false;
    return !ipBlock.except.some((x) => inCidr(ip, x));
  }
  if (e.type !== 'pod' || (!peer.podSelector && !peer.namespaceSelector)) return false;
  const pod = e.pod;
  if (peer.namespaceSelector) {
    if (!matchesSelector(peer.namespaceSelector, namespaceLabels.get(pod.namespace) ?? {})) return false;
  } else if (pod.namespace !== policyNamespace) return false;
  return !peer.podSelector || matchesSelector(peer.podSelector, pod.labels);
}

/**
 * True when one entry of a rule's `ports` admits `protocol`/`port` on `destination`. Protocol defaults to TCP; no
 * `port` means every port of that protocol; `endPort` makes a range; a name resolves on the destination pod's
 * container ports (same name and protocol, that number), so it never matches an address outside the cluster.
 */
export function portMatches(p: NetworkPolicyPort, destination: PolicyEndpoint, port: number, protocol: Protocol): boolean {
  if ((p.protocol ?? 'TCP') !== protocol) return false;
  if (p.port === undefined || p.port === null) return true;
  if (typeof p.port === 'number') return p.endPort === undefined || p.endPort === null ? port === p.port : port >= p.port && port <= p.endPort;
  if (destination.type !== 'pod') return false;
  const name = p.port;
  return destination.pod.ports.some((cp) => cp.name === name && (cp.protocol ?? 'TCP') === protocol && cp.containerPort === port);
}

/** `TCP/80`, `TCP/80-90`, `TCP/serve-80-tcp`, `UDP/any`: how reasons name one entry of a rule's ports. */
export function portText(p: NetworkPolicyPort): string {
  const proto = p.protocol ?? 'TCP';
  if (p.port === undefined || p.port === null) return `${proto}/any`;
  return p.endPort !== undefined && p.endPort !== null ? `${proto}/${p.port}-${p.endPort}` : `${proto}/${p.port}`;
}

/** `pods pod=a in namespace x`, `10.0.0.0/8 except 10.1.0.0/16`: how reasons name a peer of a policy in `policyNamespace`. */
export function peerText(peer: NetworkPolicyPeer, policyNamespace: string): string {
  if (peer.ipBlock) {
    const ex = peer.ipBlock.except ?? [];
    return ex.length ? `${peer.ipBlock.cidr} except ${ex.join(', ')}` : peer.ipBlock.cidr;
  }
  const pods = peer.podSelector ? `pods ${selectorText(peer.podSelector)}` : 'all pods';
  if (!peer.namespaceSelector) return `${pods} in namespace ${policyNamespace}`;
  return `${pods} in namespaces ${selectorText(peer.namespaceSelector)}`;
}

/** `pod=a,app in (x,y)` or `{}` (everything): a label selector as kubectl prints it. */
export function selectorText(s: LabelSelector): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(s.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) parts.push(`${k}=${v}`);
  for (const r of s.matchExpressions ?? []) {
    const vals = `(${(r.values ?? []).join(',')})`;
    if (r.operator === 'In') parts.push(`${r.key} in ${vals}`);
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin ${vals}`);
    else if (r.operator === 'Exists') parts.push(r.key);
    else parts.push(`!${r.key}`);
  }
  return parts.length ? parts.join(',') : '{}';
}
