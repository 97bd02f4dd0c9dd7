/**
 * Cluster DNS: the record forms of the Kubernetes DNS specification, the pod's search list and ndots:5, cross-
 * namespace names, and CoreDNS scaled to zero.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/cluster.js';
import { answerFor, candidateNames, lookupHost, parseResolvConf, podResolvConf, resolve } from '../../src/sim/dns.js';
import type { Deployment, KubeObject, Pod, Service } from '../../src/sim/types.js';

const pod = (name: string, labels: Record<string, string>, extra: Record<string, unknown> = {}, ns = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels },
  spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }], ...extra },
});
const svc = (name: string, spec: Record<string, unknown>, ns = 'default'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec });

function cluster(): { c: Cluster; client: Pod; web: Service; ips: Record<string, string> } {
  const c = new Cluster();
  c.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
  c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });
  c.create(pod('web-1', { app: 'web' }));
  c.create(pod('db-a', { app: 'db' }, { hostname: 'db-0', subdomain: 'db' }));
  c.create(pod('db-b', { app: 'db' }));
  c.create(pod('api', { app: 'api' }, {}, 'other'));
  const web = c.create<Service>(svc('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }, { name: 'metrics', port: 9090, protocol: 'TCP' }] }));
  c.create(svc('plain', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
  c.create(svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'http', port: 80 }] }));
  c.create(svc('empty', { clusterIP: 'None', selector: { app: 'nobody' } }));
  c.create(svc('ext', { type: 'ExternalName', externalName: 'db.example.com' }));
  c.create(svc('alias', { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' }));
  c.create(svc('api', { selector: { app: 'api' }, ports: [{ port: 8080 }] }, 'other'));
  c.advance(5000);
  const ips: Record<string, string> = {};
  for (const p of c.list<Pod>('Pod')) if (p.status.podIP) ips[p.metadata.name] = p.status.podIP;
  return { c, client: c.get<Pod>('Pod', 'default', 'client')!, web, ips };
}

const a = (name: string, ip: string): { name: string; type: 'A'; ttl: number; data: string } => ({ name, type: 'A', ttl: 30, data: ip });

describe('resolv.conf', () => {
  it('ClusterFirst: namespace search list, kube-dns, ndots:5', () => {
    const { c, client } = cluster();
    expect(podResolvConf(c, client)).toEqual({ nameservers: ['10.96.0.10'], search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 });
  });

  it('ndots decides whether the search list comes first', () => {
    const conf = parseResolvConf('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(candidateNames('web', conf)).toEqual(['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    expect(candidateNames('a.b.c.d.e.f', conf)).toEqual(['a.b.c.d.e.f', 'a.b.c.d.e.f.default.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local']);
    expect(candidateNames('web.default.svc.cluster.local.', conf)).toEqual(['web.default.svc.cluster.local']);
  });
});

describe('Service records', () => {
  it('a short name resolves in the pod namespace, trying the search list in order', () => {
    const { c, client, web } = cluster();
    expect(resolve(c, client, 'web')).toEqual({
      status: 'NOERROR',
      query: 'web',
      type: 'A',
      server: '10.96.0.10',
      tried: [{ name: 'web.default.svc.cluster.local.', rcode: 'NOERROR' }],
      name: 'web.default.svc.cluster.local.',
      answers: [a('web.default.svc.cluster.local.', web.spec.clusterIP!)],
      authoritative: true,
    });
  });

  it('another namespace needs <svc>.<ns>; kubernetes.default is the API server', () => {
    const { c, client } = cluster();
    const api = c.get<Service>('Service', 'other', 'api')!.spec.clusterIP!;
    expect(resolve(c, client, 'api').status).toBe('NXDOMAIN');
    const r = resolve(c, client, 'api.other');
    expect([r.tried, r.answers]).toEqual([
      [
        { name: 'api.other.default.svc.cluster.local.', rcode: 'NXDOMAIN' },
        { name: 'api.other.svc.cluster.local.', rcode: 'NOERROR' },
      ],
      [a('api.other.svc.cluster.local.', api)],
    ]);
    expect(resolve(c, client, 'kubernetes.default').answers).toEqual([a('kubernetes.default.svc.cluster.local.', '10.96.0.1')]);
    expect(resolve(c, client, 'kube-dns.kube-system.svc.cluster.local').answers).toEqual([a('kube-dns.kube-system.svc.cluster.local.', '10.96.0.10')]);
  });

  it('an unknown name is NXDOMAIN after every search domain and the name itself', () => {
    const { c, client } = cluster();
    expect(resolve(c, client, 'nope')).toEqual({
      status: 'NXDOMAIN',
      query: 'nope',
      type: 'A',
      server: '10.96.0.10',
      tried: [
        { name: 'nope.default.svc.cluster.local.', rcode: 'NXDOMAIN' },
        { name: 'nope.svc.cluster.local.', rcode: 'NXDOMAIN' },
        { name: 'nope.cluster.local.', rcode: 'NXDOMAIN' },
        { name: 'nope.', rcode: 'NXDOMAIN' },
      ],
      answers: [],
      authority: [{ name: '.', type: 'SOA', ttl: 30, data: `a.root-servers.net. nstld.verisign-grs.com. ${new Date(c.now()).toISOString().slice(0, 10).replace(/-/g, '')}00 1800 900 604800 86400` }],
      authoritative: false,
    });
  });

  it('CoreDNS answers cluster names itself (the cluster SOA on a denial); a name it forwards upstream is denied by the root zone', () => {
    const { c, client } = cluster();
    const zone = { name: 'cluster.local.', type: 'SOA', ttl: 30, data: 'ns.dns.cluster.local. hostmaster.cluster.local. 1735732800 7200 1800 86400 30' };
    const root = { name: '.', type: 'SOA', ttl: 30, data: 'a.root-servers.net. nstld.verisign-grs.com. 2025010100 1800 900 604800 86400' };
    const seen = (name: string, type: 'A' | 'TXT' | 'SOA' = 'A'): unknown => {
      const r = resolve(c, client, name, type);
      return [r.status, r.tried.map((t) => t.name), r.answers, r.authority, r.authoritative];
    };
    expect(seen('web.')).toEqual(['NXDOMAIN', ['web.'], [], [root], false]);
    expect(seen('nope.default.svc.cluster.local.')).toEqual(['NXDOMAIN', ['nope.default.svc.cluster.local.'], [], [zone], true]);
    expect(seen('plain.default.svc.cluster.local.', 'TXT')).toEqual(['NOERROR', ['plain.default.svc.cluster.local.'], [], [zone], true]);
    expect(seen('cluster.local.', 'SOA')).toEqual(['NOERROR', ['cluster.local.'], [zone], undefined, true]);
  });

  it('headless: one A per ready endpoint, hostnames, dashed-IP names; no endpoints is NXDOMAIN', () => {
    const { c, client, ips } = cluster();
    expect(resolve(c, client, 'db').answers).toEqual([ips['db-a']!, ips['db-b']!].sort().map((ip) => a('db.default.svc.cluster.local.', ip)));
    expect(resolve(c, client, 'db-0.db').answers).toEqual([a('db-0.db.default.svc.cluster.local.', ips['db-a']!)]);
    const dashed = `${ips['db-b']!.replace(/\./g, '-')}.db.default.svc.cluster.local`;
    expect(resolve(c, client, dashed).answers).toEqual([a(`${dashed}.`, ips['db-b']!)]);
    expect(answerFor(c, 'empty.default.svc.cluster.local', 'A')).toEqual({ rcode: 'NXDOMAIN', answers: [] });
  });

  it('ExternalName is a CNAME (chased when the target is a cluster name)', () => {
    const { c, client, web } = cluster();
    expect(resolve(c, client, 'ext').answers).toEqual([{ name: 'ext.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'db.example.com.' }]);
    expect(resolve(c, client, 'alias').answers).toEqual([
      { name: 'alias.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'web.default.svc.cluster.local.' },
      a('web.default.svc.cluster.local.', web.spec.clusterIP!),
    ]);
  });

  it('SRV for named ports only, per endpoint for headless Services', () => {
    const { c, client, ips } = cluster();
    expect(resolve(c, client, '_http._tcp.web.default.svc.cluster.local', 'SRV').answers).toEqual([
      { name: '_http._tcp.web.default.svc.cluster.local.', type: 'SRV', ttl: 30, data: '0 100 80 web.default.svc.cluster.local.' },
    ]);
    expect(answerFor(c, '_http._udp.web.default.svc.cluster.local', 'SRV').rcode).toBe('NXDOMAIN');
    expect(answerFor(c, '__._tcp.plain.default.svc.cluster.local', 'SRV').rcode).toBe('NXDOMAIN');
    const dashed = ips['db-b']!.replace(/\./g, '-');
    const records = resolve(c, client, '_http._tcp.db', 'SRV').answers.map((r) => r.data);
    expect(records.sort()).toEqual([`0 50 80 ${dashed}.db.default.svc.cluster.local.`, '0 50 80 db-0.db.default.svc.cluster.local.'].sort());
  });

  it('PTR for Service IPs and headless endpoints; the schema version', () => {
    const { c, client, web, ips } = cluster();
    const [o1, o2, o3, o4] = web.spec.clusterIP!.split('.');
    expect(resolve(c, client, web.spec.clusterIP!, 'PTR').answers).toEqual([{ name: `${o4}.${o3}.${o2}.${o1}.in-addr.arpa.`, type: 'PTR', ttl: 30, data: 'web.default.svc.cluster.local.' }]);
    expect(resolve(c, client, '10.96.0.1', 'PTR').answers).toEqual([{ name: '1.0.96.10.in-addr.arpa.', type: 'PTR', ttl: 30, data: 'kubernetes.default.svc.cluster.local.' }]);
    expect(resolve(c, client, ips['db-a']!, 'PTR').answers.map((r) => r.data)).toEqual(['db-0.db.default.svc.cluster.local.']);
    expect(answerFor(c, 'dns-version.cluster.local', 'TXT').answers).toEqual([{ name: 'dns-version.cluster.local.', type: 'TXT', ttl: 30, data: '"1.1.0"' }]);
  });
});

describe('pod records', () => {
  it('a-b-c-d.<ns>.pod.cluster.local answers the IP it names (pods insecure)', () => {
    const { c, client, ips } = cluster();
    const name = `${ips['web-1']!.replace(/\./g, '-')}.default.pod.cluster.local`;
    expect(resolve(c, client, name).answers).toEqual([a(`${name}.`, ips['web-1']!)]);
    expect(answerFor(c, '10-244-0-99.nosuchns.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(answerFor(c, 'not-an-ip.default.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });

  it('names are case-insensitive', () => {
    const { c, client, web } = cluster();
    expect(resolve(c, client, 'WEB.Default.SVC.cluster.local').answers).toEqual([a('web.default.svc.cluster.local.', web.spec.clusterIP!)]);
  });
});

describe('lookupHost (getaddrinfo)', () => {
  it('reads /etc/hosts first: the pod hostname and localhost', () => {
    const { c, client, ips } = cluster();
    expect(lookupHost(c, client, 'client')).toEqual({ ok: true, ips: [ips['client']] });
    expect(lookupHost(c, client, 'localhost')).toEqual({ ok: true, ips: ['127.0.0.1'] });
  });

  it('an ExternalName outside the cluster does not resolve to an address', () => {
    const { c, client } = cluster();
    const r = lookupHost(c, client, 'ext');
    expect(r.ok ? 'resolved' : r.reason).toBe('nxdomain');
  });

  it('dnsPolicy Default uses the node resolver: cluster names do not resolve', () => {
    const { c } = cluster();
    c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hostdns' }, spec: { dnsPolicy: 'Default', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });
    c.advance(3000);
    const r = resolve(c, c.get<Pod>('Pod', 'default', 'hostdns')!, 'web');
    expect([r.server, r.status, r.tried]).toEqual(['192.168.49.1', 'NXDOMAIN', [{ name: 'web.', rcode: 'NXDOMAIN' }]]);
  });
});

describe('CoreDNS availability', () => {
  it('with CoreDNS scaled to zero every lookup times out, and comes back when it is scaled up', () => {
    const { c, client, web } = cluster();
    const scale = (n: number): void => {
      const d = structuredClone(c.get<Deployment>('Deployment', 'kube-system', 'coredns')!);
      d.spec.replicas = n;
      c.update(d);
      c.advance(10_000);
    };
    scale(0);
    expect(resolve(c, client, 'web')).toEqual({
      status: 'TIMEOUT',
      query: 'web',
      type: 'A',
      server: '10.96.0.10',
      tried: [{ name: 'web.default.svc.cluster.local.', rcode: 'TIMEOUT' }],
      answers: [],
    });
    scale(1);
    expect(resolve(c, client, 'web').answers).toEqual([a('web.default.svc.cluster.local.', web.spec.clusterIP!)]);
  });
});
