/**
 * Control-plane and add-on images (kubeadm's static pods, CoreDNS, kube-proxy, the CNI plugins' agents, minikube's
 * storage-provisioner, ingress-nginx): they run, serve nothing a learner curls, and ship no tools.
 */
import type { ImageInfo } from './types.js';

const RELEASE_TAG = /^v?\d+\.\d+(\.\d+)?(-\d+)?$/;

const systemImage = (repository: string, tag: RegExp = RELEASE_TAG): ImageInfo => ({
  repository,
  tools: [],
  shells: [],
  os: 'none',
  workingDir: '/',
  defaultArgv: [repository.split('/').pop()!],
  hasTag: (t) => tag.test(t),
  main: (argv) => ({ type: 'sleep', argv }),
  startupLogs: () => [],
});

/** The system images. */
export const SYSTEM_IMAGES: ImageInfo[] = [
  ...[
    'registry.k8s.io/coredns/coredns',
    'registry.k8s.io/etcd',
    'registry.k8s.io/kube-apiserver',
    'registry.k8s.io/kube-controller-manager',
    'registry.k8s.io/kube-scheduler',
    'registry.k8s.io/kube-proxy',
    'registry.k8s.io/ingress-nginx/controller',
    'registry.k8s.io/pause',
    'docker.io/calico/node',
    'docker.io/calico/kube-controllers',
    'docker.io/calico/cni',
    'ghcr.io/flannel-io/flannel',
    'quay.io/cilium/cilium',
    'quay.io/cilium/operator-generic',
  ].map((r) => systemImage(r.replace(/^docker\.io\//, ''))),
  systemImage('ghcr.io/flannel-io/flannel-cni-plugin', /^v\d+\.\d+\.\d+-flannel\d+$/),
  systemImage('kindest/kindnetd', /^v\d{8}-[0-9a-f]{8}$/),
  systemImage('gcr.io/k8s-minikube/storage-provisioner', /^v\d+$/),
];
