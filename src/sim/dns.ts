/**
 * Cluster DNS as CoreDNS's `kubernetes` plugin serves it (minikube's Corefile: `kubernetes cluster.local
 * in-addr.arpa ip6.arpa { pods insecure; ttl 30 }`), following the Kubernetes DNS specification
 * (kubernetes/dns `docs/specification.md`): Service A records, one A per ready endpoint for headless Services and
 * `<hostname>.<svc>.<ns>.svc.<zone>`, ExternalName CNAMEs, SRV `_<port>._<proto>.<svc>.<ns>.svc.<zone>` for named
 * ports, PTR for Service and endpoint IPs, pod records `a-b-c-d.<ns>.pod.<zone>`, `dns-version.<zone>` TXT.
 * A client walks its resolv.conf search list (ndots:5: a name with fewer dots tries the search list first). With no
 * ready CoreDNS pod every lookup times out; a name outside the cluster zone is forwarded upstream and denied by the
 * root zone (NXDOMAIN with the root SOA: the simulation has no internet).
 * https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
 */
import type { Cluster } from './cluster.js';
import { etcHosts, resolvConf } from './container-fs.js';
import type { Endpoints, Pod, Service } from './types.js';

/** The record types the simulator answers (SOA: in authority sections, and for the cluster zone's apex). */
export type DnsType = 'A' | 'SRV' | 'PTR' | 'CNAME' | 'TXT' | 'SOA';

/** One answer record; `data` is the RDATA as dig prints it (`10.96.0.1`, `0 100 80 web.default.svc.cluster.local.`). */
export interface DnsRecord {
  name: string;
  type: DnsType;
  ttl: number;
  data: string;
}

/** The answer for one fully qualified name. NODATA is NOERROR without answers of the asked type. */
export type DnsRcode = 'NOERROR' | 'NXDOMAIN' | 'NODATA';

/** What a client got back: every query name it tried (in order) and the final answer. */
export interface DnsResult {
  status: 'NOERROR' | 'NXDOMAIN' | 'TIMEOUT';
  /** The name as typed. */
  query: string;
  type: DnsType;
  /** The nameserver asked (`10.96.0.10`). */
  server: string;
  tried: { name: string; rcode: DnsRcode | 'TIMEOUT' }[];
  /** The fully qualified name that answered (trailing dot), when one did. */
  name?: string;
  answers: DnsRecord[];
  /**
   * The authority section of the last response: the SOA of the zone that denied the name when there are no
   * answers (the cluster zone's, or, for a name CoreDNS forwarded upstream, the root zone's); empty or absent otherwise.
   */
  authority?: DnsRecord[];
  /**
   * Whether the last response was CoreDNS's own (the `kubernetes` plugin is authoritative: flags `qr aa rd`) rather
   * than forwarded upstream (`forward . /etc/resolv.conf`: flags `qr rd ra`). Absent: not asked of cluster DNS.
   */
  authoritative?: boolean;
}

/** A pod's `/etc/resolv.conf`, parsed. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

/** The kube-dns ClusterIP every ClusterFirst pod uses. */
export const CLUSTER_DNS_IP = '10.96.0.10';
const TTL = 30;
/** CoreDNS's `DNSSchemaVersion`. */
const SCHEMA_VERSION = '1.1.0';

/** Parses resolv.conf text (`search`, `nameserver`, `options ndots:N`; glibc's default ndots is 1). */
export function parseResolvConf(text: string): ResolvConf {
  const out: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0]) out.nameservers.push(rest[0]);
    if (key === 'search') out.search = rest;
    if (key === 'options') for (const o of rest) if (o.startsWith('ndots:')) out.ndots = Math.min(15, Number(o.slice(6)) || 0);
  }
  return out;
}

/** The resolver configuration the kubelet wrote for a pod (dnsPolicy ClusterFirst, Default, hostNetwork). */
export function podResolvConf(c: Cluster, pod: Pod): ResolvConf {
  return parseResolvConf(resolvConf(c, pod));
}

const fq = (name: string): string => (name.endsWith('.') ? name : `${name}.`);

/** The serial the `kubernetes` plugin's SOA shows (a Unix time; fixed so outputs stay reproducible). */
const CLUSTER_SOA_SERIAL = 1735732800;

/** Whether CoreDNS answers a name itself (the `kubernetes` plugin's zones) instead of forwarding it upstream. */
export function inClusterZone(name: string, zone: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  return n === zone || n.endsWith(`.${zone}`) || n === 'in-addr.arpa' || n.endsWith('.in-addr.arpa');
}

/**
 * The SOA record a denial carries in its authority section. Cluster names: the `kubernetes` plugin's
 * `cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. … 7200 1800 86400 30`. Anything else is
 * forwarded upstream, and the simulated world has no delegated zones: the root servers deny it with the root SOA
 * (`. IN SOA a.root-servers.net. nstld.verisign-grs.com. YYYYMMDDNN 1800 900 604800 86400`), its TTL capped at 30
 * by CoreDNS's `cache 30`. Reverse names stay the cluster's (the plugin serves `in-addr.arpa`).
 */
export function soaFor(c: Cluster, name: string, zone = c.options.clusterDomain): DnsRecord {
  if (inClusterZone(name, zone)) {
    return { name: `${zone}.`, type: 'SOA', ttl: TTL, data: `ns.dns.${zone}. hostmaster.${zone}. ${CLUSTER_SOA_SERIAL} 7200 1800 86400 30` };
  }
  const day = new Date(c.now()).toISOString().slice(0, 10).replace(/-/g, '');
  return { name: '.', type: 'SOA', ttl: TTL, data: `a.root-servers.net. nstld.verisign-grs.com. ${day}00 1800 900 604800 86400` };
}

function endpointsOf(c: Cluster, svc: Service): { ip: string; hostname?: string; ports: { name?: string; port: number; protocol?: string }[] }[] {
  const ep = c.get<Endpoints>('Endpoints', svc.metadata.namespace, svc.metadata.name);
  const out: { ip: string; hostname?: string; ports: { name?: string; port: number; protocol?: string }[] }[] = [];
  for (const s of ep?.subsets ?? []) for (const a of s.addresses ?? []) out.push({ ip: a.ip, ...(a.hostname ? { hostname: a.hostname } : {}), ports: s.ports ?? [] });
  return out;
}

const dashed = (ip: string): string => ip.replace(/\./g, '-');
const isIPv4 = (ip: string): boolean => /^(\d{1,3})(\.\d{1,3}){3}$/.test(ip) && ip.split('.').every((p) => Number(p) <= 255);

function serviceRecords(c: Cluster, svc: Service, owner: string, type: DnsType, zone: string): { rcode: DnsRcode; answers: DnsRecord[] } {
  const base = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}.`;
  if (svc.spec.type === 'ExternalName') {
    if (type !== 'A' && type !== 'CNAME') return { rcode: 'NODATA', answers: [] };
    const cname: DnsRecord = { name: owner, type: 'CNAME', ttl: TTL, data: fq(svc.spec.externalName ?? '') };
    const chased = type === 'A' ? answerFor(c, (svc.spec.externalName ?? '').toLowerCase().replace(/\.$/, ''), 'A', zone).answers : [];
    return { rcode: 'NOERROR', answers: [cname, ...chased] };
  }
  const headless = svc.spec.clusterIP === 'None';
  const eps = headless ? endpointsOf(c, svc) : [];
  if (headless && eps.length === 0) return { rcode: 'NXDOMAIN', answers: [] };
  if (type === 'A') {
    const ips = headless ? [...new Set(eps.map((e) => e.ip))] : [svc.spec.clusterIP ?? ''];
    return { rcode: 'NOERROR', answers: ips.map((ip) => ({ name: owner, type: 'A', ttl: TTL, data: ip })) };
  }
  if (type === 'SRV') return { rcode: 'NOERROR', answers: srv(svc, eps, owner, base, zone, () => true) };
  return { rcode: 'NODATA', answers: [] };
}

function srv(svc: Service, eps: ReturnType<typeof endpointsOf>, owner: string, base: string, zone: string, want: (p: { name?: string; protocol?: string }) => boolean): DnsRecord[] {
  const ports = (svc.spec.ports ?? []).filter(want);
  if (svc.spec.clusterIP !== 'None') {
    return ports.map((p) => ({ name: owner, type: 'SRV', ttl: TTL, data: `0 ${Math.floor(100 / Math.max(1, ports.length))} ${p.port} ${base}` }));
  }
  const out: DnsRecord[] = [];
  const n = eps.length * Math.max(1, ports.length);
  for (const p of ports) {
    for (const e of eps) {
      const ep = e.ports.find((x) => (x.name ?? '') === (p.name ?? '') && (x.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (!ep) continue;
      out.push({ name: owner, type: 'SRV', ttl: TTL, data: `0 ${Math.floor(100 / n)} ${ep.port} ${e.hostname ?? dashed(e.ip)}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}.` });
    }
  }
  return out;
}

function ptr(c: Cluster, ip: string, owner: string, zone: string): { rcode: DnsRcode; answers: DnsRecord[] } {
  for (const o of c.state.objects.get('Service')?.values() ?? []) {
    const svc = o as Service;
    if (svc.spec.clusterIP === ip) return { rcode: 'NOERROR', answers: [{ name: owner, type: 'PTR', ttl: TTL, data: `${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}.` }] };
  }
  for (const o of c.state.objects.get('Service')?.values() ?? []) {
    const svc = o as Service;
    if (svc.spec.clusterIP !== 'None') continue;
    const e = endpointsOf(c, svc).find((x) => x.ip === ip);
    if (e) return { rcode: 'NOERROR', answers: [{ name: owner, type: 'PTR', ttl: TTL, data: `${e.hostname ?? dashed(ip)}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}.` }] };
  }
  return { rcode: 'NXDOMAIN', answers: [] };
}

/** CoreDNS's authoritative answer for one fully qualified name (no trailing dot, any case). */
export function answerFor(c: Cluster, fqdn: string, type: DnsType, zone = c.options.clusterDomain): { rcode: DnsRcode; answers: DnsRecord[] } {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  const owner = `${name}.`;
  if (name.endsWith('.in-addr.arpa')) {
    const ip = name.slice(0, -'.in-addr.arpa'.length).split('.').reverse().join('.');
    if (!isIPv4(ip)) return { rcode: 'NXDOMAIN', answers: [] };
    const r = ptr(c, ip, owner, zone);
    return type === 'PTR' || r.rcode !== 'NOERROR' ? r : { rcode: 'NODATA', answers: [] };
  }
  if (name === zone && type === 'SOA') return { rcode: 'NOERROR', answers: [soaFor(c, name, zone)] };
  if (name === `dns-version.${zone}`) return type === 'TXT' ? { rcode: 'NOERROR', answers: [{ name: owner, type: 'TXT', ttl: TTL, data: `"${SCHEMA_VERSION}"` }] } : { rcode: 'NODATA', answers: [] };
  if (!name.endsWith(`.${zone}`) && name !== zone) return { rcode: 'NXDOMAIN', answers: [] };
  const labels = name === zone ? [] : name.slice(0, -(zone.length + 1)).split('.');
  const nxdomain = { rcode: 'NXDOMAIN' as const, answers: [] };
  const nodata = { rcode: 'NODATA' as const, answers: [] };
  const last = labels[labels.length - 1];
  if (labels.length === 3 && last === 'pod') {
    const ip = labels[0]!.replace(/-/g, '.');
    if (!isIPv4(ip) || !c.get('Namespace', undefined, labels[1]!)) return nxdomain;
    return type === 'A' ? { rcode: 'NOERROR', answers: [{ name: owner, type: 'A', ttl: TTL, data: ip }] } : nodata;
  }
  if (labels.length === 0 || (labels.length === 1 && (last === 'svc' || last === 'pod'))) return nodata;
  if (labels.length === 2 && last === 'pod') return c.get('Namespace', undefined, labels[0]!) ? nodata : nxdomain;
  if (last !== 'svc') return nxdomain;
  const ns = labels[labels.length - 2]!;
  if (!c.get('Namespace', undefined, ns)) return nxdomain;
  if (labels.length === 2) return nodata;
  const svc = c.get<Service>('Service', ns, labels[labels.length - 3]!);
  if (!svc) return nxdomain;
  if (labels.length === 3) return serviceRecords(c, svc, owner, type, zone);
  const base = `${svc.metadata.name}.${ns}.svc.${zone}.`;
  if (labels.length === 5 && labels[0]!.startsWith('_') && labels[1]!.startsWith('_')) {
    const portName = labels[0]!.slice(1);
    const proto = labels[1]!.slice(1);
    const eps = svc.spec.clusterIP === 'None' ? endpointsOf(c, svc) : [];
    const records = srv(svc, eps, owner, base, zone, (p) => p.name === portName && (p.protocol ?? 'TCP').toLowerCase() === proto);
    if (records.length === 0) return nxdomain;
    return type === 'SRV' ? { rcode: 'NOERROR', answers: records } : nodata;
  }
  if (labels.length === 4 && svc.spec.clusterIP === 'None') {
    const host = labels[0]!;
    const ips = endpointsOf(c, svc).filter((e) => (e.hostname ?? dashed(e.ip)) === host).map((e) => e.ip);
    if (ips.length === 0) return nxdomain;
    return type === 'A' ? { rcode: 'NOERROR', answers: [...new Set(ips)].map((ip) => ({ name: owner, type: 'A' as const, ttl: TTL, data: ip })) } : nodata;
  }
  return nxdomain;
}

/** Whether cluster DNS answers at all: kube-dns has a ready endpoint (CoreDNS scaled to zero: every lookup times out). */
export function clusterDnsUp(c: Cluster): boolean {
  const ep = c.get<Endpoints>('Endpoints', 'kube-system', 'kube-dns');
  return (ep?.subsets ?? []).some((s) => (s.addresses ?? []).length > 0);
}

/** The names a resolver asks for, in order: ndots decides whether the search list comes first. */
export function candidateNames(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((d) => `${name}.${d}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

/**
 * A DNS lookup from a pod the way its resolver does it (no /etc/hosts: `nslookup`, `dig +search`, `host`): the
 * search list per ndots, each name asked of the pod's nameserver, the first name with answers wins. `dnsAllowed`
 * lets the caller drop the query (a NetworkPolicy denying egress to CoreDNS), which times out like CoreDNS down.
 */
export function resolve(c: Cluster, from: Pod, name: string, type: DnsType = 'A', dnsAllowed: () => boolean = () => true): DnsResult {
  const conf = podResolvConf(c, from);
  const server = conf.nameservers[0] ?? CLUSTER_DNS_IP;
  const result: DnsResult = { status: 'NXDOMAIN', query: name, type, server, tried: [], answers: [] };
  const clusterDns = server === CLUSTER_DNS_IP;
  if (clusterDns && (!clusterDnsUp(c) || !dnsAllowed())) {
    result.status = 'TIMEOUT';
    result.tried.push({ name: fq(candidateNames(name, conf)[0] ?? name), rcode: 'TIMEOUT' });
    return result;
  }
  const names = type === 'PTR' && isIPv4(name) ? [`${name.split('.').reverse().join('.')}.in-addr.arpa`] : candidateNames(name, conf);
  for (const n of names.slice(0, 8)) {
    const r = clusterDns ? answerFor(c, n, type) : { rcode: 'NXDOMAIN' as const, answers: [] };
    result.tried.push({ name: fq(n), rcode: r.rcode });
    if (r.rcode === 'NOERROR' && r.answers.length) {
      return { ...result, status: 'NOERROR', name: fq(n.toLowerCase()), answers: r.answers, authoritative: inClusterZone(n, c.options.clusterDomain) };
    }
  }
  if (result.tried.some((t) => t.rcode === 'NODATA')) result.status = 'NOERROR';
  const last = result.tried[result.tried.length - 1]?.name ?? fq(name);
  if (clusterDns) {
    result.authority = [soaFor(c, last)];
    result.authoritative = inClusterZone(last, c.options.clusterDomain);
  }
  return result;
}

/**
 * `getaddrinfo` in a pod (curl, wget, ping): `/etc/hosts` first (localhost, the pod's own hostname), then DNS A
 * records. The IPs found, or why not.
 */
export function lookupHost(c: Cluster, from: Pod, name: string, dnsAllowed?: () => boolean): { ok: true; ips: string[]; result?: DnsResult } | { ok: false; reason: 'nxdomain' | 'timeout'; result: DnsResult } {
  const want = name.toLowerCase().replace(/\.$/, '');
  for (const line of etcHosts(c, from).split('\n')) {
    const [ip, ...names] = line.trim().split(/\s+/);
    if (!ip || ip.startsWith('#') || ip.includes(':')) continue;
    if (names.some((n) => n.toLowerCase() === want)) return { ok: true, ips: [ip] };
  }
  const result = resolve(c, from, name, 'A', dnsAllowed);
  const ips = result.answers.filter((a) => a.type === 'A').map((a) => a.data);
  if (ips.length) return { ok: true, ips, result };
  return { ok: false, reason: result.status === 'TIMEOUT' ? 'timeout' : 'nxdomain', result };
}
