import { describe, expect, it } from 'vitest';
import { Cluster, podDisplayStatus, type KubeObject, type Pod } from '../../src/sim/index.js';
import { createPod, events, logs, pod, row, timeline } from './lifecycle.helpers.js';

describe('pod lifecycle: a healthy pod', () => {
  it('goes Pending → ContainerCreating → Running by the next command, with the kubelet events', () => {
    const c = new Cluster();
    const p = createPod(c, 'web', [{ name: 'web', image: 'nginx' }]);
    expect(row(c, 'web')).toBe('0/1 ContainerCreating 0');
    expect(pod(c, 'web').status.phase).toBe('Pending');
    expect(timeline(c, 'web', 1)).toEqual(['1/1 Running 0']);
    expect(events(c, p)).toEqual([
      'Normal Scheduled default-scheduler: Successfully assigned default/web to minikube',
      'Normal Pulling kubelet: Pulling image "nginx"',
      'Normal Pulled kubelet: Successfully pulled image "nginx" in 1.2s (1.2s including waiting). Image size: 72195292 bytes.',
      'Normal Created kubelet: Created container: web',
      'Normal Started kubelet: Started container web',
    ]);
    const st = pod(c, 'web').status;
    expect({ phase: st.phase, podIP: st.podIP, hostIP: st.hostIP, qos: st.qosClass, conditions: st.conditions?.map((x) => `${x.type}=${x.status}`) }).toEqual({
      phase: 'Running',
      podIP: '10.244.0.3', // 10.244.0.2 is CoreDNS's
      hostIP: '192.168.49.2',
      qos: 'BestEffort',
      conditions: ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True'],
    });
  });

  it('uses the node\'s copy of a tagged image (IfNotPresent) on the second pod', () => {
    const c = new Cluster();
    createPod(c, 'a', [{ name: 'a', image: 'nginx:1.27' }]);
    c.advance(2_000);
    const b = createPod(c, 'b', [{ name: 'b', image: 'nginx:1.27' }]);
    c.advance(2_000);
    expect(events(c, b).slice(1, 2)).toEqual(['Normal Pulled kubelet: Container image "nginx:1.27" already present on machine']);
  });
});

describe('pod lifecycle: images that do not exist', () => {
  it('a misspelt image goes ErrImagePull then ImagePullBackOff, worded as the kubelet does', () => {
    const c = new Cluster();
    const p = createPod(c, 'typo', [{ name: 'web', image: 'ngnix' }]);
    c.advance(1_000);
    expect(row(c, 'typo')).toBe('0/1 ErrImagePull 0');
    c.advance(1_000);
    expect(row(c, 'typo')).toBe('0/1 ImagePullBackOff 0');
    expect(pod(c, 'typo').status.phase).toBe('Pending');
    expect(events(c, p)).toEqual([
      'Normal Scheduled default-scheduler: Successfully assigned default/typo to minikube',
      'Normal Pulling kubelet: Pulling image "ngnix"',
      'Warning Failed kubelet: Failed to pull image "ngnix": Error response from daemon: pull access denied for ngnix, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied',
      'Warning Failed kubelet: Error: ErrImagePull',
      'Normal BackOff kubelet: Back-off pulling image "ngnix"',
      'Warning Failed kubelet: Error: ImagePullBackOff',
    ]);
    // Retries back off 10 s, 20 s, 40 s: three more attempts in the next 75 s.
    c.advance(75_000);
    expect(events(c, p)[1]).toBe('Normal Pulling (x4) kubelet: Pulling image "ngnix"');
  });

  it('an unknown tag of a known image is "manifest unknown"', () => {
    const c = new Cluster();
    const p = createPod(c, 'tag', [{ name: 'web', image: 'nginx:doesnotexist' }]);
    c.advance(1_000);
    expect(events(c, p)[2]).toBe('Warning Failed kubelet: Failed to pull image "nginx:doesnotexist": Error response from daemon: manifest for nginx:doesnotexist not found: manifest unknown: manifest unknown');
    expect(pod(c, 'tag').status.containerStatuses?.[0]?.state).toEqual({
      waiting: { reason: 'ErrImagePull', message: 'Error response from daemon: manifest for nginx:doesnotexist not found: manifest unknown: manifest unknown' },
    });
  });
});

describe('pod lifecycle: a main process that exits', () => {
  it('restarts at once, then backs off 10 s, 20 s, 40 s (CrashLoopBackOff), RESTARTS growing', () => {
    const c = new Cluster();
    const p = createPod(c, 'crash', [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'echo bye; exit 3'] }]);
    expect(timeline(c, 'crash', 12, 1_000)).toEqual([
      '1/1 Running 0', // started after the pull (no readiness probe: ready while running)
      '0/1 Error 0', // exited
      '1/1 Running 1', // first restart: no back-off yet
      '0/1 Error 1',
      '0/1 CrashLoopBackOff 1', // back-off 10s
      '0/1 CrashLoopBackOff 1',
      '0/1 CrashLoopBackOff 1',
      '0/1 CrashLoopBackOff 1',
      '0/1 CrashLoopBackOff 1',
      '0/1 CrashLoopBackOff 1',
      '0/1 CrashLoopBackOff 1',
      '0/1 CrashLoopBackOff 1',
    ]);
    expect(timeline(c, 'crash', 3, 1_000)).toEqual(['0/1 CrashLoopBackOff 1', '1/1 Running 2', '0/1 Error 2']); // 10 s after the exit at 4 s
    const cs = pod(c, 'crash').status.containerStatuses![0]!;
    expect(cs.lastState).toEqual({ terminated: { exitCode: 3, reason: 'Error', startedAt: '2025-01-01T12:21:03Z', finishedAt: '2025-01-01T12:21:04Z' } });
    c.advance(1_000);
    expect(pod(c, 'crash').status.containerStatuses![0]!.state).toEqual({
      waiting: { reason: 'CrashLoopBackOff', message: `back-off 20s restarting failed container=main pod=crash_default(${p.metadata.uid})` },
    });
    expect(pod(c, 'crash').status.phase).toBe('Running');
    expect(logs(c, pod(c, 'crash'), 'main')).toEqual(['bye']);
    expect(events(c, p).slice(-1)).toEqual([`Warning BackOff (x2) kubelet: Back-off restarting failed container main in pod crash_default(${p.metadata.uid})`]);
  });

  it('back-off doubles up to 300 s and no further', () => {
    const c = new Cluster();
    const p = createPod(c, 'crash', [{ name: 'main', image: 'busybox:1.36', command: ['false'] }]);
    c.advance(30 * 60_000);
    const msg = pod(c, 'crash').status.containerStatuses![0]!.state.waiting?.message;
    expect(msg).toBe(`back-off 300s restarting failed container=main pod=crash_default(${p.metadata.uid})`);
  });

  it('restartPolicy Never leaves the pod Failed with the exit code; OnFailure after success Completed', () => {
    const c = new Cluster();
    createPod(c, 'once', [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'exit 2'] }], { restartPolicy: 'Never' });
    createPod(c, 'job', [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'echo done'] }], { restartPolicy: 'OnFailure' });
    c.advance(10_000);
    expect([row(c, 'once'), pod(c, 'once').status.phase, row(c, 'job'), pod(c, 'job').status.phase]).toEqual(['0/1 Error 0', 'Failed', '0/1 Completed 0', 'Succeeded']);
    expect(pod(c, 'job').status.containerStatuses![0]!.state).toEqual({ terminated: { exitCode: 0, reason: 'Completed', startedAt: '2025-01-01T12:21:01Z', finishedAt: '2025-01-01T12:21:02Z' } });
  });

  it('a restarted container gets a fresh file system; the previous run\'s logs stay for --previous', () => {
    const c = new Cluster();
    createPod(c, 'crash', [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'echo run; exit 1'] }]);
    c.advance(1_000);
    const p = pod(c, 'crash');
    const cr = c.state.runtime.get(p.metadata.uid!)!.containers.get('main')!;
    cr.fs.set('/tmp/note', { type: 'file', content: 'x', mtime: 0 });
    c.advance(2_000);
    expect([cr.restartCount, cr.fs.has('/tmp/note'), logs(c, p, 'main'), logs(c, p, 'main', true)]).toEqual([1, false, ['run'], ['run']]);
  });
});

describe('pod lifecycle: probes', () => {
  it('a failing readiness probe leaves the pod Running but not Ready, with Unhealthy events', () => {
    const c = new Cluster();
    const p = createPod(c, 'web', [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/healthz', port: 80 } } }]);
    c.advance(2_000);
    expect(row(c, 'web')).toBe('0/1 Running 0');
    expect(pod(c, 'web').status.conditions?.find((x) => x.type === 'Ready')).toEqual({
      type: 'Ready',
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web]',
      lastTransitionTime: '2025-01-01T12:21:00Z',
    });
    c.advance(30_000);
    expect(events(c, p).slice(-1)).toEqual(['Warning Unhealthy (x4) kubelet: Readiness probe failed: HTTP probe failed with statuscode: 404']);
  });

  it('a passing readiness probe makes it Ready at start; a port nobody listens on is a refused dial', () => {
    const c = new Cluster();
    createPod(c, 'ok', [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 } } }]);
    const bad = createPod(c, 'bad', [{ name: 'web', image: 'nginx', readinessProbe: { tcpSocket: { port: 8080 } } }]);
    c.advance(2_000);
    expect([row(c, 'ok'), row(c, 'bad')]).toEqual(['1/1 Running 0', '0/1 Running 0']);
    expect(events(c, bad).slice(-1)).toEqual(['Warning Unhealthy kubelet: Readiness probe failed: dial tcp 10.244.0.4:8080: connect: connection refused']);
  });

  it('a failing liveness probe restarts the container after three failures', () => {
    const c = new Cluster();
    const p = createPod(c, 'live', [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'sleep 3600'], livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 } }]);
    c.advance(10_000);
    expect(row(c, 'live')).toBe('1/1 Running 0'); // probes at 1 s, 6 s (failed twice)
    c.advance(2_000);
    expect(row(c, 'live')).toBe('1/1 Running 1'); // third failure at 11 s: killed, restarted at once
    expect(events(c, p).slice(-4)).toEqual([
      'Normal Created (x2) kubelet: Created container: app',
      'Normal Started (x2) kubelet: Started container app',
      "Warning Unhealthy (x4) kubelet: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      'Normal Killing kubelet: Container app failed liveness probe, will be restarted',
    ]);
    expect(pod(c, 'live').status.containerStatuses![0]!.lastState).toEqual({ terminated: { exitCode: 137, reason: 'Error', startedAt: '2025-01-01T12:21:01Z', finishedAt: '2025-01-01T12:21:11Z' } });
  });
});

describe('pod lifecycle: two containers binding one port', () => {
  it('the second nginx exits with "Address already in use" and crash-loops; the first keeps serving', () => {
    const c = new Cluster();
    createPod(c, 'clash', [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx' }]);
    c.advance(4_000);
    expect(row(c, 'clash')).toBe('1/2 CrashLoopBackOff 1');
    const b = logs(c, pod(c, 'clash'), 'b');
    expect(b.slice(-4)).toEqual([
      '2025/01/01 12:21:02 [emerg] 1#1: bind() to [::]:80 failed (98: Address already in use)',
      'nginx: [emerg] bind() to [::]:80 failed (98: Address already in use)',
      '2025/01/01 12:21:02 [emerg] 1#1: still could not bind()',
      'nginx: [emerg] still could not bind()',
    ]);
    expect(b.filter((l) => l === 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)')).toHaveLength(5);
    expect(pod(c, 'clash').status.containerStatuses!.map((s) => [s.name, s.ready, Object.keys(s.state)[0]])).toEqual([
      ['a', true, 'running'],
      ['b', false, 'waiting'],
    ]);
  });
});

describe('pods owned by a controller', () => {
  it('a deleted pod is replaced under a new name and a new IP', () => {
    const c = new Cluster();
    c.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } });
    c.advance(2_000);
    const [first] = c.list<Pod>('Pod', 'default');
    c.delete('Pod', 'default', first!.metadata.name);
    c.advance(2_000);
    const [second] = c.list<Pod>('Pod', 'default');
    expect(second!.metadata.name).not.toBe(first!.metadata.name);
    expect(second!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{9,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect([first!.status.podIP, second!.status.podIP, row(c, second!.metadata.name)]).toEqual(['10.244.0.3', '10.244.0.4', '1/1 Running 0']);
  });
});

describe('pod lifecycle: edits and undo', () => {
  it('a new image on a bare pod replaces the container (Killing: definition changed)', () => {
    const c = new Cluster();
    const p = createPod(c, 'web', [{ name: 'web', image: 'nginx:1.26' }]);
    c.advance(2_000);
    const next = structuredClone(pod(c, 'web'));
    next.spec.containers[0]!.image = 'nginx:1.27';
    c.update(next);
    c.advance(2_000);
    expect([row(c, 'web'), pod(c, 'web').status.containerStatuses![0]!.image]).toEqual(['1/1 Running 1', 'nginx:1.27']);
    expect(events(c, p).filter((e) => e.includes('Killing'))).toEqual(['Normal Killing kubelet: Container web definition changed, will be restarted']);
  });

  it('after restoring a snapshot, pending timers still fire (a crash-looping pod keeps restarting)', () => {
    const c = new Cluster();
    createPod(c, 'crash', [{ name: 'main', image: 'busybox', command: ['false'] }]);
    c.advance(5_000);
    const snap = c.snapshot();
    c.delete('Pod', 'default', 'crash');
    c.restore(snap);
    expect(row(c, 'crash')).toBe('0/1 CrashLoopBackOff 1');
    c.advance(12_000);
    expect(row(c, 'crash')).toBe('0/1 CrashLoopBackOff 2');
  });
});

describe('pod lifecycle: readiness and Services', () => {
  it('a pod failing readiness is listed under notReadyAddresses, and moves to addresses once the probe passes', () => {
    const c = new Cluster();
    c.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 2 } }] } });
    c.advance(2_000);
    const subsets = (): unknown => (c.get('Endpoints', 'default', 'web') as { subsets?: { addresses?: { ip: string }[]; notReadyAddresses?: { ip: string }[] }[] }).subsets?.map((s) => [s.addresses?.map((a) => a.ip) ?? [], s.notReadyAddresses?.map((a) => a.ip) ?? []]);
    expect(subsets()).toEqual([[[], ['10.244.0.3']]]);
    c.state.runtime.get(pod(c, 'web').metadata.uid!)!.containers.get('web')!.fs.set('/tmp/ready', { type: 'file', content: '', mtime: 0 });
    c.advance(2_000);
    expect([row(c, 'web'), subsets()]).toEqual(['1/1 Running 0', [[['10.244.0.3'], []]]]);
  });
});

describe('pod lifecycle: imagePullPolicy Never', () => {
  it('an image not on the node is ErrImageNeverPull; one pulled there before starts', () => {
    const c = new Cluster();
    const p = createPod(c, 'never', [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'Never' }]);
    c.advance(2_000);
    expect([row(c, 'never'), events(c, p).slice(1)]).toEqual([
      '0/1 ErrImageNeverPull 0',
      ['Warning ErrImageNeverPull kubelet: Container image "nginx:1.27" is not present with pull policy of Never', 'Warning Failed kubelet: Error: ErrImageNeverPull'],
    ]);
    createPod(c, 'puller', [{ name: 'web', image: 'nginx:1.27' }]);
    c.advance(2_000);
    createPod(c, 'cached', [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'Never' }]);
    c.advance(2_000);
    expect(row(c, 'cached')).toBe('1/1 Running 0');
  });
});

describe('pod lifecycle: graceful termination on scale-down', () => {
  it('a scaled-down pod is Terminating until its process exits: nginx at once, a sleeping shell after the 30 s grace period', () => {
    const c = new Cluster();
    const rs = (name: string, image: string, command?: string[], replicas = 1): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name },
      spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image, ...(command ? { command } : {}) }] } } },
    });
    c.create(rs('web', 'nginx'));
    c.create(rs('box', 'busybox', ['sleep', '3600']));
    c.advance(2_000);
    const [web] = c.list<Pod>('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-'));
    c.apply(rs('web', 'nginx', undefined, 0));
    c.apply(rs('box', 'busybox', ['sleep', '3600'], 0));
    const statuses = (): string[] => c.list<Pod>('Pod', 'default').map((p) => `${p.metadata.name.split('-')[0]} ${podDisplayStatus(p)}`);
    expect(statuses()).toEqual(['box Terminating', 'web Terminating']);
    c.advance(2_000);
    expect(statuses()).toEqual(['box Terminating']);
    c.advance(30_000);
    expect(statuses()).toEqual([]);
    expect(events(c, web!).slice(-1)).toEqual(['Normal Killing kubelet: Stopping container c']);
  });
});
