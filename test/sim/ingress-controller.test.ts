/**
 * The minikube ingress addon on a simulated cluster, following the "Set up Ingress on Minikube with the NGINX Ingress
 * Controller" tutorial: enable the addon, deploy hello-app twice, route by host and path, then disable the addon.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/cluster.js';
import { INGRESS_CONTROLLER_IMAGE, ingressAddonObjects } from '../../src/sim/controllers/ingress.js';
import { isPodReady } from '../../src/sim/controllers/pod-status.js';
import { ingressNginxResponse, routeIngressRequest, type IngressClass } from '../../src/sim/ingress.js';
import type { Deployment, Ingress, KubeObject, Pod, Service } from '../../src/sim/types.js';

function webApp(c: Cluster, name: string, version: '1.0' | '2.0'): void {
  c.apply({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'hello-app', image: `gcr.io/google-samples/hello-app:${version}` }] } } },
  });
  c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type: 'NodePort', selector: { app: name }, ports: [{ port: 8080, targetPort: 8080 }] } });
}

const exampleIngress = (extra: Partial<Ingress['spec']> = {}): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'example-ingress', namespace: 'default' },
  spec: {
    rules: [
      {
        host: 'hello-world.example',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } },
            { path: '/v2', pathType: 'Prefix', backend: { service: { name: 'web2', port: { number: 8080 } } } },
          ],
        },
      },
    ],
    ...extra,
  },
});

const ingressStatus = (c: Cluster, name = 'example-ingress'): unknown => c.mustGet<Ingress>('Ingress', 'default', name).status;

function enabledCluster(): Cluster {
  const c = new Cluster();
  c.state.addons.add('ingress');
  c.advance(30_000);
  return c;
}

describe('minikube addons enable ingress', () => {
  it('installs the namespace, controller Deployment, NodePort Service and default IngressClass', () => {
    const c = enabledCluster();
    expect(c.get('Namespace', undefined, 'ingress-nginx')).toBeDefined();
    const d = c.mustGet<Deployment>('Deployment', 'ingress-nginx', 'ingress-nginx-controller');
    expect(d.spec.template.spec.containers.map((x) => x.image)).toEqual(['registry.k8s.io/ingress-nginx/controller:v1.12.1']);
    expect(INGRESS_CONTROLLER_IMAGE).toBe('registry.k8s.io/ingress-nginx/controller:v1.12.1');
    const svc = c.mustGet<Service>('Service', 'ingress-nginx', 'ingress-nginx-controller');
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports?.map((p) => [p.name, p.port, p.targetPort])).toEqual([
      ['http', 80, 'http'],
      ['https', 443, 'https'],
    ]);
    const cls = c.mustGet<IngressClass>('IngressClass', undefined, 'nginx');
    expect(cls.spec).toEqual({ controller: 'k8s.io/ingress-nginx' });
    expect(cls.metadata.annotations).toEqual({ 'ingressclass.kubernetes.io/is-default-class': 'true' });
    const pods = c.list<Pod>('Pod', 'ingress-nginx');
    expect(pods.map((p) => [p.metadata.name.startsWith('ingress-nginx-controller-'), p.spec.nodeName, isPodReady(p)])).toEqual([[true, 'minikube', true]]);
  });

  it('objects are in the order kubectl apply would create them', () => {
    expect(ingressAddonObjects().map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/ingress-nginx',
      'ServiceAccount/ingress-nginx',
      'Deployment/ingress-nginx-controller',
      'Service/ingress-nginx-controller',
      'Service/ingress-nginx-controller-admission',
      'IngressClass/nginx',
    ]);
  });

  it('answers nothing until the controller pod is Ready', () => {
    const c = new Cluster();
    c.state.addons.add('ingress');
    expect(routeIngressRequest(c, 'hello-world.example', '/')).toEqual({ type: 'no-controller', reason: 'the ingress-nginx-controller pod is not ready yet' });
    c.advance(30_000);
    expect(routeIngressRequest(c, 'hello-world.example', '/').type).toBe('default-backend');
  });

  it('repairs a deleted controller Deployment while the addon stays enabled', () => {
    const c = enabledCluster();
    c.delete('Deployment', 'ingress-nginx', 'ingress-nginx-controller');
    c.advance(5_000);
    expect(c.get('Deployment', 'ingress-nginx', 'ingress-nginx-controller')).toBeDefined();
  });
});

describe('an Ingress routed by ingress-nginx', () => {
  it('without the addon, an Ingress gets no ADDRESS and nothing answers', () => {
    const c = new Cluster();
    webApp(c, 'web', '1.0');
    webApp(c, 'web2', '2.0');
    c.apply(exampleIngress());
    c.advance(60_000);
    expect(ingressStatus(c)).toEqual({ loadBalancer: {} });
    expect(c.mustGet<Ingress>('Ingress', 'default', 'example-ingress').spec.ingressClassName).toBeUndefined();
    expect(routeIngressRequest(c, 'hello-world.example', '/')).toEqual({ type: 'no-controller', reason: 'the ingress addon is not enabled (minikube addons enable ingress)' });
    c.state.addons.add('ingress');
    c.advance(30_000);
    expect(ingressStatus(c)).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } });
  });

  it('gets the default class and the node IP as ADDRESS, and routes by host and path', () => {
    const c = enabledCluster();
    webApp(c, 'web', '1.0');
    webApp(c, 'web2', '2.0');
    expect(c.apply(exampleIngress()).action).toBe('created');
    c.advance(10_000);
    const ing = c.mustGet<Ingress>('Ingress', 'default', 'example-ingress');
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(ing.status).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } });
    expect(c.eventsFor(ing).map((e) => [e.type, e.reason, e.message, e.source.component])).toEqual([['Normal', 'Sync', 'Scheduled for sync', 'nginx-ingress-controller']]);
    expect(c.apply(exampleIngress()).action).toBe('unchanged');

    const web = routeIngressRequest(c, 'hello-world.example', '/');
    expect(web).toMatchObject({ type: 'backend', namespace: 'default', service: 'web', port: 8080, servicePort: 8080, endpoint: { port: 8080 } });
    expect(web.type === 'backend' && web.endpoint.pod?.metadata.name.startsWith('web-')).toBe(true);
    expect(web.type === 'backend' && web.reason).toBe('host "hello-world.example" matched the rule host "hello-world.example"; path "/" matched Prefix "/" of ingress default/example-ingress (spec.rules[0].http.paths[0])');
    const v2 = routeIngressRequest(c, 'hello-world.example:80', '/v2/info?x=1');
    expect(v2).toMatchObject({ type: 'backend', service: 'web2' });
    expect(v2.type === 'backend' && v2.reason).toBe('host "hello-world.example" matched the rule host "hello-world.example"; path "/v2/info" matched Prefix "/v2" of ingress default/example-ingress (spec.rules[0].http.paths[1])');
    expect(routeIngressRequest(c, 'HELLO-WORLD.example', '/v2')).toMatchObject({ service: 'web2' });

    const other = routeIngressRequest(c, '192.168.49.2', '/');
    expect(other).toEqual({
      type: 'default-backend',
      status: 404,
      match: { type: 'default', server: '_', reason: expect.any(String) },
      reason: `host "192.168.49.2" matched no rule host (rule hosts: "hello-world.example"), so the catch-all server applies; no rule path covers "/", so the controller's default backend answers 404`,
    });
  });

  it('answers 503 when the Service is missing or has no ready endpoints', () => {
    const c = enabledCluster();
    webApp(c, 'web', '1.0');
    c.apply(exampleIngress());
    c.advance(10_000);
    const r = routeIngressRequest(c, 'hello-world.example', '/v2');
    expect(r.type === 'unavailable' && [r.status, r.service, r.reason]).toEqual([
      503,
      'web2',
      'host "hello-world.example" matched the rule host "hello-world.example"; path "/v2" matched Prefix "/v2" of ingress default/example-ingress (spec.rules[0].http.paths[1]); but service "default/web2" not found',
    ]);
    const d = c.mustGet<Deployment>('Deployment', 'default', 'web');
    c.update({ ...structuredClone(d), spec: { ...structuredClone(d.spec), replicas: 0 } });
    c.advance(5_000);
    const none = routeIngressRequest(c, 'hello-world.example', '/');
    expect(none.type === 'unavailable' && none.reason.endsWith('; but service "default/web" has no ready endpoints')).toBe(true);
  });

  it('leaves an Ingress of another class alone', () => {
    const c = enabledCluster();
    c.apply({ ...exampleIngress({ ingressClassName: 'traefik' }), metadata: { name: 'other', namespace: 'default' } });
    c.advance(60_000);
    expect(ingressStatus(c, 'other')).toEqual({ loadBalancer: {} });
    expect(routeIngressRequest(c, 'hello-world.example', '/').type).toBe('default-backend');
  });

  it('redirects plain HTTP to HTTPS for a host with a TLS secret, and presents that secret over HTTPS', () => {
    const c = enabledCluster();
    webApp(c, 'web', '1.0');
    webApp(c, 'web2', '2.0');
    c.apply(exampleIngress({ tls: [{ hosts: ['hello-world.example'], secretName: 'hello-tls' }] }));
    c.advance(10_000);
    const before = routeIngressRequest(c, 'hello-world.example', '/', { scheme: 'https' });
    expect(before.type === 'backend' && [before.redirect, before.tls]).toEqual([undefined, { type: 'default-fake', reason: 'secret "default/hello-tls" not found' }]);
    c.create({ apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: 'hello-tls', namespace: 'default' }, data: { 'tls.crt': 'eA==', 'tls.key': 'eA==' } });
    const http = routeIngressRequest(c, 'hello-world.example', '/v2?a=b');
    expect(http.type === 'backend' && http.redirect).toBe('https://hello-world.example/v2?a=b');
    const https = routeIngressRequest(c, 'hello-world.example', '/v2', { scheme: 'https' });
    expect(https.type === 'backend' && [https.redirect, https.tls]).toEqual([undefined, { type: 'secret', namespace: 'default', secretName: 'hello-tls' }]);
  });

  it('spreads requests over every ready endpoint, round-robin', () => {
    const c = enabledCluster();
    webApp(c, 'web', '1.0');
    const d = c.mustGet<Deployment>('Deployment', 'default', 'web');
    c.update({ ...structuredClone(d), spec: { ...structuredClone(d.spec), replicas: 3 } });
    c.apply(exampleIngress());
    c.advance(10_000);
    const seen = Array.from({ length: 6 }, () => {
      const r = routeIngressRequest(c, 'hello-world.example', '/');
      return r.type === 'backend' ? r.endpoint.ip : r.type;
    });
    expect(new Set(seen).size).toBe(3);
    expect(seen.slice(3)).toEqual(seen.slice(0, 3));
  });
});

describe('minikube addons disable ingress', () => {
  it('removes the controller and clears the ADDRESS of its Ingresses', () => {
    const c = enabledCluster();
    webApp(c, 'web', '1.0');
    c.apply(exampleIngress());
    c.advance(10_000);
    expect(ingressStatus(c)).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } });
    c.state.addons.delete('ingress');
    c.advance(2_000);
    expect(c.get('Namespace', undefined, 'ingress-nginx')).toBeUndefined();
    expect(c.list('Deployment', 'ingress-nginx')).toEqual([]);
    expect(c.get('IngressClass', undefined, 'nginx')).toBeUndefined();
    expect(ingressStatus(c)).toEqual({ loadBalancer: {} });
    expect(routeIngressRequest(c, 'hello-world.example', '/').type).toBe('no-controller');
  });

  it('never removes an ingress-nginx namespace the addon did not install', () => {
    const c = new Cluster();
    c.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ingress-nginx' } });
    c.advance(2_000);
    expect(c.get('Namespace', undefined, 'ingress-nginx')).toBeDefined();
  });
});

describe("ingress-nginx's own answers", () => {
  it('404 from the default backend, 503 without endpoints, 308 to HTTPS', () => {
    expect(ingressNginxResponse(404)).toEqual({
      status: 404,
      reason: 'Not Found',
      headers: { 'Content-Type': 'text/html', 'Content-Length': '146', Connection: 'keep-alive' },
      body: '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    });
    expect(ingressNginxResponse(503).body).toContain('<center><h1>503 Service Temporarily Unavailable</h1></center>');
    expect(ingressNginxResponse(308, 'https://a.example/').headers.Location).toBe('https://a.example/');
  });
});
