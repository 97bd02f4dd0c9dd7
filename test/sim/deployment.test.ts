import { describe, expect, it } from 'vitest';
import { Cluster, podDisplayStatus, type Deployment, type KubeObject, type Pod, type ReplicaSet } from '../../src/sim/index.js';
import { events } from './lifecycle.helpers.js';

const NAME = /^[bcdfghjklmnpqrstvwxz2456789]+$/;

function deployment(image: string, extra: Partial<Deployment['spec']> = {}, cause?: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', ...(cause ? { annotations: { 'kubernetes.io/change-cause': cause } } : {}) },
    spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } }, ...extra },
  };
}

/** `revision image spec/ready` per ReplicaSet, newest revision first. */
function sets(c: Cluster): string[] {
  return c
    .list<ReplicaSet>('ReplicaSet', 'default')
    .sort((a, b) => Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']))
    .map((r) => `${r.metadata.annotations?.['deployment.kubernetes.io/revision']} ${r.spec.template.spec.containers[0]!.image} ${r.spec.replicas}/${r.status.readyReplicas ?? 0}`);
}

function progressing(c: Cluster): string {
  const cond = c.get<Deployment>('Deployment', 'default', 'web')!.status.conditions?.find((x) => x.type === 'Progressing');
  return `${cond?.status} ${cond?.reason}: ${cond?.message}`;
}

describe('Deployment', () => {
  it('names ReplicaSets and pods in Kubernetes\' format and records the first revision', () => {
    const c = new Cluster();
    c.apply(deployment('nginx:1.26', {}, 'first'));
    c.advance(2_000);
    const [rs] = c.list<ReplicaSet>('ReplicaSet', 'default');
    const hash = rs!.metadata.labels!['pod-template-hash']!;
    expect([hash.length >= 9 && hash.length <= 10, NAME.test(hash), rs!.metadata.name]).toEqual([true, true, `web-${hash}`]);
    expect(rs!.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'first',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
      'deployment.kubernetes.io/revision': '1',
    });
    const pods = c.list<Pod>('Pod', 'default');
    expect(pods.map((p) => p.metadata.name.slice(0, -6) === rs!.metadata.name && NAME.test(p.metadata.name.slice(-5)))).toEqual([true, true, true, true]);
    expect(c.get('Deployment', 'default', 'web')!.metadata.annotations).toEqual({ 'kubernetes.io/change-cause': 'first', 'deployment.kubernetes.io/revision': '1' });
    expect(c.get<Deployment>('Deployment', 'default', 'web')!.status).toEqual({
      observedGeneration: 1,
      replicas: 4,
      updatedReplicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: '2025-01-01T12:21:01Z', lastTransitionTime: '2025-01-01T12:21:01Z' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs!.metadata.name}" has successfully progressed.`, lastUpdateTime: '2025-01-01T12:21:01Z', lastTransitionTime: '2025-01-01T12:21:00Z' },
      ],
    });
    expect(c.apply(deployment('nginx:1.26', {}, 'first')).action).toBe('unchanged');
  });

  it('rolls a template change over in maxSurge/maxUnavailable steps', () => {
    const c = new Cluster();
    c.apply(deployment('nginx:1.26', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    c.advance(2_000);
    c.apply(deployment('nginx:1.27', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    const steps = [sets(c).join(', ')];
    for (let i = 0; i < 5; i++) {
      c.advance(1_000);
      steps.push(sets(c).join(', '));
    }
    expect(steps).toEqual([
      '2 nginx:1.27 1/0, 1 nginx:1.26 4/4',
      '2 nginx:1.27 2/1, 1 nginx:1.26 3/3',
      '2 nginx:1.27 3/2, 1 nginx:1.26 2/2',
      '2 nginx:1.27 4/3, 1 nginx:1.26 1/1',
      '2 nginx:1.27 4/4, 1 nginx:1.26 0/0',
      '2 nginx:1.27 4/4, 1 nginx:1.26 0/0',
    ]);
    const rs = c.list<ReplicaSet>('ReplicaSet', 'default').map((r) => r.metadata.name);
    expect(events(c, c.get('Deployment', 'default', 'web')!)).toEqual([
      `Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${rs[1]} from 0 to 4`,
      `Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${rs[0]} from 0 to 1`,
      `Normal ScalingReplicaSet deployment-controller: Scaled down replica set ${rs[1]} from 4 to 3`,
      `Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${rs[0]} from 1 to 2`,
      `Normal ScalingReplicaSet deployment-controller: Scaled down replica set ${rs[1]} from 3 to 2`,
      `Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${rs[0]} from 2 to 3`,
      `Normal ScalingReplicaSet deployment-controller: Scaled down replica set ${rs[1]} from 2 to 1`,
      `Normal ScalingReplicaSet deployment-controller: Scaled up replica set ${rs[0]} from 3 to 4`,
      `Normal ScalingReplicaSet deployment-controller: Scaled down replica set ${rs[1]} from 1 to 0`,
    ]);
  });

  it('Recreate stops every old pod (Terminating) before starting new ones', () => {
    const c = new Cluster();
    c.apply(deployment('nginx:1.26', { strategy: { type: 'Recreate' } }));
    c.advance(2_000);
    c.apply(deployment('nginx:1.27', { strategy: { type: 'Recreate' } }));
    const pods = (): string => c.list<Pod>('Pod', 'default').map((p) => `${p.spec.containers[0]!.image}:${podDisplayStatus(p)}`).join(' ');
    const seen = [pods()];
    c.advance(1_000);
    seen.push(pods());
    c.advance(1_000);
    seen.push(pods());
    expect([seen, sets(c)]).toEqual([
      ['nginx:1.26:Terminating nginx:1.26:Terminating nginx:1.26:Terminating nginx:1.26:Terminating', 'nginx:1.27:ContainerCreating nginx:1.27:ContainerCreating nginx:1.27:ContainerCreating nginx:1.27:ContainerCreating', 'nginx:1.27:Running nginx:1.27:Running nginx:1.27:Running nginx:1.27:Running'],
      ['2 nginx:1.27 4/4', '1 nginx:1.26 0/0'],
    ]);
  });

  it('a rollout to a bad image keeps old pods serving and times out after progressDeadlineSeconds', () => {
    const c = new Cluster();
    c.apply(deployment('nginx:1.26', { progressDeadlineSeconds: 60 }));
    c.advance(2_000);
    c.apply(deployment('nginx:nope', { progressDeadlineSeconds: 60 }));
    c.advance(10_000);
    const rs = c.list<ReplicaSet>('ReplicaSet', 'default').find((r) => r.spec.template.spec.containers[0]!.image === 'nginx:nope')!;
    expect([sets(c), progressing(c)]).toEqual([['2 nginx:nope 2/0', '1 nginx:1.26 3/3'], `True ReplicaSetUpdated: ReplicaSet "${rs.metadata.name}" is progressing.`]);
    c.advance(60_000);
    expect([sets(c), progressing(c)]).toEqual([['2 nginx:nope 2/0', '1 nginx:1.26 3/3'], `False ProgressDeadlineExceeded: ReplicaSet "${rs.metadata.name}" has timed out progressing.`]);
  });

  it('a rollback reuses the old ReplicaSet under a new revision and remembers the old number', () => {
    const c = new Cluster();
    c.apply(deployment('nginx:1.26', {}, 'v1'));
    c.advance(2_000);
    c.apply(deployment('nginx:1.27', {}, 'v2'));
    c.advance(10_000);
    const before = c.list<ReplicaSet>('ReplicaSet', 'default').map((r) => r.metadata.uid);
    // What `kubectl rollout undo` writes: the old template and its change-cause.
    c.apply(deployment('nginx:1.26', {}, 'v1'));
    c.advance(10_000);
    expect(c.list<ReplicaSet>('ReplicaSet', 'default').map((r) => r.metadata.uid)).toEqual(before);
    expect(sets(c)).toEqual(['3 nginx:1.26 4/4', '2 nginx:1.27 0/0']);
    const old = c.list<ReplicaSet>('ReplicaSet', 'default').find((r) => r.spec.template.spec.containers[0]!.image === 'nginx:1.26')!;
    expect(old.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'v1',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
    expect(c.get('Deployment', 'default', 'web')!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('scales up and down without a new revision, and keeps revisionHistoryLimit old ReplicaSets', () => {
    const c = new Cluster();
    c.apply(deployment('nginx:1.26', { revisionHistoryLimit: 1 }));
    c.advance(2_000);
    c.apply(deployment('nginx:1.26', { revisionHistoryLimit: 1, replicas: 2 }));
    c.advance(2_000);
    expect([sets(c), c.list('Pod', 'default').length]).toEqual([['1 nginx:1.26 2/2'], 2]);
    for (const tag of ['1.27', '1.28']) {
      c.apply(deployment(`nginx:${tag}`, { revisionHistoryLimit: 1, replicas: 2 }));
      c.advance(10_000);
    }
    expect(sets(c)).toEqual(['3 nginx:1.28 2/2', '2 nginx:1.27 0/0']);
  });
});

describe('ReplicationController and ReplicaSet', () => {
  it('keeps replicas, replacing a deleted pod, and adopts a matching orphan instead of creating one', () => {
    const c = new Cluster();
    c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'orphan', labels: { app: 'rc' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    c.create({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { replicas: 2, selector: { app: 'rc' }, template: { metadata: { labels: { app: 'rc' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } });
    c.advance(2_000);
    const names = c.list<Pod>('Pod', 'default').map((p) => p.metadata.name);
    expect([names.length, names.includes('orphan'), c.get<Pod>('Pod', 'default', 'orphan')!.metadata.ownerReferences?.[0]?.name]).toEqual([2, true, 'rc']);
    c.delete('Pod', 'default', 'orphan');
    c.advance(2_000);
    const after = c.list<Pod>('Pod', 'default');
    expect([after.length, after.every((p) => p.metadata.name.startsWith('rc-') && p.status.phase === 'Running')]).toEqual([2, true]);
    expect(events(c, c.get('ReplicationController', 'default', 'rc')!).map((e) => e.replace(/rc-\w{5}/, 'rc-xxxxx'))).toEqual([
      'Normal SuccessfulCreate replication-controller: Created pod: rc-xxxxx',
      'Normal SuccessfulCreate replication-controller: Created pod: rc-xxxxx',
    ]);
  });
});

describe('Deployment: paused', () => {
  it('does not roll out a template change while paused, still scales, and rolls out on resume', () => {
    const c = new Cluster();
    c.apply(deployment('nginx:1.26'));
    c.advance(2_000);
    c.apply(deployment('nginx:1.27', { paused: true, replicas: 2 }));
    c.advance(2_000);
    expect([sets(c), progressing(c)]).toEqual([['1 nginx:1.26 2/2'], 'Unknown DeploymentPaused: Deployment is paused']);
    c.apply(deployment('nginx:1.27', { replicas: 2 }));
    c.advance(10_000);
    expect(sets(c)).toEqual(['2 nginx:1.27 2/2', '1 nginx:1.26 0/0']);
  });
});

describe('Deployment: minReadySeconds', () => {
  it('counts a ready pod as available only after minReadySeconds', () => {
    const c = new Cluster();
    c.apply(deployment('nginx:1.26', { replicas: 2, minReadySeconds: 10 }));
    c.advance(2_000);
    const status = (): unknown => {
      const d = c.get<Deployment>('Deployment', 'default', 'web')!;
      return [d.status.readyReplicas, d.status.availableReplicas ?? 0, d.status.conditions?.[0]?.status];
    };
    expect(status()).toEqual([2, 0, 'False']);
    c.advance(10_000);
    expect(status()).toEqual([2, 2, 'True']);
  });
});
