import { describe, expect, it } from 'vitest';
import { Cluster, podDisplayStatus, type KubeObject, type Node, type Pod } from '../../src/sim/index.js';

function ds(nodeSelector?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'nginx' }], ...(nodeSelector ? { nodeSelector } : {}) } } },
  };
}

function placement(c: Cluster): string[] {
  return c.list<Pod>('Pod', 'default').map((p) => `${p.spec.nodeName} ${podDisplayStatus(p)} ${/^agent-[a-z0-9]{5}$/.test(p.metadata.name)}`).sort();
}

describe('DaemonSet controller', () => {
  it('runs one pod per node, named <ds>-<5 random>, and reports desired/current/ready', () => {
    const c = new Cluster({ nodes: 3 });
    c.apply(ds());
    c.advance(2_000);
    expect(placement(c)).toEqual(['minikube Running true', 'minikube-m02 Running true', 'minikube-m03 Running true']);
    const set = c.mustGet('DaemonSet', 'default', 'agent');
    expect(set.status).toEqual({ currentNumberScheduled: 3, desiredNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0, numberReady: 3, observedGeneration: 1, updatedNumberScheduled: 3 });
    const p = c.list<Pod>('Pod', 'default')[0]!;
    expect(c.eventsFor(p).map((e) => e.reason).slice(0, 2)).toEqual(['Scheduled', 'Pulling']);
  });

  it('respects the nodeSelector, and follows a node label change', () => {
    const c = new Cluster({ nodes: 3 });
    c.apply(ds({ disk: 'ssd' }));
    expect(placement(c)).toEqual([]);
    expect(c.mustGet('DaemonSet', 'default', 'agent').status).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, observedGeneration: 1 });
    const n = structuredClone(c.mustGet<Node>('Node', undefined, 'minikube-m02'));
    n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' };
    c.update(n);
    c.advance(2_000);
    expect(placement(c)).toEqual(['minikube-m02 Running true']);
  });

  it('replaces a deleted pod on the same node under a new name', () => {
    const c = new Cluster({ nodes: 2 });
    c.apply(ds());
    c.advance(2_000);
    const first = c.list<Pod>('Pod', 'default').find((p) => p.spec.nodeName === 'minikube')!;
    c.delete('Pod', 'default', first.metadata.name);
    const again = c.list<Pod>('Pod', 'default').find((p) => p.spec.nodeName === 'minikube')!;
    expect(again.metadata.name === first.metadata.name).toEqual(false);
    expect(placement(c)).toEqual(['minikube ContainerCreating true', 'minikube-m02 Running true']);
  });
});
