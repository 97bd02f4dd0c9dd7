/**
 * Replays the upstream NetworkPolicy e2e corpus (../shared/reference/netpol-e2e, see its README) through a real
 * simulated Cluster: namespaces x, y, z, the test's pods with their named container ports, policies applied with
 * `cluster.apply`, label updates and deletions, then the whole reachability matrix per step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ipaddr from 'ipaddr.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Cluster } from '../../src/sim/cluster.js';
import { networkPolicyAllows, networkPolicyVerdict } from '../../src/sim/netpol.js';
import type { KubeObject, Namespace, Pod, Protocol } from '../../src/sim/types.js';

const DIR = join(import.meta.dirname, '../../../shared/reference/netpol-e2e');

interface Action {
  apply?: string;
  label?: { namespace: string; labels: Record<string, string> };
  labelPod?: { pod: string; labels: Record<string, string> };
  delete?: { namespace: string; name: string };
  deleteAll?: { namespace: string };
}

interface Step {
  do: Action[];
  probe: { port: number; protocol: Protocol };
  expect: string;
}

interface CorpusFile {
  name: string;
  pods: string[];
  ports: number[];
  protocols: Protocol[];
  steps: Step[];
}

const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml') && f !== '00-index.yaml')
  .sort();

const policyAssistant = (file: string): boolean => file.startsWith('pa-');

function setup(file: string, spec: CorpusFile): Cluster {
  const c = new Cluster();
  const namespaces = policyAssistant(file) ? [...new Set(spec.pods.map((p) => p.split('/')[0]!))] : ['x', 'y', 'z'];
  for (const ns of namespaces) {
    c.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: policyAssistant(file) ? { ns } : {} } });
  }
  for (const id of spec.pods) {
    const [namespace, name] = id.split('/') as [string, string];
    const ports = spec.protocols.flatMap((protocol) =>
      spec.ports.map((port) => ({ name: `serve-${port}-${protocol.toLowerCase()}`, containerPort: port, protocol })),
    );
    c.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels: { pod: name } },
      spec: { containers: [{ name: 'cont', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['pause'], ports }] },
    });
  }
  return c;
}

function pod(c: Cluster, id: string): Pod {
  const [ns, name] = id.split('/') as [string, string];
  return c.mustGet<Pod>('Pod', ns, name);
}

/** Fills `{{ip ns/pod}}/bits`: the pod's IP with that mask, the network written canonically. */
function fillPlaceholders(c: Cluster, text: string): string {
  return text.replace(/\{\{ip ([a-z]+\/[a-z]+)\}\}\/(\d+)/g, (_, id: string, bits: string) => {
    const ip = pod(c, id).status.podIP!;
    return `${ipaddr.IPv4.networkAddressFromCIDR(`${ip}/${bits}`).toString()}/${bits}`;
  });
}

function run(c: Cluster, a: Action): void {
  if (a.apply) c.apply(parse(fillPlaceholders(c, a.apply)) as KubeObject);
  if (a.label) {
    const ns = structuredClone(c.mustGet<Namespace>('Namespace', undefined, a.label.namespace));
    ns.metadata.labels = { ...ns.metadata.labels, ...a.label.labels };
    c.update(ns);
  }
  if (a.labelPod) {
    const p = structuredClone(pod(c, a.labelPod.pod));
    p.metadata.labels = { ...p.metadata.labels, ...a.labelPod.labels };
    c.update(p);
  }
  if (a.delete) c.delete('NetworkPolicy', a.delete.namespace, a.delete.name);
  if (a.deleteAll) for (const np of c.list('NetworkPolicy', a.deleteAll.namespace)) c.delete('NetworkPolicy', a.deleteAll.namespace, np.metadata.name);
}

/** The matrix in the corpus's layout, one space between cells. */
function normalize(text: string): string[] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).join(' '));
}

type Judge = (c: Cluster, from: Pod, to: Pod, port: number, protocol: Protocol) => boolean;

const fast: Judge = networkPolicyAllows;
const explained: Judge = (c, from, to, port, protocol) => networkPolicyVerdict(c, from, to, port, protocol).allowed;

function render(c: Cluster, pods: string[], port: number, protocol: Protocol, judge: Judge): string[] {
  const header = ['from\\to', ...pods].join(' ');
  const rows = pods.map((from) =>
    [from, ...pods.map((to) => (from === to ? '-' : judge(c, pod(c, from), pod(c, to), port, protocol) ? '.' : 'X'))].join(' '),
  );
  return [header, ...rows];
}

let cells = 0;
let passed = 0;
let steps = 0;

for (const file of FILES) {
  const spec = parse(readFileSync(join(DIR, file), 'utf8')) as CorpusFile;
  describe(`${file}: ${spec.name}`, () => {
    let c: Cluster;
    beforeAll(() => {
      c = setup(file, spec);
    });
    spec.steps.forEach((step, i) => {
      it(`step ${i + 1}: ${step.probe.protocol}/${step.probe.port}`, () => {
        for (const a of step.do) run(c, a);
        const want = normalize(step.expect);
        const got = render(c, spec.pods, step.probe.port, step.probe.protocol, fast);
        steps++;
        want.slice(1).forEach((row, r) => {
          row
            .split(' ')
            .slice(1)
            .forEach((cell, k) => {
              if (cell === '-') return;
              cells++;
              if (got[r + 1]?.split(' ')[k + 1] === cell) passed++;
            });
        });
        expect(got).toEqual(want);
        // The verdict with reasons must agree with the fast boolean path on every cell.
        expect(render(c, spec.pods, step.probe.port, step.probe.protocol, explained)).toEqual(got);
      });
    });
  });
}

describe('netpol-e2e corpus totals', () => {
  it('ran all 50 files, 70 steps and 556 cells (loopback excluded), every cell matching', () => {
    expect({ files: FILES.length, steps, cells, passed }).toEqual({ files: 50, steps: 70, cells: 556, passed: 556 });
  });
});
