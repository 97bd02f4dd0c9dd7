/**
 * What the network plugin adds to a fresh minikube cluster (`minikube start --cni=…`): its agent on every node
 * (calico-node, kindnet, kube-flannel-ds, cilium), its controllers, and the CNI configuration the agent writes to
 * each node's /etc/cni/net.d/ (the file the container runtime reads to wire each new pod). The IP ranges in those
 * files are the node's podCIDR (host-local IPAM). https://www.cni.dev/docs/spec/ and
 * https://minikube.sigs.k8s.io/docs/handbook/network_policy/
 */
import { K8S_NAME_ALPHABET, Rng } from '../lib/random.js';
import type { ClusterOptions } from './bootstrap.js';
import type { Cluster } from './cluster.js';
import { nodeDisk } from './container-fs.js';
import type { Container, Node } from './types.js';

type Plugin = NonNullable<ClusterOptions['networkPlugin']>;

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

const portmap = { type: 'portmap', snat: true, capabilities: { portMappings: true } };

/** The conflist a plugin's agent writes on a node: file name and content. */
export function cniConfig(plugin: Plugin, node: Node): { file: string; content: string } {
  const cidr = node.spec.podCIDR;
  const range = { type: 'host-local', ranges: [[{ subnet: cidr }]], routes: [{ dst: '0.0.0.0/0' }] };
  switch (plugin) {
    case 'calico':
      return {
        file: '10-calico.conflist',
        content: json({
          name: 'k8s-pod-network',
          cniVersion: '0.3.1',
          plugins: [
            { type: 'calico', log_level: 'info', log_file_path: '/var/log/calico/cni/cni.log', datastore_type: 'kubernetes', nodename: node.metadata.name, mtu: 0, ipam: range, policy: { type: 'k8s' }, kubernetes: { kubeconfig: '/etc/cni/net.d/calico-kubeconfig' } },
            portmap,
            { type: 'bandwidth', capabilities: { bandwidth: true } },
          ],
        }),
      };
    case 'kindnet':
      return {
        file: '10-kindnet.conflist',
        content: json({ cniVersion: '0.3.1', name: 'kindnet', plugins: [{ type: 'ptp', ipMasq: false, ipam: { ...range, dataDir: '/run/cni-ipam-state' }, mtu: 1500 }, { type: 'portmap', capabilities: { portMappings: true } }] }),
      };
    case 'flannel':
      return {
        file: '10-flannel.conflist',
        content: json({ name: 'cbr0', cniVersion: '0.3.1', plugins: [{ type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true, ipam: range } }, { type: 'portmap', capabilities: { portMappings: true } }] }),
      };
    case 'cilium':
      return { file: '05-cilium.conflist', content: json({ cniVersion: '0.3.1', name: 'cilium', plugins: [{ type: 'cilium-cni', 'enable-debug': false, 'log-file': '/var/run/cilium/cilium-cni.log', ipam: range }] }) };
    case 'bridge':
      return {
        file: '1-k8s.conflist',
        content: json({
          cniVersion: '0.4.0',
          name: 'bridge',
          plugins: [
            { type: 'bridge', bridge: 'bridge', addIf: 'true', isDefaultGateway: true, forceAddress: false, ipMasq: true, hairpinMode: true, ipam: { type: 'host-local', subnet: cidr } },
            { type: 'portmap', capabilities: { portMappings: true } },
            { type: 'firewall' },
          ],
        }),
      };
  }
}

interface AddonPod {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  container: Container;
  hostNetwork: boolean;
}

/** The per-node agent of a plugin (a DaemonSet's pod in a real cluster), or undefined for the plain bridge. */
function agent(plugin: Plugin, suffix: string): AddonPod | undefined {
  switch (plugin) {
    case 'calico':
      return { name: `calico-node-${suffix}`, namespace: 'kube-system', labels: { 'k8s-app': 'calico-node' }, hostNetwork: true, container: { name: 'calico-node', image: 'docker.io/calico/node:v3.30.3' } };
    case 'kindnet':
      return { name: `kindnet-${suffix}`, namespace: 'kube-system', labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }, hostNetwork: true, container: { name: 'kindnet-cni', image: 'docker.io/kindest/kindnetd:v20250512-df8de77b' } };
    case 'flannel':
      return { name: `kube-flannel-ds-${suffix}`, namespace: 'kube-flannel', labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' }, hostNetwork: true, container: { name: 'kube-flannel', image: 'ghcr.io/flannel-io/flannel:v0.27.3' } };
    case 'cilium':
      return { name: `cilium-${suffix}`, namespace: 'kube-system', labels: { 'k8s-app': 'cilium' }, hostNetwork: true, container: { name: 'cilium-agent', image: 'quay.io/cilium/cilium:v1.18.1' } };
    case 'bridge':
      return undefined;
  }
}

function createPod(c: Cluster, nodeName: string, p: AddonPod): void {
  c.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: p.namespace, labels: p.labels },
    spec: { nodeName, hostNetwork: p.hostNetwork, ...(p.hostNetwork ? {} : { dnsPolicy: 'ClusterFirst' }), containers: [p.container] },
  });
}

/**
 * Adds the plugin's pods, minikube's storage-provisioner and each node's CNI configuration. Name suffixes come from
 * their own generator (seeded from the cluster's seed) so the names of the learner's objects do not depend on the
 * plugin. calico-kube-controllers is the one add-on pod off the host network: calico's IPAM gives it an address at
 * the top of the first node's range, leaving the learner's pods the addresses a bridge cluster would give them.
 */
export function bootstrapNetworkPlugin(c: Cluster, plugin: Plugin, seed: number): void {
  const rng = new Rng((seed ^ 0x0c4e1) >>> 0);
  const suffix = (): string => rng.string(5, K8S_NAME_ALPHABET);
  const nodes = c.nodes();
  const first = nodes[0]!.metadata.name;
  if (plugin === 'flannel') c.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-flannel', labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } } });
  for (const node of nodes) {
    const disk = nodeDisk(c, node.metadata.name);
    const conf = cniConfig(plugin, node);
    disk.mkdir('/etc/cni/net.d', { parents: true });
    disk.writeFile(`/etc/cni/net.d/${conf.file}`, conf.content);
    if (plugin === 'flannel') {
      disk.mkdir('/run/flannel', { parents: true });
      disk.writeFile('/run/flannel/subnet.env', `FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=${node.spec.podCIDR.replace(/\.0\/(\d+)$/, '.1/$1')}\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n`);
    }
    const pod = agent(plugin, suffix());
    if (pod) createPod(c, node.metadata.name, pod);
  }
  if (plugin === 'calico') {
    const next = c.state.podIpNext.get(first);
    c.state.podIpNext.set(first, 254);
    createPod(c, first, { name: `calico-kube-controllers-${rng.string(10, K8S_NAME_ALPHABET)}-${suffix()}`, namespace: 'kube-system', labels: { 'k8s-app': 'calico-kube-controllers' }, hostNetwork: false, container: { name: 'calico-kube-controllers', image: 'docker.io/calico/kube-controllers:v3.30.3' } });
    c.reconcile();
    if (next === undefined) c.state.podIpNext.delete(first);
    else c.state.podIpNext.set(first, next);
  }
  if (plugin === 'cilium') {
    createPod(c, first, { name: `cilium-operator-${rng.string(10, K8S_NAME_ALPHABET)}-${suffix()}`, namespace: 'kube-system', labels: { 'io.cilium/app': 'operator', name: 'cilium-operator' }, hostNetwork: true, container: { name: 'cilium-operator', image: 'quay.io/cilium/operator-generic:v1.18.1' } });
  }
  createPod(c, first, {
    name: 'storage-provisioner',
    namespace: 'kube-system',
    labels: { 'addonmanager.kubernetes.io/mode': 'Reconcile', 'integration-test': 'storage-provisioner' },
    hostNetwork: true,
    container: { name: 'storage-provisioner', image: 'gcr.io/k8s-minikube/storage-provisioner:v5', command: ['/storage-provisioner'] },
  });
}
