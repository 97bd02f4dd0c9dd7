/**
 * What each location starts with: the working directory, the environment (a container's is the image's plus the
 * pod's `env` and the Service variables the kubelet injects for `kubernetes`), and the learner machine's /etc/hosts.
 */
import { containerEnv, containerFs, containerWorkingDir, lookupImage, nodeDisk, type Cluster, type FileSystem, type MemFs, type Pod } from '../sim/index.js';
import { stamped } from './stamped-fs.js';
import { HOME } from './home.js';
import type { Location } from './types.js';

/** The learner's machine's `/etc/hosts` (Ubuntu's default); learners append Ingress host names to it. */
export const HOST_ETC_HOSTS = '127.0.0.1\tlocalhost\n127.0.1.1\tlaptop\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n';

/** Whether two locations are the same machine (same node, or same container of the same pod). */
export function sameMachine(a: Location, b: Location): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'node' && b.type === 'node') return a.node === b.node;
  if (a.type === 'container' && b.type === 'container') return a.namespace === b.namespace && a.pod === b.pod && a.container === b.container;
  return true;
}

/** Where a shell starts at a location before image specifics (the host's home, the node user's home, `/`). */
export function defaultCwd(location: Location): string {
  if (location.type === 'host') return HOME;
  if (location.type === 'node') return '/home/docker';
  return '/';
}

/**
 * Where a new shell starts: the host's home, the node user's home, or the container's working directory (its
 * `workingDir`, else the image's WORKDIR: httpd's /usr/local/apache2) when that exists in `fs`.
 */
export function startCwd(c: Cluster, location: Location, fs: FileSystem | undefined): string {
  if (location.type !== 'container') return defaultCwd(location);
  const pod = c.get<Pod>('Pod', location.namespace, location.pod);
  const dir = pod ? containerWorkingDir(c, pod, location.container) : '/';
  return fs?.isDir(dir) ? dir : '/';
}

/** When the container's current run started (undefined while it is not running). */
export function containerStartedAt(c: Cluster, loc: Extract<Location, { type: 'container' }>): number | undefined {
  const pod = c.get<Pod>('Pod', loc.namespace, loc.pod);
  return pod ? c.state.runtime.get(pod.metadata.uid!)?.containers.get(loc.container)?.startedAt : undefined;
}

/** The file system at a location, writes stamped with simulated time; a container that is not running has none. */
export function fileSystemAt(c: Cluster, home: MemFs, location: Location): FileSystem | undefined {
  const now = (): number => c.now();
  if (location.type === 'host') return stamped(home, now);
  if (location.type === 'node') return stamped(nodeDisk(c, location.node), now);
  const pod = c.get<Pod>('Pod', location.namespace, location.pod);
  if (!pod || containerStartedAt(c, location) === undefined) return undefined;
  const cfs = containerFs(c, pod, location.container);
  return cfs && stamped(cfs, now);
}

/** Whether a container's image is busybox-like (its `sh` prompt shows the directory: `/ # `). */
function busyboxLike(c: Cluster, loc: Extract<Location, { type: 'container' }>): boolean {
  const pod = c.get<Pod>('Pod', loc.namespace, loc.pod);
  const spec = pod?.spec.containers.find((x) => x.name === loc.container);
  const os = spec ? lookupImage(spec.image)?.os : undefined;
  return os === 'busybox' || os === 'none' || os === 'alpine';
}

/** The prompt at a location: `learner@laptop:~$ `, `root@test-pod:/# `, `/ # `, `# `, `docker@minikube:~$ `. */
export function promptFor(c: Cluster, loc: Location, cwd: string): string {
  if (loc.type === 'host') return `learner@laptop:${cwd === HOME || cwd.startsWith(HOME + '/') ? '~' + cwd.slice(HOME.length) : cwd}$ `;
  if (loc.type === 'node') return `docker@${loc.node}:${cwd === '/home/docker' ? '~' : cwd}$ `;
  if (loc.shell === 'sh') return busyboxLike(c, loc) ? `${cwd} # ` : '# ';
  return `root@${loc.pod}:${cwd}# `;
}

/** The environment a new shell at a location starts with. */
export function defaultEnv(c: Cluster, location: Location): Map<string, string> {
  if (location.type === 'node') return new Map([['HOME', '/home/docker'], ['USER', 'docker'], ['SHELL', '/bin/bash'], ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
  if (location.type === 'host') return new Map([['HOME', HOME], ['USER', 'learner'], ['SHELL', '/bin/bash'], ['PATH', '/usr/local/bin:/usr/bin:/bin']]);
  const pod = c.get<Pod>('Pod', location.namespace, location.pod);
  const spec = pod?.spec.containers.find((x) => x.name === location.container);
  const env = new Map<string, string>([
    ['HOSTNAME', pod?.spec.hostname ?? location.pod],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOME', '/root'],
    ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
    ['KUBERNETES_SERVICE_PORT', '443'],
    ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
    ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
    ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
    ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
    ['KUBERNETES_PORT_443_TCP_PORT', '443'],
    ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
  ]);
  // The container's own environment as the kubelet built it: literal values, ConfigMap/Secret keys, envFrom, fieldRefs.
  if (pod && spec) for (const [k, v] of containerEnv(c, pod, spec)) env.set(k, v);
  return env;
}
