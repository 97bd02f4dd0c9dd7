import { describe, expect, it } from 'vitest';
import { Cluster, type KubeObject, type Node, type Pod } from '../../src/sim/index.js';
import { createPod } from './lifecycle.helpers.js';

function deployment(name: string, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'nginx' }] } } },
  };
}

/** Node → how many of the app's pods run there. */
function spread(c: Cluster, app: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of c.list<Pod>('Pod', 'default')) if (p.metadata.labels?.app === app) out[p.spec.nodeName ?? '-'] = (out[p.spec.nodeName ?? '-'] ?? 0) + 1;
  return out;
}

describe('scheduler: spreading and back-off', () => {
  it("spreads a Deployment's replicas across nodes even when one node holds more other pods", () => {
    const c = new Cluster({ nodes: 3 });
    for (let i = 0; i < 4; i++) createPod(c, `other-${i}`, [{ name: 'o', image: 'nginx' }], { nodeName: 'minikube-m02' });
    c.apply(deployment('web', 3));
    expect(spread(c, 'web')).toEqual({ minikube: 1, 'minikube-m02': 1, 'minikube-m03': 1 });
    c.apply(deployment('web', 6));
    expect(spread(c, 'web')).toEqual({ minikube: 2, 'minikube-m02': 2, 'minikube-m03': 2 });
  });

  it('retries an unschedulable pod with back-off (about once a minute later on), and at once when a node changes', () => {
    const c = new Cluster();
    const p = createPod(c, 'nowhere', [{ name: 'n', image: 'nginx' }], { nodeSelector: { disk: 'ssd' } });
    const count = (): number => c.eventsFor(p).find((e) => e.reason === 'FailedScheduling')?.count ?? 0;
    const counts: number[] = [];
    for (const ms of [10_000, 60_000, 120_000, 120_000]) {
      c.advance(ms);
      counts.push(count());
    }
    expect(counts).toEqual([2, 4, 6, 8]); // at 0, 5, 15, 35, 75 s, then every 60 s
    const n = structuredClone(c.mustGet<Node>('Node', undefined, 'minikube'));
    n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' };
    c.update(n);
    expect(c.mustGet<Pod>('Pod', 'default', 'nowhere').spec.nodeName).toEqual('minikube');
  });
});
