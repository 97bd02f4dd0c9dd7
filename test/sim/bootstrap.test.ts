import { describe, expect, it } from 'vitest';
import { Cluster, nodeDisk, podDisplayStatus, type Pod } from '../../src/sim/index.js';

type Plugin = 'calico' | 'kindnet' | 'flannel' | 'bridge' | 'cilium';

/** `namespace/name status podIP` of every add-on pod (not the control plane, kube-proxy or CoreDNS). */
function addonPods(c: Cluster): string[] {
  const core = /^(etcd|kube-apiserver|kube-controller-manager|kube-scheduler|kube-proxy|coredns)-/;
  return c
    .list<Pod>('Pod')
    .filter((p) => !core.test(p.metadata.name))
    .map((p) => `${p.metadata.namespace}/${p.metadata.name} ${podDisplayStatus(p)} ${p.status.podIP}`);
}

const netd = (c: Cluster, node: string): string[] => nodeDisk(c, node).readdir('/etc/cni/net.d');

describe('bootstrap: the network plugin\'s pods and CNI configuration', () => {
  it('each plugin\'s agent runs on every node; calico adds its controllers; minikube adds storage-provisioner', () => {
    const pods = (plugin: Plugin): string[] => addonPods(new Cluster({ networkPlugin: plugin, nodes: 2 }));
    expect({ calico: pods('calico'), kindnet: pods('kindnet'), flannel: pods('flannel'), bridge: pods('bridge'), cilium: pods('cilium') }).toEqual({
      calico: [
        'kube-system/calico-kube-controllers-bpw69fpx25-qzlm4 Running 10.244.0.254',
        'kube-system/calico-node-2p2w2 Running 192.168.49.3',
        'kube-system/calico-node-mchc6 Running 192.168.49.2',
        'kube-system/storage-provisioner Running 192.168.49.2',
      ],
      kindnet: ['kube-system/kindnet-2p2w2 Running 192.168.49.3', 'kube-system/kindnet-mchc6 Running 192.168.49.2', 'kube-system/storage-provisioner Running 192.168.49.2'],
      flannel: ['kube-flannel/kube-flannel-ds-2p2w2 Running 192.168.49.3', 'kube-flannel/kube-flannel-ds-mchc6 Running 192.168.49.2', 'kube-system/storage-provisioner Running 192.168.49.2'],
      bridge: ['kube-system/storage-provisioner Running 192.168.49.2'],
      cilium: [
        'kube-system/cilium-2p2w2 Running 192.168.49.3',
        'kube-system/cilium-mchc6 Running 192.168.49.2',
        'kube-system/cilium-operator-bpw69fpx25-qzlm4 Running 192.168.49.2',
        'kube-system/storage-provisioner Running 192.168.49.2',
      ],
    });
    expect(new Cluster({ networkPlugin: 'flannel' }).list('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-flannel', 'kube-node-lease', 'kube-public', 'kube-system']);
  });

  it('the learner\'s objects get the same names, IPs and node ports whatever the plugin', () => {
    const learner = (plugin: Plugin): string[] => {
      const c = new Cluster({ networkPlugin: plugin });
      c.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } });
      c.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } });
      c.advance(5_000);
      const svc = c.mustGet<{ spec: { clusterIP: string; ports: { nodePort: number }[] } } & Pod>('Service', 'default', 'web');
      return [...c.list<Pod>('Pod', 'default').map((p) => `${p.metadata.name} ${p.status.podIP}`), `${svc.spec.clusterIP} ${svc.spec.ports[0]!.nodePort}`];
    };
    const bridge = learner('bridge');
    expect({ calico: learner('calico'), kindnet: learner('kindnet'), flannel: learner('flannel') }).toEqual({ calico: bridge, kindnet: bridge, flannel: bridge });
    expect(bridge.slice(0, 2).map((l) => l.split(' ')[1])).toEqual(['10.244.0.3', '10.244.0.4']);
  });

  it('each node\'s /etc/cni/net.d holds the plugin\'s conflist with host-local IPAM over the node\'s podCIDR', () => {
    const calico = new Cluster({ networkPlugin: 'calico', nodes: 2 });
    const kindnet = new Cluster({ networkPlugin: 'kindnet', nodes: 2 });
    const flannel = new Cluster({ networkPlugin: 'flannel' });
    const bridge = new Cluster({ networkPlugin: 'bridge' });
    expect([netd(calico, 'minikube'), netd(calico, 'minikube-m02'), netd(kindnet, 'minikube'), netd(flannel, 'minikube'), netd(bridge, 'minikube')]).toEqual([
      ['10-calico.conflist'],
      ['10-calico.conflist'],
      ['10-kindnet.conflist'],
      ['10-flannel.conflist'],
      ['1-k8s.conflist'],
    ]);
    const conf = (c: Cluster, node: string, file: string): { name: string; plugins: { type: string; ipam?: unknown; delegate?: { ipam: unknown } }[] } => JSON.parse(nodeDisk(c, node).readFile(`/etc/cni/net.d/${file}`));
    const k = conf(kindnet, 'minikube-m02', '10-kindnet.conflist');
    expect([k.name, k.plugins.map((p) => p.type), k.plugins[0]!.ipam]).toEqual([
      'kindnet',
      ['ptp', 'portmap'],
      { type: 'host-local', ranges: [[{ subnet: '10.244.1.0/24' }]], routes: [{ dst: '0.0.0.0/0' }], dataDir: '/run/cni-ipam-state' },
    ]);
    const ca = conf(calico, 'minikube', '10-calico.conflist');
    expect([ca.name, ca.plugins.map((p) => p.type), ca.plugins[0]!.ipam]).toEqual(['k8s-pod-network', ['calico', 'portmap', 'bandwidth'], { type: 'host-local', ranges: [[{ subnet: '10.244.0.0/24' }]], routes: [{ dst: '0.0.0.0/0' }] }]);
    const br = conf(bridge, 'minikube', '1-k8s.conflist');
    expect([br.name, br.plugins.map((p) => p.type), br.plugins[0]!.ipam]).toEqual(['bridge', ['bridge', 'portmap', 'firewall'], { type: 'host-local', subnet: '10.244.0.0/24' }]);
    const fl = conf(flannel, 'minikube', '10-flannel.conflist');
    expect([fl.name, fl.plugins.map((p) => p.type), nodeDisk(flannel, 'minikube').readFile('/run/flannel/subnet.env')]).toEqual([
      'cbr0',
      ['flannel', 'portmap'],
      'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.0.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n',
    ]);
  });
});
