/**
 * What a container sees as its file system: the image's files in the container's own writable layer, with volumes
 * mounted over it: `emptyDir` (one tree per pod, shared by the containers that mount it, gone with the pod) and
 * `hostPath` (a directory on the node's disk, outliving the pod). https://kubernetes.io/docs/concepts/storage/volumes/
 */
import type { Cluster } from './cluster.js';
import { FsError, MemFs, type FsNode } from './fs.js';
import { lookupImage, type ImageInfo } from './images.js';
import type { ConfigMap, Container, Pod, Secret, Volume } from './types.js';

/** The operations the shell needs on any file system (home directory, container, node). */
export interface FileSystem {
  exists(path: string): boolean;
  isDir(path: string): boolean;
  readFile(path: string): string;
  writeFile(path: string, content: string, opts?: { append?: boolean }): void;
  mkdir(path: string, opts?: { parents?: boolean }): void;
  readdir(path: string): string[];
  remove(path: string, opts?: { recursive?: boolean }): void;
}

/** `/etc/resolv.conf` for dnsPolicy ClusterFirst: the pod's namespace first in the search list, ndots:5. */
export function resolvConf(c: Cluster, pod: Pod): string {
  if (pod.spec.dnsPolicy === 'Default' || (pod.spec.hostNetwork && pod.spec.dnsPolicy !== 'ClusterFirstWithHostNet')) {
    return 'nameserver 192.168.49.1\n';
  }
  const d = c.options.clusterDomain;
  const ns = pod.metadata.namespace ?? 'default';
  return `search ${ns}.svc.${d} svc.${d} ${d}\nnameserver 10.96.0.10\noptions ndots:5\n`;
}

/** `/etc/hosts` as the kubelet writes it. */
export function etcHosts(c: Cluster, pod: Pod): string {
  const host = pod.spec.hostname ?? pod.metadata.name;
  const fqdn = pod.spec.subdomain ? `${host}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${c.options.clusterDomain}\t${host}` : host;
  return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.status.podIP ?? ''}\t${fqdn}\n`;
}

const DIRS = ['/bin', '/etc', '/home', '/root', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/share', '/var', '/var/log', '/proc', '/dev', '/opt', '/srv', '/mnt'];

/** The image's base files for a fresh container. */
export function initContainerFs(c: Cluster, pod: Pod, spec: Container, image: ImageInfo): Map<string, FsNode> {
  const t = c.now();
  const fs = new MemFs(new Map([['/', { type: 'dir', mtime: t }]]));
  for (const d of DIRS) fs.mkdir(d, { parents: true, mtime: t });
  fs.writeFile('/etc/hostname', `${pod.spec.hostname ?? pod.metadata.name}\n`);
  fs.writeFile('/etc/resolv.conf', resolvConf(c, pod));
  fs.writeFile('/etc/hosts', etcHosts(c, pod));
  const osRelease: Record<string, string> = {
    debian: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n',
    ubuntu: 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n',
    busybox: '',
    alpine: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\n',
    none: '',
  };
  if (osRelease[image.os]) fs.writeFile('/etc/os-release', osRelease[image.os]!);
  for (const [path, content] of Object.entries(image.files ?? {})) {
    if (path.endsWith('/')) fs.mkdir(path.slice(0, -1), { parents: true, mtime: t });
    else {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true, mtime: t });
      fs.writeFile(path, content, { mtime: t });
    }
  }
  if (image.workingDir !== '/') fs.mkdir(image.workingDir, { parents: true, mtime: t });
  return fs.nodes;
}

interface Mount {
  path: string;
  fs: MemFs;
  /** Directory inside `fs` that appears at `path`. */
  root: string;
  readOnly: boolean;
}

/** A container's view: its own layer plus mounted volumes (longest mount path wins). */
export class ContainerFs implements FileSystem {
  constructor(
    private readonly own: MemFs,
    private readonly mounts: Mount[],
  ) {}

  private route(path: string): { fs: MemFs; path: string; mount?: Mount } {
    let best: Mount | undefined;
    for (const m of this.mounts) {
      if ((path === m.path || path.startsWith(m.path + '/')) && (!best || m.path.length > best.path.length)) best = m;
    }
    if (!best) return { fs: this.own, path };
    const rest = path.slice(best.path.length);
    const inner = (best.root === '/' ? '' : best.root) + rest;
    return { fs: best.fs, path: inner || '/', mount: best };
  }

  exists(p: string): boolean {
    const r = this.route(p);
    return r.fs.exists(r.path);
  }
  isDir(p: string): boolean {
    const r = this.route(p);
    return r.fs.isDir(r.path);
  }
  readFile(p: string): string {
    const r = this.route(p);
    try {
      return r.fs.readFile(r.path);
    } catch (e) {
      if (e instanceof FsError) throw new FsError(e.code, p);
      throw e;
    }
  }
  /** Fails with EROFS under a `readOnly` mount (and configMap/secret volumes), as the kernel does for a read-only bind mount. */
  private writable(p: string): { fs: MemFs; path: string; mount?: Mount } {
    const r = this.route(p);
    if (r.mount?.readOnly) throw new FsError('EROFS', p);
    return r;
  }
  writeFile(p: string, content: string, opts: { append?: boolean } = {}): void {
    const r = this.writable(p);
    try {
      r.fs.writeFile(r.path, content, opts);
    } catch (e) {
      if (e instanceof FsError) throw new FsError(e.code, p);
      throw e;
    }
  }
  mkdir(p: string, opts: { parents?: boolean } = {}): void {
    const r = this.route(p);
    if (r.mount && r.path === r.mount.root) {
      if (!opts.parents) throw new FsError('EEXIST', p);
      return;
    }
    if (r.mount?.readOnly) throw new FsError('EROFS', p);
    try {
      r.fs.mkdir(r.path, opts);
    } catch (e) {
      if (e instanceof FsError) throw new FsError(e.code, p);
      throw e;
    }
  }
  readdir(p: string): string[] {
    const r = this.route(p);
    const names = new Set(r.fs.readdir(r.path));
    const prefix = p === '/' ? '/' : p + '/';
    for (const m of this.mounts) {
      if (m.path.startsWith(prefix) && !m.path.slice(prefix.length).includes('/')) names.add(m.path.slice(prefix.length));
    }
    return [...names].sort();
  }
  remove(p: string, opts: { recursive?: boolean } = {}): void {
    const r = this.route(p);
    if (r.mount?.readOnly) throw new FsError('EROFS', p);
    try {
      r.fs.remove(r.path, opts);
    } catch (e) {
      if (e instanceof FsError) throw new FsError(e.code, p);
      throw e;
    }
  }
}

/** The disk of a node (created on first use): hostPath volumes live here. */
export function nodeDisk(c: Cluster, nodeName: string): MemFs {
  let d = c.state.nodeDisks.get(nodeName);
  if (!d) {
    const fs = new MemFs();
    for (const p of ['/data', '/etc', '/home/docker', '/tmp', '/var/lib/kubelet', '/var/log']) fs.mkdir(p, { parents: true });
    d = fs.nodes;
    c.state.nodeDisks.set(nodeName, d);
  }
  return new MemFs(d);
}

/** Text of a Secret value (`data` is base64; `stringData` is plain). */
function secretText(v: string): string {
  try {
    const bin = atob(v);
    return new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
  } catch {
    return v;
  }
}

/** The files a configMap or secret volume shows: one per key (or per `items` entry), read-only. */
function projectedFs(c: Cluster, pod: Pod, vol: Volume, now: number): MemFs | undefined {
  const items = (vol.configMap ?? vol.secret) as { items?: { key: string; path: string }[] } | undefined;
  let data: Record<string, string> | undefined;
  if (vol.configMap) data = c.get<ConfigMap>('ConfigMap', pod.metadata.namespace, vol.configMap.name)?.data;
  else if (vol.secret) {
    const s = c.get<Secret>('Secret', pod.metadata.namespace, vol.secret.secretName);
    if (s) data = { ...Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, secretText(v)])), ...(s.stringData ?? {}) };
  }
  if (!data) return undefined;
  const fs = new MemFs(new Map([['/', { type: 'dir', mtime: now }]]));
  const entries = items?.items?.length ? items.items.filter((i) => data[i.key] !== undefined).map((i) => [i.path, data[i.key]!] as const) : Object.entries(data);
  for (const [path, content] of entries) {
    const full = `/${path.replace(/^\/+/, '')}`;
    const dir = full.slice(0, full.lastIndexOf('/'));
    if (dir) fs.mkdir(dir, { parents: true, mtime: now });
    fs.writeFile(full, content, { mtime: now });
  }
  return fs;
}

/**
 * Mounts a pod's volumes before its containers start, as the kubelet's volume manager does: `hostPath` type checks
 * (`DirectoryOrCreate`/`FileOrCreate` create on the node; `Directory`/`File` must already be there), and the
 * ConfigMaps and Secrets that volumes name must exist. Returns the FailedMount message of the first failure.
 */
export function checkVolumes(c: Cluster, pod: Pod): string | undefined {
  const node = pod.spec.nodeName;
  for (const vol of pod.spec.volumes ?? []) {
    const fail = (why: string): string => `MountVolume.SetUp failed for volume "${vol.name}" : ${why}`;
    if (vol.hostPath && node) {
      const disk = nodeDisk(c, node);
      const p = vol.hostPath.path.replace(/(.)\/$/, '$1');
      const type = vol.hostPath.type ?? '';
      const exists = disk.exists(p);
      if (type === 'DirectoryOrCreate' || type === '') {
        if (!exists) disk.mkdir(p, { parents: true, mtime: c.now() });
        else if (!disk.isDir(p) && type) return fail(`hostPath type check failed: ${p} is not a directory`);
      } else if (type === 'Directory') {
        if (!exists || !disk.isDir(p)) return fail(`hostPath type check failed: ${p} is not a directory`);
      } else if (type === 'FileOrCreate') {
        if (!exists) {
          const parent = p.slice(0, p.lastIndexOf('/')) || '/';
          if (!disk.isDir(parent)) return fail(`open ${p}: no such file or directory`);
          disk.writeFile(p, '', { mtime: c.now() });
        } else if (disk.isDir(p)) return fail(`hostPath type check failed: ${p} is not a file`);
      } else if (type === 'File') {
        if (!exists || disk.isDir(p)) return fail(`hostPath type check failed: ${p} is not a file`);
      } else if (type === 'Socket') return fail(`hostPath type check failed: ${p} is not a socket file`);
      else if (type === 'CharDevice') return fail(`hostPath type check failed: ${p} is not a character device`);
      else if (type === 'BlockDevice') return fail(`hostPath type check failed: ${p} is not a block device`);
    }
    const optional = (vol.configMap ?? vol.secret) as { optional?: boolean } | undefined;
    if (vol.configMap && !optional?.optional && !c.get('ConfigMap', pod.metadata.namespace, vol.configMap.name)) return fail(`configmap "${vol.configMap.name}" not found`);
    if (vol.secret && !optional?.optional && !c.get('Secret', pod.metadata.namespace, vol.secret.secretName)) return fail(`secret "${vol.secret.secretName}" not found`);
  }
  return undefined;
}

/** The file system a container sees, or undefined if the container is not running. */
export function containerFs(c: Cluster, pod: Pod, containerName: string): ContainerFs | undefined {
  const rt = c.state.runtime.get(pod.metadata.uid!);
  const cr = rt?.containers.get(containerName);
  const spec = pod.spec.containers.find((x) => x.name === containerName);
  if (!rt || !cr || !spec) return undefined;
  const mounts: Mount[] = [];
  for (const vm of spec.volumeMounts ?? []) {
    const vol = pod.spec.volumes?.find((v) => v.name === vm.name);
    if (!vol) continue;
    const sub = vm.subPath ? `/${vm.subPath}` : '';
    const path = vm.mountPath.replace(/\/$/, '');
    if (vol.emptyDir) {
      const tree = rt.emptyDirs.get(vol.name);
      if (!tree) continue;
      const fs = new MemFs(tree);
      if (sub) fs.mkdir(sub, { parents: true });
      mounts.push({ path, fs, root: sub || '/', readOnly: !!vm.readOnly });
    } else if (vol.hostPath && pod.spec.nodeName) {
      const disk = nodeDisk(c, pod.spec.nodeName);
      const root = vol.hostPath.path.replace(/\/$/, '') + sub || '/';
      if (!disk.exists(root) && (vol.hostPath.type === 'DirectoryOrCreate' || !vol.hostPath.type)) disk.mkdir(root, { parents: true });
      mounts.push({ path, fs: disk, root, readOnly: !!vm.readOnly });
    } else if (vol.configMap || vol.secret) {
      const fs = projectedFs(c, pod, vol, rt.sandboxAt ?? c.now());
      if (fs && (!sub || fs.exists(sub))) mounts.push({ path, fs, root: sub || '/', readOnly: true });
    }
  }
  return new ContainerFs(new MemFs(cr.fs), mounts);
}

/**
 * Where a process started in the container (`kubectl exec … -- bash`) begins: the container's `workingDir` if the
 * pod sets one, else the image's `WORKDIR` (httpd: /usr/local/apache2), else `/`, as the container runtime does.
 */
export function containerWorkingDir(_c: Cluster, pod: Pod, containerName: string): string {
  const spec = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((x) => x.name === containerName);
  if (spec?.workingDir) return spec.workingDir;
  return (spec && lookupImage(spec.image)?.workingDir) ?? '/';
}
