/**
 * Seed 002 (../shared/seeds/002_80e7d88439fe0414.txt): start minikube, two pods from pod1.yml and pod2.yml (nginx and
 * httpd), `kubectl get pods -o wide`, `curl <pod IP>:80`, a recreated pod getting a new IP, and Service theory
 * (selectors, endpoints, the four types). Where the seed is wrong (the node port range applies only to node ports;
 * pod IPs are reachable from every node but not from outside the cluster), the true behaviour is asserted.
 */
import { describe, expect, it } from 'vitest';
import { IT_WORKS, Learner, err, ok } from './replay.js';

const POD1 = `kind: Pod
apiVersion: v1
metadata:
  name: testpod1
spec:
  containers:
  - name: c01
    image: nginx
    ports:
    - containerPort: 80
`;

const POD2 = `kind: Pod
apiVersion: v1
metadata:
  name: testpod2
spec:
  containers:
  - name: c01
    image: httpd
    ports:
    - containerPort: 80
`;

/** The seed's pods, applied as it says. */
function twoPods(): Learner {
  const l = new Learner();
  l.write('pod1.yml', POD1);
  l.write('pod2.yml', POD2);
  expect(l.run('kubectl apply -f pod1.yml')).toEqual(ok('pod/testpod1 created\n'));
  expect(l.run('kubectl apply -f pod2.yml')).toEqual(ok('pod/testpod2 created\n'));
  return l;
}

describe('seed 002: pod-to-pod communication and Services', () => {
  it('minikube is running', () => {
    const l = new Learner();
    expect(l.run('minikube start').exitCode).toBe(0);
    expect(l.run('minikube status')).toEqual(ok('minikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n'));
  });

  it('two pods get their own IPs; curl <pod IP>:80 reaches each from the other pod and from the node', () => {
    const l = twoPods();
    expect(l.run('kubectl get pods')).toEqual(ok('NAME       READY   STATUS    RESTARTS   AGE\ntestpod1   1/1     Running   0          4s\ntestpod2   1/1     Running   0          2s\n'));
    expect(l.run('kubectl get pods -o wide')).toEqual(
      ok(
        'NAME       READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES\n' +
          'testpod1   1/1     Running   0          6s    10.244.0.3   minikube   <none>           <none>\n' +
          'testpod2   1/1     Running   0          4s    10.244.0.4   minikube   <none>           <none>\n',
      ),
    );
    expect(l.run('kubectl exec testpod1 -- curl -s 10.244.0.4:80')).toEqual(ok(IT_WORKS));
    expect(l.run("minikube ssh -- curl -s 10.244.0.3:80 | grep '<title>'")).toEqual(ok('<title>Welcome to nginx!</title>\n'));
    expect(l.run('minikube ssh -- curl -s 10.244.0.4:80')).toEqual(ok(IT_WORKS));
    // The seed runs `curl 'pod IP':80` as if from anywhere, and says pod IPs are "not accessible outside the node".
    // True behaviour: any node or pod reaches them; the learner's machine, outside the cluster, does not.
    expect(l.run('curl -m 3 10.244.0.4:80')).toEqual(err('curl: (28) Connection timed out after 3001 milliseconds\n', 28));
  });

  it('a recreated pod gets a new IP, so the old address stops working', () => {
    const l = twoPods();
    const old = l.jsonpath('pod testpod2', '{.status.podIP}');
    expect(l.run('kubectl delete pod testpod2')).toEqual(ok('pod "testpod2" deleted\n'));
    expect(l.run('kubectl apply -f pod2.yml')).toEqual(ok('pod/testpod2 created\n'));
    const now = l.jsonpath('pod testpod2', '{.status.podIP}');
    expect([old, now]).toEqual(['10.244.0.4', '10.244.0.5']);
    expect(l.run(`kubectl exec testpod1 -- curl -s -m 2 ${old}:80`)).toEqual(err('command terminated with exit code 28\n', 28));
    expect(l.run(`kubectl exec testpod1 -- curl -s ${now}:80`)).toEqual(ok(IT_WORKS));
  });

  it('a Service selects pods by label, creates endpoints and keeps one virtual IP across pod restarts', () => {
    const l = twoPods();
    expect(l.run('kubectl label pod testpod2 app=web')).toEqual(ok('pod/testpod2 labeled\n'));
    expect(l.run('kubectl expose pod testpod2 --port=80 --name=web')).toEqual(ok('service/web exposed\n'));
    expect(l.run('kubectl get endpoints web')).toEqual({
      stdout: 'NAME   ENDPOINTS       AGE\nweb    10.244.0.4:80   2s\n',
      stderr: 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
      exitCode: 0,
    });
    expect(l.run('kubectl exec testpod1 -- curl -s web')).toEqual(ok(IT_WORKS));
    expect(l.run('kubectl delete pod testpod2')).toEqual(ok('pod "testpod2" deleted\n'));
    expect(l.run('kubectl apply -f pod2.yml')).toEqual(ok('pod/testpod2 created\n'));
    expect(l.run('kubectl label pod testpod2 app=web')).toEqual(ok('pod/testpod2 labeled\n'));
    expect(l.run('kubectl exec testpod1 -- curl -s web')).toEqual(ok(IT_WORKS));
    expect(l.run("kubectl get endpoints web -o jsonpath='{.subsets[0].addresses[0].ip}' 2>/dev/null")).toEqual(ok('10.244.0.5'));
  });

  it('Service types: ClusterIP by default; ExternalName is a DNS alias (CNAME) with no proxying', () => {
    const l = twoPods();
    // A Service needs a selector; `kubectl expose pod` borrows the pod's labels, and these pods have none yet.
    expect(l.run('kubectl expose pod testpod2 --port=80 --name=internal')).toEqual(
      err("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n"),
    );
    expect(l.run('kubectl label pod testpod2 app=web')).toEqual(ok('pod/testpod2 labeled\n'));
    expect(l.run('kubectl expose pod testpod2 --port=80 --name=internal')).toEqual(ok('service/internal exposed\n'));
    expect(l.jsonpath('svc internal', '{.spec.type}')).toBe('ClusterIP');
    expect(l.run('kubectl create service externalname ext --external-name=example.com')).toEqual(ok('service/ext created\n'));
    expect(l.run('kubectl get svc ext')).toEqual(ok('NAME   TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\next    ExternalName   <none>       example.com   <none>    2s\n'));
    expect(l.run('kubectl run client --image=busybox -- sleep 3600')).toEqual(ok('pod/client created\n'));
    expect(l.run('kubectl exec client -- nslookup ext')).toEqual(ok('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\next.default.svc.cluster.local\tcanonical name = example.com\n\n'));
  });

  it('"service can run only between ports 30000-32767" is wrong: a Service port can be 80; only node ports are in that range', () => {
    const l = twoPods();
    expect(l.run('kubectl label pod testpod2 app=web')).toEqual(ok('pod/testpod2 labeled\n'));
    expect(l.run('kubectl expose pod testpod2 --type=NodePort --port=80 --name=web')).toEqual(ok('service/web exposed\n'));
    const port = Number(l.jsonpath('svc web', '{.spec.ports[0].port}'));
    const nodePort = Number(l.jsonpath('svc web', '{.spec.ports[0].nodePort}'));
    expect([port, nodePort >= 30000 && nodePort <= 32767]).toEqual([80, true]);
    expect(l.run(`curl -s $(minikube ip):${nodePort}`)).toEqual(ok(IT_WORKS));
    l.write(
      'bad.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n    nodePort: 8080\n',
    );
    expect(l.run('kubectl apply -f bad.yaml')).toEqual(
      err('The Service "bad" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767\n'),
    );
  });
});
