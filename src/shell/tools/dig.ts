/**
 * `dig [@SERVER] NAME [TYPE] [+short] [+search]` (bind 9.18): like the real dig it asks for NAME as typed (a
 * relative name is made absolute, no search list) unless `+search` is given.
 */
import type { DnsType } from '../../sim/dns.js';
import type { CommandFn } from '../types.js';
import { dnsQuery } from './net.js';

const TYPES = ['A', 'SRV', 'PTR', 'TXT', 'CNAME'];

function when(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export const dig: CommandFn = (ctx) => {
  let short = false;
  let search = false;
  let type: DnsType = 'A';
  let reverse: string | undefined;
  let name: string | undefined;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h' || a === '--help') return { stdout: 'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n', stderr: '', exitCode: 0 };
    if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a.startsWith('+')) continue;
    else if (a.startsWith('@')) continue;
    else if (a === '-x') reverse = args[++i];
    else if (a === '-t') type = (args[++i] ?? 'A').toUpperCase() as DnsType;
    else if (a.startsWith('-')) return { stdout: '', stderr: `Invalid option: ${a}\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n`, exitCode: 1 };
    else if (TYPES.includes(a.toUpperCase()) && name !== undefined) type = a.toUpperCase() as DnsType;
    else if (a.toUpperCase() === 'IN') continue;
    else name = a;
  }
  if (reverse !== undefined) {
    name = reverse;
    type = 'PTR';
  }
  if (!TYPES.includes(type)) return { stdout: '', stderr: `dig: '${type}' is not supported in this sandbox (A, SRV, PTR, TXT, CNAME)\n`, exitCode: 1 };
  const qname = name ?? '.';
  const asked = type === 'PTR' && /^\d{1,3}(\.\d{1,3}){3}$/.test(qname) ? qname : search || qname.endsWith('.') ? qname : `${qname}.`;
  const r = dnsQuery(ctx, asked, type);
  const server = r.server;
  if (r.status === 'TIMEOUT') {
    return { stdout: `;; communications error to ${server}#53: timed out\n;; communications error to ${server}#53: timed out\n;; communications error to ${server}#53: timed out\n\n; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> ${args.join(' ')}\n;; global options: +cmd\n;; no servers could be reached\n`, stderr: '', exitCode: 9 };
  }
  if (short) return { stdout: r.answers.map((a) => `${a.data}\n`).join(''), stderr: '', exitCode: 0 };
  const fqdn = r.name ?? r.tried[r.tried.length - 1]?.name ?? `${qname}.`;
  const status = r.answers.length ? 'NOERROR' : r.status;
  const answer = r.answers.length ? `;; ANSWER SECTION:\n${r.answers.map((a) => `${a.name}\t\t${a.ttl}\tIN\t${a.type}\t${a.data}\n`).join('')}\n` : '';
  const authority = r.answers.length ? '' : `;; AUTHORITY SECTION:\n${ctx.cluster.options.clusterDomain}.\t\t30\tIN\tSOA\tns.dns.${ctx.cluster.options.clusterDomain}. hostmaster.${ctx.cluster.options.clusterDomain}. 1735732800 7200 1800 86400 30\n\n`;
  const out =
    `\n; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> ${args.join(' ')}\n;; global options: +cmd\n;; Got answer:\n` +
    `;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${10000 + (ctx.cluster.now() % 50000)}\n` +
    `;; flags: qr aa rd; QUERY: 1, ANSWER: ${r.answers.length}, AUTHORITY: ${r.answers.length ? 0 : 1}, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n\n` +
    `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n;${fqdn}\t\t\tIN\t${type}\n\n${answer}${authority}` +
    `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${when(ctx.cluster.now())}\n;; MSG SIZE  rcvd: ${60 + 16 * r.answers.length}\n\n`;
  return { stdout: out, stderr: '', exitCode: 0 };
};
