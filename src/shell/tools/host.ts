/** `host NAME` (bind 9.18): `web.default.svc.cluster.local has address 10.96.0.5`, `Host x not found: 3(NXDOMAIN)`. */
import type { CommandFn } from '../types.js';
import { dnsQuery } from './net.js';

export const host: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--help' || args.length === 0) return { stdout: '', stderr: 'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n', exitCode: 1 };
  const bad = args.find((a) => a.startsWith('-'));
  if (bad) return { stdout: '', stderr: `host: invalid option -- '${bad.slice(1, 2)}'\nUsage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n`, exitCode: 1 };
  const name = args[0]!;
  const reverse = /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
  const r = dnsQuery(ctx, name, reverse ? 'PTR' : 'A');
  if (r.status === 'TIMEOUT') return { stdout: ';; communications error to 10.96.0.10#53: timed out\n;; no servers could be reached\n', stderr: '', exitCode: 1 };
  if (!r.answers.length) {
    if (reverse) return { stdout: `Host ${name.split('.').reverse().join('.')}.in-addr.arpa. not found: 3(NXDOMAIN)\n`, stderr: '', exitCode: 1 };
    return { stdout: `Host ${name} not found: 3(NXDOMAIN)\n`, stderr: '', exitCode: 1 };
  }
  const out = r.answers
    .map((a) => {
      const owner = a.name.replace(/\.$/, '');
      if (a.type === 'A') return `${owner} has address ${a.data}\n`;
      if (a.type === 'CNAME') return `${owner} is an alias for ${a.data}\n`;
      if (a.type === 'PTR') return `${a.name.replace(/\.$/, '')} domain name pointer ${a.data}\n`;
      return `${owner} has ${a.type} record ${a.data}\n`;
    })
    .join('');
  return { stdout: out, stderr: '', exitCode: 0 };
};
