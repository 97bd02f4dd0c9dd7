import { describe, expect, it } from 'vitest';
import { Cluster, containerFs, containerWorkingDir, type Container, type PodSpec } from '../../src/sim/index.js';
import { httpRequest } from '../../src/sim/network.js';
import { lookupImage } from '../../src/sim/images.js';
import { createPod, pod, row } from './lifecycle.helpers.js';

const NGINX_403 = '<html>\n<head><title>403 Forbidden</title></head>\n<body>\n<center><h1>403 Forbidden</h1></center>\n<hr><center>nginx/1.27.3</center>\n</body>\n</html>\n';

/** A cluster with a client pod and the given server pod; `get` sends a request from the client. */
function setup(containers: Partial<Container>[], spec: Partial<PodSpec> = {}): { c: Cluster; get: (port: number, path?: string) => string } {
  const c = new Cluster();
  createPod(c, 'client', [{ name: 'client', image: 'busybox', command: ['sleep', '3600'] }]);
  createPod(c, 'srv', containers, spec);
  c.advance(3_000);
  const from = { type: 'pod' as const, pod: pod(c, 'client'), container: 'client' };
  const get = (port: number, path = '/'): string => {
    const r = httpRequest(c, from, pod(c, 'srv').status.podIP!, port, { method: 'GET', path, host: 'srv', headers: {} });
    return r.ok ? `${r.response.status} ${r.response.body}` : r.failure.type;
  };
  return { c, get };
}

describe('image servers', () => {
  it('hello-app answers the version of its tag', () => {
    expect(setup([{ name: 'app', image: 'gcr.io/google-samples/hello-app:2.0' }]).get(8080)).toEqual('200 Hello, world!\nVersion: 2.0.0\nHostname: srv\n');
    expect(setup([{ name: 'app', image: 'us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0' }]).get(8080)).toEqual('200 Hello, world!\nVersion: 1.0.0\nHostname: srv\n');
  });

  it('nginx answers 403 Forbidden for an emptyDir over its html directory, and the index.html written there', () => {
    const { c, get } = setup([{ name: 'web', image: 'nginx', volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html' }] }], { volumes: [{ name: 'html', emptyDir: {} }] });
    expect([get(80), get(80, '/index.html')]).toEqual([`403 ${NGINX_403}`, '404 <html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/1.27.3</center>\n</body>\n</html>\n']);
    containerFs(c, pod(c, 'srv'), 'web')!.writeFile('/usr/share/nginx/html/index.html', 'hello from the volume\n');
    expect(get(80)).toEqual('200 hello from the volume\n');
  });

  it('nginx serves its own welcome page and 50x.html from its file system', () => {
    const { c, get } = setup([{ name: 'web', image: 'nginx:1.27.3' }]);
    const fs = containerFs(c, pod(c, 'srv'), 'web')!;
    expect([get(80).slice(0, 40), fs.readdir('/usr/share/nginx/html'), fs.readdir('/etc/nginx'), fs.readFile('/etc/nginx/nginx.conf').split('\n').slice(0, 4)]).toEqual([
      '200 <!DOCTYPE html>\n<html>\n<head>\n<title',
      ['50x.html', 'index.html'],
      ['conf.d', 'nginx.conf'],
      ['', 'user  nginx;', 'worker_processes  auto;', ''],
    ]);
  });

  it('httpd: WORKDIR /usr/local/apache2 with htdocs, conf/httpd.conf and logs; spec.workingDir wins', () => {
    const { c, get } = setup([{ name: 'web', image: 'httpd:2.4' }, { name: 'side', image: 'busybox', command: ['sleep', '3600'], workingDir: '/tmp' }]);
    const p = pod(c, 'srv');
    const fs = containerFs(c, p, 'web')!;
    const conf = fs.readFile('/usr/local/apache2/conf/httpd.conf').split('\n');
    expect([
      get(80),
      containerWorkingDir(c, p, 'web'),
      containerWorkingDir(c, p, 'side'),
      containerWorkingDir(c, pod(c, 'client'), 'client'),
      fs.readdir('/usr/local/apache2'),
      fs.readFile('/usr/local/apache2/htdocs/index.html'),
      conf.filter((l) => /^\s*(Listen|CustomLog|DocumentRoot|ErrorLog)/.test(l)),
    ]).toEqual([
      '200 <html><body><h1>It works!</h1></body></html>\n',
      '/usr/local/apache2',
      '/tmp',
      '/',
      ['bin', 'cgi-bin', 'conf', 'error', 'htdocs', 'icons', 'logs', 'modules'],
      '<html><body><h1>It works!</h1></body></html>\n',
      ['Listen 80', 'DocumentRoot "/usr/local/apache2/htdocs"', 'ErrorLog /proc/self/fd/2', '    CustomLog /proc/self/fd/1 common'],
    ]);
  });

  it('redis listens on 6379; agnhost with no arguments pauses; socat listens where told; nginx-slim serves nginx', () => {
    const redis = setup([{ name: 'redis', image: 'redis:7.2' }]);
    expect([row(redis.c, 'srv'), redis.get(6379), redis.get(80)]).toEqual(['1/1 Running 0', "200 -ERR wrong number of arguments for 'get' command\r\n", 'refused']);
    const agn = setup([{ name: 'dnsutils', image: 'registry.k8s.io/e2e-test-images/agnhost:2.39' }]);
    agn.c.advance(60_000);
    expect(row(agn.c, 'srv')).toEqual('1/1 Running 0');
    const socat = setup([{ name: 'proxy', image: 'docker.io/alpine/socat:1.8.0.3', args: ['tcp-listen:5432,fork,reuseaddr', 'tcp-connect:db:5432'] }]);
    expect([row(socat.c, 'srv'), socat.get(5432)]).toEqual(['1/1 Running 0', '502 ']);
    const slim = setup([{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }]);
    expect(slim.get(80).slice(0, 20)).toEqual('200 <!DOCTYPE html>\n');
  });

  it('nginx with a directory view: 403 for a subdirectory without index.html, 301 to the slash for a bare directory', () => {
    const main = lookupImage('nginx')!.main(['nginx', '-g', 'daemon off;']);
    if (main.type !== 'serve') throw new Error('nginx should serve');
    const dirs = new Set(['/usr/share/nginx/html', '/usr/share/nginx/html/docs', '/usr/share/nginx/html/img']);
    const files: Record<string, string> = { '/usr/share/nginx/html/docs/index.html': 'docs\n' };
    const ctx = { podName: 'web', args: [], readFile: (p: string) => files[p], isDir: (p: string) => dirs.has(p.replace(/\/$/, '')) };
    const get = (path: string): string => {
      const r = main.servers[0]!.handle({ method: 'GET', path, host: 'web.example', headers: {} }, ctx);
      return `${r.status} ${r.headers.Location ?? ''} ${r.body.split('\n')[0] === '<html>' ? r.body.split('\n')[1] : r.body}`;
    };
    expect([get('/docs/'), get('/docs'), get('/img/'), get('/nope/'), get('/')]).toEqual([
      '200  docs\n',
      '301 http://web.example/docs/ <head><title>301 Moved Permanently</title></head>',
      '403  <head><title>403 Forbidden</title></head>',
      '404  <head><title>404 Not Found</title></head>',
      '403  <head><title>403 Forbidden</title></head>',
    ]);
  });
});
