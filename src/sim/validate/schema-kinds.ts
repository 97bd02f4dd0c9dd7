/**
 * The strict decoder's field tree for every kind the simulator stores, keyed by `apiVersion` and `kind`, following
 * k8s.io/api (`core/v1`, `apps/v1`, `batch/v1`, `networking/v1`, `discovery/v1`), Kubernetes 1.33.
 * A kind served under a different apiVersion (`apps/v1beta1`) has no entry: the apiserver has no such resource.
 */
import { any, bool, bytes, i32, i64, intstr, list, map, quantity, str, strMap, strs, struct, type Schema } from './schema.js';
import { kindSchema, labelSelector, localObjectReference, objectMeta, objectReference, podSpec, podTemplateSpec } from './schema-pod.js';

const serviceSpec = struct('v1.ServiceSpec', {
  ports: list(struct('v1.ServicePort', { name: str, protocol: str, appProtocol: str, port: i32, targetPort: intstr, nodePort: i32 })),
  selector: strMap, clusterIP: str, clusterIPs: strs, type: str, externalIPs: strs, sessionAffinity: str,
  loadBalancerIP: str, loadBalancerSourceRanges: strs, externalName: str, externalTrafficPolicy: str,
  healthCheckNodePort: i32, publishNotReadyAddresses: bool,
  sessionAffinityConfig: struct('v1.SessionAffinityConfig', { clientIP: struct('v1.ClientIPConfig', { timeoutSeconds: i32 }) }),
  ipFamilies: strs, ipFamilyPolicy: str, allocateLoadBalancerNodePorts: bool, loadBalancerClass: str,
  internalTrafficPolicy: str, trafficDistribution: str,
});

const endpointAddress = struct('v1.EndpointAddress', { ip: str, hostname: str, nodeName: str, targetRef: objectReference });

const endpointSlicePort = struct('v1.EndpointPort', { name: str, protocol: str, port: i32, appProtocol: str });

const networkPolicyPeer = struct('v1.NetworkPolicyPeer', {
  podSelector: labelSelector, namespaceSelector: labelSelector, ipBlock: struct('v1.IPBlock', { cidr: str, except: strs }),
});
const networkPolicyPort = struct('v1.NetworkPolicyPort', { protocol: str, port: intstr, endPort: i32 });

const ingressBackend = struct('v1.IngressBackend', {
  service: struct('v1.IngressServiceBackend', { name: str, port: struct('v1.ServiceBackendPort', { name: str, number: i32 }) }),
  resource: struct('v1.TypedLocalObjectReference', { apiGroup: str, kind: str, name: str }),
});

const rollingUpdate = struct('v1.RollingUpdateDeployment', { maxUnavailable: intstr, maxSurge: intstr });

const pvcSpec = struct('v1.PersistentVolumeClaimSpec', {
  accessModes: strs, selector: labelSelector,
  resources: struct('v1.VolumeResourceRequirements', { limits: map(quantity), requests: map(quantity) }),
  volumeName: str, storageClassName: str, volumeMode: str, dataSource: any, dataSourceRef: any, volumeAttributesClassName: str,
});

const SCHEMAS: Record<string, Schema> = {
  'v1/Pod': kindSchema('v1.Pod', { spec: podSpec }),
  'v1/Service': kindSchema('v1.Service', { spec: serviceSpec }),
  'v1/Endpoints': kindSchema('v1.Endpoints', {
    subsets: list(struct('v1.EndpointSubset', {
      addresses: list(endpointAddress), notReadyAddresses: list(endpointAddress),
      ports: list(struct('v1.EndpointPort', { name: str, port: i32, protocol: str, appProtocol: str })),
    })),
  }),
  'v1/Namespace': kindSchema('v1.Namespace', { spec: struct('v1.NamespaceSpec', { finalizers: strs }) }),
  'v1/Node': kindSchema('v1.Node', {
    spec: struct('v1.NodeSpec', { podCIDR: str, podCIDRs: strs, providerID: str, unschedulable: bool, taints: list(any), configSource: any, externalID: str }),
  }),
  'v1/ConfigMap': kindSchema('v1.ConfigMap', { data: strMap, binaryData: map(bytes), immutable: bool }),
  'v1/Secret': kindSchema('v1.Secret', { data: map(bytes), stringData: strMap, type: str, immutable: bool }),
  'v1/ServiceAccount': kindSchema('v1.ServiceAccount', {
    secrets: list(objectReference), imagePullSecrets: list(localObjectReference), automountServiceAccountToken: bool,
  }),
  'v1/Event': any,
  'v1/ReplicationController': kindSchema('v1.ReplicationController', {
    spec: struct('v1.ReplicationControllerSpec', { replicas: i32, minReadySeconds: i32, selector: strMap, template: podTemplateSpec }),
  }),
  'apps/v1/Deployment': kindSchema('v1.Deployment', {
    spec: struct('v1.DeploymentSpec', {
      replicas: i32, selector: labelSelector, template: podTemplateSpec,
      strategy: struct('v1.DeploymentStrategy', { type: str, rollingUpdate }),
      minReadySeconds: i32, revisionHistoryLimit: i32, paused: bool, progressDeadlineSeconds: i32,
    }),
  }),
  'apps/v1/ReplicaSet': kindSchema('v1.ReplicaSet', {
    spec: struct('v1.ReplicaSetSpec', { replicas: i32, minReadySeconds: i32, selector: labelSelector, template: podTemplateSpec }),
  }),
  'apps/v1/DaemonSet': kindSchema('v1.DaemonSet', {
    spec: struct('v1.DaemonSetSpec', {
      selector: labelSelector, template: podTemplateSpec,
      updateStrategy: struct('v1.DaemonSetUpdateStrategy', {
        type: str, rollingUpdate: struct('v1.RollingUpdateDaemonSet', { maxUnavailable: intstr, maxSurge: intstr }),
      }),
      minReadySeconds: i32, revisionHistoryLimit: i32,
    }),
  }),
  'apps/v1/StatefulSet': kindSchema('v1.StatefulSet', {
    spec: struct('v1.StatefulSetSpec', {
      replicas: i32, selector: labelSelector, template: podTemplateSpec,
      volumeClaimTemplates: list(struct('v1.PersistentVolumeClaim', { apiVersion: str, kind: str, metadata: objectMeta, spec: pvcSpec, status: any })),
      serviceName: str, podManagementPolicy: str,
      updateStrategy: struct('v1.StatefulSetUpdateStrategy', {
        type: str, rollingUpdate: struct('v1.RollingUpdateStatefulSetStrategy', { partition: i32, maxUnavailable: intstr }),
      }),
      revisionHistoryLimit: i32, minReadySeconds: i32,
      persistentVolumeClaimRetentionPolicy: struct('v1.StatefulSetPersistentVolumeClaimRetentionPolicy', { whenDeleted: str, whenScaled: str }),
      ordinals: struct('v1.StatefulSetOrdinals', { start: i32 }),
    }),
  }),
  'batch/v1/Job': kindSchema('v1.Job', {
    spec: struct('v1.JobSpec', {
      parallelism: i32, completions: i32, activeDeadlineSeconds: i64, podFailurePolicy: any, successPolicy: any,
      backoffLimit: i32, backoffLimitPerIndex: i32, maxFailedIndexes: i32, selector: labelSelector, manualSelector: bool,
      template: podTemplateSpec, ttlSecondsAfterFinished: i32, completionMode: str, suspend: bool,
      podReplacementPolicy: str, managedBy: str,
    }),
  }),
  'discovery.k8s.io/v1/EndpointSlice': kindSchema('v1.EndpointSlice', {
    addressType: str,
    endpoints: list(struct('v1.Endpoint', {
      addresses: strs,
      conditions: struct('v1.EndpointConditions', { ready: bool, serving: bool, terminating: bool }),
      hostname: str, targetRef: objectReference, deprecatedTopology: strMap, nodeName: str, zone: str,
      hints: struct('v1.EndpointHints', { forZones: list(struct('v1.ForZone', { name: str })), forNodes: list(struct('v1.ForNode', { name: str })) }),
    })),
    ports: list(endpointSlicePort),
  }),
  'networking.k8s.io/v1/NetworkPolicy': kindSchema('v1.NetworkPolicy', {
    spec: struct('v1.NetworkPolicySpec', {
      podSelector: labelSelector,
      ingress: list(struct('v1.NetworkPolicyIngressRule', { ports: list(networkPolicyPort), from: list(networkPolicyPeer) })),
      egress: list(struct('v1.NetworkPolicyEgressRule', { ports: list(networkPolicyPort), to: list(networkPolicyPeer) })),
      policyTypes: strs,
    }),
  }),
  'networking.k8s.io/v1/Ingress': kindSchema('v1.Ingress', {
    spec: struct('v1.IngressSpec', {
      ingressClassName: str, defaultBackend: ingressBackend,
      tls: list(struct('v1.IngressTLS', { hosts: strs, secretName: str })),
      rules: list(struct('v1.IngressRule', {
        host: str,
        http: struct('v1.HTTPIngressRuleValue', { paths: list(struct('v1.HTTPIngressPath', { path: str, pathType: str, backend: ingressBackend })) }),
      })),
    }),
  }),
  'networking.k8s.io/v1/IngressClass': kindSchema('v1.IngressClass', {
    spec: struct('v1.IngressClassSpec', {
      controller: str,
      parameters: struct('v1.IngressClassParametersReference', { apiGroup: str, kind: str, name: str, scope: str, namespace: str }),
    }),
  }),
};

/** The schema for an apiVersion/kind pair, or undefined when the apiserver serves no such resource. */
export function schemaFor(apiVersion: string, kind: string): Schema | undefined {
  return SCHEMAS[`${apiVersion}/${kind}`];
}
