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
}

/** The store key of an object. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
