/**
 * A new cluster as `minikube start` leaves it: namespaces, the node(s), CoreDNS and kube-proxy in kube-system, the
 * network plugin's pods and CNI configuration, minikube's storage-provisioner, the `kubernetes` and `kube-dns` Services. See https://minikube.sigs.k8s.io/docs/ and kubeadm's defaults.
 */
import type { Clock } from '../lib/clock.js';
import type { ManualClock } from '../lib/clock.js';
import { bootstrapNetworkPlugin } from './bootstrap-cni.js';
import type { Cluster } from './cluster.js';
import type { KubeObject, Node } from './types.js';

/** A node to create. Defaults: `minikube`, 192.168.49.2, 10.244.0.0/24, 2 CPUs, 4 GiB. */
export interface NodeOptions {
  name: string;
  internalIP?: string;
  podCIDR?: string;
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
}

export interface ClusterOptions {
  clock?: ManualClock;
  /** Seed for every random choice (name suffixes, endpoint picks). Same seed, same cluster. */
  seed?: number;
  /** Nodes; default one `minikube` node. A second node is `minikube-m02` at .3 with 10.244.1.0/24, and so on. */
  nodes?: NodeOptions[] | number;
  /**
   * The network plugin (`minikube start --cni=…`): `calico` (default) and `cilium` enforce NetworkPolicy, and so does
   * `kindnet` since its v1.0 (kube-network-policies built in); `flannel` and `bridge` ignore it. Its pods and its
   * /etc/cni/net.d conflist are part of the cluster (bootstrap-cni.ts).
   */
  networkPlugin?: 'calico' | 'cilium' | 'kindnet' | 'flannel' | 'bridge';
  clusterDomain?: string;
  /** minikube addons enabled from the start (`ingress`). */
  addons?: string[];
}

export type { Clock };

/** The node list for `nodes: N` the way minikube names and numbers multi-node clusters. */
export function defaultNodes(n: number): NodeOptions[] {
  return Array.from({ length: Math.max(1, n) }, (_, i) => ({
    name: i === 0 ? 'minikube' : `minikube-m${String(i + 1).padStart(2, '0')}`,
    internalIP: `192.168.49.${i + 2}`,
    podCIDR: `10.244.${i}.0/24`,
  }));
}

function makeNode(o: NodeOptions, i: number): Node {
  const control = i === 0;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: o.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': o.name,
        'kubernetes.io/os': 'linux',
        'minikube.k8s.io/name': 'minikube',
        ...(control ? { 'minikube.k8s.io/primary': 'true', 'node-role.kubernetes.io/control-plane': '' } : { 'minikube.k8s.io/primary': 'false' }),
        ...(o.labels ?? {}),
      },
    },
    spec: { podCIDR: o.podCIDR ?? `10.244.${i}.0/24`, podCIDRs: [o.podCIDR ?? `10.244.${i}.0/24`] },
    status: {
      addresses: [
        { type: 'InternalIP', address: o.internalIP ?? `192.168.49.${i + 2}` },
        { type: 'Hostname', address: o.name },
      ],
      capacity: { cpu: o.cpu ?? '2', memory: o.memory ?? '4010Mi', pods: '110', 'ephemeral-storage': '17784760Ki' },
      allocatable: { cpu: o.cpu ?? '2', memory: o.memory ?? '4010Mi', pods: '110', 'ephemeral-storage': '17784760Ki' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      nodeInfo: {
        kubeletVersion: 'v1.34.0',
        containerRuntimeVersion: 'docker://28.4.0',
        osImage: 'Ubuntu 22.04.5 LTS',
        kernelVersion: '6.8.0-1021-aws',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** First uid of the network plugin's objects (far above anything a lesson creates). */
const ADDON_UIDS = 0x100000;
/** Time for the plugin's pods to pull and start. */
const ADDON_SETTLE_MS = 5_000;

/** Populates a fresh cluster. Called once by the Cluster constructor. */
export function bootstrap(c: Cluster, options: ClusterOptions): void {
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    c.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  const nodes = typeof options.nodes === 'number' ? defaultNodes(options.nodes) : (options.nodes ?? defaultNodes(1));
  nodes.forEach((n, i) => c.create(makeNode(n, i)));

  const system: KubeObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }], sessionAffinity: 'None' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            containers: [
              {
                name: 'coredns',
                image: 'registry.k8s.io/coredns/coredns:v1.12.1',
                args: ['-conf', '/etc/coredns/Corefile'],
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                ],
                resources: { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } },
              },
            ],
            dnsPolicy: 'Default',
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        sessionAffinity: 'None',
      },
    },
  ];
  for (const o of system) c.create(o);

  // Static and per-node system pods: they run on the host network, so their IP is the node's.
  const first = c.nodes()[0]!;
  for (const [name, image] of [
    ['etcd', 'registry.k8s.io/etcd:3.6.4-0'],
    ['kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.34.0'],
    ['kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.34.0'],
    ['kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.34.0'],
  ] as const) {
    c.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${name}-${first.metadata.name}`, namespace: 'kube-system', labels: { component: name, tier: 'control-plane' } },
      spec: { nodeName: first.metadata.name, hostNetwork: true, containers: [{ name, image }] },
    });
  }
  for (const node of c.nodes()) {
    c.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `kube-proxy-${c.randomSuffix()}`, namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
      spec: { nodeName: node.metadata.name, hostNetwork: true, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.34.0' }] },
    });
  }
  // Let the system pods come up before the learner's first command.
  c.advance(60_000 - ADDON_SETTLE_MS);
  // The plugin's pods and their events take uids from a range of their own, so the uids (and the Service IPs and
  // node ports hashed from the uid counter) of everything the learner creates are the same whatever the plugin.
  const nextUid = c.state.nextUid;
  c.state.nextUid = ADDON_UIDS;
  bootstrapNetworkPlugin(c, c.options.networkPlugin, options.seed ?? 42);
  c.advance(ADDON_SETTLE_MS);
  c.state.nextUid = nextUid;
  c.clock.advance(20 * 60_000);
}
