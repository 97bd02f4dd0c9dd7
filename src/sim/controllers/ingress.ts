/**
 * The minikube ingress addon and the ingress-nginx controller it runs. `minikube addons enable ingress` installs the
 * `ingress-nginx` namespace, the controller Deployment (registry.k8s.io/ingress-nginx/controller:v1.12.1, host ports
 * 80 and 443), its NodePort Service and the default IngressClass `nginx`; once the controller pod is Ready it writes
 * the node's InternalIP into `status.loadBalancer.ingress` of every Ingress it serves (the ADDRESS column).
 * Disabling the addon removes all of it and, as ingress-nginx does on shutdown (`--update-status-on-shutdown`),
 * clears those addresses. https://kubernetes.io/docs/tasks/access-application-cluster/ingress-minikube/
 */
import { deepEqual, type Cluster } from '../cluster.js';
import {
  DEFAULT_CLASS_ANNOTATION,
  INGRESS_CLASS_NAME,
  INGRESS_CONTROLLER_LABELS,
  INGRESS_CONTROLLER_NAME,
  INGRESS_NAMESPACE,
  INGRESS_NGINX_CONTROLLER,
  ingressAddonEnabled,
  nginxIngresses,
  readyIngressControllerPod,
  type IngressClass,
} from '../ingress.js';
import type { Deployment, Ingress, KubeObject, Namespace, Node, Service } from '../types.js';

/** The controller image the addon deploys. */
export const INGRESS_CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.12.1';

/** Marks the namespace as the addon's, so disabling the addon never removes an ingress-nginx someone else installed. */
const ADDON_LABEL = 'addonmanager.kubernetes.io/mode';

const labels = (component: string): Record<string, string> => ({ ...INGRESS_CONTROLLER_LABELS, 'app.kubernetes.io/component': component });

/** The objects `minikube addons enable ingress` applies, namespace first. */
export function ingressAddonObjects(): KubeObject[] {
  const namespace: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: INGRESS_NAMESPACE, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx', [ADDON_LABEL]: 'Reconcile' } },
    status: { phase: 'Active' },
  };
  const serviceAccount: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'ingress-nginx', namespace: INGRESS_NAMESPACE, labels: labels('controller') } };
  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: INGRESS_CONTROLLER_NAME, namespace: INGRESS_NAMESPACE, labels: labels('controller') },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 10,
      minReadySeconds: 0,
      selector: { matchLabels: { ...INGRESS_CONTROLLER_LABELS } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { ...INGRESS_CONTROLLER_LABELS, 'gcp-auth-skip-secret': 'true' } },
        spec: {
          containers: [
            {
              name: 'controller',
              image: INGRESS_CONTROLLER_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              args: [
                '/nginx-ingress-controller',
                '--election-id=ingress-nginx-leader',
                `--controller-class=${INGRESS_NGINX_CONTROLLER}`,
                '--watch-ingress-without-class=true',
                '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
                '--tcp-services-configmap=$(POD_NAMESPACE)/tcp-services',
                '--udp-services-configmap=$(POD_NAMESPACE)/udp-services',
                '--validating-webhook=:8443',
                '--validating-webhook-certificate=/usr/local/certificates/cert',
                '--validating-webhook-key=/usr/local/certificates/key',
                '--report-node-internal-ip-address',
              ],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
              ],
              ports: [
                { name: 'http', containerPort: 80, hostPort: 80, protocol: 'TCP' },
                { name: 'https', containerPort: 443, hostPort: 443, protocol: 'TCP' },
                { name: 'webhook', containerPort: 8443, protocol: 'TCP' },
              ],
              resources: { requests: { cpu: '100m', memory: '90Mi' } },
            },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux', 'minikube.k8s.io/primary': 'true' },
          serviceAccountName: 'ingress-nginx',
          terminationGracePeriodSeconds: 0,
          dnsPolicy: 'ClusterFirst',
        },
      },
    },
    status: {},
  };
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: INGRESS_CONTROLLER_NAME, namespace: INGRESS_NAMESPACE, labels: labels('controller') },
    spec: {
      type: 'NodePort',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      selector: { ...INGRESS_CONTROLLER_LABELS },
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' },
        { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', appProtocol: 'https' },
      ],
    },
    status: { loadBalancer: {} },
  };
  const admission: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${INGRESS_CONTROLLER_NAME}-admission`, namespace: INGRESS_NAMESPACE, labels: labels('controller') },
    spec: {
      type: 'ClusterIP',
      selector: { ...INGRESS_CONTROLLER_LABELS },
      ports: [{ name: 'https-webhook', port: 443, targetPort: 'webhook', appProtocol: 'https' }],
    },
    status: { loadBalancer: {} },
  };
  const ingressClass: IngressClass = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: INGRESS_CLASS_NAME, labels: labels('controller'), annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
    spec: { controller: INGRESS_NGINX_CONTROLLER },
  };
  return [namespace, serviceAccount, deployment, service, admission, ingressClass];
}

/** kind, namespace, name of every addon object: checked each reconcile without building the objects. */
const ADDON_KEYS = ingressAddonObjects().map((o) => [o.kind, o.metadata.namespace, o.metadata.name] as const);

function install(c: Cluster): void {
  if (ADDON_KEYS.every(([kind, ns, name]) => c.get(kind, ns, name))) return;
  for (const obj of ingressAddonObjects()) {
    if (!c.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) c.create(obj);
  }
}

function setAddress(c: Cluster, ing: Ingress, want: { ip: string }[] | undefined): void {
  const lb = want ? { ingress: want } : {};
  if (deepEqual(ing.status?.loadBalancer ?? {}, lb)) return;
  const next = structuredClone(ing);
  next.status = { loadBalancer: lb };
  c.put(next);
}

function uninstall(c: Cluster): void {
  const ns = c.get<Namespace>('Namespace', undefined, INGRESS_NAMESPACE);
  if (!ns || ns.metadata.labels?.[ADDON_LABEL] !== 'Reconcile') return;
  for (const ing of nginxIngresses(c)) if (ing.status?.loadBalancer?.ingress?.length) setAddress(c, ing, undefined);
  c.delete('Namespace', undefined, INGRESS_NAMESPACE);
  const cls = c.get<IngressClass>('IngressClass', undefined, INGRESS_CLASS_NAME);
  if (cls?.spec?.controller === INGRESS_NGINX_CONTROLLER) c.delete('IngressClass', undefined, INGRESS_CLASS_NAME);
}

/**
 * Reconciles the ingress addon: installs (or repairs) it while enabled and publishes the controller node's IP on the
 * Ingresses it serves once the controller pod is Ready; removes it when disabled.
 */
export function ingressController(c: Cluster): void {
  if (!ingressAddonEnabled(c)) {
    uninstall(c);
    return;
  }
  install(c);
  const pod = readyIngressControllerPod(c);
  if (!pod?.spec.nodeName) return;
  const node = c.get<Node>('Node', undefined, pod.spec.nodeName);
  const ip = node ? c.nodeIP(node) : '';
  if (!ip) return;
  for (const ing of nginxIngresses(c)) {
    const had = ing.status?.loadBalancer?.ingress?.length;
    setAddress(c, ing, [{ ip }]);
    if (!had) {
      const stored = c.get<Ingress>('Ingress', ing.metadata.namespace, ing.metadata.name);
      if (stored) c.recordEvent(stored, 'Normal', 'Sync', 'Scheduled for sync', 'nginx-ingress-controller');
    }
  }
}
