/**
 * Ingress on the simulated cluster: which Ingresses the minikube ingress addon (ingress-nginx) serves, and where a
 * request that reaches the controller (the node IP on port 80/443, or the controller Service's node ports) goes:
 * a Service's ready endpoint, a 503 when that Service has none, or the controller's default backend (404).
 * https://kubernetes.io/docs/concepts/services-networking/ingress/
 * https://kubernetes.github.io/ingress-nginx/
 */
import { matchesMap } from '../lib/labels.js';
import type { Cluster } from './cluster.js';
import { isPodReady } from './controllers/pod-status.js';
import { buildServers, matchInServers, normalizeHost, normalizeRequestPath, selectServer, type IngressMatch } from './ingress-match.js';
import type { HttpRequest, HttpResponse } from './images.js';
import type { Endpoints, Ingress, KubeObject, Pod, Secret, Service, ServicePort } from './types.js';

/** An IngressClass (networking.k8s.io/v1): names the controller that implements Ingresses of that class. */
export interface IngressClass extends KubeObject {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'IngressClass';
  spec: {
    controller: string;
    parameters?: { apiGroup?: string; kind: string; name: string; namespace?: string; scope?: 'Cluster' | 'Namespace' };
  };
}

/** The namespace the minikube ingress addon installs into. */
export const INGRESS_NAMESPACE = 'ingress-nginx';
/** The controller's Deployment and Service name. */
export const INGRESS_CONTROLLER_NAME = 'ingress-nginx-controller';
/** The IngressClass the addon creates (and marks default). */
export const INGRESS_CLASS_NAME = 'nginx';
/** The `spec.controller` of ingress-nginx's IngressClass. */
export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
/** The annotation that marks an IngressClass as the cluster default (the DefaultIngressClass admission plugin). */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** The legacy class annotation ingress-nginx still honours. */
export const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** Labels of the controller pods. */
export const INGRESS_CONTROLLER_LABELS = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
} as const;

/** The class an Ingress asks for: `spec.ingressClassName`, else the legacy annotation, else none. */
export function ingressClassOf(ing: Ingress): string | undefined {
  return ing.spec?.ingressClassName ?? ing.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
}

/** Whether the addon is enabled (`minikube addons enable ingress`). */
export function ingressAddonEnabled(c: Cluster): boolean {
  return c.state.addons.has('ingress');
}

/**
 * Whether ingress-nginx serves this Ingress: class `nginx`, or no class at all (minikube runs the controller with
 * `--watch-ingress-without-class=true`).
 */
export function servedByIngressNginx(ing: Ingress): boolean {
  const cls = ingressClassOf(ing);
  return cls === undefined || cls === INGRESS_CLASS_NAME;
}

/** The Ingresses ingress-nginx serves, in every namespace. */
export function nginxIngresses(c: Cluster): Ingress[] {
  return c.list<Ingress>('Ingress').filter(servedByIngressNginx);
}

/** The Ready ingress-nginx controller pod, if the addon is enabled and one runs. */
export function readyIngressControllerPod(c: Cluster): Pod | undefined {
  if (!ingressAddonEnabled(c)) return undefined;
  return c
    .list<Pod>('Pod', INGRESS_NAMESPACE)
    .find((p) => matchesMap(INGRESS_CONTROLLER_LABELS, p.metadata.labels) && !p.metadata.deletionTimestamp && isPodReady(p));
}

/** One endpoint of a backend Service: where ingress-nginx proxies (it talks to pods directly, not the ClusterIP). */
export interface IngressEndpoint {
  ip: string;
  port: number;
  pod?: Pod;
}

/** Which certificate the controller presents for an HTTPS request. */
export type IngressTls =
  | { type: 'secret'; namespace: string; secretName: string }
  | { type: 'default-fake'; reason: string };

/** Where a request through the ingress controller goes. */
export type IngressRoute =
  | { type: 'no-controller'; reason: string }
  | { type: 'default-backend'; status: 404; match: IngressMatch; reason: string; tls?: IngressTls }
  | {
      type: 'unavailable';
      status: 503;
      namespace: string;
      service: string;
      port: number | string;
      match: IngressMatch;
      reason: string;
      tls?: IngressTls;
    }
  | {
      type: 'backend';
      namespace: string;
      service: string;
      /** The port as the Ingress names it (number or port name). */
      port: number | string;
      /** The Service port it resolved to. */
      servicePort: number;
      endpoints: IngressEndpoint[];
      /** The endpoint this request goes to (round-robin, as ingress-nginx balances by default). */
      endpoint: IngressEndpoint;
      match: IngressMatch;
      reason: string;
      /** For plain HTTP to a host with a TLS certificate: ingress-nginx answers `308 Permanent Redirect` to this URL. */
      redirect?: string;
      tls?: IngressTls;
    };

/** Options of a routed request. */
export interface IngressRequestOptions {
  scheme?: 'http' | 'https';
}

function resolveTargetPort(pod: Pod, sp: ServicePort): number | undefined {
  const t = sp.targetPort;
  if (t === undefined) return sp.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  for (const ct of pod.spec.containers) {
    const p = ct.ports?.find((x) => x.name === t && (x.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
    if (p) return p.containerPort;
  }
  return undefined;
}

/** The ready endpoints of one Service port: pods selected and Ready, or the addresses of a selector-less Endpoints. */
export function serviceEndpoints(c: Cluster, svc: Service, sp: ServicePort): IngressEndpoint[] {
  const ns = svc.metadata.namespace ?? 'default';
  const selector = svc.spec.selector;
  if (selector && Object.keys(selector).length > 0) {
    const out: IngressEndpoint[] = [];
    for (const pod of c.list<Pod>('Pod', ns)) {
      if (pod.metadata.deletionTimestamp || !pod.status.podIP || !isPodReady(pod)) continue;
      if (!matchesMap(selector, pod.metadata.labels)) continue;
      const port = resolveTargetPort(pod, sp);
      if (port !== undefined) out.push({ ip: pod.status.podIP, port, pod });
    }
    return out;
  }
  const ep = c.get<Endpoints>('Endpoints', ns, svc.metadata.name);
  const out: IngressEndpoint[] = [];
  for (const subset of ep?.subsets ?? []) {
    const port = (subset.ports ?? []).find((p) => (sp.name ? p.name === sp.name : true));
    if (!port) continue;
    for (const a of subset.addresses ?? []) out.push({ ip: a.ip, port: port.port });
  }
  return out;
}

const roundRobin = new WeakMap<Cluster, Map<string, number>>();

function pick(c: Cluster, key: string, endpoints: IngressEndpoint[]): IngressEndpoint {
  let m = roundRobin.get(c);
  if (!m) {
    m = new Map();
    roundRobin.set(c, m);
  }
  const n = m.get(key) ?? 0;
  m.set(key, n + 1);
  return endpoints[n % endpoints.length]!;
}

function secretExists(c: Cluster, ns: string, name: string): boolean {
  const s = c.get<Secret>('Secret', ns, name);
  return !!s && (s.type === undefined || s.type === 'kubernetes.io/tls');
}

function hostCovered(tlsHost: string, host: string): boolean {
  const h = tlsHost.toLowerCase();
  if (h === host) return true;
  return h.startsWith('*.') && host.slice(host.indexOf('.') + 1) === h.slice(2) && host.indexOf('.') > 0;
}

/**
 * The certificate ingress-nginx presents for a host: the TLS Secret of the first Ingress with a rule for that host
 * that lists it under `spec.tls[].hosts`, if the Secret exists; otherwise its self-signed
 * "Kubernetes Ingress Controller Fake Certificate".
 */
export function ingressTlsFor(ingresses: readonly Ingress[], c: Cluster, hostHeader: string): IngressTls {
  const host = normalizeHost(hostHeader);
  for (const ing of ingresses) {
    const rules = ing.spec?.rules ?? [];
    const servesHost = rules.some((r) => r.host && (r.host === host || hostCovered(r.host, host)));
    if (!servesHost) continue;
    for (const t of ing.spec?.tls ?? []) {
      if (!(t.hosts ?? []).some((h) => hostCovered(h, host))) continue;
      const ns = ing.metadata.namespace ?? 'default';
      if (!t.secretName) return { type: 'default-fake', reason: `host "${host}" is listed in spec.tls of ingress ${ns}/${ing.metadata.name} without a secretName` };
      if (secretExists(c, ns, t.secretName)) return { type: 'secret', namespace: ns, secretName: t.secretName };
      return { type: 'default-fake', reason: `secret "${ns}/${t.secretName}" not found` };
    }
  }
  return { type: 'default-fake', reason: `no Ingress lists host "${host}" under spec.tls` };
}

/**
 * Routes one HTTP request that reached the ingress-nginx controller. `host` is the Host header (what curl's URL or
 * `-H 'Host: …'` gives), `path` the request path. Returns the chosen Service endpoint, a 503 when the Service or its
 * endpoints are missing, the default backend's 404, or `no-controller` when the addon is not running.
 */
export function routeIngressRequest(c: Cluster, host: string, path: string, options: IngressRequestOptions = {}): IngressRoute {
  if (!ingressAddonEnabled(c)) return { type: 'no-controller', reason: 'the ingress addon is not enabled (minikube addons enable ingress)' };
  if (!readyIngressControllerPod(c)) return { type: 'no-controller', reason: `the ${INGRESS_CONTROLLER_NAME} pod is not ready yet` };
  const ingresses = nginxIngresses(c);
  const servers = buildServers(ingresses);
  const match = matchInServers(servers, host, path);
  const scheme = options.scheme ?? 'http';
  const tls = scheme === 'https' ? ingressTlsFor(ingresses, c, host) : undefined;
  const extra = tls ? { tls } : {};
  if (match.type === 'default') return { type: 'default-backend', status: 404, match, reason: match.reason, ...extra };
  const ns = match.ingress.namespace;
  const port: number | string = match.backend.port.number ?? match.backend.port.name ?? '';
  const base = { namespace: ns, service: match.backend.name, port, match };
  const svc = c.get<Service>('Service', ns, match.backend.name);
  if (!svc) return { type: 'unavailable', status: 503, ...base, reason: `${match.reason}; but service "${ns}/${match.backend.name}" not found`, ...extra };
  const sp = (svc.spec.ports ?? []).find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
  if (!sp) {
    return { type: 'unavailable', status: 503, ...base, reason: `${match.reason}; but service "${ns}/${svc.metadata.name}" has no port ${typeof port === 'number' ? port : `named "${port}"`}`, ...extra };
  }
  const endpoints = serviceEndpoints(c, svc, sp);
  if (endpoints.length === 0) {
    return { type: 'unavailable', status: 503, ...base, reason: `${match.reason}; but service "${ns}/${svc.metadata.name}" has no ready endpoints`, ...extra };
  }
  const endpoint = pick(c, `${ns}/${svc.metadata.name}:${sp.port}`, endpoints);
  const route: IngressRoute = { type: 'backend', ...base, servicePort: sp.port, endpoints, endpoint, reason: match.reason, ...extra };
  if (scheme === 'http') {
    const { server } = selectServer(servers, host);
    const cert = server.hostname === '_' ? undefined : ingressTlsFor(ingresses, c, host);
    if (cert?.type === 'secret') route.redirect = `https://${normalizeHost(host)}${normalizeRequestPath(path)}${path.includes('?') ? path.slice(path.indexOf('?')) : ''}`;
  }
  return route;
}

/** A request as it arrives at the controller. */
export interface IngressClientRequest {
  method: string;
  host: string;
  path: string;
  headers?: Record<string, string>;
  scheme?: 'http' | 'https';
  /** The client's address (the learner's host, a node, a pod). */
  clientIP: string;
}

/**
 * The request ingress-nginx sends to the backend pod: method, path and Host unchanged, plus the `X-Forwarded-*`
 * and `X-Real-IP` headers its nginx template sets.
 */
export function proxiedRequest(req: IngressClientRequest): HttpRequest {
  const scheme = req.scheme ?? 'http';
  const host = normalizeHost(req.host);
  return {
    method: req.method,
    path: req.path === '' ? '/' : req.path,
    host: req.host,
    headers: {
      ...(req.headers ?? {}),
      Host: req.host,
      'X-Real-IP': req.clientIP,
      'X-Forwarded-For': req.clientIP,
      'X-Forwarded-Host': host,
      'X-Forwarded-Port': scheme === 'https' ? '443' : '80',
      'X-Forwarded-Proto': scheme,
      'X-Forwarded-Scheme': scheme,
      'X-Scheme': scheme,
    },
  };
}

const NGINX_REASONS = { 308: 'Permanent Redirect', 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' } as const;

/**
 * What ingress-nginx itself answers: its default backend's 404, 503 for a backend without endpoints, 502 when the
 * pod refuses, 504 when it times out (a NetworkPolicy drop), 308 to HTTPS. nginx's error page (CRLF line ends, as
 * nginx's built-in pages have them), `server_tokens off`.
 */
export function ingressNginxResponse(status: keyof typeof NGINX_REASONS, location?: string): HttpResponse {
  const reason = NGINX_REASONS[status];
  const body = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  const headers: Record<string, string> = { 'Content-Type': 'text/html', 'Content-Length': String(body.length), Connection: 'keep-alive' };
  if (status === 308 && location) headers.Location = location;
  return { status, reason, headers, body };
}
