/**
 * `nc -z [-v] [-w SECS] HOST PORT` (busybox and netcat-openbsd): checks whether a TCP port accepts connections
 * through the simulated network (Service DNAT, NetworkPolicy). Interactive `nc` sessions are not simulated.
 */
import { connect } from '../../sim/index.js';
import type { CommandFn } from '../types.js';
import { addressOf, flavour, sourceOf } from './net.js';

const BB_USAGE = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [-iN] [-wN] [-l] [-p PORT] [-f FILE|IPADDR PORT] [-e PROG]\n';

export const nc: CommandFn = (ctx) => {
  const bb = flavour(ctx) === 'busybox';
  const args = ctx.argv.slice(1);
  let zero = false;
  let verbose = false;
  let udp = false;
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') return { stdout: '', stderr: bb ? BB_USAGE : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [destination] [port]\n', exitCode: bb ? 0 : 1 };
    if (a === '-w' || a === '-W' || a === '-i') {
      i++;
      continue;
    }
    if (/^-[zvnuw\d]+$/.test(a)) {
      zero ||= a.includes('z');
      verbose ||= a.includes('v');
      udp ||= a.includes('u');
      continue;
    }
    if (a.startsWith('-')) return { stdout: '', stderr: bb ? `nc: unrecognized option '${a}'\n${BB_USAGE}` : `nc: invalid option -- '${a.slice(1, 2)}'\nusage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n`, exitCode: 1 };
    pos.push(a);
  }
  const [host, portText] = pos;
  if (host === undefined || portText === undefined) return { stdout: '', stderr: bb ? BB_USAGE : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n', exitCode: 1 };
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { stdout: '', stderr: `nc: port number invalid: ${portText}\n`, exitCode: 1 };
  if (!zero) return { stdout: '', stderr: 'nc: interactive connections are not simulated in this sandbox; check a port with: nc -zv HOST PORT\n', exitCode: 1 };
  const src = sourceOf(ctx);
  const r = src ? connect(ctx.cluster, src, host, port, udp ? 'UDP' : 'TCP') : undefined;
  const ip = addressOf(ctx, host) ?? host;
  if (r?.ok) {
    const msg = bb ? `${host} (${ip}:${port}) open\n` : `Connection to ${host} (${ip}) ${port} port [${udp ? 'udp' : 'tcp'}/*] succeeded!\n`;
    return { stdout: '', stderr: verbose ? msg : '', exitCode: 0 };
  }
  const f = r && !r.ok ? r.failure : undefined;
  if (!f || f.type === 'resolve') return { stdout: '', stderr: bb ? `nc: bad address '${host}'\n` : `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`, exitCode: 1 };
  const why = f.type === 'refused' ? 'Connection refused' : f.type === 'timeout' ? (bb ? 'Connection timed out' : 'Operation timed out') : 'No route to host';
  return { stdout: '', stderr: verbose || bb ? (bb ? `nc: ${host} (${ip}:${port}): ${why}\n` : `nc: connect to ${host} (${ip}) port ${port} (tcp) failed: ${why}\n`) : '', exitCode: 1 };
};
