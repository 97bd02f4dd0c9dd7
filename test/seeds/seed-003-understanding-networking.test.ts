/**
 * Seed 003 (../shared/seeds/003_63606bf463acef79.txt, "Understanding Kubernetes Networking"): the four communication
 * scenarios (container-to-container, pod-to-pod, pod-to-Service with targetPort, external-to-Service) and the Service
 * types. The seed has no manifests, so each claim is exercised with small ones a learner would write. Where it is
 * inaccurate (pod IPs "from the worker nodes' internal IP range"; a LoadBalancer "creates a NodePort service and a
 * ClusterIP service"), the true behaviour is asserted.
 */
import { describe, expect, it } from 'vitest';
import { IT_WORKS, Learner, err, ok } from './replay.js';

const MULTI = `apiVersion: v1
kind: Pod
metadata:
  name: multi
  labels:
    app: multi
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 80
  - name: echo
    image: hashicorp/http-echo
    args: ["-text=from the echo container"]
    ports:
    - containerPort: 5678
---
apiVersion: v1
kind: Service
metadata:
  name: echo-svc
spec:
  selector:
    app: multi
  ports:
  - port: 80
    targetPort: 5678
`;

const CLASH = `apiVersion: v1
kind: Pod
metadata:
  name: clash
spec:
  containers:
  - name: web1
    image: nginx
  - name: web2
    image: httpd
`;

const ECHO = ok('from the echo container\n');
const NGINX_TITLE = ok('<title>Welcome to nginx!</title>\n');

describe('seed 003: Understanding Kubernetes Networking', () => {
  it('container-to-container: one network namespace, localhost or the shared pod IP; a Service targetPort picks the container', () => {
    const l = new Learner();
    l.write('multi.yaml', MULTI);
    expect(l.run('kubectl apply -f multi.yaml')).toEqual(ok('pod/multi created\nservice/echo-svc created\n'));
    const ip = l.jsonpath('pod multi', '{.status.podIP}');
    expect(l.run('kubectl exec multi -c web -- curl -s localhost:5678')).toEqual(ECHO);
    // Containers have no IPs of their own: both are at the pod's IP.
    expect(l.run(`kubectl exec multi -c web -- curl -s ${ip}:5678`)).toEqual(ECHO);
    expect(l.run(`kubectl exec multi -c web -- curl -s ${ip}:80 | grep '<title>'`)).toEqual(NGINX_TITLE);
    // Service port 80 → targetPort 5678: the echo container answers, not nginx on 80.
    expect(l.run('kubectl exec multi -c web -- curl -s echo-svc')).toEqual(ECHO);
  });

  it('two containers in one pod cannot listen on the same port: the second fails to bind and crash-loops', () => {
    const l = new Learner();
    l.write('clash.yaml', CLASH);
    expect(l.run('kubectl apply -f clash.yaml')).toEqual(ok('pod/clash created\n'));
    expect(l.run('sleep 30')).toEqual(ok(''));
    expect(l.run("kubectl get pod clash -o jsonpath='{.status.containerStatuses[1].name} {.status.containerStatuses[1].state.waiting.reason}'")).toEqual(ok('web2 CrashLoopBackOff'));
    const logs = l.run('kubectl logs clash -c web2').stdout.split('\n');
    expect(logs.slice(-5)).toEqual([
      '(98)Address already in use: AH00072: make_sock: could not bind to address [::]:80',
      '(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80',
      'no listening sockets available, shutting down',
      'AH00015: Unable to open logs',
      '',
    ]);
  });

  it('pod-to-pod: IPs from `kubectl get pods -o wide` come from the node pod CIDR (not the nodes\' own address range)', () => {
    const l = new Learner();
    l.write('multi.yaml', MULTI);
    expect(l.run('kubectl apply -f multi.yaml')).toEqual(ok('pod/multi created\nservice/echo-svc created\n'));
    expect(l.run('kubectl run client --image=busybox -- sleep 3600')).toEqual(ok('pod/client created\n'));
    expect(l.run('kubectl get pods -o wide')).toEqual(
      ok(
        'NAME     READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES\n' +
          'client   1/1     Running   0          2s    10.244.0.4   minikube   <none>           <none>\n' +
          'multi    2/2     Running   0          4s    10.244.0.3   minikube   <none>           <none>\n',
      ),
    );
    // The seed: "assigned from the worker nodes' internal IP range". The node's InternalIP is 192.168.49.2; pod IPs
    // come from the node's podCIDR, a separate range.
    expect(l.run("kubectl get node minikube -o jsonpath='{.spec.podCIDR} {.status.addresses[0].type}={.status.addresses[0].address}'")).toEqual(ok('10.244.0.0/24 InternalIP=192.168.49.2'));
    expect(l.run('kubectl exec client -- wget -qO- 10.244.0.3:5678')).toEqual(ECHO);
    // Discovery by DNS: the pod's A record and the Service name.
    expect(l.run('kubectl exec client -- wget -qO- 10-244-0-3.default.pod.cluster.local:5678')).toEqual(ECHO);
    expect(l.run('kubectl exec client -- wget -qO- echo-svc')).toEqual(ECHO);
  });

  it('pod-to-Service across namespaces: <svc>.<namespace>; the short name only works in the same namespace', () => {
    const l = new Learner();
    expect(l.run('kubectl create namespace other')).toEqual(ok('namespace/other created\n'));
    expect(l.run('kubectl create deployment web -n other --image=httpd')).toEqual(ok('deployment.apps/web created\n'));
    expect(l.run('kubectl expose deployment web -n other --port=80')).toEqual(ok('service/web exposed\n'));
    expect(l.run('kubectl run client --image=nginx')).toEqual(ok('pod/client created\n'));
    expect(l.run('kubectl exec client -- curl -s web.other')).toEqual(ok(IT_WORKS));
    expect(l.run('kubectl exec client -- curl -s web')).toEqual(err('command terminated with exit code 6\n', 6));
    // Without -t, curl's stdout is a pipe, so it draws its progress meter on stderr before the error (as real curl does).
    expect(l.run('kubectl exec client -- curl web')).toEqual(
      err(
        '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0curl: (6) Could not resolve host: web\ncommand terminated with exit code 6\n',
        6,
      ),
    );
    expect(l.run('kubectl exec -t client -- curl web')).toEqual(err('curl: (6) Could not resolve host: web\ncommand terminated with exit code 6\n', 6));
  });

  it('Service types: ClusterIP is the default and internal only; NodePort answers on the node IP', () => {
    const l = new Learner();
    expect(l.run('kubectl create deployment web --image=httpd')).toEqual(ok('deployment.apps/web created\n'));
    l.write('svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n');
    expect(l.run('kubectl apply -f svc.yaml')).toEqual(ok('service/web created\n'));
    expect(l.jsonpath('svc web', '{.spec.type}')).toBe('ClusterIP');
    const ip = l.jsonpath('svc web', '{.spec.clusterIP}');
    expect(l.run(`curl -m 2 ${ip}`)).toEqual(err('curl: (28) Connection timed out after 2001 milliseconds\n', 28));
    expect(l.run('kubectl expose deployment web --type=NodePort --port=80 --name=web-np')).toEqual(ok('service/web-np exposed\n'));
    const nodePort = l.jsonpath('svc web-np', '{.spec.ports[0].nodePort}');
    expect(l.run(`curl -s $(minikube ip):${nodePort}`)).toEqual(ok(IT_WORKS));
  });

  it('LoadBalancer: one Service with a ClusterIP and an auto-assigned node port (not extra Services); the tunnel gives it an external IP', () => {
    const l = new Learner();
    expect(l.run('kubectl create deployment lb --image=nginx')).toEqual(ok('deployment.apps/lb created\n'));
    expect(l.run('kubectl expose deployment lb --type=LoadBalancer --port=80')).toEqual(ok('service/lb exposed\n'));
    const clusterIP = l.jsonpath('svc lb', '{.spec.clusterIP}');
    expect(clusterIP).toBe('10.103.64.199');
    const nodePort = l.jsonpath('svc lb', '{.spec.ports[0].nodePort}');
    expect(l.run('kubectl get svc')).toEqual(
      ok(
        'NAME         TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE\n' +
          'kubernetes   ClusterIP      10.96.0.1       <none>        443/TCP        21m\n' +
          `lb           LoadBalancer   ${clusterIP}   <pending>     80:${nodePort}/TCP   6s\n`,
      ),
    );
    expect(l.run(`curl -s $(minikube ip):${nodePort} | grep '<title>'`)).toEqual(NGINX_TITLE);
    expect(l.run('minikube tunnel').exitCode).toBe(0);
    const external = l.jsonpath('svc lb', '{.status.loadBalancer.ingress[0].ip}');
    expect(external).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(l.run(`curl -s ${external} | grep '<title>'`)).toEqual(NGINX_TITLE);
  });
});
