/**
 * Connections and HTTP through the simulated network. Models the Kubernetes network model: containers of a pod share
 * one network namespace (localhost), every pod reaches every pod by IP without NAT, nodes reach pods and Service IPs,
 * and the learner's host reaches node IPs (node ports) and, while `minikube tunnel` runs, the Service CIDR
 * (LoadBalancer ingress IPs) — never pod IPs. Service addresses go through kube-proxy (DNAT to one ready endpoint),
 * pods resolve names through cluster DNS, and NetworkPolicy (when the network plugin enforces it) silently drops
 * what it denies. A request that reaches the ingress-nginx controller (the node's port 80/443 through its hostPorts,
 * or its Service) is routed by the Ingress rules and proxied from the controller pod to one backend pod.
 * https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model
 */
import type { Cluster } from './cluster.js';
import { containerFs } from './container-fs.js';
import { lookupHost, type DnsResult } from './dns.js';
import { containerArgv, lookupImage, type HttpRequest, type HttpResponse, type ServerSpec } from './images.js';
import {
  INGRESS_CONTROLLER_LABELS,
  INGRESS_NAMESPACE,
  ingressNginxResponse,
  proxiedRequest,
  routeIngressRequest,
  type IngressRoute,
} from './ingress.js';
import { inServiceCidr, ipToInt } from './services.js';
import { netIndex, proxy, type Frontend } from './kube-proxy.js';
import { networkPolicyAllows, pluginEnforcesPolicy } from './netpol.js';
import type { Endpoints, Node, Pod, Protocol, Service } from './types.js';

/** Where a connection starts. */
export type NetSource =
  | { type: 'pod'; pod: Pod; container: string }
  | { type: 'node'; node: Node }
  /** `hosts`: the text of the learner's `/etc/hosts`, consulted before giving up on a name. */
  | { type: 'host'; hosts?: string };

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
  /** `peer`: the source address the server sees (the client, or a node's IP after kube-proxy masquerades it). */
  | { ok: true; endpoint: ServerEndpoint; ip: string; port: number; service?: ViaService; peer?: string }
  | { ok: false; failure: NetFailure };

/** `ingress`: where the ingress controller routed the request, when it went through one. */
export type HttpResult = { ok: true; response: HttpResponse; endpoint: ServerEndpoint; ingress?: IngressRoute } | { ok: false; failure: NetFailure };

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
  const controller = isIngressControllerPod(pod) ? pod.spec.containers.find((x) => rt?.containers.get(x.name)?.startedAt !== undefined) : undefined;
  if (controller) for (const port of [80, 443]) out.push({ container: controller.name, server: { port, protocol: 'TCP', handle: () => ingressNginxResponse(404) } });
  return out;
}

/**
 * A pod of the minikube ingress addon's controller. Its nginx listens on 80 and 443; what it answers depends on the
 * cluster's Ingresses, so `httpRequest` routes requests that reach it (the listener's own handler is nginx's 404).
 */
export function isIngressControllerPod(pod: Pod): boolean {
  if (pod.metadata.namespace !== INGRESS_NAMESPACE) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(INGRESS_CONTROLLER_LABELS).every(([k, v]) => labels[k] === v);
}

/** The pod whose container port is published on `node:port` through `hostPort` (the CNI portmap plugin's DNAT). */
function hostPortPod(c: Cluster, node: Node, port: number, protocol: 'TCP' | 'UDP'): { pod: Pod; containerPort: number } | undefined {
  for (const o of c.state.objects.get('Pod')?.values() ?? []) {
    const p = o as Pod;
    if (p.spec.hostNetwork || p.spec.nodeName !== node.metadata.name || !p.status.podIP || p.metadata.deletionTimestamp) continue;
    for (const ct of p.spec.containers) {
      const cp = ct.ports?.find((x) => x.hostPort === port && (x.protocol ?? 'TCP') === protocol);
      if (cp) return { pod: p, containerPort: cp.containerPort };
    }
  }
  return undefined;
}

/** A TCP connection to `pod:port`: the container listening there, or refused. */
export function connectToPod(c: Cluster, pod: Pod, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): ConnectResult {
  const l = listeners(c, pod).find((x) => x.server.port === port && x.server.protocol === protocol);
  if (!l) return { ok: false, failure: { type: 'refused', host: pod.status.podIP ?? '', port } };
  return { ok: true, endpoint: { pod, container: l.container, server: l.server }, ip: pod.status.podIP ?? '', port };
}

/**
 * A connection to a node's own address: whatever a host-network pod on that node listens on, or the pod that
 * publishes that port with `hostPort` (as the ingress addon's controller does for 80 and 443), else refused.
 */
export function connectToNode(c: Cluster, node: Node, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): ConnectResult {
  const ip = c.nodeIP(node);
  for (const o of c.state.objects.get('Pod')?.values() ?? []) {
    const p = o as Pod;
    if (!p.spec.hostNetwork || p.spec.nodeName !== node.metadata.name) continue;
    const l = listeners(c, p).find((x) => x.server.port === port && x.server.protocol === protocol);
    if (l) return { ok: true, endpoint: { pod: p, container: l.container, server: l.server }, ip, port };
  }
  const hp = hostPortPod(c, node, port, protocol);
  if (hp) {
    const r = connectToPod(c, hp.pod, hp.containerPort, protocol);
    if (r.ok) return { ...r, ip, port };
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

/**
 * The node whose pod CIDR holds an address (`spec.podCIDRs`, else `spec.podCIDR`). Every node routes each node's pod
 * CIDR, so a packet to an unused address there reaches that node, whose ARP for it goes unanswered: the sender gets
 * ICMP host unreachable (curl: "No route to host" after about three seconds).
 */
export function podCidrNode(c: Cluster, ip: string): Node | undefined {
  const n = ipToInt(ip);
  if (Number.isNaN(n)) return undefined;
  return c.nodes().find((node) => nodeCidrs(node).some((r) => n >= r.start && n < r.start + r.size));
}

function nodeCidrs(node: Node): { start: number; size: number }[] {
  return (node.spec.podCIDRs ?? [node.spec.podCIDR]).flatMap((cidr) => {
    const [base, bits] = cidr.split('/');
    const size = 2 ** (32 - Number(bits));
    const start = ipToInt(base ?? '');
    return Number.isInteger(size) && !Number.isNaN(start) ? [{ start, size }] : [];
  });
}

/**
 * The node whose pod CIDR's gateway (its first host address, `10.244.0.1`: every pod's default route) is `ip`. The
 * node holds that address on its side of the pods' veths, so pods reach the node there.
 */
export function podGatewayNode(c: Cluster, ip: string): Node | undefined {
  const n = ipToInt(ip);
  return c.nodes().find((node) => nodeCidrs(node).some((r) => n === r.start + 1));
}

/**
 * Delivers to an address that is not a Service's: a pod, a node, an unused address in a node's pod CIDR (host
 * unreachable, from inside the cluster), or nowhere (timeout: the packet leaves by the default route and is lost).
 */
function deliver(c: Cluster, src: NetSource, policySrc: Pod | { ip: string }, ip: string, port: number, protocol: Protocol, shown: string): ConnectResult {
  const idx = netIndex(c);
  const pod = idx.podsByIP.get(ip);
  if (pod) {
    if (src.type === 'host') return { ok: false, failure: { type: 'timeout', host: shown, port, cause: 'no-route' } };
    if (!policyAllows(c, policySrc, pod, port, protocol)) return { ok: false, failure: { type: 'timeout', host: shown, port, cause: 'policy' } };
    const r = connectToPod(c, pod, port, protocol === 'UDP' ? 'UDP' : 'TCP');
    return r.ok ? r : { ok: false, failure: { type: 'refused', host: shown, port } };
  }
  const node = idx.nodesByIP.get(ip) ?? (src.type === 'host' ? undefined : podGatewayNode(c, ip));
  if (node) {
    const proto = protocol === 'UDP' ? 'UDP' : 'TCP';
    const hp = hostPortPod(c, node, port, proto);
    // A hostPort is DNAT-ed to the pod, so the pod's ingress policy decides (on the container port).
    if (hp ? !policyAllows(c, policySrc, hp.pod, hp.containerPort, protocol) : src.type === 'pod' && !policyAllows(c, policySrc, { ip }, port, protocol)) {
      return { ok: false, failure: { type: 'timeout', host: shown, port, cause: 'policy' } };
    }
    const r = connectToNode(c, node, port, proto);
    return r.ok ? r : { ok: false, failure: { type: 'refused', host: shown, port } };
  }
  if (src.type !== 'host' && podCidrNode(c, ip)) {
    if (src.type === 'pod' && !policyAllows(c, policySrc, { ip }, port, protocol)) return { ok: false, failure: { type: 'timeout', host: shown, port, cause: 'policy' } };
    return { ok: false, failure: { type: 'unreachable', host: shown, port } };
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
    const r = resolveName(c, src, host);
    if (!r.ok) return r;
    ip = r.ip;
    if (ip.startsWith('127.')) return connect(c, src, '127.0.0.1', port, protocol);
  }
  const client = sourceIP(c, src);
  const idx = netIndex(c);
  const toServiceCidr = idx.clusterIPs.has(ip) || inServiceCidr(ip);
  if (src.type === 'host' && toServiceCidr && !c.state.tunnel) return { ok: false, failure: { type: 'timeout', host, port, cause: 'no-route' } };
  const dstNode = idx.nodesByIP.get(ip);
  const decision = proxy(c, client, ip, port, protocol, dstNode ?? sourceNode(c, src));
  if (!decision) {
    const r = deliver(c, src, src.type === 'pod' ? src.pod : { ip: client }, ip, port, protocol, host);
    return r.ok ? { ...r, peer: client } : r;
  }
  if (decision.type === 'reject') return { ok: false, failure: { type: 'refused', host, port } };
  if (decision.type === 'drop') return { ok: false, failure: { type: 'timeout', host, port, cause: decision.frontend ? 'no-local-endpoint' : 'no-route' } };
  const { frontend, endpoint } = decision;
  // External traffic with externalTrafficPolicy Cluster is masqueraded: the pod sees the receiving node's IP.
  const external = frontend.via !== 'clusterIP' && src.type !== 'pod';
  const snat = external && frontend.svc.spec.externalTrafficPolicy !== 'Local' ? c.nodeIP(dstNode ?? c.nodes()[0]!) : client;
  const policySrc: Pod | { ip: string } = src.type === 'pod' ? src.pod : { ip: snat };
  const r = deliver(c, { type: 'node', node: dstNode ?? sourceNode(c, src) ?? c.nodes()[0]! }, policySrc, endpoint.ip, endpoint.port, protocol, host);
  if (!r.ok) return { ok: false, failure: { ...r.failure, host, port } as NetFailure };
  return { ...r, service: viaOf(frontend.svc, frontend.port.port, frontend.via), peer: snat };
}

/**
 * The first IPv4 address an `/etc/hosts` text gives for a name (`192.168.49.2 hello-world.example`), as glibc's
 * `files` source reads it: comments after `#`, names matched case-insensitively.
 */
export function hostsFileLookup(hosts: string, name: string): string | undefined {
  const want = name.toLowerCase().replace(/\.$/, '');
  for (const line of hosts.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!ip || !IPV4.test(ip)) continue;
    if (names.some((n) => n.toLowerCase() === want)) return ip;
  }
  return undefined;
}

/** A name as `getaddrinfo` resolves it at the source: a pod's /etc/hosts and cluster DNS; the host's /etc/hosts. */
function resolveName(c: Cluster, src: NetSource, host: string): { ok: true; ip: string } | { ok: false; failure: NetFailure } {
  if (src.type === 'pod') {
    const r = lookupHost(c, src.pod, host, dnsAllowedFor(c, src.pod));
    return r.ok ? { ok: true, ip: r.ips[0]! } : { ok: false, failure: { type: 'resolve', host, reason: r.reason, dns: r.result } };
  }
  const ip = src.type === 'host' && src.hosts !== undefined ? hostsFileLookup(src.hosts, host) : undefined;
  return ip ? { ok: true, ip } : { ok: false, failure: { type: 'resolve', host, reason: 'nxdomain' } };
}

function viaOf(svc: Service, port: number, via: Frontend['via']): ViaService {
  return { namespace: svc.metadata.namespace ?? 'default', name: svc.metadata.name, port, via };
}

/**
 * What `ping` gets: a reply from a pod or node IP; a Service IP is virtual and never answers; an unused address in a
 * node's pod CIDR is unreachable (the node's ARP fails) from inside the cluster.
 */
export function ping(c: Cluster, src: NetSource, host: string): { ok: true; ip: string } | { ok: false; failure: NetFailure } {
  let ip = host;
  if (!IPV4.test(host)) {
    if (host === 'localhost') return { ok: true, ip: '127.0.0.1' };
    const r = resolveName(c, src, host);
    if (!r.ok) return r;
    ip = r.ip;
  }
  if (ip.startsWith('127.')) return { ok: true, ip };
  const idx = netIndex(c);
  if (idx.nodesByIP.has(ip)) return { ok: true, ip };
  if ((idx.podsByIP.has(ip) || podGatewayNode(c, ip)) && src.type !== 'host') return { ok: true, ip };
  if (src.type !== 'host' && podCidrNode(c, ip)) return { ok: false, failure: { type: 'unreachable', host, port: 0 } };
  return { ok: false, failure: { type: 'timeout', host, port: 0, cause: 'no-route' } };
}

/**
 * Sends one HTTP request over `connect`. A request that reaches the ingress controller is routed by the Ingress
 * rules: the controller pod proxies it to one endpoint of the chosen Service (so NetworkPolicy applies to
 * controller → backend), or answers itself (404 default backend, 503 no endpoints, 502 refused, 504 timed out,
 * 308 to HTTPS). Without a Ready controller the connection is refused.
 */
export function httpRequest(c: Cluster, src: NetSource, host: string, port: number, req: HttpRequest): HttpResult {
  const conn = connect(c, src, host, port);
  if (!conn.ok) return conn;
  const { server } = conn.endpoint;
  if (isIngressControllerPod(conn.endpoint.pod) && (server.port === 80 || server.port === 443)) return throughIngress(c, conn, host, port, req);
  return { ok: true, response: serve(c, conn.endpoint, req), endpoint: conn.endpoint };
}

/** What the container's server answers to a request that reached it. */
function serve(c: Cluster, endpoint: ServerEndpoint, req: HttpRequest): HttpResponse {
  const { pod, container, server } = endpoint;
  const spec = pod.spec.containers.find((x) => x.name === container)!;
  const image = lookupImage(spec.image);
  const fs = containerFs(c, pod, container);
  return server.handle(req, {
    podName: pod.metadata.name,
    args: image ? containerArgv(image, spec.command, spec.args) : [...(spec.command ?? []), ...(spec.args ?? [])],
    readFile: (p) => (fs?.exists(p) && !fs.isDir(p) ? fs.readFile(p) : undefined),
  });
}

/** Response headers nginx does not pass from the upstream (`proxy_hide_header` defaults; `server_tokens off`). */
const HIDDEN_UPSTREAM_HEADERS = new Set(['server', 'date', 'x-pad', 'connection']);

function throughIngress(c: Cluster, conn: Extract<ConnectResult, { ok: true }>, host: string, port: number, req: HttpRequest): HttpResult {
  const ctrl = conn.endpoint;
  const scheme = ctrl.server.port === 443 ? 'https' : 'http';
  // The Host header on the wire decides (`wget --header 'Host: …'` sets only the header).
  const hostHeader = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'host')?.[1] ?? req.host;
  const route = routeIngressRequest(c, hostHeader, req.path, { scheme });
  if (route.type === 'no-controller') return { ok: false, failure: { type: 'refused', host, port } };
  const own = (response: HttpResponse): HttpResult => ({ ok: true, response, endpoint: ctrl, ingress: route });
  if (route.type === 'default-backend') return own(ingressNginxResponse(404));
  if (route.type === 'unavailable') return own(ingressNginxResponse(503));
  if (route.redirect) return own(ingressNginxResponse(308, route.redirect));
  const proxied = proxiedRequest({ method: req.method, host: hostHeader, path: req.path, headers: req.headers, scheme, clientIP: conn.peer ?? HOST_IP });
  const upstream = connect(c, { type: 'pod', pod: ctrl.pod, container: ctrl.container }, route.endpoint.ip, route.endpoint.port);
  if (!upstream.ok) return own(ingressNginxResponse(upstream.failure.type === 'timeout' ? 504 : 502));
  const res = serve(c, upstream.endpoint, proxied);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (!HIDDEN_UPSTREAM_HEADERS.has(k.toLowerCase())) headers[k] = v;
  headers.Connection = 'keep-alive';
  return { ok: true, response: { ...res, headers }, endpoint: upstream.endpoint, ingress: route };
}
