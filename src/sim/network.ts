/**
 * Connections and HTTP through the simulated network. Models the Kubernetes network model: containers of a pod share
 * one network namespace (localhost), every pod reaches every pod by IP without NAT, nodes reach pods and Service IPs,
 * and the learner's host reaches node IPs (node ports) and, while `minikube tunnel` runs, the Service CIDR
 * (LoadBalancer ingress IPs) — never pod IPs. Service addresses go through kube-proxy (DNAT to one ready endpoint),
 * pods resolve names through cluster DNS, and NetworkPolicy (when the network plugin enforces it) silently drops
 * what it denies. https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model
 */
import type { Cluster } from './cluster.js';
import { containerFs } from './container-fs.js';
import { lookupHost, type DnsResult } from './dns.js';
import { containerArgv, lookupImage, type HttpRequest, type HttpResponse, type ServerSpec } from './images.js';
import { inServiceCidr } from './services.js';
import { netIndex, proxy, type Frontend } from './kube-proxy.js';
import { networkPolicyAllows, pluginEnforcesPolicy } from './netpol.js';
import type { Endpoints, Node, Pod, Protocol, Service } from './types.js';

/** Where a connection starts. */
export type NetSource =
  | { type: 'pod'; pod: Pod; container: string }
  | { type: 'node'; node: Node }
  | { type: 'host' };

/** Why a connection failed, in the terms curl and wget report. */
export type NetFailure =
  | { type: 'resolve'; host: string; reason?: 'nxdomain' | 'timeout'; dns?: DnsResult }
  | { type: 'refused'; host: string; port: number }
  | { type: 'timeout'; host: string; port: number; cause?: 'policy' | 'no-route' | 'no-local-endpoint' }
  | { type: 'unreachable'; host: string; port: number };

/** The server end a connection reached: a container's listening socket. */
export interface ServerEndpoint {
  pod: Pod;
  container: string;
  server: ServerSpec;
}

/** The Service a connection went through, when it did (kube-proxy DNAT). */
export interface ViaService {
  namespace: string;
  name: string;
  port: number;
  via: Frontend['via'];
}

export type ConnectResult =
  | { ok: true; endpoint: ServerEndpoint; ip: string; port: number; service?: ViaService }
  | { ok: false; failure: NetFailure };

export type HttpResult = { ok: true; response: HttpResponse; endpoint: ServerEndpoint } | { ok: false; failure: NetFailure };

/** The learner's machine as the minikube network sees it (the docker network's gateway). */
export const HOST_IP = '192.168.49.1';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The pod that owns an IP (host-network pods excluded: they share the node's IP). */
export function podByIP(c: Cluster, ip: string): Pod | undefined {
  return netIndex(c).podsByIP.get(ip);
}

/** The listening sockets of a pod's running containers. */
export function listeners(c: Cluster, pod: Pod): { container: string; server: ServerSpec }[] {
  const rt = c.state.runtime.get(pod.metadata.uid!);
  const out: { container: string; server: ServerSpec }[] = [];
  for (const spec of pod.spec.containers) {
    const cr = rt?.containers.get(spec.name);
    if (!cr || cr.startedAt === undefined) continue;
    const image = lookupImage(spec.image);
    if (!image) continue;
    const main = image.main(containerArgv(image, spec.command, spec.args));
    if (main.type === 'serve') for (const server of main.servers) out.push({ container: spec.name, server });
  }
  return out;
}

/** A TCP connection to `pod:port`: the container listening there, or refused. */
export function connectToPod(c: Cluster, pod: Pod, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): ConnectResult {
  const l = listeners(c, pod).find((x) => x.server.port === port && x.server.protocol === protocol);
  if (!l) return { ok: false, failure: { type: 'refused', host: pod.status.podIP ?? '', port } };
  return { ok: true, endpoint: { pod, container: l.container, server: l.server }, ip: pod.status.podIP ?? '', port };
}

/** A connection to a node's own address: whatever a host-network pod on that node listens on, else refused. */
export function connectToNode(c: Cluster, node: Node, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): ConnectResult {
  const ip = c.nodeIP(node);
  for (const o of c.state.objects.get('Pod')?.values() ?? []) {
    const p = o as Pod;
    if (!p.spec.hostNetwork || p.spec.nodeName !== node.metadata.name) continue;
    const l = listeners(c, p).find((x) => x.server.port === port && x.server.protocol === protocol);
    if (l) return { ok: true, endpoint: { pod: p, container: l.container, server: l.server }, ip, port };
  }
  return { ok: false, failure: { type: 'refused', host: ip, port } };
}

/** The source address of a connection (pod IP, node IP, or the host). */
export function sourceIP(c: Cluster, src: NetSource): string {
  if (src.type === 'pod') return src.pod.status.podIP ?? '';
  if (src.type === 'node') return c.nodeIP(src.node);
  return HOST_IP;
}

function sourceNode(c: Cluster, src: NetSource): Node | undefined {
  if (src.type === 'node') return src.node;
  if (src.type === 'pod') return c.get<Node>('Node', undefined, src.pod.spec.nodeName ?? '');
  return undefined;
}

/**
 * Whether NetworkPolicy lets a connection through (the source's egress and the destination's ingress, on the pod
 * port after DNAT). Always true when the cluster's network plugin does not enforce policy.
 */
export function policyAllows(c: Cluster, src: Pod | { ip: string }, dst: Pod | { ip: string }, port: number, protocol: Protocol): boolean {
  if (!pluginEnforcesPolicy(c.options.networkPlugin)) return true;
  return networkPolicyAllows(c, src, dst, port, protocol);
}

/** The pod's cluster-DNS queries are allowed by policy to at least one ready CoreDNS pod (UDP 53). */
function dnsAllowedFor(c: Cluster, pod: Pod): () => boolean {
  return () => {
    if (!pluginEnforcesPolicy(c.options.networkPlugin)) return true;
    const ep = c.get<Endpoints>('Endpoints', 'kube-system', 'kube-dns');
    const idx = netIndex(c);
    for (const s of ep?.subsets ?? []) {
      for (const a of s.addresses ?? []) {
        const dst = idx.podsByIP.get(a.ip) ?? { ip: a.ip };
        if (networkPolicyAllows(c, pod, dst, 53, 'UDP')) return true;
      }
    }
    return false;
  };
}

/** Delivers to an address that is not a Service's: a pod, a node, or nowhere (timeout). */
function deliver(c: Cluster, src: NetSource, policySrc: Pod | { ip: string }, ip: string, port: number, protocol: Protocol, shown: string): ConnectResult {
  const idx = netIndex(c);
  const pod = idx.podsByIP.get(ip);
  if (pod) {
    if (src.type === 'host') return { ok: false, failure: { type: 'timeout', host: shown, port, cause: 'no-route' } };
    if (!policyAllows(c, policySrc, pod, port, protocol)) return { ok: false, failure: { type: 'timeout', host: shown, port, cause: 'policy' } };
    const r = connectToPod(c, pod, port, protocol === 'UDP' ? 'UDP' : 'TCP');
    return r.ok ? r : { ok: false, failure: { type: 'refused', host: shown, port } };
  }
  const node = idx.nodesByIP.get(ip);
  if (node) {
    if (src.type === 'pod' && !policyAllows(c, policySrc, { ip }, port, protocol)) return { ok: false, failure: { type: 'timeout', host: shown, port, cause: 'policy' } };
    const r = connectToNode(c, node, port, protocol === 'UDP' ? 'UDP' : 'TCP');
    return r.ok ? r : { ok: false, failure: { type: 'refused', host: shown, port } };
  }
  return { ok: false, failure: { type: 'timeout', host: shown, port, cause: 'no-route' } };
}

/**
 * Opens a connection from `src` to `host:port`. `host` is an IP or a name; pods resolve names through /etc/hosts
 * and cluster DNS, nodes and the host know only `localhost`. Service addresses are DNAT-ed by kube-proxy. Returns
 * the server reached, or why it failed.
 */
export function connect(c: Cluster, src: NetSource, host: string, port: number, protocol: Protocol = 'TCP'): ConnectResult {
  if (host === 'localhost' || host === '127.0.0.1') {
    // On a node, localhost is the node itself: node ports and host-network servers answer there.
    if (src.type === 'node') {
      const r = connect(c, src, c.nodeIP(src.node), port, protocol);
      return r.ok || r.failure.type !== 'refused' ? r : { ok: false, failure: { type: 'refused', host, port } };
    }
    if (src.type !== 'pod') return { ok: false, failure: { type: 'refused', host, port } };
    const r = connectToPod(c, src.pod, port, protocol === 'UDP' ? 'UDP' : 'TCP');
    return r.ok ? r : { ok: false, failure: { type: 'refused', host, port } };
  }
  let ip = host;
  if (!IPV4.test(host)) {
    if (src.type !== 'pod') return { ok: false, failure: { type: 'resolve', host, reason: 'nxdomain' } };
    const r = lookupHost(c, src.pod, host, dnsAllowedFor(c, src.pod));
    if (!r.ok) return { ok: false, failure: { type: 'resolve', host, reason: r.reason, dns: r.result } };
    ip = r.ips[0]!;
    if (ip.startsWith('127.')) return connect(c, src, '127.0.0.1', port, protocol);
  }
  const client = sourceIP(c, src);
  const idx = netIndex(c);
  const toServiceCidr = idx.clusterIPs.has(ip) || inServiceCidr(ip);
  if (src.type === 'host' && toServiceCidr && !c.state.tunnel) return { ok: false, failure: { type: 'timeout', host, port, cause: 'no-route' } };
  const dstNode = idx.nodesByIP.get(ip);
  const decision = proxy(c, client, ip, port, protocol, dstNode ?? sourceNode(c, src));
  if (!decision) return deliver(c, src, src.type === 'pod' ? src.pod : { ip: client }, ip, port, protocol, host);
  if (decision.type === 'reject') return { ok: false, failure: { type: 'refused', host, port } };
  if (decision.type === 'drop') return { ok: false, failure: { type: 'timeout', host, port, cause: decision.frontend ? 'no-local-endpoint' : 'no-route' } };
  const { frontend, endpoint } = decision;
  // External traffic with externalTrafficPolicy Cluster is masqueraded: the pod sees the receiving node's IP.
  const external = frontend.via !== 'clusterIP' && src.type !== 'pod';
  const snat = external && frontend.svc.spec.externalTrafficPolicy !== 'Local' ? c.nodeIP(dstNode ?? c.nodes()[0]!) : client;
  const policySrc: Pod | { ip: string } = src.type === 'pod' ? src.pod : { ip: snat };
  const r = deliver(c, { type: 'node', node: dstNode ?? sourceNode(c, src) ?? c.nodes()[0]! }, policySrc, endpoint.ip, endpoint.port, protocol, host);
  if (!r.ok) return { ok: false, failure: { ...r.failure, host, port } as NetFailure };
  return { ...r, service: viaOf(frontend.svc, frontend.port.port, frontend.via) };
}

function viaOf(svc: Service, port: number, via: Frontend['via']): ViaService {
  return { namespace: svc.metadata.namespace ?? 'default', name: svc.metadata.name, port, via };
}

/** What `ping` gets: a reply from a pod or node IP; a Service IP is virtual and never answers. */
export function ping(c: Cluster, src: NetSource, host: string): { ok: true; ip: string } | { ok: false; failure: NetFailure } {
  let ip = host;
  if (!IPV4.test(host)) {
    if (host === 'localhost') return { ok: true, ip: '127.0.0.1' };
    if (src.type !== 'pod') return { ok: false, failure: { type: 'resolve', host, reason: 'nxdomain' } };
    const r = lookupHost(c, src.pod, host, dnsAllowedFor(c, src.pod));
    if (!r.ok) return { ok: false, failure: { type: 'resolve', host, reason: r.reason, dns: r.result } };
    ip = r.ips[0]!;
  }
  if (ip.startsWith('127.')) return { ok: true, ip };
  const idx = netIndex(c);
  if (idx.nodesByIP.has(ip)) return { ok: true, ip };
  if (idx.podsByIP.has(ip) && src.type !== 'host') return { ok: true, ip };
  return { ok: false, failure: { type: 'timeout', host, port: 0, cause: 'no-route' } };
}

/** Sends one HTTP request over `connect`. */
export function httpRequest(c: Cluster, src: NetSource, host: string, port: number, req: HttpRequest): HttpResult {
  const conn = connect(c, src, host, port);
  if (!conn.ok) return conn;
  const { pod, container, server } = conn.endpoint;
  const spec = pod.spec.containers.find((x) => x.name === container)!;
  const image = lookupImage(spec.image)!;
  const fs = containerFs(c, pod, container);
  const response = server.handle(req, {
    podName: pod.metadata.name,
    args: containerArgv(image, spec.command, spec.args),
    readFile: (p) => (fs?.exists(p) && !fs.isDir(p) ? fs.readFile(p) : undefined),
  });
  return { ok: true, response, endpoint: conn.endpoint };
}
