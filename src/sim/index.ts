/** The simulated cluster's public surface. */
export { Cluster, COMMAND_TICK_MS, deepEqual, type ApplyAction, type ClusterOptions, type NodeOptions } from './cluster.js';
export { SimError, formatFieldError, type FieldError, type SimErrorCode } from './errors.js';
export * from './types.js';
export { resolveResource, resourceForKind, qualifiedResource, qualifiedSingular, apiVersionOf, RESOURCES, type ResourceInfo } from './resources.js';
export { MemFs, FsError, fsErrorText, resolvePath, type FsNode } from './fs.js';
export { containerFs, nodeDisk, type FileSystem } from './container-fs.js';
export { connect, httpRequest, podByIP, listeners, type NetSource, type NetFailure, type HttpResult, type ConnectResult } from './network.js';
export { lookupImage, parseImageRef, type ImageInfo } from './images.js';
export { isPodReady, podDisplayStatus } from './controllers/pod-status.js';
export {
  routeIngressRequest,
  proxiedRequest,
  ingressNginxResponse,
  nginxIngresses,
  servedByIngressNginx,
  ingressClassOf,
  ingressAddonEnabled,
  readyIngressControllerPod,
  ingressTlsFor,
  serviceEndpoints,
  INGRESS_NAMESPACE,
  INGRESS_CONTROLLER_NAME,
  INGRESS_CLASS_NAME,
  type IngressClass,
  type IngressRoute,
  type IngressEndpoint,
  type IngressTls,
  type IngressRequestOptions,
  type IngressClientRequest,
} from './ingress.js';
export { matchIngressRequest, buildServers, pathMatches, type IngressMatch, type IngressServer, type IngressLocation, type IngressServiceBackend } from './ingress-match.js';
export {
  evaluatePolicies,
  networkPolicyVerdict,
  networkPolicyAllows,
  pluginEnforcesPolicy,
  policyEndpointOfPod,
  effectivePolicyTypes,
  verdictText,
  PolicyEngine,
  type ConnectionVerdict,
  type DirectionVerdict,
  type PolicyDirection,
  type PolicyEndpoint,
  type PolicyInput,
  type PolicyPod,
  type RuleMiss,
} from './netpol.js';
export { defaultNetworkPolicy, validateNetworkPolicy, validateLabelSelector } from './validate/networkpolicy.js';
