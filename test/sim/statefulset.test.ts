import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/shell/manifest.js';
import { Cluster, lookupImage, podDisplayStatus, type KubeObject, type Pod } from '../../src/sim/index.js';

const WEB = path.join(import.meta.dirname, '../../../shared/reference/k8s-examples/application/web/web.yaml');

/** The docs' web.yaml, with the image swapped for `image` when given (nginx-slim may be unknown to the simulator). */
function webObjects(image?: string): KubeObject[] {
  const text = readFileSync(WEB, 'utf8');
  return parseManifests(image ? text.replace('registry.k8s.io/nginx-slim:0.8', image) : text, 'web.yaml').objects;
}

function rows(c: Cluster): string[] {
  return c.list<Pod>('Pod', 'default').map((p) => `${p.metadata.name} ${podDisplayStatus(p)}`);
}

function sts(name: string, replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: { serviceName: 'nginx', replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }, ...extra },
  };
}

describe('StatefulSet controller', () => {
  it("brings up the docs' web.yaml in order: web-0 Running and Ready before web-1 is created", () => {
    const c = new Cluster();
    for (const o of webObjects('nginx')) c.apply(o);
    expect(rows(c)).toEqual(['web-0 ContainerCreating']);
    c.advance(1_000);
    expect(rows(c)).toEqual(['web-0 Running', 'web-1 ContainerCreating']);
    c.advance(1_000);
    expect(rows(c)).toEqual(['web-0 Running', 'web-1 Running']);
    const set = c.mustGet('StatefulSet', 'default', 'web');
    const rev = (set.status as { currentRevision: string }).currentRevision;
    expect(set.status).toEqual({ availableReplicas: 2, collisionCount: 0, currentReplicas: 2, currentRevision: rev, observedGeneration: 1, readyReplicas: 2, replicas: 2, updateRevision: rev, updatedReplicas: 2 });
    const p = c.mustGet<Pod>('Pod', 'default', 'web-1');
    expect({ hostname: p.spec.hostname, subdomain: p.spec.subdomain, labels: p.metadata.labels, volumes: p.spec.volumes }).toEqual({
      hostname: 'web-1',
      subdomain: 'nginx',
      labels: { app: 'nginx', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': rev, 'statefulset.kubernetes.io/pod-name': 'web-1' },
      volumes: [{ name: 'www', emptyDir: {} }],
    });
    const ep = c.mustGet('Endpoints', 'default', 'nginx') as unknown as { subsets: { addresses: { hostname?: string }[] }[] };
    expect(ep.subsets[0]!.addresses.map((a) => a.hostname)).toEqual(['web-0', 'web-1']);
    expect(c.eventsFor(set).map((e) => `${e.reason} ${e.message}`)).toEqual(['SuccessfulCreate create Pod web-0 in StatefulSet web successful', 'SuccessfulCreate create Pod web-1 in StatefulSet web successful']);
  });

  it("the docs' web.yaml as written: web-0 and web-1 Running when nginx-slim is known, else web-0 alone waits for its image", () => {
    const c = new Cluster();
    for (const o of webObjects()) c.apply(o);
    c.advance(10_000);
    const known = lookupImage('registry.k8s.io/nginx-slim:0.8') !== undefined;
    expect(rows(c)).toEqual(known ? ['web-0 Running', 'web-1 Running'] : ['web-0 ImagePullBackOff']);
  });

  it('recreates a deleted pod under the same name', () => {
    const c = new Cluster();
    c.apply(sts('db', 2));
    c.advance(6_000);
    const old = c.mustGet<Pod>('Pod', 'default', 'db-0').metadata.uid;
    c.delete('Pod', 'default', 'db-0');
    expect(rows(c)).toEqual(['db-0 ContainerCreating', 'db-1 Running']);
    expect(c.mustGet<Pod>('Pod', 'default', 'db-0').metadata.uid === old).toEqual(false);
    c.advance(2_000);
    expect(rows(c)).toEqual(['db-0 Running', 'db-1 Running']);
  });

  it('scales up in order and down from the highest ordinal, one at a time', () => {
    const c = new Cluster();
    c.apply(sts('db', 1));
    c.advance(2_000);
    c.apply(sts('db', 3));
    expect(rows(c)).toEqual(['db-0 Running', 'db-1 ContainerCreating']);
    c.advance(1_000);
    expect(rows(c)).toEqual(['db-0 Running', 'db-1 Running', 'db-2 ContainerCreating']);
    c.advance(1_000);
    expect(rows(c)).toEqual(['db-0 Running', 'db-1 Running', 'db-2 Running']);
    c.apply(sts('db', 1));
    expect(rows(c)).toEqual(['db-0 Running', 'db-1 Running', 'db-2 Terminating']);
    c.advance(1_000);
    expect(rows(c)).toEqual(['db-0 Running', 'db-1 Terminating']);
    c.advance(1_000);
    expect(rows(c)).toEqual(['db-0 Running']);
    expect((c.mustGet('StatefulSet', 'default', 'db').status as { replicas: number }).replicas).toEqual(1);
  });

  it('Parallel creates every pod at once', () => {
    const c = new Cluster();
    c.apply(sts('db', 3, { podManagementPolicy: 'Parallel' }));
    expect(rows(c)).toEqual(['db-0 ContainerCreating', 'db-1 ContainerCreating', 'db-2 ContainerCreating']);
  });
});
