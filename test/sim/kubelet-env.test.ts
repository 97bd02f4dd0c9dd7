import { describe, expect, it } from 'vitest';
import { Cluster, containerEnv, podDisplayStatus, type KubeObject, type Pod } from '../../src/sim/index.js';
import { createPod, events, pod } from './lifecycle.helpers.js';

const CM: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'fast', '1st': 'x', LEVEL: '3' } };
const SECRET: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { password: btoa('s3cret') } };

function envOf(c: Cluster, name: string): Record<string, string> {
  const p = pod(c, name);
  return Object.fromEntries(containerEnv(c, p, p.spec.containers[0]!));
}

describe('kubelet: environment from ConfigMaps and Secrets', () => {
  it('resolves valueFrom keys, envFrom sources with prefixes, fieldRefs and $(VAR) references', () => {
    const c = new Cluster();
    c.create(CM);
    c.create(SECRET);
    createPod(c, 'app', [
      {
        name: 'app',
        image: 'nginx',
        envFrom: [{ configMapRef: { name: 'settings' } }, { prefix: 'S_', secretRef: { name: 'creds' } }],
        env: [
          { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } },
          { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
          { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'GREETING', value: 'mode is $(MODE)' },
          { name: 'OPTIONAL', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k', optional: true } } },
        ],
      } as never,
    ]);
    c.advance(2_000);
    expect(podDisplayStatus(pod(c, 'app'))).toEqual('Running');
    expect(envOf(c, 'app')).toEqual({ mode: 'fast', LEVEL: '3', S_password: 's3cret', MODE: 'fast', PASSWORD: 's3cret', POD: 'app', GREETING: 'mode is fast' });
  });

  it('a missing ConfigMap: CreateContainerConfigError with the kubelet message and Failed events, until it is created', () => {
    const c = new Cluster();
    const p = createPod(c, 'app', [{ name: 'app', image: 'nginx:1.27', env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }] }]);
    c.advance(4_000);
    const st = pod(c, 'app').status.containerStatuses![0]!.state;
    expect({ status: podDisplayStatus(pod(c, 'app')), state: st }).toEqual({ status: 'CreateContainerConfigError', state: { waiting: { reason: 'CreateContainerConfigError', message: 'configmap "settings" not found' } } });
    expect(events(c, p)).toEqual([
      'Normal Scheduled default-scheduler: Successfully assigned default/app to minikube',
      'Normal Pulling kubelet: Pulling image "nginx:1.27"',
      expect.stringMatching(/^Normal Pulled kubelet: Successfully pulled image "nginx:1.27" in 1\.2s/),
      'Warning Failed (x2) kubelet: Error: configmap "settings" not found',
      'Normal Pulled kubelet: Container image "nginx:1.27" already present on machine',
    ]);
    c.create(CM);
    c.advance(2_000);
    expect(podDisplayStatus(pod(c, 'app'))).toEqual('Running');
  });

  it('a missing key and a missing Secret are worded as the kubelet does', () => {
    const c = new Cluster();
    c.create(CM);
    createPod(c, 'a', [{ name: 'a', image: 'nginx', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'settings', key: 'k' } } }] }]);
    createPod(c, 'b', [{ name: 'b', image: 'nginx', envFrom: [{ secretRef: { name: 'creds' } }] } as never]);
    c.advance(2_000);
    const msg = (name: string): string | undefined => c.mustGet<Pod>('Pod', 'default', name).status.containerStatuses![0]!.state.waiting?.message;
    expect([msg('a'), msg('b')]).toEqual(["couldn't find key k in ConfigMap default/settings", 'secret "creds" not found']);
  });
});
