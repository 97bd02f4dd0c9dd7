// The simulator's scale benchmark (issue 3, "Performance"), run by `npm run bench` after the start-up figures, or on
// its own: `npx tsx scripts/bench-sim.ts [pods]`. Prints figures; nothing here is a timed test.
//
// The cluster: N pods (Deployments of 5 replicas), 300 Services and 100 NetworkPolicies across 20 namespaces, on
// enough nodes for the pods (110 per node, as the kubelet's default max-pods).
import os from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { Cluster, type KubeObject, type Pod } from '../src/sim/index.js';
import { httpRequest } from '../src/sim/network.js';
import { PolicyEngine, policyEndpointOfPod } from '../src/sim/netpol.js';
import { ShellSession } from '../src/shell/index.js';

const NAMESPACES = 20;
const SERVICES = 300;
const POLICIES = 100;
const REPLICAS = 5;

function manifests(pods: number): KubeObject[] {
  const out: KubeObject[] = [];
  for (let n = 0; n < NAMESPACES; n++) out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns${n}`, labels: { team: `t${n % 4}` } } });
  const deployments = Math.ceil(pods / REPLICAS);
  for (let d = 0; d < deployments; d++) {
    const ns = `ns${d % NAMESPACES}`;
    const app = `app${d}`;
    const replicas = Math.min(REPLICAS, pods - d * REPLICAS);
    out.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app, namespace: ns },
      spec: {
        replicas,
        selector: { matchLabels: { app } },
        template: { metadata: { labels: { app, tier: d % 3 === 0 ? 'web' : 'api' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] }] } },
      },
    });
  }
  for (let s = 0; s < SERVICES; s++) {
    const d = s % deployments;
    out.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `svc${s}`, namespace: `ns${d % NAMESPACES}` },
      spec: { selector: { app: `app${d}` }, ports: [{ port: 80, targetPort: 'http' }] },
    });
  }
  for (let p = 0; p < POLICIES; p++) {
    const ns = `ns${p % NAMESPACES}`;
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `np${p}`, namespace: ns },
      spec: {
        podSelector: { matchLabels: { tier: p % 2 ? 'web' : 'api' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: `t${p % 4}` } }, podSelector: { matchLabels: { tier: 'web' } } }], ports: [{ port: 80 }] }],
      },
    });
  }
  return out;
}

function build(pods: number): { cluster: Cluster; ms: number } {
  const t0 = performance.now();
  const cluster = new Cluster({ nodes: Math.ceil(pods / 100) + 1 });
  for (const o of manifests(pods)) cluster.apply(o);
  cluster.advance(4_000);
  return { cluster, ms: performance.now() - t0 };
}

function percentiles(xs: number[]): { p50: number; p90: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

/** Garbage-collection pauses, so a p99 can be told apart from a collector pause that landed in it. */
const gcPauses: { start: number; ms: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, ms: e.duration });
}).observe({ entryTypes: ['gc'] });

interface Timing {
  p50: number;
  p90: number;
  p99: number;
  /** The longest GC pause seen while measuring. */
  gcMax: number;
}

async function timeEach(n: number, f: (i: number) => void): Promise<Timing> {
  for (let i = 0; i < Math.min(20, n); i++) f(i);
  const xs: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f(i);
    xs.push(performance.now() - t0);
  }
  const end = performance.now();
  await new Promise((r) => setTimeout(r, 5)); // GC entries arrive on the event loop
  const pauses = gcPauses.filter((g) => g.start >= start && g.start <= end).map((g) => g.ms);
  return { ...percentiles(xs), gcMax: Math.max(0, ...pauses) };
}

const fmt = (ms: number): string => (ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`);
const line = (label: string, r: Timing, target?: string): void =>
  console.log(`  ${label.padEnd(44)} p50 ${fmt(r.p50).padStart(8)}  p90 ${fmt(r.p90).padStart(8)}  p99 ${fmt(r.p99).padStart(8)}${target ? ` (target ${target})` : ''}  longest GC pause ${fmt(r.gcMax)}`);

const size = Number(process.argv[2] ?? 1000);
console.log(`simulator (node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}): ${size} pods, ${SERVICES} Services, ${POLICIES} NetworkPolicies, ${NAMESPACES} namespaces`);
const { cluster: c, ms: buildMs } = build(size);
const running = c.list<Pod>('Pod').filter((p) => p.status.phase === 'Running' && !p.metadata.namespace?.startsWith('kube-')).length;
console.log(`  apply everything and start it               ${fmt(buildMs)}   (${running} pods Running)`);

const pods = c.list<Pod>('Pod').filter((p) => p.metadata.namespace?.startsWith('ns'));
line('cluster.list(Pod, ns3)', await timeEach(500, () => c.list('Pod', 'ns3')), '< 5 ms');
line('cluster.get(Pod)', await timeEach(500, (i) => c.get('Pod', pods[i % pods.length]!.metadata.namespace, pods[i % pods.length]!.metadata.name)), '< 5 ms');
line('cluster.apply(ConfigMap), changed each time', await timeEach(200, (i) => c.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'ns1' }, data: { n: String(i) } })), '< 5 ms');
line('cluster.apply(Service), unchanged', await timeEach(200, () => c.apply(manifests(size).find((o) => o.kind === 'Service')!)), '< 5 ms');
line('cluster.advance(2 s) (one command tick)', await timeEach(100, () => c.advance(2_000)), '< 5 ms');
line('httpRequest pod -> Service (by DNS name)', await timeEach(300, (i) => {
  const src = pods[(i * 7) % pods.length]!;
  const r = httpRequest(c, { type: 'pod', pod: src, container: 'web' }, `svc${i % SERVICES}.ns${(i % SERVICES) % NAMESPACES}`, 80, { method: 'GET', path: '/', host: 'x', headers: {} });
  if (!r.ok && r.failure.type === 'resolve') throw new Error(`unexpected DNS failure ${JSON.stringify(r.failure)}`);
}), '< 5 ms');
const sh = new ShellSession(c);
line("ShellSession.run('kubectl get pods -n ns3')", await timeEach(100, () => sh.run('kubectl get pods -n ns3')), '< 5 ms');

{
  const t0 = performance.now();
  const nsLabels = new Map(c.list('Namespace').map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
  const engine = new PolicyEngine(c.list('NetworkPolicy'), nsLabels);
  const eps = pods.map(policyEndpointOfPod);
  let allowed = 0;
  for (const a of eps) for (const b of eps) if (engine.allowed(a, b, 80, 'TCP')) allowed++;
  const ms = performance.now() - t0;
  console.log(`  reachability matrix, port 80 (${eps.length}x${eps.length} = ${(eps.length * eps.length).toLocaleString('en')} pairs)   ${fmt(ms)}   (${allowed.toLocaleString('en')} allowed; target < 1 s)`);
}

if (process.argv[2] === undefined) {
  console.log('  growth (apply everything and start it; advance 2 s; kubectl get pods -n ns3):');
  for (const n of [100, 1000, 5000]) {
    const b = build(n);
    const tick = await timeEach(20, () => b.cluster.advance(2_000));
    const shell = new ShellSession(b.cluster);
    const get = await timeEach(20, () => shell.run('kubectl get pods -n ns3'));
    console.log(`    ${String(n).padStart(5)} pods   build ${fmt(b.ms).padStart(9)}   (${(b.ms / n).toFixed(2)} ms/pod)   tick p50 ${fmt(tick.p50)}   get p50 ${fmt(get.p50)}`);
  }
}
