/**
 * Ingress wired into HTTP: the minikube tutorial "Set up Ingress on Minikube with the NGINX Ingress Controller" end
 * to end through a shell session (the node's port 80 through the controller's hostPort, the controller's NodePort,
 * `curl -H 'Host: …'`, `curl --resolve`, /etc/hosts on the learner's machine), and the controller's own answers
 * (404, 503, 504 under NetworkPolicy, 308 to HTTPS, refused without a controller).
 */
import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../src/shell/index.js';
import { Cluster } from '../../src/sim/cluster.js';
import { connect, hostsFileLookup, httpRequest } from '../../src/sim/network.js';
import type { KubeObject } from '../../src/sim/types.js';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: example-ingress
spec:
  ingressClassName: nginx
  rules:
    - host: hello-world.example
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 8080
`;

const ok = (stdout: string): { stdout: string; stderr: string; exitCode: number } => ({ stdout, stderr: '', exitCode: 0 });
const hello = (pod: string): string => `Hello, world!\nVersion: 1.0.0\nHostname: ${pod}\n`;
/** nginx's built-in error page (CRLF line ends), as ingress-nginx serves it with `server_tokens off`. */
const nginxPage = (status: string): string => `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
const REFUSED_80 = { stdout: '', stderr: "curl: (7) Failed to connect to 192.168.49.2 port 80 after 0 ms: Couldn't connect to server\n", exitCode: 7 };

/** The tutorial up to `kubectl apply -f example-ingress.yaml`; returns the session and the web pod's name. */
function tutorial(): { sh: ShellSession; pod: string } {
  const sh = new ShellSession(new Cluster());
  expect(sh.run('minikube addons enable ingress').exitCode).toBe(0);
  expect(sh.run('kubectl create deployment web --image=gcr.io/google-samples/hello-app:1.0')).toEqual(ok('deployment.apps/web created\n'));
  expect(sh.run('kubectl expose deployment web --type=NodePort --port=8080')).toEqual(ok('service/web exposed\n'));
  expect(sh.run(`cat <<EOF > example-ingress.yaml\n${INGRESS}EOF`)).toEqual(ok(''));
  expect(sh.run('kubectl apply -f example-ingress.yaml')).toEqual(ok('ingress.networking.k8s.io/example-ingress created\n'));
  const pod = sh.run("kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}'").stdout;
  expect(pod).toMatch(/^web-[a-z0-9]{8,10}-[a-z0-9]{5}$/);
  return { sh, pod };
}

describe('the minikube Ingress tutorial through the shell', () => {
  it('routes by the Host header to the hello-app pod, at the node IP on port 80', () => {
    const { sh, pod } = tutorial();
    expect(sh.run('kubectl get ingress')).toEqual(ok('NAME              CLASS   HOSTS                 ADDRESS        PORTS   AGE\nexample-ingress   nginx   hello-world.example   192.168.49.2   80      4s\n'));
    expect(sh.run('curl -H "Host: hello-world.example" http://$(minikube ip)/')).toEqual(ok(hello(pod)));
    expect(sh.run("curl -H 'Host: hello-world.example' http://192.168.49.2/any/path")).toEqual(ok(hello(pod)));
    expect(sh.run('curl --resolve "hello-world.example:80:$( minikube ip )" -i http://hello-world.example')).toEqual(
      ok(`HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: keep-alive\r\nContent-Length: 60\r\n\r\n${hello(pod)}`),
    );
  });

  it('a host name added to /etc/hosts with sudo tee -a resolves on the learner machine', () => {
    const { sh, pod } = tutorial();
    expect(sh.run('curl hello-world.example')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: hello-world.example\n', exitCode: 6 });
    expect(sh.run('echo "$(minikube ip) hello-world.example" | sudo tee -a /etc/hosts')).toEqual(ok('192.168.49.2 hello-world.example\n'));
    expect(sh.run('tail -1 /etc/hosts')).toEqual(ok('192.168.49.2 hello-world.example\n'));
    expect(sh.run('curl hello-world.example')).toEqual(ok(hello(pod)));
    expect(sh.run('curl -s -o /dev/null -w "%{http_code} %{remote_ip}" http://hello-world.example/')).toEqual(ok('200 192.168.49.2'));
  });

  it('answers with the default backend 404 for a host no rule serves, and through the controller NodePort too', () => {
    const { sh, pod } = tutorial();
    expect(sh.run('curl $(minikube ip)')).toEqual(ok(nginxPage('404 Not Found')));
    expect(sh.run('curl -s -o /dev/null -w "%{http_code}" -H "Host: other.example" 192.168.49.2')).toEqual(ok('404'));
    const nodePort = sh.run("kubectl get svc -n ingress-nginx ingress-nginx-controller -o jsonpath='{.spec.ports[0].nodePort}'").stdout;
    expect(nodePort).toMatch(/^3\d{4}$/);
    expect(sh.run(`curl -H 'Host: hello-world.example' http://$(minikube ip):${nodePort}/`)).toEqual(ok(hello(pod)));
  });

  it('reaches the controller from a pod and from the node as well', () => {
    const { sh, pod } = tutorial();
    // minikube ssh joins its arguments into one remote command line, so the header is quoted inside it.
    expect(sh.run(`minikube ssh -- "curl -s -H 'Host: hello-world.example' localhost"`)).toEqual(ok(hello(pod)));
    expect(sh.run(`minikube ssh -- "curl -s -H 'Host: hello-world.example' 192.168.49.2"`)).toEqual(ok(hello(pod)));
    expect(sh.run('kubectl run client --image=busybox -- sleep 3600')).toEqual(ok('pod/client created\n'));
    expect(sh.run('kubectl exec client -- wget -qO- --header "Host: hello-world.example" http://192.168.49.2/')).toEqual(ok(hello(pod)));
    expect(sh.run('kubectl exec client -- wget -qO- --header "Host: hello-world.example" http://ingress-nginx-controller.ingress-nginx/')).toEqual(ok(hello(pod)));
  });

  it('spreads requests over the endpoints; 503 without endpoints', () => {
    const { sh } = tutorial();
    expect(sh.run('kubectl scale deployment web --replicas=2')).toEqual(ok('deployment.apps/web scaled\n'));
    const pods = sh.run("kubectl get pods -l app=web -o jsonpath='{.items[*].metadata.name}'").stdout.split(' ').sort();
    const seen = [1, 2, 3, 4].map(() => sh.run("curl -s -H 'Host: hello-world.example' 192.168.49.2").stdout.split('Hostname: ')[1]!.trim());
    expect([...new Set(seen)].sort()).toEqual(pods);
    expect(sh.run('kubectl scale deployment web --replicas=0')).toEqual(ok('deployment.apps/web scaled\n'));
    sh.run('sleep 40');
    expect(sh.run("curl -i -H 'Host: hello-world.example' 192.168.49.2")).toEqual(
      ok(`HTTP/1.1 503 Service Temporarily Unavailable\r\nContent-Type: text/html\r\nContent-Length: 190\r\nConnection: keep-alive\r\n\r\n${nginxPage('503 Service Temporarily Unavailable')}`),
    );
  });

  it('NetworkPolicy applies to controller → backend: denied is a 504, allowing the ingress-nginx namespace fixes it', () => {
    const { sh, pod } = tutorial();
    const deny = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n';
    expect(sh.run(`cat <<EOF | kubectl apply -f -\n${deny}EOF`)).toEqual(ok('networkpolicy.networking.k8s.io/deny-all created\n'));
    expect(sh.run("curl -s -o /dev/null -w '%{http_code}' -H 'Host: hello-world.example' 192.168.49.2")).toEqual(ok('504'));
    const allow =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-ingress-nginx\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: ingress-nginx\n    ports:\n    - port: 8080\n';
    expect(sh.run(`cat <<EOF | kubectl apply -f -\n${allow}EOF`)).toEqual(ok('networkpolicy.networking.k8s.io/allow-ingress-nginx created\n'));
    expect(sh.run("curl -H 'Host: hello-world.example' 192.168.49.2")).toEqual(ok(hello(pod)));
  });

  it('is refused before the addon is enabled and after it is disabled', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run("curl -H 'Host: hello-world.example' 192.168.49.2")).toEqual(REFUSED_80);
    const { sh: sh2 } = tutorial();
    expect(sh2.run('minikube addons disable ingress').exitCode).toBe(0);
    sh2.run('sleep 5');
    expect(sh2.run("curl -H 'Host: hello-world.example' 192.168.49.2")).toEqual(REFUSED_80);
  });
});

describe('ingress HTTP in the simulator', () => {
  function cluster(): Cluster {
    const c = new Cluster();
    c.state.addons.add('ingress');
    c.advance(30_000);
    c.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'hello-app', image: 'gcr.io/google-samples/hello-app:1.0' }] } } },
    });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 8080 }] } });
    c.advance(5000);
    return c;
  }
  const ingress = (tls: boolean): KubeObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      ...(tls ? { tls: [{ hosts: ['secure.example'], secretName: 'secure-tls' }] } : {}),
      rules: [{ host: 'secure.example', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } }] } }],
    },
  });
  const get = { method: 'GET', path: '/a?b=1', host: 'secure.example', headers: { Host: 'secure.example' } };

  it('plain HTTP to a host with a TLS certificate is redirected (308); HTTPS reaches the backend', () => {
    const c = cluster();
    c.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'secure-tls', namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'Y3J0', 'tls.key': 'a2V5' } });
    c.apply(ingress(true));
    const http = httpRequest(c, { type: 'host' }, '192.168.49.2', 80, get);
    expect(http.ok && [http.response.status, http.response.headers.Location, http.endpoint.pod.metadata.namespace]).toEqual([308, 'https://secure.example/a?b=1', 'ingress-nginx']);
    const https = httpRequest(c, { type: 'host' }, '192.168.49.2', 443, get);
    expect(https.ok && [https.response.status, https.endpoint.pod.metadata.labels?.app, https.ingress?.type]).toEqual([200, 'web', 'backend']);
  });

  it('the controller pod answers on the node port 80 and sees the client address; the route names the backend pod', () => {
    const c = cluster();
    c.apply(ingress(false));
    const r = httpRequest(c, { type: 'host' }, '192.168.49.2', 80, get);
    expect(r.ok && r.ingress?.type === 'backend' && r.ingress.endpoint.pod?.metadata.labels?.app).toBe('web');
    const conn = connect(c, { type: 'host' }, '192.168.49.2', 80);
    expect(conn.ok && [conn.endpoint.pod.metadata.namespace, conn.endpoint.container, conn.endpoint.server.port, conn.peer]).toEqual(['ingress-nginx', 'controller', 80, '192.168.49.1']);
  });

  it('a hostPort publishes any pod port on its node', () => {
    const c = new Cluster();
    c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hp' }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8081 }] }] } });
    c.advance(5000);
    const r = httpRequest(c, { type: 'host' }, '192.168.49.2', 8081, { method: 'GET', path: '/', host: '192.168.49.2:8081', headers: {} });
    expect(r.ok && [r.response.status, r.endpoint.pod.metadata.name]).toEqual([200, 'hp']);
    expect(connect(c, { type: 'host' }, '192.168.49.2', 8082)).toEqual({ ok: false, failure: { type: 'refused', host: '192.168.49.2', port: 8082 } });
  });

  it('reads /etc/hosts as glibc does', () => {
    const hosts = '127.0.0.1\tlocalhost\n# 10.0.0.1 commented.example\n::1 ip6-localhost\n192.168.49.2 hello-world.example  Other.Example # trailing\n192.168.49.3 hello-world.example\n';
    expect(['hello-world.example', 'other.example', 'HELLO-world.example.', 'commented.example', 'ip6-localhost', 'localhost'].map((n) => hostsFileLookup(hosts, n))).toEqual([
      '192.168.49.2',
      '192.168.49.2',
      '192.168.49.2',
      undefined,
      undefined,
      '127.0.0.1',
    ]);
    expect(connect(new Cluster(), { type: 'host', hosts }, 'nowhere.example', 80)).toEqual({ ok: false, failure: { type: 'resolve', host: 'nowhere.example', reason: 'nxdomain' } });
  });
});
