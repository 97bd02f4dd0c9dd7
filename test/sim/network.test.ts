/**
 * The reachability model: localhost inside a pod, pod to pod on any node, nodes to pods, the host only to node IPs,
 * names through cluster DNS from pods only, ping, and HTTP through a Service name.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/cluster.js';
import { connect, httpRequest, ping, podByIP, sourceIP, type NetSource } from '../../src/sim/network.js';
import type { Deployment, KubeObject, Pod, Service } from '../../src/sim/types.js';

const pod = (name: string, nodeName: string, image = 'nginx'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: name } },
  spec: { nodeName, containers: [image === 'nginx' ? { name: 'main', image } : { name: 'main', image, command: ['sleep', '3600'] }] },
});

function setup(options: ConstructorParameters<typeof Cluster>[0] = { nodes: 2 }): { c: Cluster; a: NetSource; b: Pod; web: Service } {
  const c = new Cluster(options);
  c.create(pod('client', 'minikube', 'busybox'));
  c.create(pod('server', 'minikube-m02'));
  const web = c.create<Service>({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'server' }, ports: [{ port: 80 }] } });
  c.advance(5000);
  return { c, a: { type: 'pod', pod: c.get<Pod>('Pod', 'default', 'client')!, container: 'main' }, b: c.get<Pod>('Pod', 'default', 'server')!, web };
}

describe('reachability', () => {
  it('pods reach pods on other nodes by IP, without NAT', () => {
    const { c, a, b } = setup();
    expect([a.type === 'pod' && a.pod.spec.nodeName, b.spec.nodeName, b.status.podIP]).toEqual(['minikube', 'minikube-m02', '10.244.1.2']);
    const r = connect(c, a, b.status.podIP!, 80);
    expect(r.ok && [r.ip, r.port, r.endpoint.pod.metadata.name, r.endpoint.container, r.service]).toEqual(['10.244.1.2', 80, 'server', 'main', undefined]);
  });

  it('a closed port on a pod is refused; an address nobody has times out', () => {
    const { c, a, b } = setup();
    expect(connect(c, a, b.status.podIP!, 81)).toEqual({ ok: false, failure: { type: 'refused', host: '10.244.1.2', port: 81 } });
    expect(connect(c, a, '10.244.7.7', 80)).toEqual({ ok: false, failure: { type: 'timeout', host: '10.244.7.7', port: 80, cause: 'no-route' } });
  });

  it('an unused address in a node\'s pod CIDR is unreachable from pods and nodes (ARP fails), lost from the host', () => {
    const { c, a } = setup();
    const node: NetSource = { type: 'node', node: c.nodes()[0]! };
    expect([connect(c, a, '10.244.1.200', 80), connect(c, node, '10.244.0.200', 80), connect(c, { type: 'host' }, '10.244.1.200', 80)]).toEqual([
      { ok: false, failure: { type: 'unreachable', host: '10.244.1.200', port: 80 } },
      { ok: false, failure: { type: 'unreachable', host: '10.244.0.200', port: 80 } },
      { ok: false, failure: { type: 'timeout', host: '10.244.1.200', port: 80, cause: 'no-route' } },
    ]);
    expect([ping(c, a, '10.244.1.200'), ping(c, a, '10.244.2.9'), ping(c, a, '10.244.1.1')]).toEqual([
      { ok: false, failure: { type: 'unreachable', host: '10.244.1.200', port: 0 } },
      { ok: false, failure: { type: 'timeout', host: '10.244.2.9', port: 0, cause: 'no-route' } },
      { ok: true, ip: '10.244.1.1' },
    ]);
  });

  it('a pod CIDR\'s .1 is its node (the pods\' gateway): a pod reaches the node\'s host-network servers there', () => {
    const { c, a } = setup();
    c.create({ ...pod('hostweb', 'minikube'), spec: { nodeName: 'minikube', hostNetwork: true, containers: [{ name: 'main', image: 'nginx' }] } });
    c.advance(5000);
    const r = connect(c, a, '10.244.0.1', 80);
    expect(r.ok && [r.endpoint.pod.metadata.name, r.ip]).toEqual(['hostweb', '192.168.49.2']);
    expect(connect(c, a, '10.244.0.1', 9)).toEqual({ ok: false, failure: { type: 'refused', host: '10.244.0.1', port: 9 } });
    expect(connect(c, { type: 'host' }, '10.244.0.1', 9)).toEqual({ ok: false, failure: { type: 'timeout', host: '10.244.0.1', port: 9, cause: 'no-route' } });
  });

  it('nodes reach pods; the host reaches neither pod IPs nor Service IPs', () => {
    const { c, b, web } = setup();
    expect(connect(c, { type: 'node', node: c.nodes()[0]! }, b.status.podIP!, 80).ok).toBe(true);
    expect(connect(c, { type: 'host' }, b.status.podIP!, 80)).toEqual({ ok: false, failure: { type: 'timeout', host: '10.244.1.2', port: 80, cause: 'no-route' } });
    expect(connect(c, { type: 'host' }, web.spec.clusterIP!, 80)).toEqual({ ok: false, failure: { type: 'timeout', host: web.spec.clusterIP, port: 80, cause: 'no-route' } });
  });

  it('localhost is the pod itself: its own containers only', () => {
    const { c, a } = setup();
    const server: NetSource = { type: 'pod', pod: c.get<Pod>('Pod', 'default', 'server')!, container: 'main' };
    expect(connect(c, server, 'localhost', 80).ok).toBe(true);
    expect(connect(c, a, 'localhost', 80)).toEqual({ ok: false, failure: { type: 'refused', host: 'localhost', port: 80 } });
    expect(connect(c, { type: 'host' }, 'localhost', 80)).toEqual({ ok: false, failure: { type: 'refused', host: 'localhost', port: 80 } });
  });

  it('the source address of each kind of client', () => {
    const { c, a } = setup();
    expect([sourceIP(c, a), sourceIP(c, { type: 'node', node: c.nodes()[1]! }), sourceIP(c, { type: 'host' })]).toEqual(['10.244.0.3', '192.168.49.3', '192.168.49.1']);
    expect(podByIP(c, '10.244.1.2')?.metadata.name).toBe('server');
    expect(podByIP(c, '192.168.49.2')).toBeUndefined();
  });
});

describe('names', () => {
  it('a pod reaches a Service by its DNS name; nodes and the host cannot resolve cluster names', () => {
    const { c, a } = setup();
    const r = httpRequest(c, a, 'web', 80, { method: 'GET', path: '/', host: 'web', headers: {} });
    expect(r.ok && [r.response.status, r.endpoint.pod.metadata.name]).toEqual([200, 'server']);
    expect(connect(c, { type: 'node', node: c.nodes()[0]! }, 'web', 80)).toEqual({ ok: false, failure: { type: 'resolve', host: 'web', reason: 'nxdomain' } });
    expect(connect(c, { type: 'host' }, 'web.default.svc.cluster.local', 80)).toEqual({ ok: false, failure: { type: 'resolve', host: 'web.default.svc.cluster.local', reason: 'nxdomain' } });
  });

  it('an unknown name fails to resolve, with the DNS answer attached', () => {
    const { c, a } = setup();
    const r = connect(c, a, 'nope', 80);
    expect(!r.ok && r.failure.type === 'resolve' && [r.failure.reason, r.failure.dns?.status, r.failure.dns?.tried.length]).toEqual(['nxdomain', 'NXDOMAIN', 4]);
  });

  it('with CoreDNS at zero replicas, names time out but IPs still work', () => {
    const { c, a, web } = setup();
    const d = structuredClone(c.get<Deployment>('Deployment', 'kube-system', 'coredns')!);
    d.spec.replicas = 0;
    c.update(d);
    c.advance(10_000);
    const r = connect(c, a, 'web', 80);
    expect(!r.ok && r.failure.type === 'resolve' && r.failure.reason).toBe('timeout');
    expect(connect(c, a, web.spec.clusterIP!, 80).ok).toBe(true);
  });

  it('a NetworkPolicy that blocks egress to CoreDNS makes lookups time out', () => {
    const { c, a } = setup({ nodes: 2 });
    c.create({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'no-egress' }, spec: { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'] } });
    const r = connect(c, a, 'web', 80);
    expect(!r.ok && r.failure.type === 'resolve' && r.failure.reason).toBe('timeout');
  });
});

describe('ping', () => {
  it('pods and nodes answer; a ClusterIP never does; the host cannot ping pods', () => {
    const { c, a, b, web } = setup();
    expect(ping(c, a, b.status.podIP!)).toEqual({ ok: true, ip: '10.244.1.2' });
    expect(ping(c, a, '192.168.49.3')).toEqual({ ok: true, ip: '192.168.49.3' });
    expect(ping(c, a, 'web')).toEqual({ ok: false, failure: { type: 'timeout', host: 'web', port: 0, cause: 'no-route' } });
    expect(ping(c, a, web.spec.clusterIP!)).toEqual({ ok: false, failure: { type: 'timeout', host: web.spec.clusterIP, port: 0, cause: 'no-route' } });
    expect(ping(c, { type: 'host' }, b.status.podIP!)).toEqual({ ok: false, failure: { type: 'timeout', host: '10.244.1.2', port: 0, cause: 'no-route' } });
    expect(ping(c, { type: 'host' }, '192.168.49.2')).toEqual({ ok: true, ip: '192.168.49.2' });
  });
});
