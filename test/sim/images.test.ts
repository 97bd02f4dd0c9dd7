import { describe, expect, it } from 'vitest';
import { Cluster, lookupImage, parseImageRef } from '../../src/sim/index.js';
import { bindFailureLines, containerArgv, pullError, shortLivedResult } from '../../src/sim/images.js';
import { httpRequest } from '../../src/sim/network.js';
import { createPod, logs, pod } from './lifecycle.helpers.js';

describe('images', () => {
  it('parses references the way Docker does and knows which exist', () => {
    expect([parseImageRef('nginx'), parseImageRef('docker.io/library/nginx:1.27'), parseImageRef('k8s.gcr.io/e2e-test-images/agnhost:2.52@sha256:abc')]).toEqual([
      { repository: 'nginx', tag: 'latest' },
      { repository: 'nginx', tag: '1.27' },
      { repository: 'registry.k8s.io/e2e-test-images/agnhost', tag: '2.52' },
    ]);
    expect(['nginx', 'ngnix', 'nginx:doesnotexist', 'busybox:1.36', 'gcr.io/google-samples/hello-app:3.0'].map((r) => lookupImage(r)?.repository)).toEqual(['nginx', undefined, undefined, 'busybox', undefined]);
  });

  it('words pull failures as Docker does: unknown repository vs unknown tag', () => {
    expect([pullError('ngnix'), pullError('nginx:doesnotexist'), pullError('example.com/team/app:v1')]).toEqual([
      "Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      'Error response from daemon: manifest for nginx:doesnotexist not found: manifest unknown: manifest unknown',
      "Error response from daemon: pull access denied for example.com/team/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    ]);
  });

  it('command replaces the entrypoint and args the cmd; short-lived scripts exit with their code and echo', () => {
    const busybox = lookupImage('busybox')!;
    expect([containerArgv(busybox), containerArgv(busybox, ['sleep'], ['10']), containerArgv(lookupImage('nginx')!, undefined, ['nginx-debug'])]).toEqual([['sh'], ['sleep', '10'], ['/docker-entrypoint.sh', 'nginx-debug']]);
    expect([shortLivedResult(['sh', '-c', 'echo "hi there"; exit 4']), shortLivedResult(['false']), shortLivedResult(['sh', '-c', 'date'])]).toEqual([{ code: 4, output: 'hi there' }, { code: 1 }, { code: 0 }]);
    expect(busybox.main(['sh', '-c', 'while true; do sleep 5; done'])).toEqual({ type: 'sleep', argv: ['sh', '-c', 'while true; do sleep 5; done'] });
  });

  it('prints each server\'s bind failure', () => {
    expect([bindFailureLines(lookupImage('httpd')!, 80, 0), bindFailureLines(lookupImage('hashicorp/http-echo')!, 5678, 0)]).toEqual([
      ['(98)Address already in use: AH00072: make_sock: could not bind to address [::]:80', '(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80', 'no listening sockets available, shutting down', 'AH00015: Unable to open logs'],
      ['1970/01/01 00:00:00 [ERR] Error starting server: listen tcp :5678: bind: address already in use'],
    ]);
  });

  it('agnhost netexec answers /hostname, /echo and / like the e2e server; nginx logs its start-up', () => {
    const c = new Cluster();
    createPod(c, 'srv', [{ name: 'srv', image: 'registry.k8s.io/e2e-test-images/agnhost:2.52', args: ['netexec', '--http-port=8080'] }]);
    createPod(c, 'web', [{ name: 'web', image: 'nginx' }]);
    c.advance(2_000);
    const from = { type: 'pod' as const, pod: pod(c, 'web'), container: 'web' };
    const get = (path: string): string => {
      const r = httpRequest(c, from, pod(c, 'srv').status.podIP!, 8080, { method: 'GET', path, host: 'srv', headers: {} });
      return r.ok ? `${r.response.status} ${r.response.body}` : r.failure.type;
    };
    expect([get('/hostname'), get('/echo?msg=hello'), get('/nope')]).toEqual(['200 srv', '200 hello', '404 404 page not found\n']);
    expect(logs(c, pod(c, 'web'), 'web').slice(-8)).toEqual([
      '2025/01/01 12:21:01 [notice] 1#1: using the "epoll" event method',
      '2025/01/01 12:21:01 [notice] 1#1: nginx/1.27.3',
      '2025/01/01 12:21:01 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)',
      '2025/01/01 12:21:01 [notice] 1#1: OS: Linux 6.8.0-1021-aws',
      '2025/01/01 12:21:01 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '2025/01/01 12:21:01 [notice] 1#1: start worker processes',
      '2025/01/01 12:21:01 [notice] 1#1: start worker process 29',
      '2025/01/01 12:21:01 [notice] 1#1: start worker process 30',
    ]);
  });
});
