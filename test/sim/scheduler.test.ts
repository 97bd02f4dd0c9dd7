import { describe, expect, it } from 'vitest';
import { Cluster, containerFs, type Node, type Pod } from '../../src/sim/index.js';
import { createPod, events, pod, row } from './lifecycle.helpers.js';

const big = { requests: { cpu: '3' } };

describe('scheduler', () => {
  it('leaves a pod that fits nowhere Pending with FailedScheduling in the scheduler\'s words', () => {
    const c = new Cluster();
    const p = createPod(c, 'hog', [{ name: 'app', image: 'nginx', resources: big }]);
    c.advance(2_000);
    const message = '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
    expect(events(c, p)).toEqual([`Warning FailedScheduling default-scheduler: ${message}`]);
    expect(pod(c, 'hog').status).toEqual({
      phase: 'Pending',
      qosClass: 'Burstable',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: '2025-01-01T12:21:00Z' }],
    });
    expect(row(c, 'hog')).toBe('0/1 Pending 0');
  });

  it('sorts mixed reasons as the scheduler does and says preemption cannot help a selector mismatch', () => {
    const c = new Cluster({ nodes: 3 });
    const p = createPod(c, 'picky', [{ name: 'app', image: 'nginx', resources: big }], { nodeSelector: { 'kubernetes.io/hostname': 'minikube-m02' } });
    expect(events(c, p)).toEqual([
      "Warning FailedScheduling default-scheduler: 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    ]);
  });

  it('schedules a waiting pod once room is made', () => {
    const c = new Cluster();
    createPod(c, 'first', [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '1' } } }]);
    createPod(c, 'second', [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '1' } } }]);
    c.advance(2_000);
    expect([row(c, 'first'), row(c, 'second')]).toEqual(['1/1 Running 0', '0/1 Pending 0']);
    c.delete('Pod', 'default', 'first');
    c.advance(2_000);
    expect(row(c, 'second')).toBe('1/1 Running 0');
  });

  it('spreads pods over nodes, each pod IP from its node\'s CIDR; nodeName and nodeSelector pin a pod', () => {
    const c = new Cluster({ nodes: 3 });
    for (const n of ['a', 'b', 'c']) createPod(c, n, [{ name: 'app', image: 'nginx' }]);
    createPod(c, 'pinned', [{ name: 'app', image: 'nginx' }], { nodeName: 'minikube-m03' });
    createPod(c, 'selected', [{ name: 'app', image: 'nginx' }], { nodeSelector: { 'kubernetes.io/hostname': 'minikube-m02' } });
    c.advance(2_000);
    const placed = c.list<Pod>('Pod', 'default').map((p) => `${p.metadata.name} ${p.spec.nodeName} ${p.status.podIP} ${p.status.hostIP}`);
    expect(placed).toEqual([
      'a minikube-m02 10.244.1.2 192.168.49.3',
      'b minikube-m03 10.244.2.2 192.168.49.4',
      'c minikube-m02 10.244.1.3 192.168.49.3',
      'pinned minikube-m03 10.244.2.3 192.168.49.4',
      'selected minikube-m02 10.244.1.4 192.168.49.3',
    ]);
    expect(c.nodes().map((n: Node) => `${n.metadata.name} ${n.spec.podCIDR} ${c.nodeIP(n)}`)).toEqual([
      'minikube 10.244.0.0/24 192.168.49.2',
      'minikube-m02 10.244.1.0/24 192.168.49.3',
      'minikube-m03 10.244.2.0/24 192.168.49.4',
    ]);
  });

  it('writes hostname and subdomain into /etc/hostname and /etc/hosts', () => {
    const c = new Cluster();
    createPod(c, 'p', [{ name: 'app', image: 'busybox', command: ['sleep', '3600'] }], { hostname: 'db-0', subdomain: 'db' });
    c.advance(2_000);
    const fs = containerFs(c, pod(c, 'p'), 'app')!;
    expect([fs.readFile('/etc/hostname'), fs.readFile('/etc/hosts').split('\n').at(-2)]).toEqual(['db-0\n', '10.244.0.3\tdb-0.db.default.svc.cluster.local\tdb-0']);
  });
});
