/**
 * kube-proxy in iptables mode: a connection to a Service's ClusterIP:port, to a node port on any node IP, or to a
 * LoadBalancer ingress IP is DNAT-ed to one ready endpoint; no ready endpoint means the packet is rejected
 * (`Connection refused`); `externalTrafficPolicy: Local` drops external traffic on a node without a local endpoint,
 * `internalTrafficPolicy: Local` does the same for in-cluster traffic to the ClusterIP.
 * The choice spreads over endpoints (round-robin per Service port, where real kube-proxy draws at random) and
 * `sessionAffinity: ClientIP` pins a client to one endpoint. `iptablesSave` renders the rules kube-proxy programs.
 * https://kubernetes.io/docs/reference/networking/virtual-ips/
 */
import type { Cluster } from './cluster.js';
import type { Endpoints, Node, Pod, Protocol, Service, ServicePort } from './types.js';
import { fnv32a } from '../lib/hash.js';

/** One Service port reachable at an address. */
export interface Frontend {
  svc: Service;
  port: ServicePort;
  /** How the address was reached: the ClusterIP, a node port, or a LoadBalancer ingress IP. */
  via: 'clusterIP' | 'nodePort' | 'loadBalancer' | 'externalIP';
}

/** A ready endpoint of a Service port. */
export interface ServiceEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  podName?: string;
}

/** What kube-proxy does with a packet to a Service address. */
export type ProxyDecision =
  | { type: 'dnat'; frontend: Frontend; endpoint: ServiceEndpoint }
  | { type: 'reject'; frontend: Frontend }
  | { type: 'drop'; frontend?: Frontend };

interface NetIndex {
  version: number;
  state: unknown;
  frontends: Map<string, Frontend>;
  nodePorts: Map<string, Frontend>;
  clusterIPs: Set<string>;
  podsByIP: Map<string, Pod>;
  nodesByIP: Map<string, Node>;
}

const INDEXES = new WeakMap<Cluster, NetIndex>();
const COUNTERS = new WeakMap<Cluster, Map<string, number>>();

const key = (ip: string, port: number, proto: string): string => `${ip}:${port}/${proto}`;

/** Addresses of pods, nodes and Service frontends, rebuilt when the cluster changes. */
export function netIndex(c: Cluster): NetIndex {
  const cached = INDEXES.get(c);
  if (cached && cached.version === c.version && cached.state === c.state) return cached;
  const idx: NetIndex = { version: c.version, state: c.state, frontends: new Map(), nodePorts: new Map(), clusterIPs: new Set(), podsByIP: new Map(), nodesByIP: new Map() };
  for (const o of c.state.objects.get('Pod')?.values() ?? []) {
    const p = o as Pod;
    if (p.status?.podIP && !p.spec.hostNetwork) idx.podsByIP.set(p.status.podIP, p);
  }
  for (const o of c.state.objects.get('Node')?.values() ?? []) idx.nodesByIP.set(c.nodeIP(o as Node), o as Node);
  for (const o of c.state.objects.get('Service')?.values() ?? []) {
    const svc = o as Service;
    const ip = svc.spec.clusterIP;
    if (svc.spec.type === 'ExternalName' || !ip || ip === 'None') continue;
    idx.clusterIPs.add(ip);
    for (const port of svc.spec.ports ?? []) {
      const proto = port.protocol ?? 'TCP';
      idx.frontends.set(key(ip, port.port, proto), { svc, port, via: 'clusterIP' });
      for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
        if (ing.ip && !idx.frontends.has(key(ing.ip, port.port, proto))) idx.frontends.set(key(ing.ip, port.port, proto), { svc, port, via: 'loadBalancer' });
      }
      for (const ext of svc.spec.externalIPs ?? []) {
        if (!idx.frontends.has(key(ext, port.port, proto))) idx.frontends.set(key(ext, port.port, proto), { svc, port, via: 'externalIP' });
      }
      if (port.nodePort) idx.nodePorts.set(`${port.nodePort}/${proto}`, { svc, port, via: 'nodePort' });
    }
  }
  INDEXES.set(c, idx);
  return idx;
}

/** The ready endpoints of one Service port, sorted by IP, from the Service's Endpoints. */
export function readyEndpoints(c: Cluster, svc: Service, port: ServicePort): ServiceEndpoint[] {
  const ep = c.get<Endpoints>('Endpoints', svc.metadata.namespace, svc.metadata.name);
  const out: ServiceEndpoint[] = [];
  for (const s of ep?.subsets ?? []) {
    const p = s.ports?.find((x) => (x.name ?? '') === (port.name ?? '') && (x.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
    if (!p) continue;
    for (const a of s.addresses ?? []) out.push({ ip: a.ip, port: p.port, ...(a.nodeName ? { nodeName: a.nodeName } : {}), ...(a.targetRef ? { podName: a.targetRef.name } : {}) });
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.port - b.port));
}

/** The Service frontend at `ip:port`, if any (`nodeName` set when `ip` is that node's IP and the port a node port). */
export function findFrontend(c: Cluster, ip: string, port: number, protocol: Protocol = 'TCP'): Frontend | undefined {
  const idx = netIndex(c);
  const f = idx.frontends.get(key(ip, port, protocol));
  if (f) return f;
  if (idx.nodesByIP.has(ip) || ip.startsWith('127.')) return idx.nodePorts.get(`${port}/${protocol}`);
  return undefined;
}

/**
 * What kube-proxy on `node` does with a packet from `clientIP` to `ip:port`: undefined when the address is not a
 * Service's, otherwise DNAT to one endpoint, reject, or drop.
 */
export function proxy(c: Cluster, clientIP: string, ip: string, port: number, protocol: Protocol = 'TCP', node?: Node): ProxyDecision | undefined {
  const frontend = findFrontend(c, ip, port, protocol);
  if (!frontend) return netIndex(c).clusterIPs.has(ip) ? { type: 'drop' } : undefined;
  let eps = readyEndpoints(c, frontend.svc, frontend.port);
  if (eps.length === 0) return { type: 'reject', frontend };
  const external = frontend.via !== 'clusterIP';
  const local = external ? frontend.svc.spec.externalTrafficPolicy === 'Local' : frontend.svc.spec.internalTrafficPolicy === 'Local';
  if (local && node) {
    eps = eps.filter((e) => e.nodeName === node.metadata.name);
    if (eps.length === 0) return { type: 'drop', frontend };
  }
  return { type: 'dnat', frontend, endpoint: pick(c, frontend, eps, clientIP) };
}

function pick(c: Cluster, f: Frontend, eps: ServiceEndpoint[], clientIP: string): ServiceEndpoint {
  const id = `${f.svc.metadata.namespace}/${f.svc.metadata.name}:${f.port.name ?? ''}/${f.port.protocol ?? 'TCP'}`;
  if (f.svc.spec.sessionAffinity === 'ClientIP') return eps[fnv32a(`${id}|${clientIP}`) % eps.length]!;
  let counters = COUNTERS.get(c);
  if (!counters) COUNTERS.set(c, (counters = new Map()));
  const n = counters.get(id) ?? 0;
  counters.set(id, n + 1);
  return eps[n % eps.length]!;
}

// ---- iptables-save -----------------------------------------------------------------------------------------------

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of a UTF-8 string (pure, so the simulator needs no host crypto). */
export function sha256(text: string): Uint8Array {
  const msg = new TextEncoder().encode(text);
  const len = Math.ceil((msg.length + 9) / 64) * 64;
  const buf = new Uint8Array(len);
  buf.set(msg);
  buf[msg.length] = 0x80;
  const view = new DataView(buf.buffer);
  view.setUint32(len - 4, (msg.length * 8) >>> 0);
  view.setUint32(len - 8, Math.floor((msg.length * 8) / 2 ** 32));
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < len; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i]! + add[i]!) >>> 0;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(i * 4, h[i]!);
  return out;
}

/** RFC 4648 base32 (Go's `base32.StdEncoding`) of the first bytes needed for `chars` characters. */
function base32(bytes: Uint8Array, chars: number): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += A[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= chars) break;
  }
  return out;
}

/** kube-proxy's `portProtoHash`: base32(sha256(servicePortName + protocol))[:16]. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return base32(sha256(servicePortName + protocol.toLowerCase()), 16);
}

/** `KUBE-SEP-…` for one endpoint of a Service port (`servicePortEndpointChainName`). */
export function endpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${base32(sha256(servicePortName + protocol.toLowerCase() + endpoint), 16)}`;
}

/** `namespace/name[:port]`, kube-proxy's `ServicePortName.String()`. */
export function servicePortName(svc: Service, port: ServicePort): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}${port.name ? `:${port.name}` : ''}`;
}

/** iptables stores a probability as a 31-bit fraction; iptables-save prints it back with 11 decimals. */
function probability(n: number): string {
  const p = Number((1 / n).toFixed(10));
  return (Math.round(p * 0x80000000) / 0x80000000).toFixed(11);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function ctime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

class Table {
  private readonly chains = new Map<string, string[]>();
  constructor(
    private readonly name: string,
    private readonly builtins: string[],
  ) {
    for (const b of builtins) this.chains.set(b, []);
  }
  chain(name: string): void {
    if (!this.chains.has(name)) this.chains.set(name, []);
  }
  rule(chain: string, rule: string): void {
    this.chain(chain);
    this.chains.get(chain)!.push(`-A ${chain} ${rule}`);
  }
  /** Built-in chains first, then user chains sorted (libiptc's order), then every chain's rules in that order. */
  render(): string[] {
    const user = [...this.chains.keys()].filter((c) => !this.builtins.includes(c)).sort();
    const order = [...this.builtins, ...user];
    return [
      `*${this.name}`,
      ...this.builtins.map((b) => `:${b} ACCEPT [0:0]`),
      ...user.map((u) => `:${u} - [0:0]`),
      ...order.flatMap((c) => this.chains.get(c)!),
      'COMMIT',
    ];
  }
}

/** The cluster's pod CIDR as kube-proxy's `clusterCIDR` (minikube: 10.244.0.0/16). */
function clusterCidr(c: Cluster): string {
  const first = c.nodes()[0]?.spec.podCIDR ?? '10.244.0.0/24';
  const [a, b] = first.split('.');
  return `${a}.${b}.0.0/16`;
}

function serviceRules(c: Cluster, nat: Table, filter: Table, svc: Service, port: ServicePort, node: Node, cidr: string): void {
  const spn = servicePortName(svc, port);
  const proto = (port.protocol ?? 'TCP').toLowerCase();
  const hash = portProtoHash(spn, proto);
  const svcChain = `KUBE-SVC-${hash}`;
  const extChain = `KUBE-EXT-${hash}`;
  const ip = svc.spec.clusterIP!;
  const eps = readyEndpoints(c, svc, port);
  const lbIPs = (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
  const dport = `-m ${proto} --dport`;
  if (eps.length === 0) {
    filter.rule('KUBE-SERVICES', `-d ${ip}/32 -p ${proto} -m comment --comment "${spn} has no endpoints" ${dport} ${port.port} -j REJECT --reject-with icmp-port-unreachable`);
    if (port.nodePort) filter.rule('KUBE-EXTERNAL-SERVICES', `-p ${proto} -m comment --comment "${spn} has no endpoints" -m addrtype --dst-type LOCAL ${dport} ${port.nodePort} -j REJECT --reject-with icmp-port-unreachable`);
    return;
  }
  nat.rule('KUBE-SERVICES', `-d ${ip}/32 -p ${proto} -m comment --comment "${spn} cluster IP" ${dport} ${port.port} -j ${svcChain}`);
  const external = !!port.nodePort || lbIPs.length > 0 || (svc.spec.externalIPs ?? []).length > 0;
  for (const ext of svc.spec.externalIPs ?? []) nat.rule('KUBE-SERVICES', `-d ${ext}/32 -p ${proto} -m comment --comment "${spn} external IP" ${dport} ${port.port} -j ${extChain}`);
  for (const lb of lbIPs) nat.rule('KUBE-SERVICES', `-d ${lb}/32 -p ${proto} -m comment --comment "${spn} loadbalancer IP" ${dport} ${port.port} -j ${extChain}`);
  if (port.nodePort) nat.rule('KUBE-NODEPORTS', `-p ${proto} -m comment --comment "${spn}" ${dport} ${port.nodePort} -j ${extChain}`);
  const affinity = svc.spec.sessionAffinity === 'ClientIP';
  const timeout = (svc.spec as { sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } } }).sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800;
  const chainsFor = (list: ServiceEndpoint[], chain: string): void => {
    const seps = list.map((e) => ({ e, sep: endpointChainName(spn, proto, `${e.ip}:${e.port}`) }));
    if (affinity) for (const { e, sep } of seps) nat.rule(chain, `-m comment --comment "${spn} -> ${e.ip}:${e.port}" -m recent --rcheck --seconds ${timeout} --reap --name ${sep} --mask 255.255.255.255 --rsource -j ${sep}`);
    seps.forEach(({ e, sep }, i) => {
      const stat = i < seps.length - 1 ? ` -m statistic --mode random --probability ${probability(seps.length - i)}` : '';
      nat.rule(chain, `-m comment --comment "${spn} -> ${e.ip}:${e.port}"${stat} -j ${sep}`);
    });
  };
  nat.rule(svcChain, `! -s ${cidr} -d ${ip}/32 -p ${proto} -m comment --comment "${spn} cluster IP" ${dport} ${port.port} -j KUBE-MARK-MASQ`);
  chainsFor(eps, svcChain);
  for (const e of eps) {
    const sep = endpointChainName(spn, proto, `${e.ip}:${e.port}`);
    nat.rule(sep, `-s ${e.ip}/32 -m comment --comment "${spn}" -j KUBE-MARK-MASQ`);
    const recent = affinity ? ` -m recent --set --name ${sep} --mask 255.255.255.255 --rsource` : '';
    nat.rule(sep, `-p ${proto} -m comment --comment "${spn}"${recent} -m ${proto} -j DNAT --to-destination ${e.ip}:${e.port}`);
  }
  if (!external) return;
  if (svc.spec.externalTrafficPolicy !== 'Local') {
    nat.rule(extChain, `-m comment --comment "masquerade traffic for ${spn} external destinations" -j KUBE-MARK-MASQ`);
    nat.rule(extChain, `-j ${svcChain}`);
    return;
  }
  const svlChain = `KUBE-SVL-${hash}`;
  nat.rule(extChain, `-s ${cidr} -m comment --comment "pod traffic for ${spn} external destinations" -j ${svcChain}`);
  nat.rule(extChain, `-m comment --comment "masquerade LOCAL traffic for ${spn} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`);
  nat.rule(extChain, `-m comment --comment "route LOCAL traffic for ${spn} external destinations" -m addrtype --src-type LOCAL -j ${svcChain}`);
  const local = eps.filter((e) => e.nodeName === node.metadata.name);
  if (local.length === 0) {
    if (port.nodePort) filter.rule('KUBE-EXTERNAL-SERVICES', `-p ${proto} -m comment --comment "${spn} has no local endpoints" -m addrtype --dst-type LOCAL ${dport} ${port.nodePort} -j DROP`);
    return;
  }
  nat.rule(extChain, `-j ${svlChain}`);
  chainsFor(local, svlChain);
}

/**
 * `iptables-save` on a node: the `filter` and `nat` tables kube-proxy programs (KUBE-SERVICES, KUBE-SVC-…,
 * KUBE-SEP-…, KUBE-EXT-…, KUBE-NODEPORTS, KUBE-MARK-MASQ, KUBE-POSTROUTING), with chain names hashed exactly as
 * kube-proxy hashes them and `statistic --mode random --probability` lines spreading the load.
 * https://github.com/kubernetes/kubernetes/blob/master/pkg/proxy/iptables/proxier.go
 */
export function iptablesSave(c: Cluster, nodeName: string): string {
  const node = c.get<Node>('Node', undefined, nodeName) ?? c.nodes()[0]!;
  const cidr = clusterCidr(c);
  const filter = new Table('filter', ['INPUT', 'FORWARD', 'OUTPUT']);
  const nat = new Table('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']);
  for (const ch of ['KUBE-EXTERNAL-SERVICES', 'KUBE-FIREWALL', 'KUBE-FORWARD', 'KUBE-KUBELET-CANARY', 'KUBE-NODEPORTS', 'KUBE-PROXY-CANARY', 'KUBE-PROXY-FIREWALL', 'KUBE-SERVICES']) filter.chain(ch);
  filter.rule('INPUT', '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL');
  filter.rule('INPUT', '-m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS');
  filter.rule('INPUT', '-m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES');
  filter.rule('INPUT', '-j KUBE-FIREWALL');
  filter.rule('FORWARD', '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL');
  filter.rule('FORWARD', '-m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD');
  filter.rule('FORWARD', '-m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
  filter.rule('FORWARD', '-m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES');
  filter.rule('OUTPUT', '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL');
  filter.rule('OUTPUT', '-m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
  filter.rule('OUTPUT', '-j KUBE-FIREWALL');
  filter.rule('KUBE-FIREWALL', '! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP');
  filter.rule('KUBE-FORWARD', '-m conntrack --ctstate INVALID -m nfacct --nfacct-name  ct_state_invalid_dropped_pkts -j DROP');
  filter.rule('KUBE-FORWARD', '-m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT');
  filter.rule('KUBE-FORWARD', '-m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
  for (const ch of ['KUBE-KUBELET-CANARY', 'KUBE-MARK-MASQ', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-PROXY-CANARY', 'KUBE-SERVICES']) nat.chain(ch);
  nat.rule('PREROUTING', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
  nat.rule('OUTPUT', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
  nat.rule('POSTROUTING', '-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING');
  nat.rule('KUBE-MARK-MASQ', '-j MARK --set-xmark 0x4000/0x4000');
  nat.rule('KUBE-POSTROUTING', '-m mark ! --mark 0x4000/0x4000 -j RETURN');
  nat.rule('KUBE-POSTROUTING', '-j MARK --set-xmark 0x4000/0x0');
  nat.rule('KUBE-POSTROUTING', '-m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully');
  const ports: { svc: Service; port: ServicePort; name: string }[] = [];
  for (const o of c.state.objects.get('Service')?.values() ?? []) {
    const svc = o as Service;
    if (svc.spec.type === 'ExternalName' || !svc.spec.clusterIP || svc.spec.clusterIP === 'None') continue;
    for (const port of svc.spec.ports ?? []) ports.push({ svc, port, name: `${servicePortName(svc, port)}/${port.protocol ?? 'TCP'}` });
  }
  ports.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { svc, port } of ports) serviceRules(c, nat, filter, svc, port, node, cidr);
  nat.rule('KUBE-SERVICES', '-m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS');
  const when = ctime(c.now());
  const table = (t: Table): string[] => [`# Generated by iptables-save v1.8.7 on ${when}`, ...t.render(), `# Completed on ${when}`];
  return [...table(filter), ...table(nat)].join('\n') + '\n';
}
