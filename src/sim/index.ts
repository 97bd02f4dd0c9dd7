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
