/**
 * The network interfaces and routes each location has, for `ip`, `ifconfig` and `route`: a pod's `eth0` with its IP
 * in the node's /24 and a default route via the bridge; a node's `eth0` on the minikube network, the `bridge` holding
 * its pod CIDR's .1, and one route per other node's pod CIDR via that node's IP (what the CNI programs); the host's
 * minikube bridge network (plus the Service CIDR via the node while `minikube tunnel` runs).
 */
import type { Node, Pod } from '../../sim/index.js';
import type { CommandContext } from '../types.js';

export interface Iface {
  index: number;
  name: string;
  /** `@ifN` suffix for veth pairs. */
  peer?: string;
  mac: string;
  ip: string;
  prefix: number;
  mtu: number;
  loopback?: boolean;
  down?: boolean;
  /** The bridge a node's veth is enslaved to (`master bridge`). */
  master?: string;
  /** `link-netnsid N`: the peer's network namespace as this one numbers it. */
  netnsid?: number;
  /** Whether the interface has an IPv6 link-local address (`fe80::…/64`, or `::1/128` on lo). */
  inet6?: boolean;
}

/** The link-local IPv6 address the kernel derives from a MAC (EUI-64): `fe80::a8c3:4ff:fe12:3456`. */
export function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] = (b[0] ?? 0) ^ 2;
  const g = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | 0xff, (0xfe << 8) | b[3]!, (b[4]! << 8) | b[5]!].map((n) => n.toString(16));
  return g[0] === '0' ? `fe80::${g.slice(1).join(':')}` : `fe80::${g.join(':')}`;
}

/** The pods with their own network namespace on a node, in the order their veths were made. */
function podsOn(c: CommandContext['cluster'], nodeName: string): Pod[] {
  return c.list<Pod>('Pod').filter((p) => p.spec.nodeName === nodeName && !p.spec.hostNetwork && p.status.podIP);
}

/** The index of a pod's veth on its node: the `N` in the pod's `eth0@ifN`. */
function vethIndex(c: CommandContext['cluster'], pod: Pod): number {
  const i = podsOn(c, pod.spec.nodeName ?? '').findIndex((p) => p.metadata.uid === pod.metadata.uid);
  return 4 + Math.max(0, i);
}

export interface Route {
  dest: string;
  prefix: number;
  via?: string;
  dev: string;
  src?: string;
  linkdown?: boolean;
}

function mac(seed: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const bytes = [0x02, (h >>> 24) & 255, (h >>> 16) & 255, (h >>> 8) & 255, h & 255, seed.length & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

const LO: Iface = { index: 1, name: 'lo', mac: '00:00:00:00:00:00', ip: '127.0.0.1', prefix: 8, mtu: 65536, loopback: true, inet6: true };

function net24(ip: string): string {
  return ip.split('.').slice(0, 3).join('.') + '.0';
}

/** Interfaces and routes at the command's location. */
export function netConfig(ctx: CommandContext): { ifaces: Iface[]; routes: Route[] } {
  const c = ctx.cluster;
  const loc = ctx.location;
  if (loc.type === 'container') {
    const pod = c.get<Pod>('Pod', loc.namespace, loc.pod);
    if (pod?.spec.hostNetwork) return nodeConfig(ctx, c.get<Node>('Node', undefined, pod.spec.nodeName ?? ''));
    const ip = pod?.status.podIP ?? '';
    const gw = net24(ip).replace(/\.0$/, '.1');
    return {
      ifaces: [LO, { index: 2, name: 'eth0', peer: `if${pod ? vethIndex(c, pod) : 4}`, mac: mac(ip), ip, prefix: 24, mtu: 1500, netnsid: 0, inet6: true }],
      routes: [
        { dest: 'default', prefix: 0, via: gw, dev: 'eth0' },
        { dest: net24(ip), prefix: 24, dev: 'eth0', src: ip },
      ],
    };
  }
  if (loc.type === 'node') return nodeConfig(ctx, c.get<Node>('Node', undefined, loc.node));
  const routes: Route[] = [
    { dest: 'default', prefix: 0, via: '192.168.1.1', dev: 'wlp2s0' },
    { dest: '192.168.1.0', prefix: 24, dev: 'wlp2s0', src: '192.168.1.23' },
    { dest: '192.168.49.0', prefix: 24, dev: 'br-5f1e2d3c4b5a', src: '192.168.49.1' },
  ];
  if (c.state.tunnel) routes.push({ dest: '10.96.0.0', prefix: 12, via: c.nodeIP(c.nodes()[0]!), dev: 'br-5f1e2d3c4b5a' });
  return {
    ifaces: [LO, { index: 2, name: 'wlp2s0', mac: mac('laptop'), ip: '192.168.1.23', prefix: 24, mtu: 1500 }, { index: 3, name: 'br-5f1e2d3c4b5a', mac: mac('br'), ip: '192.168.49.1', prefix: 24, mtu: 1500 }],
    routes,
  };
}

function nodeConfig(ctx: CommandContext, node: Node | undefined): { ifaces: Iface[]; routes: Route[] } {
  const c = ctx.cluster;
  if (!node) return { ifaces: [LO], routes: [] };
  const ip = c.nodeIP(node);
  const cidr = node.spec.podCIDR;
  const bridgeIp = cidr.split('/')[0]!.replace(/\.0$/, '.1');
  const ifaces: Iface[] = [
    LO,
    { index: 2, name: 'docker0', mac: mac(`${ip}docker0`), ip: '172.17.0.1', prefix: 16, mtu: 1500, down: true },
    { index: 3, name: 'bridge', mac: mac(`${ip}bridge`), ip: bridgeIp, prefix: Number(cidr.split('/')[1] ?? 24), mtu: 1500, inet6: true },
  ];
  const pods = podsOn(c, node.metadata.name);
  pods.forEach((p, i) => ifaces.push({ index: 4 + i, name: `veth${mac(p.metadata.uid ?? p.metadata.name).replace(/:/g, '').slice(4, 12)}`, peer: 'if2', mac: mac(p.metadata.name), ip: '', prefix: 0, mtu: 1500, master: 'bridge', netnsid: 1 + i, inet6: true }));
  ifaces.push({ index: 4 + pods.length + 20, name: 'eth0', peer: `if${25 + c.nodes().indexOf(node)}`, mac: mac(ip), ip, prefix: 24, mtu: 1500 });
  const routes: Route[] = [
    { dest: 'default', prefix: 0, via: '192.168.49.1', dev: 'eth0' },
    { dest: cidr.split('/')[0]!, prefix: Number(cidr.split('/')[1] ?? 24), dev: 'bridge', src: bridgeIp },
  ];
  for (const other of c.nodes()) if (other !== node && other.metadata.name !== node.metadata.name) routes.push({ dest: other.spec.podCIDR.split('/')[0]!, prefix: Number(other.spec.podCIDR.split('/')[1] ?? 24), via: c.nodeIP(other), dev: 'eth0' });
  routes.push({ dest: '172.17.0.0', prefix: 16, dev: 'docker0', src: '172.17.0.1', linkdown: true });
  routes.push({ dest: '192.168.49.0', prefix: 24, dev: 'eth0', src: ip });
  return { ifaces, routes };
}

/** `255.255.255.0` for 24. */
export function mask(prefix: number): string {
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (m >>> s) & 255).join('.');
}

/** The broadcast address of ip/prefix. */
export function broadcast(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((a, p) => a * 256 + Number(p), 0);
  const b = (n | (prefix >= 32 ? 0 : 0xffffffff >>> prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}
