/**
 * What the network tools share: the source a command connects from (host, node, pod), name resolution through the
 * simulator's cluster DNS (`src/sim/dns.ts`: search list, ndots, CoreDNS readiness, NetworkPolicy on port 53), and
 * which flavour of a tool an image ships (busybox's applets or Debian's packages).
 */
import { lookupHost, resolve, type DnsResult, type DnsType } from '../../sim/dns.js';
import { netIndex } from '../../sim/kube-proxy.js';
import { hostsFileLookup, networkPolicyAllows, parseImageRef, pluginEnforcesPolicy, lookupImage, type Endpoints, type NetSource, type Node, type Pod } from '../../sim/index.js';
import type { CommandContext } from '../types.js';

/** The network source for the location a command runs at. */
export function sourceOf(ctx: CommandContext): NetSource | undefined {
  const loc = ctx.location;
  if (loc.type === 'host') return { type: 'host', hosts: hostsFile(ctx) };
  if (loc.type === 'node') {
    const node = ctx.cluster.get<Node>('Node', undefined, loc.node);
    return node ? { type: 'node', node } : undefined;
  }
  const pod = ctx.cluster.get<Pod>('Pod', loc.namespace, loc.pod);
  return pod ? { type: 'pod', pod, container: loc.container } : undefined;
}

/** The host's `/etc/hosts` (learners add `$(minikube ip) hello-world.example` to it), if there is one. */
function hostsFile(ctx: CommandContext): string | undefined {
  return ctx.fs.exists('/etc/hosts') && !ctx.fs.isDir('/etc/hosts') ? ctx.fs.readFile('/etc/hosts') : undefined;
}

/** The pod a command runs in, if it runs in one. */
export function podOf(ctx: CommandContext): Pod | undefined {
  const src = sourceOf(ctx);
  return src?.type === 'pod' ? src.pod : undefined;
}

/** Whether the pod's DNS queries may reach a ready CoreDNS pod under NetworkPolicy (UDP 53). */
function dnsAllowed(ctx: CommandContext, pod: Pod): () => boolean {
  return () => {
    const c = ctx.cluster;
    if (!pluginEnforcesPolicy(c.options.networkPlugin)) return true;
    const ep = c.get<Endpoints>('Endpoints', 'kube-system', 'kube-dns');
    const idx = netIndex(c);
    for (const s of ep?.subsets ?? []) for (const a of s.addresses ?? []) if (networkPolicyAllows(c, pod, idx.podsByIP.get(a.ip) ?? { ip: a.ip }, 53, 'UDP')) return true;
    return false;
  };
}

/** A DNS query from where the command runs (nslookup, dig, host). Off-cluster locations have no cluster DNS. */
export function dnsQuery(ctx: CommandContext, name: string, type: DnsType = 'A'): DnsResult {
  const pod = podOf(ctx);
  if (!pod) return { status: 'NXDOMAIN', query: name, type, server: ctx.location.type === 'node' ? '192.168.49.1' : '127.0.0.53', tried: [{ name: `${name}.`, rcode: 'NXDOMAIN' }], answers: [] };
  return resolve(ctx.cluster, pod, name, type, dnsAllowed(ctx, pod));
}

/** The address a host name resolves to for display (`Connecting to web (10.96.0.5:80)`), if it does. */
export function addressOf(ctx: CommandContext, host: string): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
  if (host === 'localhost') return '127.0.0.1';
  const src = sourceOf(ctx);
  if (src?.type === 'host') return src.hosts !== undefined ? hostsFileLookup(src.hosts, host) : undefined;
  const pod = podOf(ctx);
  if (!pod) return undefined;
  const r = lookupHost(ctx.cluster, pod, host, dnsAllowed(ctx, pod));
  return r.ok ? r.ips[0] : undefined;
}

/** `busybox` when the container's tools are busybox applets (busybox, alpine, agnhost), `debian` otherwise. */
export function flavour(ctx: CommandContext): 'busybox' | 'debian' {
  const pod = podOf(ctx);
  const loc = ctx.location;
  if (!pod || loc.type !== 'container') return 'debian';
  const spec = pod.spec.containers.find((c) => c.name === loc.container);
  const image = spec ? lookupImage(spec.image) : undefined;
  const rt = ctx.cluster.state.runtime.get(pod.metadata.uid!)?.containers.get(loc.container);
  const tool = ctx.argv[0]!.split('/').pop()!;
  if (rt?.installed.includes(tool)) return 'debian';
  return image?.os === 'busybox' || image?.os === 'alpine' || (image?.os === 'none' && image.shells.includes('sh')) ? 'busybox' : 'debian';
}

/** busybox before 1.29 printed `Address 1:` lines and `nslookup: can't resolve` (the Kubernetes DNS docs use 1.28). */
export function oldBusybox(ctx: CommandContext): boolean {
  const pod = podOf(ctx);
  const loc = ctx.location;
  if (!pod || loc.type !== 'container') return false;
  const spec = pod.spec.containers.find((c) => c.name === loc.container);
  return !!spec && /^busybox$/.test(parseImageRef(spec.image).repository) && /^1\.(1\d|2[0-8])(\.|$)/.test(parseImageRef(spec.image).tag);
}

/** Splits `http://host:port/path` (scheme optional). */
export function parseUrl(url: string): { scheme: string; host: string; port: number; explicitPort: boolean; path: string } | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+|\[[^\]]+\])(?::(\d*))?([^#\s]*)/.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port > 65535) return undefined;
  return { scheme, host: m[2]!.toLowerCase(), port, explicitPort: !!m[3], path: m[4] ? (m[4].startsWith('/') ? m[4] : `/${m[4]}`) : '/' };
}
