/**
 * `ping [-c N] [-W SECS] HOST`: pod and node IPs answer; a Service's ClusterIP is virtual (kube-proxy only rewrites
 * TCP/UDP to its ports) so it never does. busybox's wording in busybox images, iputils' elsewhere. Without `-c`
 * the real ping runs until Ctrl-C; here it sends 4 packets.
 */
import { ping as netPing } from '../../sim/network.js';
import type { CommandFn } from '../types.js';
import { addressOf, flavour, sourceOf } from './net.js';

export const ping: CommandFn = (ctx) => {
  const bb = flavour(ctx) === 'busybox';
  const args = ctx.argv.slice(1);
  let count = 4;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') return { stdout: '', stderr: bb ? 'Usage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-c CNT\t\tSend only CNT pings\n\t-W SEC\t\tSeconds to wait for the first response\n' : 'Usage\n  ping [options] <destination>\n', exitCode: bb ? 0 : 2 };
    if (a === '-c') count = Number(args[++i]);
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s') i++;
    else if (a === '-q' || a === '-4' || a === '-n') continue;
    else if (a.startsWith('-')) return { stdout: '', stderr: bb ? `ping: unrecognized option '${a}'\nUsage: ping [OPTIONS] HOST\n` : `ping: invalid option -- '${a.slice(1, 2)}'\n\nUsage\n  ping [options] <destination>\n`, exitCode: bb ? 1 : 2 };
    else target = a;
  }
  if (!Number.isInteger(count) || count < 1) return { stdout: '', stderr: bb ? `ping: invalid number '${args[args.indexOf('-c') + 1] ?? ''}'\n` : 'ping: invalid argument\n', exitCode: bb ? 1 : 2 };
  count = Math.min(count, 20);
  if (target === undefined) return { stdout: '', stderr: bb ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n', exitCode: bb ? 1 : 1 };
  const src = sourceOf(ctx);
  const r = src ? netPing(ctx.cluster, src, target) : { ok: false as const, failure: { type: 'resolve' as const, host: target } };
  if (!r.ok && r.failure.type === 'resolve') return { stdout: '', stderr: bb ? `ping: bad address '${target}'\n` : `ping: ${target}: ${r.failure.reason === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`, exitCode: bb ? 1 : 2 };
  const ip = r.ok ? r.ip : (addressOf(ctx, target) ?? target);
  const seqs = Array.from({ length: count }, (_, i) => i);
  ctx.cluster.advance(count * 1000);
  if (bb) {
    const head = `PING ${target} (${ip}): 56 data bytes\n`;
    if (!r.ok) return { stdout: `${head}\n--- ${target} ping statistics ---\n${count} packets transmitted, 0 packets received, 100% packet loss\n`, stderr: '', exitCode: 1 };
    return { stdout: `${head}${seqs.map((s) => `64 bytes from ${ip}: seq=${s} ttl=64 time=0.080 ms\n`).join('')}\n--- ${target} ping statistics ---\n${count} packets transmitted, ${count} packets received, 0% packet loss\nround-trip min/avg/max = 0.080/0.080/0.080 ms\n`, stderr: '', exitCode: 0 };
  }
  const head = `PING ${target} (${ip}) 56(84) bytes of data.\n`;
  if (!r.ok) return { stdout: `${head}\n--- ${target} ping statistics ---\n${count} packets transmitted, 0 received, 100% packet loss, time ${(count - 1) * 1000 + 3}ms\n\n`, stderr: '', exitCode: 1 };
  return { stdout: `${head}${seqs.map((s) => `64 bytes from ${ip}: icmp_seq=${s + 1} ttl=64 time=0.050 ms\n`).join('')}\n--- ${target} ping statistics ---\n${count} packets transmitted, ${count} received, 0% packet loss, time ${(count - 1) * 1000 + 3}ms\nrtt min/avg/max/mdev = 0.050/0.050/0.050/0.000 ms\n`, stderr: '', exitCode: 0 };
};
