/**
 * Field trees of `metav1.ObjectMeta`, `metav1.LabelSelector` and `core/v1` `PodSpec` (with everything under it), as the
 * strict decoder knows them. Field names and Go types follow k8s.io/api `core/v1/types.go` (Kubernetes 1.33).
 * Rarely used volume sources and scheduling structures are `any`: accepted without looking inside.
 */
import { any, bool, i32, i64, intstr, list, map, quantity, str, strMap, strs, struct, time, type Schema } from './schema.js';

export const ownerReference = struct('v1.OwnerReference', {
  apiVersion: str, kind: str, name: str, uid: str, controller: bool, blockOwnerDeletion: bool,
});

export const objectMeta = struct('v1.ObjectMeta', {
  name: str, generateName: str, namespace: str, selfLink: str, uid: str, resourceVersion: str, generation: i64,
  creationTimestamp: time, deletionTimestamp: time, deletionGracePeriodSeconds: i64, labels: strMap, annotations: strMap,
  ownerReferences: list(ownerReference), finalizers: strs, managedFields: list(any),
});

export const labelSelector = struct('v1.LabelSelector', {
  matchLabels: strMap,
  matchExpressions: list(struct('v1.LabelSelectorRequirement', { key: str, operator: str, values: strs })),
});

export const objectReference = struct('v1.ObjectReference', {
  kind: str, namespace: str, name: str, uid: str, apiVersion: str, resourceVersion: str, fieldPath: str,
});

export const localObjectReference = struct('v1.LocalObjectReference', { name: str });

const keyToPath = struct('v1.KeyToPath', { key: str, path: str, mode: i32 });
const objectFieldSelector = struct('v1.ObjectFieldSelector', { apiVersion: str, fieldPath: str });
const resourceFieldSelector = struct('v1.ResourceFieldSelector', { containerName: str, resource: str, divisor: quantity });

const volumeSource: Record<string, Schema> = {
  hostPath: struct('v1.HostPathVolumeSource', { path: str, type: str }),
  emptyDir: struct('v1.EmptyDirVolumeSource', { medium: str, sizeLimit: quantity }),
  secret: struct('v1.SecretVolumeSource', { secretName: str, items: list(keyToPath), defaultMode: i32, optional: bool }),
  configMap: struct('v1.ConfigMapVolumeSource', { name: str, items: list(keyToPath), defaultMode: i32, optional: bool }),
  persistentVolumeClaim: struct('v1.PersistentVolumeClaimVolumeSource', { claimName: str, readOnly: bool }),
  downwardAPI: struct('v1.DownwardAPIVolumeSource', {
    items: list(struct('v1.DownwardAPIVolumeFile', { path: str, fieldRef: objectFieldSelector, resourceFieldRef: resourceFieldSelector, mode: i32 })),
    defaultMode: i32,
  }),
  projected: struct('v1.ProjectedVolumeSource', { sources: list(any), defaultMode: i32 }),
  nfs: struct('v1.NFSVolumeSource', { server: str, path: str, readOnly: bool }),
  image: struct('v1.ImageVolumeSource', { reference: str, pullPolicy: str }),
  csi: any, ephemeral: any, gitRepo: any, iscsi: any, glusterfs: any, rbd: any, flexVolume: any, cinder: any, cephfs: any,
  flocker: any, fc: any, azureFile: any, vsphereVolume: any, quobyte: any, azureDisk: any, photonPersistentDisk: any,
  portworxVolume: any, scaleIO: any, storageos: any, gcePersistentDisk: any, awsElasticBlockStore: any,
};

export const volume = struct('v1.Volume', { name: str, ...volumeSource });

const execAction = struct('v1.ExecAction', { command: strs });
const httpGet = struct('v1.HTTPGetAction', {
  path: str, port: intstr, host: str, scheme: str, httpHeaders: list(struct('v1.HTTPHeader', { name: str, value: str })),
});
const tcpSocket = struct('v1.TCPSocketAction', { port: intstr, host: str });
const grpc = struct('v1.GRPCAction', { port: i32, service: str });

const probe = struct('v1.Probe', {
  exec: execAction, httpGet, tcpSocket, grpc, initialDelaySeconds: i32, timeoutSeconds: i32, periodSeconds: i32,
  successThreshold: i32, failureThreshold: i32, terminationGracePeriodSeconds: i64,
});

const lifecycleHandler = struct('v1.LifecycleHandler', {
  exec: execAction, httpGet, tcpSocket, sleep: struct('v1.SleepAction', { seconds: i64 }),
});

const seLinuxOptions = struct('v1.SELinuxOptions', { user: str, role: str, type: str, level: str });
const windowsOptions = struct('v1.WindowsSecurityContextOptions', { gmsaCredentialSpecName: str, gmsaCredentialSpec: str, runAsUserName: str, hostProcess: bool });
const seccompProfile = struct('v1.SeccompProfile', { type: str, localhostProfile: str });
const appArmorProfile = struct('v1.AppArmorProfile', { type: str, localhostProfile: str });

const securityContext = struct('v1.SecurityContext', {
  capabilities: struct('v1.Capabilities', { add: strs, drop: strs }),
  privileged: bool, seLinuxOptions, windowsOptions, runAsUser: i64, runAsGroup: i64, runAsNonRoot: bool,
  readOnlyRootFilesystem: bool, allowPrivilegeEscalation: bool, procMount: str, seccompProfile, appArmorProfile,
});

const podSecurityContext = struct('v1.PodSecurityContext', {
  seLinuxOptions, windowsOptions, runAsUser: i64, runAsGroup: i64, runAsNonRoot: bool, supplementalGroups: list(i64),
  supplementalGroupsPolicy: str, fsGroup: i64, sysctls: list(struct('v1.Sysctl', { name: str, value: str })),
  fsGroupChangePolicy: str, seccompProfile, appArmorProfile, seLinuxChangePolicy: str,
});

const keySelector = (go: string): Schema => struct(go, { name: str, key: str, optional: bool });

const envVar = struct('v1.EnvVar', {
  name: str,
  value: str,
  valueFrom: struct('v1.EnvVarSource', {
    fieldRef: objectFieldSelector,
    resourceFieldRef: resourceFieldSelector,
    configMapKeyRef: keySelector('v1.ConfigMapKeySelector'),
    secretKeyRef: keySelector('v1.SecretKeySelector'),
    fileKeyRef: any,
  }),
});

const envFrom = struct('v1.EnvFromSource', {
  prefix: str,
  configMapRef: struct('v1.ConfigMapEnvSource', { name: str, optional: bool }),
  secretRef: struct('v1.SecretEnvSource', { name: str, optional: bool }),
});

export const resourceRequirements = struct('v1.ResourceRequirements', {
  limits: map(quantity), requests: map(quantity), claims: list(struct('v1.ResourceClaim', { name: str, request: str })),
});

const containerFields: Record<string, Schema> = {
  name: str, image: str, command: strs, args: strs, workingDir: str,
  ports: list(struct('v1.ContainerPort', { name: str, hostPort: i32, containerPort: i32, protocol: str, hostIP: str })),
  envFrom: list(envFrom), env: list(envVar), resources: resourceRequirements,
  resizePolicy: list(struct('v1.ContainerResizePolicy', { resourceName: str, restartPolicy: str })),
  restartPolicy: str, restartPolicyRules: list(any),
  volumeMounts: list(struct('v1.VolumeMount', {
    name: str, readOnly: bool, recursiveReadOnly: str, mountPath: str, subPath: str, mountPropagation: str, subPathExpr: str,
  })),
  volumeDevices: list(struct('v1.VolumeDevice', { name: str, devicePath: str })),
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe,
  lifecycle: struct('v1.Lifecycle', { postStart: lifecycleHandler, preStop: lifecycleHandler, stopSignal: str }),
  terminationMessagePath: str, terminationMessagePolicy: str, imagePullPolicy: str, securityContext,
  stdin: bool, stdinOnce: bool, tty: bool,
};

export const container = struct('v1.Container', containerFields);
const ephemeralContainer = struct('v1.EphemeralContainer', { ...containerFields, targetContainerName: str });

export const podSpec = struct('v1.PodSpec', {
  volumes: list(volume),
  initContainers: list(container),
  containers: list(container),
  ephemeralContainers: list(ephemeralContainer),
  restartPolicy: str,
  terminationGracePeriodSeconds: i64,
  activeDeadlineSeconds: i64,
  dnsPolicy: str,
  nodeSelector: strMap,
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  nodeName: str,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  shareProcessNamespace: bool,
  securityContext: podSecurityContext,
  imagePullSecrets: list(localObjectReference),
  hostname: str,
  hostnameOverride: str,
  subdomain: str,
  affinity: struct('v1.Affinity', { nodeAffinity: any, podAffinity: any, podAntiAffinity: any }),
  schedulerName: str,
  tolerations: list(struct('v1.Toleration', { key: str, operator: str, value: str, effect: str, tolerationSeconds: i64 })),
  hostAliases: list(struct('v1.HostAlias', { ip: str, hostnames: strs })),
  priorityClassName: str,
  priority: i32,
  dnsConfig: struct('v1.PodDNSConfig', {
    nameservers: strs, searches: strs, options: list(struct('v1.PodDNSConfigOption', { name: str, value: str })),
  }),
  readinessGates: list(struct('v1.PodReadinessGate', { conditionType: str })),
  runtimeClassName: str,
  enableServiceLinks: bool,
  preemptionPolicy: str,
  overhead: map(quantity),
  topologySpreadConstraints: list(any),
  setHostnameAsFQDN: bool,
  os: struct('v1.PodOS', { name: str }),
  hostUsers: bool,
  schedulingGates: list(struct('v1.PodSchedulingGate', { name: str })),
  resourceClaims: list(any),
  resources: resourceRequirements,
});

export const podTemplateSpec = struct('v1.PodTemplateSpec', { metadata: objectMeta, spec: podSpec });

/** A top-level object: `apiVersion`, `kind`, `metadata`, plus the kind's own fields. `status` is not checked. */
export function kindSchema(go: string, fields: Record<string, Schema>): Schema {
  return struct(go, { apiVersion: str, kind: str, metadata: objectMeta, status: any, ...fields });
}
