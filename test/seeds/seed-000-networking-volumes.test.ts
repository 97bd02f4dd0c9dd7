/**
 * Seed 000 (../shared/seeds/000_38ee81ca947b8f2a.txt, "Networking" on Minikube): container-to-container over
 * localhost, pod-to-pod by IP, a ClusterIP Service that outlives its pods, a NodePort Service reached from outside,
 * emptyDir and hostPath volumes, and the common kubectl commands. Manifests are rebuilt from the seed's flattened
 * YAML; where the seed is wrong, the test asserts what Kubernetes really does and says so.
 */
import { describe, expect, it } from 'vitest';
import { IT_WORKS, Learner, err, ok } from './replay.js';

const TEST_POD = `apiVersion: v1
kind: Pod
metadata:
  name: test-pod
spec:
  containers:
  - name: c0
    image: ubuntu
    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]
  - name: c01
    image: httpd # Apache HTTP Server
    ports:
    - containerPort: 80 # Exposing port 80 for Apache
`;

const NGINX_POD = `apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
spec:
  containers:
  - name: nginx-container
    image: nginx
    ports:
    - containerPort: 80
`;

const APACHE_POD = `apiVersion: v1
kind: Pod
metadata:
  name: apache-pod
spec:
  containers:
  - name: apache-container
    image: httpd
    ports:
    - containerPort: 80
`;

const DEPLOY_HTTPD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-deployment
spec:
  replicas: 1
  selector:
    matchLabels:
      app: my-apache-app # Label for Pods
  template:
    metadata:
      labels:
        app: my-apache-app # Labels applied to Pods
    spec:
      containers:
      - name: apache-container
        image: httpd
        ports:
        - containerPort: 80
`;

const SERVICE_CLUSTERIP = `apiVersion: v1
kind: Service
metadata:
  name: demo-service
spec:
  selector:
    app: my-apache-app # Matches the Pods' label
  ports:
  - protocol: TCP
    port: 80 # Service port
    targetPort: 80 # Container port
  type: ClusterIP # Explicitly defined as ClusterIP
`;

const SERVICE_NODEPORT = `apiVersion: v1
kind: Service
metadata:
  name: demo-service
spec:
  selector:
    app: my-apache-app # Matches the Pods' label
  ports:
  - protocol: TCP
    port: 80 # Service port
    targetPort: 80 # Container port
    nodePort: 31341 # Optional: specific NodePort, or Kubernetes assigns one
  type: NodePort # Explicitly defined as NodePort
`;

const EMPTYDIR_POD = `apiVersion: v1
kind: Pod
metadata:
  name: my-volume-emptydir
spec:
  containers:
  - name: c1
    image: ubuntu
    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]
    volumeMounts:
    - name: exchange # Volume name
      mountPath: /tmp/exchange # Path inside container c1
  - name: c2
    image: ubuntu
    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]
    volumeMounts:
    - name: exchange # Same volume name
      mountPath: /tmp/data # Path inside container c2
  volumes:
  - name: exchange # Defines the EmptyDir volume
    emptyDir: {}
`;

const HOSTPATH_POD = `apiVersion: v1
kind: Pod
metadata:
  name: my-volume-hostpath
spec:
  containers:
  - name: hostpath-container
    image: ubuntu
    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]
    volumeMounts:
    - name: test-volume
      mountPath: /tmp/hostpath-mount # Path inside the container
  volumes:
  - name: test-volume
    hostPath:
      path: /tmp/data # Path on the host Node's filesystem
      type: DirectoryOrCreate # Ensures the directory exists or creates it
`;

describe('seed 000: Networking (Minikube)', () => {
  it('container-to-container: c0 installs curl and reaches Apache in c01 on localhost:80', () => {
    const l = new Learner();
    l.write('test-pod.yaml', TEST_POD);
    expect(l.run('kubectl apply -f test-pod.yaml')).toEqual(ok('pod/test-pod created\n'));
    expect(l.run('kubectl get pods')).toEqual(ok('NAME       READY   STATUS    RESTARTS   AGE\ntest-pod   2/2     Running   0          2s\n'));
    expect(l.run('kubectl exec -it test-pod -c c0 -- /bin/bash')).toEqual(ok(''));
    expect(l.sh.prompt()).toBe('root@test-pod:/# ');
    expect(l.run('curl localhost:80')).toEqual(err('bash: curl: command not found\n', 127));
    expect(l.run('apt-get update').exitCode).toBe(0);
    expect(l.run('apt-get install -y curl').exitCode).toBe(0);
    expect(l.run('curl localhost:80')).toEqual(ok(IT_WORKS));
    expect(l.run('exit')).toEqual(ok('exit\n'));
    expect(l.sh.prompt()).toBe('learner@laptop:~$ ');
  });

  it('pod-to-pod: nginx-pod reaches apache-pod by its IP; pod IPs are reachable from the node, not from outside the cluster', () => {
    const l = new Learner();
    l.write('pod-nginx.yaml', NGINX_POD);
    l.write('pod-apache.yaml', APACHE_POD);
    expect(l.run('kubectl apply -f pod-nginx.yaml')).toEqual(ok('pod/nginx-pod created\n'));
    expect(l.run('kubectl apply -f pod-apache.yaml')).toEqual(ok('pod/apache-pod created\n'));
    expect(l.run('kubectl get pods -o wide')).toEqual(
      ok(
        'NAME         READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES\n' +
          'apache-pod   1/1     Running   0          2s    10.244.0.4   minikube   <none>           <none>\n' +
          'nginx-pod    1/1     Running   0          4s    10.244.0.3   minikube   <none>           <none>\n',
      ),
    );
    expect(l.run('kubectl exec -it nginx-pod -- curl 10.244.0.4:80')).toEqual(ok(IT_WORKS));
    // The seed: "these Pod IPs are not accessible from outside the Node". True behaviour: every node (and pod) of the
    // cluster reaches them; only machines outside the cluster (the learner's laptop) cannot.
    expect(l.run('minikube ssh -- curl -s 10.244.0.4:80')).toEqual(ok(IT_WORKS));
    expect(l.run('curl -m 5 10.244.0.4:80')).toEqual(err('curl: (28) Connection timed out after 5001 milliseconds\n', 28));
  });

  it('pod IPs are reachable from another node too (the seed says "not outside the Node")', () => {
    const l = new Learner({ nodes: 2 });
    l.write('pod-apache.yaml', APACHE_POD);
    expect(l.run('kubectl apply -f pod-apache.yaml')).toEqual(ok('pod/apache-pod created\n'));
    const node = l.jsonpath('pod apache-pod', '{.spec.nodeName}');
    const other = node === 'minikube' ? 'minikube-m02' : 'minikube';
    const ip = l.jsonpath('pod apache-pod', '{.status.podIP}');
    expect(l.run(`minikube ssh -n ${other} -- curl -s ${ip}:80`)).toEqual(ok(IT_WORKS));
  });

  it('ClusterIP: the Service IP stays while the pod behind it is replaced with a new IP', () => {
    const l = new Learner();
    l.write('deploy-httpd.yaml', DEPLOY_HTTPD);
    l.write('service-clusterip.yaml', SERVICE_CLUSTERIP);
    expect(l.run('kubectl apply -f deploy-httpd.yaml')).toEqual(ok('deployment.apps/my-deployment created\n'));
    expect(l.run('kubectl apply -f service-clusterip.yaml')).toEqual(ok('service/demo-service created\n'));
    const clusterIP = l.jsonpath('svc demo-service', '{.spec.clusterIP}');
    expect(l.run('kubectl get svc')).toEqual(
      ok(
        'NAME           TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE\n' +
          'demo-service   ClusterIP   10.99.41.37   <none>        80/TCP    4s\n' +
          'kubernetes     ClusterIP   10.96.0.1     <none>        443/TCP   21m\n',
      ),
    );
    expect(l.run('kubectl run client --image=nginx')).toEqual(ok('pod/client created\n'));
    expect(l.run(`kubectl exec client -- curl -s ${clusterIP}:80`)).toEqual(ok(IT_WORKS));
    const pod = l.jsonpath('pods -l app=my-apache-app', '{.items[0].metadata.name}');
    const podIP = l.jsonpath(`pod ${pod}`, '{.status.podIP}');
    expect(l.run(`kubectl delete pod ${pod}`)).toEqual(ok(`pod "${pod}" deleted\n`));
    l.waitReady('-l app=my-apache-app');
    const pod2 = l.jsonpath('pods -l app=my-apache-app', '{.items[0].metadata.name}');
    const podIP2 = l.jsonpath(`pod ${pod2}`, '{.status.podIP}');
    expect([pod2 !== pod, podIP2 !== podIP]).toEqual([true, true]);
    expect(l.jsonpath('svc demo-service', '{.spec.clusterIP}')).toBe(clusterIP);
    expect(l.run(`kubectl exec client -- curl -s ${clusterIP}:80`)).toEqual(ok(IT_WORKS));
    // ClusterIP is only visible inside the cluster: not from the learner's machine.
    expect(l.run(`curl -m 3 ${clusterIP}:80`)).toEqual(err('curl: (28) Connection timed out after 3001 milliseconds\n', 28));
  });

  it('NodePort: demo-service on node port 31341 answers at $(minikube ip):31341 from outside the cluster', () => {
    const l = new Learner();
    l.write('deploy-httpd.yaml', DEPLOY_HTTPD);
    l.write('service-clusterip.yaml', SERVICE_CLUSTERIP);
    l.write('service-nodeport.yaml', SERVICE_NODEPORT);
    expect(l.run('kubectl apply -f deploy-httpd.yaml')).toEqual(ok('deployment.apps/my-deployment created\n'));
    expect(l.run('kubectl apply -f service-clusterip.yaml')).toEqual(ok('service/demo-service created\n'));
    expect(l.run('kubectl apply -f service-nodeport.yaml')).toEqual(ok('service/demo-service configured\n'));
    // The seed writes the port as "31341:80/TCP"; kubectl prints the Service port first: 80:31341/TCP.
    expect(l.run('kubectl get svc demo-service')).toEqual(
      ok('NAME           TYPE       CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE\ndemo-service   NodePort   10.99.41.37   <none>        80:31341/TCP   4s\n'),
    );
    expect(l.run('minikube ip')).toEqual(ok('192.168.49.2\n'));
    expect(l.run('curl $(minikube ip):31341')).toEqual(ok(IT_WORKS));
    expect(l.run('curl http://192.168.49.2:31341/')).toEqual(ok(IT_WORKS));
  });

  it('emptyDir: c2 sees the file c1 wrote; the volume is gone with the pod', () => {
    const l = new Learner();
    l.write('emptydir.yaml', EMPTYDIR_POD);
    expect(l.run('kubectl apply -f emptydir.yaml')).toEqual(ok('pod/my-volume-emptydir created\n'));
    expect(l.run('kubectl get pods')).toEqual(ok('NAME                 READY   STATUS    RESTARTS   AGE\nmy-volume-emptydir   2/2     Running   0          2s\n'));
    expect(l.run('kubectl exec -it my-volume-emptydir -c c1 -- /bin/bash')).toEqual(ok(''));
    expect(l.run('echo "Technical Guftgu Zindabad" > /tmp/exchange/my-file.txt')).toEqual(ok(''));
    expect(l.run('exit')).toEqual(ok('exit\n'));
    expect(l.run('kubectl exec -it my-volume-emptydir -c c2 -- /bin/bash')).toEqual(ok(''));
    expect(l.run('cd /tmp/data/')).toEqual(ok(''));
    expect(l.sh.prompt()).toBe('root@my-volume-emptydir:/tmp/data# ');
    expect(l.run('ls')).toEqual(ok('my-file.txt\n'));
    expect(l.run('cat my-file.txt')).toEqual(ok('Technical Guftgu Zindabad\n'));
    expect(l.run('exit')).toEqual(ok('exit\n'));
    // "Data in an EmptyDir volume is lost if the Pod is deleted": right for emptyDir.
    expect(l.run('kubectl delete pod my-volume-emptydir')).toEqual(ok('pod "my-volume-emptydir" deleted\n'));
    expect(l.run('kubectl apply -f emptydir.yaml')).toEqual(ok('pod/my-volume-emptydir created\n'));
    expect(l.run('kubectl exec my-volume-emptydir -c c2 -- cat /tmp/data/my-file.txt')).toEqual(
      err('cat: /tmp/data/my-file.txt: No such file or directory\ncommand terminated with exit code 1\n', 1),
    );
  });

  it('hostPath: the file lands on the node, files made on the node show in the pod, and it outlives the pod', () => {
    const l = new Learner();
    l.write('hostpath.yaml', HOSTPATH_POD);
    expect(l.run('kubectl apply -f hostpath.yaml')).toEqual(ok('pod/my-volume-hostpath created\n'));
    expect(l.run('kubectl exec -it my-volume-hostpath -c hostpath-container -- /bin/bash')).toEqual(ok(''));
    expect(l.run('echo "I love Technical Guftgu" > /tmp/hostpath-mount/my-file.txt')).toEqual(ok(''));
    expect(l.run('exit')).toEqual(ok('exit\n'));
    expect(l.run('minikube ssh')).toEqual(ok(''));
    expect(l.run('cd /tmp/data/')).toEqual(ok(''));
    expect(l.run('ls')).toEqual(ok('my-file.txt\n'));
    expect(l.run('cat my-file.txt')).toEqual(ok('I love Technical Guftgu\n'));
    expect(l.run('echo "written on the node" | sudo tee /tmp/data/node-file.txt')).toEqual(ok('written on the node\n'));
    expect(l.run('exit')).toEqual(ok('logout\n'));
    expect(l.run('kubectl exec my-volume-hostpath -- cat /tmp/hostpath-mount/node-file.txt')).toEqual(ok('written on the node\n'));
    // The seed's general rule "if the Pod is deleted, the Volume is also deleted" is wrong for hostPath: the
    // directory lives on the node and outlives the pod; a new pod on that node sees the same files.
    expect(l.run('kubectl delete pod my-volume-hostpath')).toEqual(ok('pod "my-volume-hostpath" deleted\n'));
    expect(l.run('minikube ssh -- cat /tmp/data/my-file.txt')).toEqual(ok('I love Technical Guftgu\n'));
    expect(l.run('kubectl apply -f hostpath.yaml')).toEqual(ok('pod/my-volume-hostpath created\n'));
    expect(l.run('kubectl exec my-volume-hostpath -- cat /tmp/hostpath-mount/my-file.txt')).toEqual(ok('I love Technical Guftgu\n'));
  });

  it('common commands: get, describe, logs, exec -c, scale, rollout history/undo, delete -f', () => {
    const l = new Learner();
    l.write('deploy-httpd.yaml', DEPLOY_HTTPD);
    expect(l.run('kubectl apply -f deploy-httpd.yaml')).toEqual(ok('deployment.apps/my-deployment created\n'));
    expect(l.run('kubectl get deploy')).toEqual(ok('NAME            READY   UP-TO-DATE   AVAILABLE   AGE\nmy-deployment   1/1     1            1           2s\n'));
    const rs = l.jsonpath('rs', '{.items[0].metadata.name}');
    expect(rs).toMatch(/^my-deployment-[a-z0-9]{8,10}$/);
    expect(l.run('kubectl get rs')).toEqual(ok(`NAME                       DESIRED   CURRENT   READY   AGE\n${rs}   1         1         1       6s\n`));
    const pod = l.jsonpath('pods', '{.items[0].metadata.name}');
    expect(l.run('kubectl get pods -o wide')).toEqual(
      ok(`NAME                             READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES\n${pod}   1/1     Running   0          10s   10.244.0.3   minikube   <none>           <none>\n`),
    );
    const described = l.run('kubectl describe deploy my-deployment');
    expect([described.exitCode, described.stdout.split('\n').slice(0, 2)]).toEqual([0, ['Name:                   my-deployment', 'Namespace:              default']]);
    // httpd's first stderr line; the rest of its start-up lines differ from httpd's (reported, not asserted here).
    const logs = l.run(`kubectl logs -f ${pod}`);
    expect([logs.exitCode, logs.stdout.split('\n')[0]]).toEqual([
      0,
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.0.3. Set the 'ServerName' directive globally to suppress this message",
    ]);
    expect(l.run(`kubectl exec -it ${pod} -c apache-container -- hostname`)).toEqual(ok(`${pod}\n`));
    expect(l.run('kubectl scale --replicas=3 deploy my-deployment')).toEqual(ok('deployment.apps/my-deployment scaled\n'));
    expect(l.run('kubectl get deploy')).toEqual(ok('NAME            READY   UP-TO-DATE   AVAILABLE   AGE\nmy-deployment   3/3     3            3           20s\n'));
    expect(l.run('kubectl set image deploy my-deployment apache-container=httpd:2.4')).toEqual(ok('deployment.apps/my-deployment image updated\n'));
    expect(l.run('kubectl rollout history deploy my-deployment')).toEqual(ok('deployment.apps/my-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n'));
    expect(l.run('kubectl rollout undo deploy my-deployment')).toEqual(ok('deployment.apps/my-deployment rolled back\n'));
    expect(l.run('kubectl rollout history deploy my-deployment')).toEqual(ok('deployment.apps/my-deployment \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n'));
    expect(l.jsonpath('deploy my-deployment', '{.spec.template.spec.containers[0].image}')).toBe('httpd');
    expect(l.run('kubectl rollout undo deploy my-deployment --to-revision=2')).toEqual(ok('deployment.apps/my-deployment rolled back\n'));
    expect(l.jsonpath('deploy my-deployment', '{.spec.template.spec.containers[0].image}')).toBe('httpd:2.4');
    expect(l.run('kubectl delete -f deploy-httpd.yaml')).toEqual(ok('deployment.apps "my-deployment" deleted\n'));
    expect(l.run('kubectl get deploy')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });
});
