/** `hostname [-i]`: the pod's hostname and IP in a container, the node's on a node, the laptop's on the host. */
import type { Node, Pod } from '../../sim/index.js';
import type { CommandFn } from '../types.js';

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
  return { stdout: `${ip ? addr + (args.includes('-I') ? ' ' : '') : name}\n`, stderr: '', exitCode: 0 };
};
