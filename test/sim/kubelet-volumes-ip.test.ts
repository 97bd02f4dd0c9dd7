import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/index.js';
import { createPod, pod, row } from './lifecycle.helpers.js';

describe('kubelet: volumes before the network', () => {
  it('a pod stuck on FailedMount (missing ConfigMap) has its node but no IP; it gets one once the volume mounts', () => {
    const c = new Cluster();
    createPod(c, 'app', [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }] }], { volumes: [{ name: 'cfg', configMap: { name: 'settings' } }] });
    c.advance(4_000);
    const st = pod(c, 'app').status;
    expect({ row: row(c, 'app'), hostIP: st.hostIP, podIP: st.podIP, podIPs: st.podIPs }).toEqual({ row: '0/1 ContainerCreating 0', hostIP: '192.168.49.2', podIP: undefined, podIPs: undefined });
    c.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } });
    c.advance(4_000);
    const after = pod(c, 'app').status;
    expect({ row: row(c, 'app'), podIP: after.podIP }).toEqual({ row: '1/1 Running 0', podIP: '10.244.0.3' });
  });
});
