/** `netstat -tln[p]` / `netstat -an`: the sockets the pod's containers listen on (they share the pod's network). */
import { listeners } from '../../sim/index.js';
import type { CommandFn } from '../types.js';
import { podOf } from './net.js';

export const netstat: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = args.join('').replace(/-/g, '');
  if (args.includes('--help')) return { stdout: '', stderr: 'Usage: netstat [-ral] [-tuwx] [-enWp]\n\nDisplay networking information\n', exitCode: 0 };
  if (!/^[tulnpaWe]*$/.test(flags)) return { stdout: '', stderr: `netstat: invalid option -- '${flags.replace(/[tulnpaWe]/g, '')[0]}'\nUsage: netstat [-ral] [-tuwx] [-enWp]\n`, exitCode: 1 };
  const pod = podOf(ctx);
  const socks = pod ? listeners(ctx.cluster, pod) : [];
  const showPid = flags.includes('p');
  const rows = socks
    .filter((l) => (flags.includes('u') && !flags.includes('t') ? l.server.protocol === 'UDP' : flags.includes('t') && !flags.includes('u') ? l.server.protocol === 'TCP' : true))
    .map((l) => {
      const proto = l.server.protocol === 'UDP' ? 'udp' : 'tcp';
      const local = `0.0.0.0:${l.server.port}`.padEnd(23);
      return `${proto}        0      0 ${local} ${'0.0.0.0:*'.padEnd(23)} ${(proto === 'tcp' ? 'LISTEN' : '').padEnd(11)}${showPid ? ` ${`1/${l.container}`}` : ''}\n`;
    });
  const head = `Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       ${showPid ? 'PID/Program name    ' : ''}\n`;
  return { stdout: head + rows.join(''), stderr: '', exitCode: 0 };
};
