/** `hostname [-i] [-f] [-s]`: the pod's hostname and IP in a container, the node's on a node, the laptop's on the host. */
import { FsError, type Node, type Pod } from '../../sim/index.js';
import type { CommandFn } from '../types.js';

/**
 * `hostname -f`: the canonical name the resolver finds for the host name, i.e. the first name on its `/etc/hosts`
 * line. The kubelet writes `IP  host.subdomain.ns.svc.cluster.local  host` for a pod with `subdomain`, so a
 * StatefulSet pod prints `db-0.db.default.svc.cluster.local`; otherwise the line holds just the pod name.
 */
function canonical(ctx: Parameters<CommandFn>[0], name: string): string {
  let hosts = '';
  try {
    hosts = ctx.fs.readFile('/etc/hosts');
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
  }
  for (const line of hosts.split('\n')) {
    const names = line.replace(/#.*/, '').trim().split(/\s+/).slice(1);
    if (names.includes(name)) return names[0]!;
  }
  return name;
}

export const hostname: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--help') return { stdout: 'Usage: hostname [-i]\n  -i, --ip-address         addresses for the host name\n', stderr: '', exitCode: 0 };
  const bad = args.find((a) => !['-i', '--ip-address', '-I', '--all-ip-addresses', '-s', '--short', '-f', '--fqdn'].includes(a));
  if (bad) return { stdout: '', stderr: bad.startsWith('-') ? `hostname: invalid option -- '${bad.replace(/^-+/, '').slice(0, 1)}'\nUsage: hostname [-b] {hostname|-F file}         set host name (from file)\n` : 'hostname: you must be root to change the host name\n', exitCode: 1 };
  const ip = args.some((a) => /^-(i|I|-ip-address|-all-ip-addresses)$/.test(a));
  const loc = ctx.location;
  let name = 'laptop';
  let addr = '127.0.1.1';
  if (loc.type === 'node') {
    const node = ctx.cluster.get<Node>('Node', undefined, loc.node);
    name = loc.node;
    addr = node ? ctx.cluster.nodeIP(node) : '';
  } else if (loc.type === 'container') {
    const pod = ctx.cluster.get<Pod>('Pod', loc.namespace, loc.pod);
    name = pod?.spec.hostname ?? loc.pod;
    addr = pod?.status.podIP ?? '';
  }
  if (!ip && args.some((a) => a === '-f' || a === '--fqdn')) name = canonical(ctx, name);
  if (args.some((a) => a === '-s' || a === '--short')) name = name.split('.')[0]!;
  return { stdout: `${ip ? addr + (args.includes('-I') ? ' ' : '') : name}\n`, stderr: '', exitCode: 0 };
};
