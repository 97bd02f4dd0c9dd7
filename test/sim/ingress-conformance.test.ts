/**
 * kubernetes-sigs/ingress-controller-conformance, replayed on the simulator (`../shared/reference/ingress-conformance/`:
 * scenarios.yaml, derived from the features/*.feature files). Each feature gets a fresh minikube cluster with the
 * ingress addon, a random namespace, the harness's backends (a Deployment `<ingress>-<svc>` running an echo server on
 * port 3000 and a NodePort Service `<svc>`), then every request goes through the ingress controller to a pod and back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Cluster } from '../../src/sim/cluster.js';
import { proxiedRequest, routeIngressRequest, type IngressRoute } from '../../src/sim/ingress.js';
import { httpRequest } from '../../src/sim/network.js';
import type { Deployment, Ingress, IngressBackend, Node, Secret, Service } from '../../src/sim/types.js';

interface Case {
  scenario: string;
  line: number;
  request?: { method: string; scheme: 'http' | 'https'; host: string; path: string; count?: number };
  expect: {
    status?: number;
    service?: string;
    requestMethod?: string;
    requestPath?: string;
    requestHost?: string;
    tlsHostname?: string;
    distinctPods?: number;
    ingressStatusAddress?: 'absent';
  };
}
interface Feature {
  file: string;
  feature: string;
  ingress: Ingress;
  setup: ({ tlsSecret: string; hostname: string } | { scaleBackend: string; replicas: number })[];
  cases: Case[];
}

const dir = path.join(import.meta.dirname, '../../../shared/reference/ingress-conformance');
const corpus = parse(readFileSync(path.join(dir, 'scenarios.yaml'), 'utf8')) as { features: Feature[] };
const NODE_IP = '192.168.49.2';

function backendsOf(ing: Ingress): IngressBackend[] {
  const out: IngressBackend[] = [];
  if (ing.spec.defaultBackend) out.push(ing.spec.defaultBackend);
  for (const r of ing.spec.rules ?? []) for (const p of r.http?.paths ?? []) out.push(p.backend);
  return out;
}

/** The conformance harness's setup (test/kubernetes/deployment.go), on a fresh cluster with the ingress addon. */
function setUp(f: Feature, index: number): { c: Cluster; ns: string; ingress: Ingress } {
  const c = new Cluster({ addons: ['ingress'], seed: 7 + index });
  const ns = `conformance-${c.randomSuffix()}`;
  c.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const name = f.ingress.metadata.name;
  const seen = new Set<string>();
  for (const b of backendsOf(f.ingress)) {
    const svc = b.service!;
    if (seen.has(svc.name)) continue;
    seen.add(svc.name);
    const app = `${name}-${svc.name}`;
    const deploy: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app, namespace: ns },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app } },
        template: {
          metadata: { labels: { app } },
          spec: { containers: [{ name: 'echo', image: 'hashicorp/http-echo:1.0', args: ['-listen=:3000', `-text=${svc.name}`], ports: [{ containerPort: 3000 }] }] },
        },
      },
      status: {},
    };
    c.create(deploy);
    const port = svc.port.name ? { name: svc.port.name, port: 8080 } : { port: svc.port.number! };
    const service: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: svc.name, namespace: ns },
      spec: { type: 'NodePort', selector: { app }, ports: [{ ...port, targetPort: 3000 }] },
      status: { loadBalancer: {} },
    };
    c.create(service);
  }
  for (const s of f.setup) {
    if ('tlsSecret' in s) {
      const pem = (kind: string): string => Buffer.from(`-----BEGIN ${kind}-----\nCN=${s.hostname}\n-----END ${kind}-----\n`).toString('base64');
      const secret: Secret = { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: s.tlsSecret, namespace: ns }, data: { 'tls.crt': pem('CERTIFICATE'), 'tls.key': pem('PRIVATE KEY') } };
      c.create(secret);
    } else {
      const d = c.mustGet<Deployment>('Deployment', ns, `${name}-${s.scaleBackend}`);
      c.update({ ...structuredClone(d), spec: { ...structuredClone(d.spec), replicas: s.replicas } });
    }
  }
  const ing = structuredClone(f.ingress);
  ing.metadata.namespace = ns;
  // The harness gives a class-less Ingress the controller's class (its --ingress-class flag).
  if (!ing.spec.ingressClassName) ing.spec.ingressClassName = 'nginx';
  c.create(ing);
  c.advance(10_000);
  return { c, ns, ingress: c.mustGet<Ingress>('Ingress', ns, name) };
}

/** Sends one request through the controller, following a 308 to HTTPS as the harness's Go client does. */
function send(c: Cluster, req: NonNullable<Case['request']>, address: string): { route: IngressRoute; status: number; body: string; forwarded?: ReturnType<typeof proxiedRequest> } {
  const host = req.host || address;
  let scheme = req.scheme;
  let route = routeIngressRequest(c, host, req.path, { scheme });
  if (route.type === 'backend' && route.redirect) {
    scheme = 'https';
    route = routeIngressRequest(c, host, req.path, { scheme });
  }
  if (route.type !== 'backend') return { route, status: route.type === 'no-controller' ? 0 : route.status, body: '' };
  const forwarded = proxiedRequest({ method: req.method, host, path: req.path, scheme, clientIP: '192.168.49.1', headers: { 'User-Agent': 'Go-http-client/1.1' } });
  const node = c.nodes()[0] as Node;
  const res = httpRequest(c, { type: 'node', node }, route.endpoint.ip, route.endpoint.port, forwarded);
  if (!res.ok) return { route, status: 502, body: '' };
  return { route, status: res.response.status, body: res.response.body, forwarded };
}

let passed = 0;
const total = corpus.features.reduce((n, f) => n + f.cases.length, 0);

describe.each(corpus.features.map((f, i) => [f.file, f, i] as const))('%s', (_file, feature, index) => {
  const { c, ingress } = setUp(feature, index);
  const address = ingress.status.loadBalancer.ingress?.[0]?.ip;

  it.each(feature.cases.map((k) => [`line ${k.line}: ${k.scenario}${k.request ? ` (${k.request.method} ${k.request.scheme}://${k.request.host}${k.request.path})` : ''}`, k] as const))('%s', (_n, k) => {
    const e = k.expect;
    if (e.ingressStatusAddress === 'absent') {
      c.advance(120_000);
      expect(c.mustGet<Ingress>('Ingress', ingress.metadata.namespace, ingress.metadata.name).status).toEqual({ loadBalancer: {} });
      expect(routeIngressRequest(c, 'ingress-class', '/').type).toBe('default-backend');
      passed++;
      return;
    }
    expect(address).toBe(NODE_IP);
    const req = k.request!;
    if (req.count) {
      const pods = new Set<string>();
      for (let i = 0; i < req.count; i++) {
        const r = send(c, req, address!);
        expect(r.status).toBe(e.status);
        if (r.route.type === 'backend') pods.add(r.route.endpoint.pod!.metadata.name);
      }
      expect(pods.size).toBe(e.distinctPods);
      passed++;
      return;
    }
    const r = send(c, req, address!);
    expect(r.status).toBe(e.status);
    if (e.status === 404) expect(r.route.type).toBe('default-backend');
    if (e.service) {
      expect(r.route).toMatchObject({ type: 'backend', service: e.service });
      expect(r.body).toBe(`${e.service}\n`);
    }
    if (e.requestMethod) expect(r.forwarded?.method).toBe(e.requestMethod);
    if (e.requestPath) expect(r.forwarded?.path).toBe(e.requestPath);
    if (e.requestHost) expect(r.forwarded?.headers.Host).toBe(e.requestHost);
    if (e.tlsHostname) {
      expect(r.route.type === 'backend' && r.route.tls).toEqual({ type: 'secret', namespace: ingress.metadata.namespace, secretName: 'conformance-tls' });
      const tlsHosts = (ingress.spec.tls ?? []).flatMap((t) => t.hosts ?? []);
      expect(tlsHosts).toContain(e.tlsHostname);
    }
    passed++;
  });
});

describe('ingress-conformance totals', () => {
  it('replays every case of scenarios.yaml', () => {
    console.log(`ingress-conformance: ${passed}/${total} cases pass`);
    expect(total).toBe(30);
    expect(passed).toBe(total);
  });
});
