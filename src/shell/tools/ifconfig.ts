/** `ifconfig` (net-tools / busybox) and `route` / `route -n` (the kernel routing table), from the location's interfaces. */
import type { CommandFn } from '../types.js';
import { broadcast, mask, netConfig } from './netif.js';

export const ifconfig: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0]?.startsWith('-') && args[0] !== '-a') return { stdout: '', stderr: `ifconfig: option \`${args[0]}' not recognised.\nifconfig: \`--help' gives usage information.\n`, exitCode: 1 };
  const { ifaces } = netConfig(ctx);
  const pick = args[0] && args[0] !== '-a' ? ifaces.filter((i) => i.name === args[0]) : ifaces.filter((i) => args[0] === '-a' || !i.down);
  if (!pick.length) return { stdout: '', stderr: `${args[0]}: error fetching interface information: Device not found\n`, exitCode: 1 };
  const out = pick
    .map((i) => {
      const fl = i.loopback ? 'flags=73<UP,LOOPBACK,RUNNING>' : i.down ? 'flags=4099<UP,BROADCAST,MULTICAST>' : 'flags=4163<UP,BROADCAST,RUNNING,MULTICAST>';
      const inet = i.ip ? `        inet ${i.ip}  netmask ${mask(i.prefix)}${i.loopback ? '' : `  broadcast ${broadcast(i.ip, i.prefix)}`}\n` : '';
      const link = i.loopback ? '        loop  txqueuelen 1000  (Local Loopback)\n' : `        ether ${i.mac}  txqueuelen 0  (Ethernet)\n`;
      return `${i.name}: ${fl}  mtu ${i.mtu}\n${inet}${link}        RX packets 0  bytes 0 (0.0 B)\n        RX errors 0  dropped 0  overruns 0  frame 0\n        TX packets 0  bytes 0 (0.0 B)\n        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n`;
    })
    .join('');
  return { stdout: out, stderr: '', exitCode: 0 };
};

export const route: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const bad = args.find((a) => a !== '-n' && a !== '-e');
  if (bad) return { stdout: '', stderr: `route: invalid option -- '${bad.replace(/^-+/, '').slice(0, 1)}'\nUsage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n`, exitCode: 1 };
  const { routes } = netConfig(ctx);
  const rows = routes.map((r) => {
    const dest = r.dest === 'default' ? (args.includes('-n') ? '0.0.0.0' : 'default') : r.dest;
    const gw = r.via ?? '0.0.0.0';
    return `${dest.padEnd(16)}${gw.padEnd(16)}${mask(r.prefix).padEnd(16)}${(r.via ? 'UG' : 'U').padEnd(6)}0      0        0 ${r.dev}\n`;
  });
  return { stdout: `Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n${rows.join('')}`, stderr: '', exitCode: 0 };
};
