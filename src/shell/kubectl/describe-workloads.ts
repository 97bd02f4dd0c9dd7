/**
 * `kubectl describe` for Deployment, ReplicaSet and ReplicationController (`describeDeployment`,
 * `describeReplicaSet`, `describeReplicationController` in kubectl's `pkg/describe/describe.go`).
 */
import { formatLabels } from '../../lib/labels.js';
import type { Cluster, Deployment, KubeObject, Pod, ReplicaSet, ReplicationController } from '../../sim/index.js';
import { describePodTemplate } from './describe-pod.js';
import { DescribeWriter } from './describe-writer.js';
import { formatLabelSelector, rfc1123z } from './printers/format.js';

function podCounts(c: Cluster, owner: KubeObject): string {
  const pods = c.list<Pod>('Pod', owner.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid));
  const n = (phase: string): number => pods.filter((p) => p.status.phase === phase).length;
  return `${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed`;
}

function controllerOf(o: KubeObject): string {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

function rsList(list: ReplicaSet[]): string {
  return list.map((r) => `${r.metadata.name} (${r.status?.replicas ?? 0}/${r.spec.replicas ?? 1} replicas created)`).join(', ') || '<none>';
}

/** `describeDeployment`. */
export function describeDeployment(c: Cluster, d: Deployment, events = true): string {
  const w = new DescribeWriter(c.now());
  const st = d.status ?? {};
  const desired = d.spec.replicas ?? 1;
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  w.labels('Labels', d.metadata.labels);
  w.annotations('Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelSelector(d.spec.selector)}\n`);
  const unavailable = st.unavailableReplicas ?? Math.max(0, (st.replicas ?? 0) - (st.availableReplicas ?? 0));
  w.write(0, `Replicas:\t${desired} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${unavailable} unavailable\n`);
  const strategy = d.spec.strategy?.type ?? 'RollingUpdate';
  w.write(0, `StrategyType:\t${strategy}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  if (strategy === 'RollingUpdate') {
    const ru = d.spec.strategy?.rollingUpdate;
    w.write(0, `RollingUpdateStrategy:\t${ru?.maxUnavailable ?? '25%'} max unavailable, ${ru?.maxSurge ?? '25%'} max surge\n`);
  }
  describePodTemplate(w, d.spec.template);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const cond of st.conditions) w.write(1, `${cond.type} \t${cond.status}\t${cond.reason ?? ''}\n`);
  }
  const owned = c.list<ReplicaSet>('ReplicaSet', d.metadata.namespace).filter((r) => r.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid));
  if (owned.length) {
    const revision = (r: ReplicaSet): number => Number(r.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    const byAge = (r: ReplicaSet): string => r.metadata.creationTimestamp ?? '';
    const current = [...owned].sort((a, b) => revision(b) - revision(a) || (byAge(b) > byAge(a) ? 1 : byAge(b) < byAge(a) ? -1 : 0))[0]!;
    const old = owned.filter((r) => r !== current && ((r.spec.replicas ?? 0) > 0 || (r.status?.replicas ?? 0) > 0));
    w.write(0, `OldReplicaSets:\t${rsList(old)}\n`);
    w.write(0, `NewReplicaSet:\t${rsList([current])}\n`);
  }
  if (events) w.events(c.eventsFor(d));
  return w.done();
}

/** `describeReplicaSet`. */
export function describeReplicaSet(c: Cluster, r: ReplicaSet, events = true): string {
  const w = new DescribeWriter(c.now());
  w.write(0, `Name:\t${r.metadata.name}\n`);
  w.write(0, `Namespace:\t${r.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(r.spec.selector)}\n`);
  w.labels('Labels', r.metadata.labels);
  w.annotations('Annotations', r.metadata.annotations);
  const by = controllerOf(r);
  if (by) w.write(0, `Controlled By:\t${by}\n`);
  w.write(0, `Replicas:\t${r.status?.replicas ?? 0} current / ${r.spec.replicas ?? 1} desired\n`);
  w.write(0, 'Pods Status:\t');
  w.write(0, `${podCounts(c, r)}\n`);
  describePodTemplate(w, r.spec.template);
  if (events) w.events(c.eventsFor(r));
  return w.done();
}

/** `describeReplicationController`. */
export function describeReplicationController(c: Cluster, r: ReplicationController, events = true): string {
  const w = new DescribeWriter(c.now());
  w.write(0, `Name:\t${r.metadata.name}\n`);
  w.write(0, `Namespace:\t${r.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabels(r.spec.selector)}\n`);
  w.labels('Labels', r.metadata.labels);
  w.annotations('Annotations', r.metadata.annotations);
  w.write(0, `Replicas:\t${r.status?.replicas ?? 0} current / ${r.spec.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podCounts(c, r)}\n`);
  describePodTemplate(w, r.spec.template);
  if (events) w.events(c.eventsFor(r));
  return w.done();
}
