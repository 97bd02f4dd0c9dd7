/**
 * `nslookup NAME [SERVER]` over the simulator's cluster DNS, in the wording of the image's nslookup: busybox 1.36
 * (`Address:\t10.96.0.10:53`, `** server can't find x: NXDOMAIN`), busybox 1.28 (the Kubernetes DNS debugging
 * page's `Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local`, `nslookup: can't resolve 'x'`), or bind's
 * (`Address:\t10.96.0.10#53`). A lookup that gets no answer prints `;; connection timed out; no servers could be reached`.
 */
import type { DnsResult } from '../../sim/dns.js';
import type { CommandFn } from '../types.js';
import { dnsQuery, flavour, oldBusybox } from './net.js';

const BB_USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,any,srv,ptr
`;

function ptrName(c: Parameters<CommandFn>[0], ip: string): string | undefined {
  const r = dnsQuery(c, ip, 'PTR');
  return r.answers[0]?.data.replace(/\.$/, '');
}

export const nslookup: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const bb = flavour(ctx) === 'busybox';
  if (args.includes('--help') || args.includes('-h')) return { stdout: '', stderr: bb ? BB_USAGE : 'Usage: nslookup [-opt ...] host [server]\n', exitCode: bb ? 0 : 1 };
  let type: 'A' | 'SRV' | 'PTR' | 'TXT' | 'CNAME' = 'A';
  const names: string[] = [];
  for (const a of args) {
    const t = /^-(?:type|query|q|t)=(\w+)$/i.exec(a);
    if (t) {
      const want = t[1]!.toUpperCase();
      if (!['A', 'SRV', 'PTR', 'TXT', 'CNAME'].includes(want)) return { stdout: '', stderr: `nslookup: invalid query type: ${t[1]}\n`, exitCode: 1 };
      type = want as typeof type;
    } else if (a.startsWith('-')) return bb ? { stdout: '', stderr: `nslookup: unrecognized option '${a}'\n${BB_USAGE}`, exitCode: 1 } : { stdout: '', stderr: `*** Invalid option: ${a.slice(1)}\n`, exitCode: 1 };
    else names.push(a);
  }
  const name = names[0];
  if (name === undefined) return bb ? { stdout: '', stderr: BB_USAGE, exitCode: 1 } : { stdout: '', stderr: 'nslookup: interactive mode is not supported in this sandbox; give a name: nslookup web\n', exitCode: 1 };
  const reverse = /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
  const r: DnsResult = dnsQuery(ctx, name, reverse ? 'PTR' : type);
  const server = r.server;
  if (oldBusybox(ctx)) {
    const head = `Server:    ${server}\nAddress 1: ${server}${server === '10.96.0.10' ? ' kube-dns.kube-system.svc.cluster.local' : ''}\n\n`;
    const ips = r.answers.filter((a) => a.type === 'A').map((a) => a.data);
    if (!ips.length) return { stdout: head, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
    return { stdout: `${head}Name:      ${name}\n${ips.map((ip, i) => `Address ${i + 1}: ${ip}${ptrName(ctx, ip) ? ` ${ptrName(ctx, ip)}` : ''}\n`).join('')}`, stderr: '', exitCode: 0 };
  }
  const head = `Server:\t\t${server}\nAddress:\t${server}${bb ? ':53' : '#53'}\n\n`;
  if (r.status === 'TIMEOUT') return { stdout: `;; connection timed out; no servers could be reached\n\n`, stderr: '', exitCode: 1 };
  if (!r.answers.length) {
    const what = r.status === 'NXDOMAIN' ? 'NXDOMAIN' : 'No answer';
    const shown = bb ? name : (r.tried[r.tried.length - 1]?.name ?? name).replace(/\.$/, '');
    return { stdout: `${head}${r.status === 'NXDOMAIN' ? `** server can't find ${bb ? name : shown}: ${what}\n\n` : `*** Can't find ${name}: No answer\n\n`}`, stderr: '', exitCode: 1 };
  }
  let body = '';
  for (const a of r.answers) {
    const owner = a.name.replace(/\.$/, '');
    if (a.type === 'A') body += `Name:\t${owner}\nAddress: ${a.data}\n`;
    else if (a.type === 'CNAME') body += `${owner}\tcanonical name = ${a.data.replace(/\.$/, bb ? '' : '.')}\n`;
    else if (a.type === 'PTR') body += `${bb ? name.split('.').reverse().join('.') + '.in-addr.arpa' : owner}\tname = ${a.data}\n`;
    else if (a.type === 'SRV') body += `${owner}\tservice = ${a.data}\n`;
    else body += `${owner}\ttext = ${a.data}\n`;
  }
  return { stdout: `${head}${bb || type !== 'A' ? '' : ''}${body}\n`, stderr: '', exitCode: 0 };
};
