import { describe, expect, it } from 'vitest';
import { Cluster, FsError, containerFs, fsErrorText, nodeDisk } from '../../src/sim/index.js';
import { createPod, pod } from './lifecycle.helpers.js';

/** The error code an operation fails with, or 'ok'. */
function attempt(f: () => void): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof FsError) return `${e.code} ${e.path}: ${fsErrorText(e.code)}`;
    throw e;
  }
}

describe('read-only volume mounts', () => {
  it('writes under a readOnly mount fail with EROFS; the same volume mounted read-write takes them', () => {
    const c = new Cluster();
    c.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { 'app.conf': 'debug=false\n' } });
    createPod(
      c,
      'ro',
      [
        { name: 'reader', image: 'busybox', command: ['sleep', '3600'], volumeMounts: [{ name: 'shared', mountPath: '/in', readOnly: true }, { name: 'host', mountPath: '/host', readOnly: true }, { name: 'cfg', mountPath: '/etc/app' }] },
        { name: 'writer', image: 'busybox', command: ['sleep', '3600'], volumeMounts: [{ name: 'shared', mountPath: '/out' }] },
      ],
      { volumes: [{ name: 'shared', emptyDir: {} }, { name: 'host', hostPath: { path: '/data/site', type: 'DirectoryOrCreate' } }, { name: 'cfg', configMap: { name: 'cfg' } }] },
    );
    c.advance(3_000);
    nodeDisk(c, 'minikube').writeFile('/data/site/a.txt', 'from the node\n');
    const reader = containerFs(c, pod(c, 'ro'), 'reader')!;
    const writer = containerFs(c, pod(c, 'ro'), 'writer')!;
    expect([
      attempt(() => reader.writeFile('/in/x', 'hi\n')),
      attempt(() => reader.mkdir('/in/sub')),
      attempt(() => reader.remove('/host/a.txt')),
      attempt(() => reader.writeFile('/host/a.txt', 'more\n', { append: true })),
      attempt(() => reader.writeFile('/etc/app/app.conf', 'debug=true\n')),
      attempt(() => writer.writeFile('/out/x', 'hi\n')),
      attempt(() => reader.writeFile('/tmp/x', 'own layer\n')),
      reader.readFile('/in/x'),
      reader.readFile('/host/a.txt'),
      reader.readFile('/etc/app/app.conf'),
    ]).toEqual([
      'EROFS /in/x: Read-only file system',
      'EROFS /in/sub: Read-only file system',
      'EROFS /host/a.txt: Read-only file system',
      'EROFS /host/a.txt: Read-only file system',
      'EROFS /etc/app/app.conf: Read-only file system',
      'ok',
      'ok',
      'hi\n',
      'from the node\n',
      'debug=false\n',
    ]);
  });
});
