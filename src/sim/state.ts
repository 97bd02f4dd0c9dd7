/**
 * The whole simulated cluster as plain data: the object store, what runs inside containers, node disks, and the
 * allocators. Plain data (Maps, arrays, objects) so a snapshot for undo is one `structuredClone`.
 */
import type { FsNode } from './fs.js';
import type { KubeObject } from './types.js';

/** One process inside a container, as `ps` shows it. */
export interface ProcessInfo {
  pid: number;
  user: string;
  command: string;
  /** Signals received (`HUP`), so lessons can show that `kill -HUP 1` reached PID 1. */
  signals: string[];
  /** Parent PID (0 for a container's main process, whose parent is outside the PID namespace). */
  ppid?: number;
  /** Numeric user id (`ps` in busybox prints it when /etc/passwd lacks the name: nginx is 101). */
  uid?: number;
  /** What the process is, for signal handling (`nginx-master`, `nginx-worker`, `httpd`, `shell`, `pause`, …). */
  role?: string;
  /** Simulated time the process started. */
  startedAt?: number;
}

/** The running state of one container, owned by the simulated kubelet. */
export interface ContainerRuntime {
  /** The container's own writable layer (resets when the container restarts). */
  fs: Map<string, FsNode>;
  /** Lines PID 1 wrote to stdout/stderr in the current run, and the previous run's (for `logs --previous`). */
  logs: { time: number; line: string }[];
  previousLogs: { time: number; line: string }[];
  /** Tools added at run time (`apt-get install -y curl`); lost on restart. */
  installed: string[];
  /** Whether `apt-get update` ran in this container run (apt-get install needs it). */
  aptUpdated: boolean;
  processes: ProcessInfo[];
  /** Simulated time the current run started; undefined while not running. */
  startedAt?: number;
  /** When a crashed container may restart (CrashLoopBackOff), or an image pull is retried. */
  backoffUntil?: number;
  backoffSeconds: number;
  restartCount: number;
  /** Consecutive readiness / liveness probe results. */
  readyProbeOk: boolean;
  /** When the current run's main process exits (undefined: it keeps running), with its exit code and reason. */
  exitAt?: number;
  exitCode?: number;
  exitReason?: string;
  /** The last terminated run (`lastState.terminated`) and whether the container is terminated now. */
  lastTerminated?: { exitCode: number; reason: string; startedAt: number; finishedAt: number };
  terminatedNow?: boolean;
  /** The run before `lastTerminated` (shown as `lastState` while the newest exit is still the current state). */
  previousTerminated?: { exitCode: number; reason: string; startedAt: number; finishedAt: number };
  /** When the back-off entry was last updated (kubelet resets it after 10 minutes without a failure). */
  backoffUpdatedAt?: number;
  /** Image pull: when the last attempt failed, and when the next may start. */
  pullFailedAt?: number;
  /** `imagePullPolicy: Never` and the image is not on the node (ErrImageNeverPull). */
  neverPulled?: boolean;
  /** Probe bookkeeping: next run times and consecutive results. */
  nextReadinessAt?: number;
  nextLivenessAt?: number;
  readinessFailures?: number;
  readinessSuccesses?: number;
  livenessFailures?: number;
  /** The image reference the current run uses (a changed spec image restarts the container). */
  imageRef?: string;
  /** Next PID in the container's own PID namespace. */
  nextPid?: number;
  /** Whether the container has ever started (its first start records Pulled/Created/Started once). */
  everStarted?: boolean;
  /** Why the container could not be created (a missing ConfigMap/Secret key for its env): CreateContainerConfigError. */
  configError?: string;
}

/** Per-pod runtime: containers and the pod's own volumes (emptyDir). */
export interface PodRuntime {
  uid: string;
  containers: Map<string, ContainerRuntime>;
  /** emptyDir volumes by volume name: one tree shared by every container that mounts it. */
  emptyDirs: Map<string, Map<string, FsNode>>;
  /** When the pod's sandbox (network namespace) was created; containers start after the image pull delay. */
  sandboxAt?: number;
  nextPid: number;
  /** The kubelet's next sync of this pod, and the pod's resourceVersion at its last sync (skip work otherwise). */
  wakeAt?: number;
  seenRv?: string;
  /** Why volumes could not be mounted yet (FailedMount); containers wait in ContainerCreating. */
  mountError?: string;
  /** A terminating pod: when its last container has stopped and the pod object goes. */
  goneAt?: number;
  /** Volumes are mounted (checked once, before the first container starts). */
  mounted?: boolean;
}

export interface ClusterState {
  /** kind → `namespace/name` (or `name` for cluster-scoped) → object. */
  objects: Map<string, Map<string, KubeObject>>;
  nextUid: number;
  nextResourceVersion: number;
  rngState: number;
  /** Pod uid → runtime. */
  runtime: Map<string, PodRuntime>;
  /** Node name → the node's own disk (hostPath volumes live here). */
  nodeDisks: Map<string, Map<string, FsNode>>;
  /** Node name → next host octet to try in its pod CIDR. */
  podIpNext: Map<string, number>;
  /** minikube addons that are enabled (`ingress`, …). */
  addons: Set<string>;
  /** Whether `minikube tunnel` is running (LoadBalancer Services get an external IP). */
  tunnel: boolean;
  /** Node name → image references already pulled there (`IfNotPresent` skips the pull). */
  nodeImages?: Map<string, string[]>;
}

/** The store key of an object. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
