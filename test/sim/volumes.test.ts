import { describe, expect, it } from 'vitest';
import { Cluster, containerFs, nodeDisk, type KubeObject, type Pod } from '../../src/sim/index.js';
import { signalProcess } from '../../src/sim/processes.js';
import { createPod, events, pod, row } from './lifecycle.helpers.js';

const sleeper = { image: 'busybox', command: ['sleep', '3600'] };

describe('volumes', () => {
  it('an emptyDir is shared by the pod\'s containers and starts empty in a replacement pod', () => {
    const c = new Cluster();
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'cache' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'cache' } },
        template: {
          metadata: { labels: { app: 'cache' } },
          spec: {
            volumes: [{ name: 'shared', emptyDir: {} }],
            containers: [
              { name: 'writer', ...sleeper, volumeMounts: [{ name: 'shared', mountPath: '/out' }] },
              { name: 'reader', ...sleeper, volumeMounts: [{ name: 'shared', mountPath: '/in' }] },
            ],
          },
        },
      },
    };
    c.create(rs);
    c.advance(2_000);
    const [first] = c.list<Pod>('Pod', 'default');
    containerFs(c, first!, 'writer')!.writeFile('/out/note', 'hi\n');
    expect([containerFs(c, first!, 'reader')!.readFile('/in/note'), containerFs(c, first!, 'reader')!.exists('/out/note')]).toEqual(['hi\n', false]);
    c.delete('Pod', 'default', first!.metadata.name);
    c.advance(2_000);
    const [second] = c.list<Pod>('Pod', 'default');
    expect([second!.metadata.name !== first!.metadata.name, containerFs(c, second!, 'reader')!.readdir('/in')]).toEqual([true, []]);
  });

  it('an emptyDir survives a container restart; the container\'s own files do not', () => {
    const c = new Cluster();
    createPod(c, 'p', [{ name: 'web', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], { volumes: [{ name: 'data', emptyDir: {} }] });
    c.advance(2_000);
    const fs = containerFs(c, pod(c, 'p'), 'web')!;
    fs.writeFile('/data/keep', 'k');
    fs.writeFile('/tmp/lose', 'l');
    signalProcess(c, pod(c, 'p'), 'web', 1, 'TERM');
    c.advance(2_000);
    const after = containerFs(c, pod(c, 'p'), 'web')!;
    expect([row(c, 'p'), after.exists('/data/keep'), after.exists('/tmp/lose')]).toEqual(['1/1 Running 1', true, false]);
  });

  it('hostPath DirectoryOrCreate makes the directory on the node; it outlives the pod and other nodes do not see it', () => {
    const c = new Cluster({ nodes: 2 });
    const spec = { nodeName: 'minikube', volumes: [{ name: 'h', hostPath: { path: '/data/app', type: 'DirectoryOrCreate' } }] };
    createPod(c, 'p', [{ name: 'app', ...sleeper, volumeMounts: [{ name: 'h', mountPath: '/srv' }] }], spec);
    c.advance(2_000);
    containerFs(c, pod(c, 'p'), 'app')!.writeFile('/srv/log.txt', 'one\n');
    c.delete('Pod', 'default', 'p');
    expect([nodeDisk(c, 'minikube').readFile('/data/app/log.txt'), nodeDisk(c, 'minikube-m02').exists('/data/app')]).toEqual(['one\n', false]);
    createPod(c, 'q', [{ name: 'app', ...sleeper, volumeMounts: [{ name: 'h', mountPath: '/srv' }] }], { ...spec, nodeName: 'minikube-m02' });
    c.advance(2_000);
    expect(containerFs(c, pod(c, 'q'), 'app')!.readdir('/srv')).toEqual([]);
  });

  it('hostPath type Directory on a missing path: stuck ContainerCreating with FailedMount until it exists', () => {
    const c = new Cluster();
    const p = createPod(c, 'p', [{ name: 'app', ...sleeper, volumeMounts: [{ name: 'x', mountPath: '/x' }] }], { volumes: [{ name: 'x', hostPath: { path: '/data/missing', type: 'Directory' } }] });
    c.advance(6_000);
    expect([row(c, 'p'), events(c, p).slice(1)]).toEqual(['0/1 ContainerCreating 0', ['Warning FailedMount (x4) kubelet: MountVolume.SetUp failed for volume "x" : hostPath type check failed: /data/missing is not a directory']]);
    nodeDisk(c, 'minikube').mkdir('/data/missing', { parents: true });
    c.advance(4_000);
    expect(row(c, 'p')).toBe('1/1 Running 0');
  });

  it('configMap and secret volumes show their keys as files; a missing ConfigMap blocks the mount', () => {
    const c = new Cluster();
    c.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { 'app.conf': 'port=80\n', mode: 'dev' } });
    c.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { password: btoa('s3cret') } });
    createPod(c, 'p', [{ name: 'app', ...sleeper, volumeMounts: [{ name: 'c', mountPath: '/etc/app' }, { name: 's', mountPath: '/etc/creds', readOnly: true }] }], {
      volumes: [{ name: 'c', configMap: { name: 'cfg' } }, { name: 's', secret: { secretName: 'creds' } }],
    });
    const q = createPod(c, 'q', [{ name: 'app', ...sleeper, volumeMounts: [{ name: 'c', mountPath: '/etc/app' }] }], { volumes: [{ name: 'c', configMap: { name: 'nope' } }] });
    c.advance(2_000);
    const fs = containerFs(c, pod(c, 'p'), 'app')!;
    expect([fs.readdir('/etc/app'), fs.readFile('/etc/app/app.conf'), fs.readFile('/etc/creds/password')]).toEqual([['app.conf', 'mode'], 'port=80\n', 's3cret']);
    expect([row(c, 'q'), events(c, q)[1]]).toEqual(['0/1 ContainerCreating 0', 'Warning FailedMount (x2) kubelet: MountVolume.SetUp failed for volume "c" : configmap "nope" not found']);
  });
});
