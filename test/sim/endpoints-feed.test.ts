import { describe, expect, it } from 'vitest';
import { Cluster, type Endpoints, type KubeObject, type Pod } from '../../src/sim/index.js';

const WEB: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
};
const SVC: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } };

function addresses(c: Cluster): string[] {
  const ep = c.mustGet<Endpoints>('Endpoints', 'default', 'web');
  return (ep.subsets ?? []).flatMap((s) => [...(s.addresses ?? []).map((a) => `ready ${a.ip}`), ...(s.notReadyAddresses ?? []).map((a) => `notready ${a.ip}`)]);
}

describe('endpoints controller: incremental from the change feed', () => {
  it('follows pods created, relabelled and deleted, and keeps working after a snapshot restore', () => {
    const c = new Cluster();
    c.apply(SVC);
    c.apply(WEB);
    c.advance(2_000);
    expect(addresses(c)).toEqual(['ready 10.244.0.3', 'ready 10.244.0.4']);
    const snap = c.snapshot();
    const p = structuredClone(c.list<Pod>('Pod', 'default')[0]!);
    p.metadata.labels = { ...p.metadata.labels, app: 'debug' };
    c.update(p);
    expect(addresses(c)).toEqual(['ready 10.244.0.4', 'notready 10.244.0.5']);
    c.advance(2_000);
    expect(addresses(c)).toEqual(['ready 10.244.0.4', 'ready 10.244.0.5']);
    c.restore(snap);
    c.advance(1_000);
    expect(addresses(c)).toEqual(['ready 10.244.0.3', 'ready 10.244.0.4']);
    c.delete('Service', 'default', 'web');
    expect(c.get('Endpoints', 'default', 'web')).toEqual(undefined);
  });
});
