/**
 * kube-proxy: DNAT of ClusterIP, NodePort and LoadBalancer traffic to ready endpoints, refusals and drops, spreading
 * and ClientIP affinity, externalTrafficPolicy Local, NetworkPolicy after DNAT, and the iptables-save rendering.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/cluster.js';
import { endpointChainName, iptablesSave, portProtoHash } from '../../src/sim/kube-proxy.js';
import { connect, httpRequest, type NetSource } from '../../src/sim/network.js';
import type { KubeObject, Pod, Service, ServiceSpec } from '../../src/sim/types.js';

const hello = (replicas: number, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'hello' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'hello' } },
    template: { metadata: { labels: { app: 'hello' } }, spec: { containers: [{ name: 'hello', image: 'gcr.io/google-samples/hello-app:1.0', ports: [{ name: 'http', containerPort: 8080 }] }], ...extra } },
  },
});
const svc = (spec: Partial<ServiceSpec>, name = 'hello'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: 'hello' }, ...spec } });
const client = (name = 'client', labels: Record<string, string> = { role: 'client' }): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });

function setup(spec: Partial<ServiceSpec>, replicas = 2, options: ConstructorParameters<typeof Cluster>[0] = {}): { c: Cluster; from: NetSource; service: Service } {
  const c = new Cluster(options);
  c.create(hello(replicas));
  c.create(client());
  const service = c.create<Service>(svc(spec));
  c.advance(5000);
  return { c, from: { type: 'pod', pod: c.get<Pod>('Pod', 'default', 'client')!, container: 'c' }, service };
}

const hostnameOf = (c: Cluster, from: NetSource, host: string, port: number): string => {
  const r = httpRequest(c, from, host, port, { method: 'GET', path: '/', host, headers: {} });
  return r.ok ? r.response.body.split('\n')[2]!.replace('Hostname: ', '') : `failed: ${r.failure.type}`;
};
const podNames = (c: Cluster): string[] => c.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'hello').map((p) => p.metadata.name);

describe('chain names', () => {
  it('hash Service ports and endpoints exactly as kube-proxy does', () => {
    expect([
      portProtoHash('default/kubernetes:https', 'tcp'),
      portProtoHash('kube-system/kube-dns:dns', 'udp'),
      portProtoHash('kube-system/kube-dns:dns-tcp', 'tcp'),
      portProtoHash('kube-system/kube-dns:metrics', 'tcp'),
      endpointChainName('kube-system/kube-dns:dns-tcp', 'tcp', '10.244.0.2:53'),
      endpointChainName('kube-system/kube-dns:dns', 'udp', '10.244.0.2:53'),
    ]).toEqual(['NPX46M4PTMTKRN6Y', 'TCOU7JCQXEZGVUNU', 'ERIFXISQEP7F7OF4', 'JD5MR3NA4I4DYORP', 'KUBE-SEP-IT2ZTR26TO4XFPTO', 'KUBE-SEP-YIL6JZP7A3QYXJU2']);
  });
});

describe('ClusterIP', () => {
  it('DNATs to the ready endpoints in turn, by name and by IP', () => {
    const { c, from, service } = setup({ ports: [{ port: 80, targetPort: 8080 }] });
    const [a, b] = podNames(c).sort((x, y) => (c.get<Pod>('Pod', 'default', x)!.status.podIP! < c.get<Pod>('Pod', 'default', y)!.status.podIP! ? -1 : 1));
    expect([1, 2, 3, 4].map(() => hostnameOf(c, from, 'hello', 80))).toEqual([a, b, a, b]);
    const r = connect(c, from, service.spec.clusterIP!, 80);
    expect(r.ok && { ip: r.ip, port: r.port, service: r.service }).toEqual({ ip: c.get<Pod>('Pod', 'default', a!)!.status.podIP, port: 8080, service: { namespace: 'default', name: 'hello', port: 80, via: 'clusterIP' } });
  });

  it('sessionAffinity ClientIP keeps a client on one endpoint', () => {
    const { c, from } = setup({ sessionAffinity: 'ClientIP', ports: [{ port: 80, targetPort: 'http' }] }, 3);
    const seen = new Set([1, 2, 3, 4, 5, 6].map(() => hostnameOf(c, from, 'hello', 80)));
    expect(seen.size).toBe(1);
    expect(podNames(c)).toContain([...seen][0]);
  });

  it('no ready endpoints: refused; wrong targetPort: refused; a port the Service lacks: timeout', () => {
    const none = setup({ selector: { app: 'nobody' }, ports: [{ port: 80 }] });
    expect(connect(none.c, none.from, 'hello', 80)).toEqual({ ok: false, failure: { type: 'refused', host: 'hello', port: 80 } });
    const wrong = setup({ ports: [{ port: 80, targetPort: 9999 }] });
    expect(connect(wrong.c, wrong.from, 'hello', 80)).toEqual({ ok: false, failure: { type: 'refused', host: 'hello', port: 80 } });
    expect(connect(wrong.c, wrong.from, wrong.service.spec.clusterIP!, 81)).toEqual({ ok: false, failure: { type: 'timeout', host: wrong.service.spec.clusterIP, port: 81, cause: 'no-route' } });
  });

  it('internalTrafficPolicy Local: a client reaches only endpoints on its own node', () => {
    const c = new Cluster({ nodes: 2 });
    c.create(hello(1, { nodeName: 'minikube-m02' }));
    c.create({ ...client('near'), spec: { nodeName: 'minikube-m02', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });
    c.create({ ...client('far'), spec: { nodeName: 'minikube', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });
    c.create(svc({ internalTrafficPolicy: 'Local', ports: [{ port: 80, targetPort: 8080 }] }));
    c.advance(5000);
    const from = (name: string): NetSource => ({ type: 'pod', pod: c.get<Pod>('Pod', 'default', name)!, container: 'c' });
    expect(connect(c, from('near'), 'hello', 80).ok).toBe(true);
    expect(connect(c, from('far'), 'hello', 80)).toEqual({ ok: false, failure: { type: 'timeout', host: 'hello', port: 80, cause: 'no-local-endpoint' } });
  });

  it('nodes reach ClusterIPs; the host does not', () => {
    const { c, service } = setup({ ports: [{ port: 80, targetPort: 8080 }] });
    const node: NetSource = { type: 'node', node: c.nodes()[0]! };
    expect(connect(c, node, service.spec.clusterIP!, 80).ok).toBe(true);
    expect(connect(c, { type: 'host' }, service.spec.clusterIP!, 80)).toEqual({ ok: false, failure: { type: 'timeout', host: service.spec.clusterIP, port: 80, cause: 'no-route' } });
  });
});

describe('NodePort and LoadBalancer', () => {
  it('a node port answers on every node IP, from the host, nodes and pods', () => {
    const { c, from } = setup({ type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] }, 2, { nodes: 2 });
    const ips = c.nodes().map((n) => c.nodeIP(n));
    expect(ips).toEqual(['192.168.49.2', '192.168.49.3']);
    for (const ip of ips) {
      for (const src of [{ type: 'host' } as NetSource, { type: 'node', node: c.nodes()[1]! } as NetSource, from]) {
        const r = connect(c, src, ip, 30080);
        expect(r.ok && r.service).toEqual({ namespace: 'default', name: 'hello', port: 80, via: 'nodePort' });
      }
    }
    expect(connect(c, { type: 'host' }, '192.168.49.2', 30081)).toEqual({ ok: false, failure: { type: 'refused', host: '192.168.49.2', port: 30081 } });
  });

  it('on a node, localhost:<nodePort> reaches the Service too', () => {
    const { c } = setup({ type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
    const r = connect(c, { type: 'node', node: c.nodes()[0]! }, 'localhost', 30080);
    expect(r.ok && r.service).toEqual({ namespace: 'default', name: 'hello', port: 80, via: 'nodePort' });
    expect(connect(c, { type: 'node', node: c.nodes()[0]! }, 'localhost', 30081)).toEqual({ ok: false, failure: { type: 'refused', host: 'localhost', port: 30081 } });
  });

  it('externalIPs: the Service answers on that address and port', () => {
    const { c } = setup({ externalIPs: ['192.168.49.2'], ports: [{ port: 8000, targetPort: 8080 }] });
    const r = connect(c, { type: 'host' }, '192.168.49.2', 8000);
    expect(r.ok && r.service).toEqual({ namespace: 'default', name: 'hello', port: 8000, via: 'externalIP' });
    expect(iptablesSave(c, 'minikube').split('\n').filter((l) => l.includes('external IP'))).toEqual([
      '-A KUBE-SERVICES -d 192.168.49.2/32 -p tcp -m comment --comment "default/hello external IP" -m tcp --dport 8000 -j KUBE-EXT-STDNOFAI3EEZDIVA',
    ]);
  });

  it('externalTrafficPolicy Local: only nodes with a local endpoint answer', () => {
    const c = new Cluster({ nodes: 2 });
    c.create(hello(1, { nodeName: 'minikube-m02' }));
    c.create(svc({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] }));
    c.advance(5000);
    expect(connect(c, { type: 'host' }, '192.168.49.3', 30080).ok).toBe(true);
    expect(connect(c, { type: 'host' }, '192.168.49.2', 30080)).toEqual({ ok: false, failure: { type: 'timeout', host: '192.168.49.2', port: 30080, cause: 'no-local-endpoint' } });
  });

  it('a LoadBalancer is reachable from the host at its ingress IP only while minikube tunnel runs', () => {
    const { c, service } = setup({ type: 'LoadBalancer', ports: [{ port: 80, targetPort: 8080 }] });
    expect(connect(c, { type: 'host' }, service.spec.clusterIP!, 80).ok).toBe(false);
    c.state.tunnel = true;
    c.advance(1000);
    const ip = c.get<Service>('Service', 'default', 'hello')!.status.loadBalancer.ingress![0]!.ip!;
    expect(ip).toBe(service.spec.clusterIP);
    const r = connect(c, { type: 'host' }, ip, 80);
    expect(r.ok && r.service?.name).toBe('hello');
    const nodePort = service.spec.ports![0]!.nodePort!;
    expect(connect(c, { type: 'host' }, '192.168.49.2', nodePort).ok).toBe(true);
  });
});

describe('NetworkPolicy after DNAT', () => {
  const denyIngress: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: { matchLabels: { app: 'hello' } }, policyTypes: ['Ingress'] } };
  const allowClients: KubeObject = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'allow-clients' },
    spec: { podSelector: { matchLabels: { app: 'hello' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }], ports: [{ port: 8080 }] }] },
  };

  it('a denied connection through a Service is dropped silently (timeout); policy ports are the pod port', () => {
    const { c, from } = setup({ ports: [{ port: 80, targetPort: 8080 }] });
    c.create(denyIngress);
    expect(connect(c, from, 'hello', 80)).toEqual({ ok: false, failure: { type: 'timeout', host: 'hello', port: 80, cause: 'policy' } });
    c.create(allowClients);
    expect(connect(c, from, 'hello', 80).ok).toBe(true);
  });

  it('a plugin that ignores policy (flannel, bridge) lets it through; kindnet enforces it', () => {
    for (const networkPlugin of ['flannel', 'bridge'] as const) {
      const { c, from } = setup({ ports: [{ port: 80, targetPort: 8080 }] }, 2, { networkPlugin });
      c.create(denyIngress);
      expect(connect(c, from, 'hello', 80).ok).toBe(true);
    }
    const { c, from } = setup({ ports: [{ port: 80, targetPort: 8080 }] }, 2, { networkPlugin: 'kindnet' });
    c.create(denyIngress);
    expect(connect(c, from, 'hello', 80)).toEqual({ ok: false, failure: { type: 'timeout', host: 'hello', port: 80, cause: 'policy' } });
  });
});

describe('iptables-save', () => {
  it('renders the filter and nat tables kube-proxy programs', () => {
    const { c, service } = setup({ type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
    const eps = c
      .list<Pod>('Pod', 'default')
      .filter((p) => p.metadata.labels?.app === 'hello')
      .map((p) => p.status.podIP!)
      .sort();
    const ip = service.spec.clusterIP!;
    const sep = (e: string): string => endpointChainName('default/hello', 'tcp', `${e}:8080`);
    const [s0, s1] = [sep(eps[0]!), sep(eps[1]!)];
    const out = iptablesSave(c, 'minikube');
    const nat = out.slice(out.indexOf('*nat'));
    const helloLines = nat.split('\n').filter((l) => l.includes('default/hello') || l.includes('STDNOFAI3EEZDIVA') || l.includes(s0) || l.includes(s1));
    expect(helloLines).toEqual(
      [
        ':KUBE-EXT-STDNOFAI3EEZDIVA - [0:0]',
        ...[`:${s0} - [0:0]`, `:${s1} - [0:0]`].sort(),
        ':KUBE-SVC-STDNOFAI3EEZDIVA - [0:0]',
        '-A KUBE-EXT-STDNOFAI3EEZDIVA -m comment --comment "masquerade traffic for default/hello external destinations" -j KUBE-MARK-MASQ',
        '-A KUBE-EXT-STDNOFAI3EEZDIVA -j KUBE-SVC-STDNOFAI3EEZDIVA',
        '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/hello" -m tcp --dport 30080 -j KUBE-EXT-STDNOFAI3EEZDIVA',
        ...[
          [`-A ${s0} -s ${eps[0]}/32 -m comment --comment "default/hello" -j KUBE-MARK-MASQ`, `-A ${s0} -p tcp -m comment --comment "default/hello" -m tcp -j DNAT --to-destination ${eps[0]}:8080`],
          [`-A ${s1} -s ${eps[1]}/32 -m comment --comment "default/hello" -j KUBE-MARK-MASQ`, `-A ${s1} -p tcp -m comment --comment "default/hello" -m tcp -j DNAT --to-destination ${eps[1]}:8080`],
        ]
          .sort((x, y) => (x[0]! < y[0]! ? -1 : 1))
          .flat(),
        `-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/hello cluster IP" -m tcp --dport 80 -j KUBE-SVC-STDNOFAI3EEZDIVA`,
        `-A KUBE-SVC-STDNOFAI3EEZDIVA ! -s 10.244.0.0/16 -d ${ip}/32 -p tcp -m comment --comment "default/hello cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ`,
        `-A KUBE-SVC-STDNOFAI3EEZDIVA -m comment --comment "default/hello -> ${eps[0]}:8080" -m statistic --mode random --probability 0.50000000000 -j ${s0}`,
        `-A KUBE-SVC-STDNOFAI3EEZDIVA -m comment --comment "default/hello -> ${eps[1]}:8080" -j ${s1}`,
      ],
    );
    expect(out.split('\n').slice(0, 2)).toEqual(['# Generated by iptables-save v1.8.7 on Wed Jan  1 12:21:05 2025', '*filter']);
    expect(nat.split('\n').slice(0, 5)).toEqual(['*nat', ':PREROUTING ACCEPT [0:0]', ':INPUT ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]', ':POSTROUTING ACCEPT [0:0]']);
    expect(nat.trimEnd().split('\n').slice(-2)).toEqual(['COMMIT', '# Completed on Wed Jan  1 12:21:05 2025']);
  });

  it('three endpoints: the probabilities iptables prints back', () => {
    const { c } = setup({ ports: [{ port: 80, targetPort: 8080 }] }, 3);
    const probs = iptablesSave(c, 'minikube')
      .split('\n')
      .filter((l) => l.startsWith('-A KUBE-SVC-STDNOFAI3EEZDIVA -m comment'))
      .map((l) => /--probability (\S+)/.exec(l)?.[1] ?? 'last');
    expect(probs).toEqual(['0.33333333349', '0.50000000000', 'last']);
  });

  it('a Service without endpoints is a REJECT in the filter table', () => {
    const { c, service } = setup({ type: 'NodePort', selector: { app: 'nobody' }, ports: [{ port: 80, nodePort: 30090 }] });
    const lines = iptablesSave(c, 'minikube').split('\n').filter((l) => l.includes('default/hello'));
    expect(lines).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/hello has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30090 -j REJECT --reject-with icmp-port-unreachable',
      `-A KUBE-SERVICES -d ${service.spec.clusterIP}/32 -p tcp -m comment --comment "default/hello has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable`,
    ]);
  });

  it('ClientIP affinity adds the recent-match rules', () => {
    const { c } = setup({ sessionAffinity: 'ClientIP', ports: [{ port: 80, targetPort: 8080 }] }, 1);
    const ep = c.list<Pod>('Pod', 'default').find((p) => p.metadata.labels?.app === 'hello')!.status.podIP!;
    const sep = endpointChainName('default/hello', 'tcp', `${ep}:8080`);
    const lines = iptablesSave(c, 'minikube').split('\n').filter((l) => l.includes('-m recent'));
    expect(lines).toEqual([
      `-A ${sep} -p tcp -m comment --comment "default/hello" -m recent --set --name ${sep} --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination ${ep}:8080`,
      `-A KUBE-SVC-STDNOFAI3EEZDIVA -m comment --comment "default/hello -> ${ep}:8080" -m recent --rcheck --seconds 10800 --reap --name ${sep} --mask 255.255.255.255 --rsource -j ${sep}`,
    ]);
  });

  it('externalTrafficPolicy Local: a node without a local endpoint drops node-port traffic', () => {
    const c = new Cluster({ nodes: 2 });
    c.create(hello(1, { nodeName: 'minikube-m02' }));
    c.create(svc({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] }));
    c.advance(5000);
    const drop = '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/hello has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP';
    expect(iptablesSave(c, 'minikube').split('\n').includes(drop)).toBe(true);
    const m02 = iptablesSave(c, 'minikube-m02').split('\n');
    expect([m02.includes(drop), m02.filter((l) => l.startsWith('-A KUBE-EXT-STDNOFAI3EEZDIVA')).length]).toEqual([false, 4]);
  });
});
