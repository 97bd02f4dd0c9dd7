/** The simulated cluster's public surface. */
export { Cluster, COMMAND_TICK_MS, deepEqual, type ApplyAction, type ClusterOptions, type NodeOptions } from './cluster.js';
export { SimError, formatFieldError, type FieldError, type SimErrorCode } from './errors.js';
export * from './types.js';
export { resolveResource, resourceForKind, qualifiedResource, qualifiedSingular, apiVersionOf, RESOURCES, type ResourceInfo } from './resources.js';
export { MemFs, FsError, fsErrorText, resolvePath, type FsNode } from './fs.js';
export { containerFs, containerWorkingDir, nodeDisk, type FileSystem } from './container-fs.js';
export { connect, connectToPod, connectToNode, httpRequest, ping, podByIP, listeners, policyAllows, sourceIP, hostsFileLookup, isIngressControllerPod, HOST_IP, type NetSource, type NetFailure, type HttpResult, type ConnectResult, type ServerEndpoint, type ViaService } from './network.js';
export { admitService, loadBalancerController, inServiceCidr, ipToInt, intToIp, needsNodePorts, SERVICE_CIDR, NODE_PORT_MIN, NODE_PORT_MAX, type ServiceSpecFull } from './services.js';
export { proxy, findFrontend, readyEndpoints, iptablesSave, portProtoHash, endpointChainName, servicePortName, type Frontend, type ProxyDecision, type ServiceEndpoint } from './kube-proxy.js';
export { resolve, lookupHost, answerFor, candidateNames, clusterDnsUp, parseResolvConf, podResolvConf, CLUSTER_DNS_IP, type DnsResult, type DnsRecord, type DnsRcode, type DnsType, type ResolvConf } from './dns.js';
export { endpointsController, resolveTargetPort } from './controllers/endpoints.js';
export { lookupImage, parseImageRef, type ImageInfo } from './images.js';
export { isPodReady, podDisplayStatus } from './controllers/pod-status.js';
export { containerEnv, resolveContainerEnv, type ContainerEnvResult } from './controllers/container-env.js';
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
export { resourceForVersionKind } from './resources.js';
