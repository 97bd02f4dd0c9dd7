/**
 * Connections and HTTP through the simulated network. Models the Kubernetes network model: containers of a pod share
 * one network namespace (localhost), every pod reaches every pod by IP without NAT, nodes reach pods, and the
 * learner's host reaches only node IPs. https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model
 */
import type { Cluster } from './cluster.js';
import { containerFs } from './container-fs.js';
import { containerArgv, lookupImage, type HttpRequest, type HttpResponse, type ServerSpec } from './images.js';
import type { Node, Pod } from './types.js';

/** Where a connection starts. */
export type NetSource =
  | { type: 'pod'; pod: Pod; container: string }
  | { type: 'node'; node: Node }
  | { type: 'host' };

/** Why a connection failed, in the terms curl and wget report. */
export type NetFailure =
  | { type: 'resolve'; host: string }
  | { type: 'refused'; host: string; port: number }
  | { type: 'timeout'; host: string; port: number }
  | { type: 'unreachable'; host: string; port: number };

/** The server end a connection reached: a container's listening socket. */
export interface ServerEndpoint {
  pod: Pod;
  container: string;
  server: ServerSpec;
}

export type ConnectResult = { ok: true; endpoint: ServerEndpoint; ip: string; port: number } | { ok: false; failure: NetFailure };

export type HttpResult = { ok: true; response: HttpResponse; endpoint: ServerEndpoint } | { ok: false; failure: NetFailure };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The pod that owns an IP (host-network pods excluded: they share the node's IP). */
export function podByIP(c: Cluster, ip: string): Pod | undefined {
  return c.list<Pod>('Pod').find((p) => p.status.podIP === ip && !p.spec.hostNetwork);
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

/**
 * Opens a connection from `src` to `host:port`. `host` is an IP or name; names are resolved first (`localhost`,
 * then cluster DNS for pods). Returns the server reached, or why it failed.
 */
export function connect(c: Cluster, src: NetSource, host: string, port: number): ConnectResult {
  if (host === 'localhost' || host === '127.0.0.1') {
    if (src.type !== 'pod') return { ok: false, failure: { type: 'refused', host, port } };
    const r = connectToPod(c, src.pod, port);
    return r.ok ? r : { ok: false, failure: { type: 'refused', host, port } };
  }
  if (!IPV4.test(host)) return { ok: false, failure: { type: 'resolve', host } };
  const pod = podByIP(c, host);
  if (pod) {
    if (src.type === 'host') return { ok: false, failure: { type: 'timeout', host, port } };
    return connectToPod(c, pod, port);
  }
  return { ok: false, failure: { type: 'timeout', host, port } };
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
