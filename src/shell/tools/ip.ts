/** `ip addr` / `ip a` / `ip address show [dev X]`, `ip route` / `ip r`, `ip link` (iproute2's formats). */
import type { CommandFn } from '../types.js';
import { broadcast, linkLocal, netConfig, type Iface } from './netif.js';

const USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
where  OBJECT := { address | link | route | neigh }
       OPTIONS := { -4 | -6 | -br[ief] | -c[olor] }
`;

function flags(i: Iface): string {
  if (i.loopback) return '<LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN';
  if (i.down) return `<NO-CARRIER,BROADCAST,MULTICAST,UP> mtu ${i.mtu} qdisc noqueue state DOWN`;
  return `<BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${i.mtu} qdisc noqueue ${i.master ? `master ${i.master} ` : ''}state UP`;
}

/** The interface's IPv6 address: `::1/128` on lo, the EUI-64 link-local one elsewhere. */
function inet6(i: Iface): string {
  return i.loopback ? '::1/128' : `${linkLocal(i.mac)}/64`;
}

function linkLine(i: Iface): string {
  return `${i.index}: ${i.name}${i.peer ? `@${i.peer}` : ''}: ${flags(i)} group default qlen 1000\n    link/${i.loopback ? 'loopback' : 'ether'} ${i.mac} brd ${i.loopback ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}${i.peer ? ` link-netnsid ${i.netnsid ?? 0}` : ''}\n`;
}

function addrBlock(i: Iface): string {
  let s = linkLine(i);
  if (i.ip) s += `    inet ${i.ip}/${i.prefix} ${i.loopback ? 'scope host lo' : `brd ${broadcast(i.ip, i.prefix)} scope global ${i.name}`}\n       valid_lft forever preferred_lft forever\n`;
  if (i.inet6) s += `    inet6 ${inet6(i)} scope ${i.loopback ? 'host' : 'link'} \n       valid_lft forever preferred_lft forever\n`;
  return s;
}

export const ip: CommandFn = (ctx) => {
  const all = ctx.argv.slice(1);
  const brief = all.some((a) => a === '-br' || a === '-brief' || a === '--brief');
  const args = all.filter((a) => !['-4', '-c', '-color', '-br', '-brief', '--brief'].includes(a));
  const [obj, cmd, ...rest] = args;
  if (obj === undefined || obj === 'help' || obj === '--help') return { stdout: '', stderr: USAGE, exitCode: obj === undefined ? 255 : 0 };
  const { ifaces, routes } = netConfig(ctx);
  if (obj.startsWith('-')) return { stdout: '', stderr: `Option "${obj}" is unknown, try "ip -help".\n`, exitCode: 255 };
  const dev = rest[0] === 'dev' ? rest[1] : cmd === 'dev' ? rest[0] : cmd !== undefined && cmd !== 'show' && cmd !== 'list' && cmd !== 'ls' ? undefined : rest[0];
  const pick = dev ? ifaces.filter((i) => i.name === dev) : ifaces;
  if (dev && !pick.length) return { stdout: '', stderr: `Device "${dev}" does not exist.\n`, exitCode: 1 };
  if ('address'.startsWith(obj) || obj === 'addr') {
    if (cmd !== undefined && !['show', 'list', 'ls', 'dev'].includes(cmd)) return { stdout: '', stderr: `Command "${cmd}" is unknown, try "ip address help".\n`, exitCode: 255 };
    if (brief) return { stdout: pick.map((i) => `${`${i.name}${i.peer ? `@${i.peer}` : ''}`.padEnd(16)} ${(i.loopback ? 'UNKNOWN' : i.down ? 'DOWN' : 'UP').padEnd(14)} ${i.ip ? `${i.ip}/${i.prefix} ` : ''}${i.inet6 ? `${inet6(i)} ` : ''}\n`).join(''), stderr: '', exitCode: 0 };
    return { stdout: pick.map(addrBlock).join(''), stderr: '', exitCode: 0 };
  }
  if ('link'.startsWith(obj)) return { stdout: pick.map(linkLine).join(''), stderr: '', exitCode: 0 };
  if ('route'.startsWith(obj)) {
    if (cmd !== undefined && !['show', 'list', 'ls'].includes(cmd)) return { stdout: '', stderr: `Command "${cmd}" is unknown, try "ip route help".\n`, exitCode: 255 };
    const out = routes.map((r) => (r.dest === 'default' ? `default via ${r.via} dev ${r.dev} \n` : r.via ? `${r.dest}/${r.prefix} via ${r.via} dev ${r.dev} \n` : `${r.dest}/${r.prefix} dev ${r.dev} proto kernel scope link src ${r.src}${r.linkdown ? ' linkdown' : ''} \n`)).join('');
    return { stdout: out, stderr: '', exitCode: 0 };
  }
  if ('neighbour'.startsWith(obj) || obj === 'neighbor') return { stdout: '', stderr: '', exitCode: 0 };
  return { stdout: '', stderr: `Object "${obj}" is unknown, try "ip help".\n`, exitCode: 1 };
};
