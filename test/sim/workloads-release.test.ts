import { describe, expect, it } from 'vitest';
import { Cluster, podDisplayStatus, type KubeObject, type Pod } from '../../src/sim/index.js';

const WEB: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
};

/** `app owner status` per pod, sorted. */
function pods(c: Cluster): string[] {
  return c
    .list<Pod>('Pod', 'default')
    .map((p) => `${p.metadata.labels?.app} ${p.metadata.ownerReferences?.[0]?.kind ?? 'none'} ${podDisplayStatus(p)}`)
    .sort();
}

describe('ReplicaSet: a relabelled pod is released', () => {
  it('kubectl label pod <web pod> app=debug --overwrite: the pod is orphaned and keeps running, a replacement with app=web starts', () => {
    const c = new Cluster();
    c.apply(WEB);
    c.advance(2_000);
    const victim = structuredClone(c.list<Pod>('Pod', 'default')[0]!);
    victim.metadata.labels = { ...victim.metadata.labels, app: 'debug' };
    c.update(victim);
    expect(pods(c)).toEqual(['debug none Running', 'web ReplicaSet ContainerCreating', 'web ReplicaSet Running']);
    c.advance(2_000);
    expect(pods(c)).toEqual(['debug none Running', 'web ReplicaSet Running', 'web ReplicaSet Running']);
    const rs = c.list('ReplicaSet', 'default')[0]!;
    expect((rs.status as { replicas: number }).replicas).toEqual(2);
  });

  it('relabelled back, the orphan is adopted again and the surplus pod removed', () => {
    const c = new Cluster();
    c.apply(WEB);
    c.advance(2_000);
    const victim = structuredClone(c.list<Pod>('Pod', 'default')[0]!);
    victim.metadata.labels = { ...victim.metadata.labels, app: 'debug' };
    c.update(victim);
    c.advance(2_000);
    const back = structuredClone(c.mustGet<Pod>('Pod', 'default', victim.metadata.name));
    back.metadata.labels = { ...back.metadata.labels, app: 'web' };
    c.update(back);
    c.advance(2_000);
    expect(pods(c)).toEqual(['web ReplicaSet Running', 'web ReplicaSet Running']);
  });
});
