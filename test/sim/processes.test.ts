import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/index.js';
import { appendLog, listProcesses, signalNumber, signalProcess } from '../../src/sim/processes.js';
import { createPod, logs, pod, row } from './lifecycle.helpers.js';

const table = (c: Cluster, name: string, container: string): string[] | undefined =>
  listProcesses(c, pod(c, name), container)?.map((p) => `${p.pid} ${p.ppid} ${p.user} ${p.container ?? '-'} ${p.command}`);

describe('processes', () => {
  it('each container has its own PID namespace: PID 1 from the image or the command', () => {
    const c = new Cluster();
    createPod(c, 'p', [
      { name: 'web', image: 'nginx' },
      { name: 'apache', image: 'httpd', ports: [{ containerPort: 8080 }], command: ['httpd-foreground'] },
      { name: 'tools', image: 'busybox', command: ['sh', '-c', 'while true; do sleep 5; done'] },
    ]);
    c.advance(2_000);
    expect([table(c, 'p', 'web'), table(c, 'p', 'tools')]).toEqual([
      ['1 0 root web nginx: master process nginx -g daemon off;', '29 1 nginx web nginx: worker process', '30 1 nginx web nginx: worker process'],
      ['1 0 root tools sh -c while true; do sleep 5; done', '7 1 root tools sleep 5'],
    ]);
    expect(table(c, 'p', 'apache')).toEqual(undefined); // httpd also binds :80: it exits (Address already in use)
  });

  it('shareProcessNamespace: one table, PID 1 is /pause, every main process has its own PID', () => {
    const c = new Cluster();
    createPod(c, 'shared', [{ name: 'nginx', image: 'nginx' }, { name: 'shell', image: 'busybox', command: ['sleep', '3600'] }], { shareProcessNamespace: true });
    c.advance(2_000);
    expect(table(c, 'shared', 'shell')).toEqual([
      '1 0 root - /pause',
      '8 0 root nginx nginx: master process nginx -g daemon off;',
      '14 8 nginx nginx nginx: worker process',
      '15 8 nginx nginx nginx: worker process',
      '16 0 root shell sleep 3600',
    ]);
    expect(logs(c, pod(c, 'shared'), 'nginx').slice(-2)).toEqual(['2025/01/01 12:21:01 [notice] 8#8: start worker process 14', '2025/01/01 12:21:01 [notice] 8#8: start worker process 15']);
  });

  it('kill -HUP to nginx reloads it: new workers, the reload lines in its log', () => {
    const c = new Cluster();
    createPod(c, 'shared', [{ name: 'nginx', image: 'nginx' }, { name: 'shell', image: 'busybox', command: ['sleep', '3600'] }], { shareProcessNamespace: true });
    c.advance(2_000);
    expect(signalProcess(c, pod(c, 'shared'), 'shell', 8, 'HUP', 20)).toEqual({ ok: true, effect: 'handled' });
    expect(logs(c, pod(c, 'shared'), 'nginx').slice(-18, -12)).toEqual([
      '2025/01/01 12:21:02 [notice] 8#8: signal 1 (SIGHUP) received from 20, reconfiguring',
      '2025/01/01 12:21:02 [notice] 8#8: reconfiguring',
      '2025/01/01 12:21:02 [notice] 8#8: using the "epoll" event method',
      '2025/01/01 12:21:02 [notice] 8#8: start worker processes',
      '2025/01/01 12:21:02 [notice] 8#8: start worker process 22',
      '2025/01/01 12:21:02 [notice] 8#8: start worker process 23',
    ]);
    expect(table(c, 'shared', 'nginx')?.slice(1, 3)).toEqual(['8 0 root nginx nginx: master process nginx -g daemon off;', '16 0 root shell sleep 3600']);
    c.advance(2_000);
    expect(row(c, 'shared')).toBe('2/2 Running 0');
  });

  it('TERM to nginx as PID 1 stops it: the container restarts (RESTARTS 1) with lastState Completed', () => {
    const c = new Cluster();
    createPod(c, 'web', [{ name: 'web', image: 'nginx' }]);
    c.advance(2_000);
    expect(signalProcess(c, pod(c, 'web'), 'web', 1, 'TERM')).toEqual({ ok: true, effect: 'exited' });
    c.advance(2_000);
    expect(row(c, 'web')).toBe('1/1 Running 1');
    expect(pod(c, 'web').status.containerStatuses![0]!.lastState?.terminated?.reason).toBe('Completed');
  });

  it('PID 1 without a handler ignores signals sent from inside, even KILL; another PID namespace\'s main process dies', () => {
    const c = new Cluster();
    createPod(c, 'box', [{ name: 'box', image: 'busybox', command: ['sleep', '3600'] }]);
    createPod(c, 'shared', [{ name: 'a', image: 'busybox', command: ['sleep', '3600'] }, { name: 'b', image: 'busybox', command: ['sleep', '3600'] }], { shareProcessNamespace: true });
    c.advance(2_000);
    expect(signalProcess(c, pod(c, 'box'), 'box', 1, 9)).toEqual({ ok: true, effect: 'ignored' });
    expect(signalProcess(c, pod(c, 'shared'), 'a', 14, 'KILL')).toEqual({ ok: true, effect: 'exited' });
    c.advance(1_000);
    expect([row(c, 'box'), row(c, 'shared'), pod(c, 'shared').status.containerStatuses![1]!.lastState?.terminated?.exitCode]).toEqual(['1/1 Running 0', '2/2 Running 1', 137]);
  });

  it('reports unknown PIDs and signals in kill\'s words', () => {
    const c = new Cluster();
    createPod(c, 'box', [{ name: 'box', image: 'busybox', command: ['sleep', '3600'] }]);
    c.advance(2_000);
    expect([signalProcess(c, pod(c, 'box'), 'box', 123, 'TERM'), signalProcess(c, pod(c, 'box'), 'box', 1, 'BOGUS'), signalProcess(c, pod(c, 'box'), 'box', 1, 0)]).toEqual([
      { ok: false, error: 'kill: (123) - No such process' },
      { ok: false, error: 'kill: BOGUS: invalid signal specification' },
      { ok: true, effect: 'checked' },
    ]);
    expect([signalNumber('SIGHUP'), signalNumber('hup'), signalNumber('9'), signalNumber('nope')]).toEqual([1, 1, 9, undefined]);
  });

  it('appendLog writes to the container\'s stdout (echo x >> /proc/1/fd/1)', () => {
    const c = new Cluster();
    createPod(c, 'box', [{ name: 'box', image: 'busybox', command: ['sleep', '3600'] }]);
    expect(appendLog(c, pod(c, 'box'), 'box', 'too early')).toBe(false);
    c.advance(2_000);
    expect(appendLog(c, pod(c, 'box'), 'box', 'hello\nworld\n')).toBe(true);
    expect(logs(c, pod(c, 'box'), 'box')).toEqual(['hello', 'world']);
  });
});

describe('processes: children', () => {
  it('killing the sleep of a shell loop starts the next one under a new PID; an nginx worker is respawned', () => {
    const c = new Cluster();
    createPod(c, 'p', [{ name: 'web', image: 'nginx' }, { name: 'loop', image: 'busybox', command: ['sh', '-c', 'while true; do sleep 5; done'] }]);
    c.advance(2_000);
    expect([signalProcess(c, pod(c, 'p'), 'loop', 7, 'TERM', 9), signalProcess(c, pod(c, 'p'), 'web', 29, 'KILL', 40)]).toEqual([{ ok: true, effect: 'exited' }, { ok: true, effect: 'exited' }]);
    expect([table(c, 'p', 'loop'), table(c, 'p', 'web')]).toEqual([
      ['1 0 root loop sh -c while true; do sleep 5; done', '8 1 root loop sleep 5'],
      ['1 0 root web nginx: master process nginx -g daemon off;', '30 1 nginx web nginx: worker process', '31 1 nginx web nginx: worker process'],
    ]);
    expect(logs(c, pod(c, 'p'), 'web').slice(-2)).toEqual(['2025/01/01 12:21:02 [alert] 1#1: worker process 29 exited on signal 9', '2025/01/01 12:21:02 [notice] 1#1: start worker process 31']);
  });
});
