/**
 * The API resources the simulator serves, as `kubectl api-resources` lists them: kind, plural, short names, group and
 * whether they are namespaced. kubectl resolves `po`, `pods`, `pod` and `Pod` through this table.
 */
export interface ResourceInfo {
  kind: string;
  /** Lower-case plural, the REST resource name (`pods`). */
  plural: string;
  singular: string;
  shortNames: string[];
  /** API group; '' for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
}

/** `<plural>.<group>` as error messages and `kubectl get` rows name a kind (`deployments.apps`), or the bare plural for core. */
export function qualifiedResource(r: ResourceInfo): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** `<singular>.<group>` as apply/create/delete print it (`deployment.apps/web created`). */
export function qualifiedSingular(r: ResourceInfo): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** `apiVersion` for a resource (`apps/v1`, `v1`). */
export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

const table: ResourceInfo[] = [
  { kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], group: '', version: 'v1', namespaced: true },
  { kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], group: '', version: 'v1', namespaced: true },
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], group: '', version: 'v1', namespaced: true },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], group: '', version: 'v1', namespaced: false },
  { kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], group: '', version: 'v1', namespaced: false },
  { kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], group: '', version: 'v1', namespaced: true },
  { kind: 'Secret', plural: 'secrets', singular: 'secret', shortNames: [], group: '', version: 'v1', namespaced: true },
  { kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], group: '', version: 'v1', namespaced: true },
  { kind: 'ReplicationController', plural: 'replicationcontrollers', singular: 'replicationcontroller', shortNames: ['rc'], group: '', version: 'v1', namespaced: true },
  { kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], group: '', version: 'v1', namespaced: true },
  { kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], group: 'apps', version: 'v1', namespaced: true },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], group: 'apps', version: 'v1', namespaced: true },
  { kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], group: 'apps', version: 'v1', namespaced: true },
  { kind: 'StatefulSet', plural: 'statefulsets', singular: 'statefulset', shortNames: ['sts'], group: 'apps', version: 'v1', namespaced: true },
  { kind: 'Job', plural: 'jobs', singular: 'job', shortNames: [], group: 'batch', version: 'v1', namespaced: true },
  { kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', shortNames: [], group: 'discovery.k8s.io', version: 'v1', namespaced: true },
  { kind: 'NetworkPolicy', plural: 'networkpolicies', singular: 'networkpolicy', shortNames: ['netpol'], group: 'networking.k8s.io', version: 'v1', namespaced: true },
  { kind: 'Ingress', plural: 'ingresses', singular: 'ingress', shortNames: ['ing'], group: 'networking.k8s.io', version: 'v1', namespaced: true },
  { kind: 'IngressClass', plural: 'ingressclasses', singular: 'ingressclass', shortNames: [], group: 'networking.k8s.io', version: 'v1', namespaced: false },
];

const byName = new Map<string, ResourceInfo>();
for (const r of table) {
  for (const n of [r.kind.toLowerCase(), r.plural, r.singular, ...r.shortNames, qualifiedResource(r), qualifiedSingular(r)]) {
    byName.set(n, r);
  }
}
const byKind = new Map(table.map((r) => [r.kind, r]));

/** Every resource, in `kubectl api-resources` order (core first, then by group). */
export const RESOURCES: readonly ResourceInfo[] = table;

/** Resolves what a user typed (`po`, `pods`, `Pod`, `deployments.apps`) to a resource, or undefined. */
export function resolveResource(name: string): ResourceInfo | undefined {
  return byName.get(name.toLowerCase());
}

/** The resource for an object's `kind`, or undefined for kinds we do not serve. */
export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/**
 * The resource an object's `apiVersion` and `kind` name, or undefined when the apiserver serves no such pair
 * (`apps/v1beta1` Deployments were removed in 1.16): kubectl's `no matches for kind "Deployment" in version "apps/v1beta1"`.
 */
export function resourceForVersionKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  const r = byKind.get(kind);
  return r && apiVersionOf(r) === apiVersion ? r : undefined;
}
