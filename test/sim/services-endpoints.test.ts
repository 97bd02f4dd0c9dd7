/**
 * The Endpoints and EndpointSlice controllers: selection, readiness, publishNotReadyAddresses, targetPort by name
 * resolved per pod, several ports, hostnames of headless Services, clean-up, and the `kubernetes` Service.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/cluster.js';
import { containerFs } from '../../src/sim/container-fs.js';
import type { Container, EndpointSlice, Endpoints, KubeObject, Pod, PodSpec, Service, ServiceSpec } from '../../src/sim/types.js';

const svc = (name: string, spec: Partial<ServiceSpec>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
const pod = (name: string, labels: Record<string, string>, containers: Container[], extra: Partial<PodSpec> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers, ...extra },
});
const nginx = (ports = [{ name: 'http', containerPort: 80 }]): Container => ({ name: 'nginx', image: 'nginx', ports });
const ref = (p: Pod): { kind: string; name: string; namespace: string; uid: string | undefined } => ({ kind: 'Pod', name: p.metadata.name, namespace: 'default', uid: p.metadata.uid });
const get = (c: Cluster, name: string): Pod => c.get<Pod>('Pod', 'default', name)!;
const slicesOf = (c: Cluster, name: string): EndpointSlice[] => c.list<EndpointSlice>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);

describe('Endpoints', () => {
  it('lists the selected ready pods, sorted by IP, with the resolved target port', () => {
    const c = new Cluster();
    c.create(pod('a', { app: 'web' }, [nginx()]));
    c.create(pod('b', { app: 'web' }, [nginx()]));
    c.create(pod('other', { app: 'db' }, [nginx()]));
    c.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 'http' }] }));
    c.advance(3000);
    const [a, b] = [get(c, 'a'), get(c, 'b')];
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets).toEqual([
      {
        addresses: [
          { ip: a.status.podIP, nodeName: 'minikube', targetRef: ref(a) },
          { ip: b.status.podIP, nodeName: 'minikube', targetRef: ref(b) },
        ],
        ports: [{ port: 80, protocol: 'TCP' }],
      },
    ]);
  });

  it('a Service that selects nothing has an Endpoints object without subsets', () => {
    const c = new Cluster();
    c.create(svc('none', { selector: { app: 'nothing' }, ports: [{ port: 80 }] }));
    const ep = c.get<Endpoints>('Endpoints', 'default', 'none')!;
    expect([ep.metadata.name, ep.subsets]).toEqual(['none', undefined]);
  });

  it('a Service without a selector gets no managed Endpoints', () => {
    const c = new Cluster();
    c.create(svc('manual', { ports: [{ port: 80 }] }));
    expect(c.get('Endpoints', 'default', 'manual')).toBeUndefined();
    expect(slicesOf(c, 'manual')).toEqual([]);
  });

  it('not-ready pods are notReadyAddresses until their readiness probe passes', () => {
    const c = new Cluster();
    const probe = { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 1 };
    c.create(pod('slow', { app: 'web' }, [{ ...nginx(), readinessProbe: probe }]));
    c.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    c.advance(3000);
    const p = get(c, 'slow');
    const addr = { ip: p.status.podIP, nodeName: 'minikube', targetRef: ref(p) };
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets).toEqual([{ notReadyAddresses: [addr], ports: [{ port: 80, protocol: 'TCP' }] }]);
    expect(slicesOf(c, 'web')[0]!.endpoints.map((e) => e.conditions)).toEqual([{ ready: false, serving: false, terminating: false }]);
    containerFs(c, p, 'nginx')!.writeFile('/tmp/ready', 'ok\n');
    c.advance(2000);
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets).toEqual([{ addresses: [addr], ports: [{ port: 80, protocol: 'TCP' }] }]);
  });

  it('publishNotReadyAddresses lists not-ready pods as ready', () => {
    const c = new Cluster();
    c.create(pod('slow', { app: 'web' }, [{ ...nginx(), readinessProbe: { exec: { command: ['cat', '/nope'] } } }]));
    c.create(svc('web', { selector: { app: 'web' }, publishNotReadyAddresses: true, ports: [{ port: 80 }] }));
    c.advance(3000);
    const p = get(c, 'slow');
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets).toEqual([{ addresses: [{ ip: p.status.podIP, nodeName: 'minikube', targetRef: ref(p) }], ports: [{ port: 80, protocol: 'TCP' }] }]);
    expect(slicesOf(c, 'web')[0]!.endpoints.map((e) => e.conditions)).toEqual([{ ready: true, serving: false, terminating: false }]);
  });

  it('a named targetPort resolves per pod: different numbers give separate subsets and slices', () => {
    const c = new Cluster();
    c.create(pod('n', { app: 'mix' }, [nginx([{ name: 'web', containerPort: 80 }])]));
    c.create(pod('e', { app: 'mix' }, [{ name: 'echo', image: 'hashicorp/http-echo', args: ['-listen=:5678'], ports: [{ name: 'web', containerPort: 5678 }] }]));
    c.create(pod('x', { app: 'mix' }, [nginx([{ name: 'other', containerPort: 80 }])]));
    c.create(svc('mix', { selector: { app: 'mix' }, ports: [{ port: 80, targetPort: 'web' }] }));
    c.advance(3000);
    const [n, e] = [get(c, 'n'), get(c, 'e')];
    const subsets = c.get<Endpoints>('Endpoints', 'default', 'mix')!.subsets!;
    const byPort = Object.fromEntries(subsets.map((s) => [s.ports![0]!.port, s.addresses!.map((a) => a.targetRef!.name)]));
    expect(byPort).toEqual({ 80: ['n'], 5678: ['e'] });
    const slices = slicesOf(c, 'mix');
    expect(slices.map((s) => [s.ports, s.endpoints.map((x) => x.addresses[0])]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [
        [[{ name: '', port: 5678, protocol: 'TCP' }], [e.status.podIP]],
        [[{ name: '', port: 80, protocol: 'TCP' }], [n.status.podIP]],
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
  });

  it('several ports, each resolved', () => {
    const c = new Cluster();
    c.create(pod('a', { app: 'web' }, [nginx([{ name: 'http', containerPort: 80 }, { name: 'metrics', containerPort: 9090 }])]));
    c.create(svc('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090, targetPort: 'metrics' }] }));
    c.advance(3000);
    const a = get(c, 'a');
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets).toEqual([
      { addresses: [{ ip: a.status.podIP, nodeName: 'minikube', targetRef: ref(a) }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }] },
    ]);
  });

  it('a pod whose subdomain names a headless Service carries its hostname', () => {
    const c = new Cluster();
    c.create(pod('p1', { app: 'db' }, [nginx()], { hostname: 'db-0', subdomain: 'db' }));
    c.create(pod('p2', { app: 'db' }, [nginx()], { hostname: 'db-1', subdomain: 'elsewhere' }));
    c.create(svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 80 }] }));
    c.advance(3000);
    const hostnames = c.get<Endpoints>('Endpoints', 'default', 'db')!.subsets![0]!.addresses!.map((a) => [a.targetRef!.name, a.hostname]);
    expect(hostnames).toEqual([
      ['p1', 'db-0'],
      ['p2', undefined],
    ]);
  });

  it('pods a Service does not select do not rewrite its Endpoints', () => {
    const c = new Cluster();
    c.create(pod('a', { app: 'web' }, [nginx()]));
    c.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    c.advance(3000);
    const rv = c.get<Endpoints>('Endpoints', 'default', 'web')!.metadata.resourceVersion;
    c.create(pod('b', { app: 'db' }, [nginx()]));
    c.advance(3000);
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.metadata.resourceVersion).toBe(rv);
  });

  it('follows label changes and pod deletion', () => {
    const c = new Cluster();
    c.create(pod('a', { app: 'web' }, [nginx()]));
    c.create(pod('b', { app: 'web' }, [nginx()]));
    c.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    c.advance(3000);
    const names = (): string[] => (c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((x) => x.targetRef!.name));
    expect(names()).toEqual(['a', 'b']);
    const b = structuredClone(get(c, 'b'));
    b.metadata.labels = { app: 'other' };
    c.update(b);
    expect(names()).toEqual(['a']);
    c.delete('Pod', 'default', 'a');
    expect(names()).toEqual([]);
    expect(slicesOf(c, 'web').map((s) => [s.endpoints, s.ports])).toEqual([[[], null]]);
  });
});

describe('EndpointSlices', () => {
  it('a terminating pod leaves Endpoints but stays in its slice as terminating (serving while ready)', () => {
    const c = new Cluster();
    c.create(pod('a', { app: 'web' }, [nginx()]));
    c.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    c.advance(3000);
    const a = structuredClone(get(c, 'a'));
    a.metadata.deletionTimestamp = c.nowIso();
    c.update(a);
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets).toBeUndefined();
    expect(slicesOf(c, 'web')[0]!.endpoints.map((e) => [e.addresses, e.conditions])).toEqual([[[a.status.podIP], { ready: false, serving: true, terminating: true }]]);
  });

  it('one slice named <service>-<suffix>, labelled and owned by the Service', () => {
    const c = new Cluster();
    c.create(pod('a', { app: 'web' }, [nginx()]));
    const s = c.create<Service>(svc('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] }));
    c.advance(3000);
    const a = get(c, 'a');
    const [slice, ...rest] = slicesOf(c, 'web');
    expect(rest).toEqual([]);
    expect(slice!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect({ ...slice!, metadata: { ...slice!.metadata, name: 'web-xxxxx', uid: undefined, creationTimestamp: undefined, resourceVersion: undefined } }).toEqual({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'web-xxxxx',
        generateName: 'web-',
        namespace: 'default',
        labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: s.metadata.uid, controller: true, blockOwnerDeletion: true }],
        uid: undefined,
        creationTimestamp: undefined,
        resourceVersion: undefined,
      },
      addressType: 'IPv4',
      endpoints: [{ addresses: [a.status.podIP], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'minikube', targetRef: ref(a) }],
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
    });
  });

  it('deleting the Service removes its Endpoints and slices', () => {
    const c = new Cluster();
    c.create(pod('a', { app: 'web' }, [nginx()]));
    c.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    c.advance(3000);
    c.delete('Service', 'default', 'web');
    expect([c.get('Endpoints', 'default', 'web'), slicesOf(c, 'web')]).toEqual([undefined, []]);
  });
});

describe('the kubernetes Service', () => {
  it('points at the apiserver on the control-plane node, :8443', () => {
    const c = new Cluster({ nodes: 2 });
    const ep = c.get<Endpoints>('Endpoints', 'default', 'kubernetes')!;
    expect([ep.metadata.labels, ep.subsets]).toEqual([{ 'endpointslice.kubernetes.io/skip-mirror': 'true' }, [{ addresses: [{ ip: '192.168.49.2' }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] }]]);
    const slice = c.get<EndpointSlice>('EndpointSlice', 'default', 'kubernetes')!;
    expect([slice.endpoints, slice.ports]).toEqual([[{ addresses: ['192.168.49.2'], conditions: { ready: true } }], [{ name: 'https', port: 8443, protocol: 'TCP' }]]);
  });

  it('kube-dns has the CoreDNS pod on its three ports', () => {
    const c = new Cluster();
    const dns = c.list<Pod>('Pod', 'kube-system').find((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns')!;
    expect(c.get<Endpoints>('Endpoints', 'kube-system', 'kube-dns')!.subsets).toEqual([
      {
        addresses: [{ ip: dns.status.podIP, nodeName: 'minikube', targetRef: { kind: 'Pod', name: dns.metadata.name, namespace: 'kube-system', uid: dns.metadata.uid } }],
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'metrics', port: 9153, protocol: 'TCP' },
        ],
      },
    ]);
  });
});
