/**
 * Seed 001 (../shared/seeds/001_8f967967e82de3eb.txt, "Kubernetes Networking", #kubeweek): a Pod, a ReplicaSet that
 * replaces deleted pods, a Deployment and its rollout history, an Ingress routing /app1 and /app2 by a named
 * Service port, a NetworkPolicy admitting only `app: allowed-app` on TCP 80, Service types, and cluster DNS in
 * kube-system. Where the seed is wrong (the node port range, pod IPs "outside the node"), the true behaviour is asserted.
 */
import { describe, expect, it } from 'vitest';
import { Learner, err, ok } from './replay.js';

const MY_POD = `apiVersion: v1
kind: Pod
metadata:
  name: my-pod
spec:
  containers:
  - name: my-container
    image: nginx
    ports:
    - containerPort: 80
`;

const MY_REPLICASET = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: my-replicaset
spec:
  replicas: 3
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - name: my-container
        image: nginx
        ports:
        - containerPort: 80
`;

const MY_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-deployment
spec:
  replicas: 3
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - name: my-container
        image: nginx
        ports:
        - containerPort: 80
`;

const MY_INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: my-ingress
spec:
  rules:
  - host: example.com
    http:
      paths:
      - path: /app1
        pathType: Prefix
        backend:
          service:
            name: app1-service
            port:
              name: http
      - path: /app2
        pathType: Prefix
        backend:
          service:
            name: app2-service
            port:
              name: http
`;

const MY_NETWORK_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: my-network-policy
spec:
  podSelector:
    matchLabels:
      app: my-app
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: allowed-app
    ports:
    - protocol: TCP
      port: 80
`;

/** The seed's Ingress names Services it never shows: an http-echo app behind a Service whose port is named `http`. */
const echoApp = (name: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: echo
        image: hashicorp/http-echo
        args: ["-text=${name}"]
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}-service
spec:
  selector:
    app: ${name}
  ports:
  - name: http
    port: 80
    targetPort: 5678
`;

/** What `… | grep '<title>'` keeps of nginx's welcome page. */
const NGINX_TITLE = ok('<title>Welcome to nginx!</title>\n');

describe('seed 001: Kubernetes Networking (kubeweek)', () => {
  it('a Pod, a ReplicaSet that replaces a deleted pod, and a Deployment with its rollout history', () => {
    const l = new Learner();
    l.write('my-pod.yaml', MY_POD);
    expect(l.run('kubectl apply -f my-pod.yaml')).toEqual(ok('pod/my-pod created\n'));
    l.write('my-replicaset.yaml', MY_REPLICASET);
    expect(l.run('kubectl apply -f my-replicaset.yaml')).toEqual(ok('replicaset.apps/my-replicaset created\n'));
    expect(l.run('kubectl get rs')).toEqual(ok('NAME            DESIRED   CURRENT   READY   AGE\nmy-replicaset   3         3         3       2s\n'));
    const before = l.jsonpath('pods -l app=my-app', '{.items[*].metadata.name}').split(' ');
    expect(l.run(`kubectl delete pod ${before[0]}`)).toEqual(ok(`pod "${before[0]}" deleted\n`));
    const after = l.jsonpath('pods -l app=my-app', '{.items[*].metadata.name}').split(' ');
    expect([after.length, after.includes(before[0]!), after.filter((n) => before.includes(n)).length]).toEqual([3, false, 2]);
    l.write('my-deployment.yaml', MY_DEPLOYMENT);
    expect(l.run('kubectl apply -f my-deployment.yaml')).toEqual(ok('deployment.apps/my-deployment created\n'));
    expect(l.run('kubectl get deploy')).toEqual(ok('NAME            READY   UP-TO-DATE   AVAILABLE   AGE\nmy-deployment   3/3     3            3           2s\n'));
    // The Deployment's ReplicaSet selects on pod-template-hash too, so it does not take over my-replicaset's pods.
    expect(l.jsonpath('pods -l app=my-app', '{.items[*].metadata.name}').split(' ').length).toBe(6);
    expect(l.run('kubectl rollout history deployment/my-deployment')).toEqual(ok('deployment.apps/my-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n\n'));
  });

  it('Ingress: routes example.com/app1 and /app2 to their Services by the port named http, once a controller runs', () => {
    const l = new Learner();
    l.write('my-ingress.yaml', MY_INGRESS);
    expect(l.run('kubectl apply -f my-ingress.yaml')).toEqual(ok('ingress.networking.k8s.io/my-ingress created\n'));
    expect(l.run('kubectl get ingress')).toEqual(ok('NAME         CLASS    HOSTS         ADDRESS   PORTS   AGE\nmy-ingress   <none>   example.com             80      2s\n'));
    // Without an ingress controller the Ingress does nothing: nothing listens on the node's port 80.
    expect(l.run("curl -H 'Host: example.com' $(minikube ip)/app1")).toEqual(err("curl: (7) Failed to connect to 192.168.49.2 port 80 after 0 ms: Couldn't connect to server\n", 7));
    expect(l.run('minikube addons enable ingress').exitCode).toBe(0);
    expect(l.run('kubectl get ingress')).toEqual(ok('NAME         CLASS    HOSTS         ADDRESS        PORTS   AGE\nmy-ingress   <none>   example.com   192.168.49.2   80      38s\n'));
    expect(l.run("curl -s -o /dev/null -w '%{http_code}' -H 'Host: example.com' $(minikube ip)/app1")).toEqual(ok('503'));
    l.write('app1.yaml', echoApp('app1'));
    l.write('app2.yaml', echoApp('app2'));
    expect(l.run('kubectl apply -f app1.yaml -f app2.yaml')).toEqual(ok('deployment.apps/app1 created\nservice/app1-service created\ndeployment.apps/app2 created\nservice/app2-service created\n'));
    expect(l.run("curl -H 'Host: example.com' $(minikube ip)/app1")).toEqual(ok('app1\n'));
    expect(l.run("curl -H 'Host: example.com' $(minikube ip)/app2/page")).toEqual(ok('app2\n'));
    expect(l.run("curl -s -o /dev/null -w '%{http_code}' -H 'Host: example.com' $(minikube ip)/")).toEqual(ok('404'));
    expect(l.run("curl -s -o /dev/null -w '%{http_code}' -H 'Host: other.com' $(minikube ip)/app1")).toEqual(ok('404'));
  });

  it('NetworkPolicy: my-app pods accept TCP 80 only from allowed-app pods; others time out', () => {
    const l = new Learner();
    expect(l.run('kubectl run web --image=nginx --labels=app=my-app')).toEqual(ok('pod/web created\n'));
    expect(l.run('kubectl run allowed --image=busybox --labels=app=allowed-app -- sleep 3600')).toEqual(ok('pod/allowed created\n'));
    expect(l.run('kubectl run other --image=busybox --labels=app=other -- sleep 3600')).toEqual(ok('pod/other created\n'));
    const ip = l.jsonpath('pod web', '{.status.podIP}');
    expect(l.run(`kubectl exec other -- wget -qO- -T 2 ${ip} | grep '<title>'`)).toEqual(NGINX_TITLE);
    l.write('my-network-policy.yaml', MY_NETWORK_POLICY);
    expect(l.run('kubectl apply -f my-network-policy.yaml')).toEqual(ok('networkpolicy.networking.k8s.io/my-network-policy created\n'));
    expect(l.run('kubectl get netpol')).toEqual(ok('NAME                POD-SELECTOR   AGE\nmy-network-policy   app=my-app     2s\n'));
    expect(l.run(`kubectl exec allowed -- wget -qO- -T 2 ${ip} | grep '<title>'`)).toEqual(NGINX_TITLE);
    expect(l.run(`kubectl exec other -- wget -qO- -T 2 ${ip}`)).toEqual(err('wget: download timed out\ncommand terminated with exit code 1\n', 1));
  });

  it('Services: any port works; only node ports are limited to 30000-32767 (the seed says all Services are)', () => {
    const l = new Learner();
    expect(l.run('kubectl run web --image=nginx --labels=app=my-app')).toEqual(ok('pod/web created\n'));
    expect(l.run('kubectl expose pod web --port=80 --name=my-service')).toEqual(ok('service/my-service exposed\n'));
    expect(l.run('kubectl run client --image=busybox -- sleep 3600')).toEqual(ok('pod/client created\n'));
    expect(l.run("kubectl exec client -- wget -qO- my-service:80 | grep '<title>'")).toEqual(NGINX_TITLE);
    expect(l.run('kubectl create service nodeport bad --tcp=80:80 --node-port=80')).toEqual(
      err('error: failed to create NodePort service: Service "bad" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n'),
    );
    // A LoadBalancer Service is one Service with a ClusterIP and a node port; its external IP waits for a load
    // balancer (on minikube, `minikube tunnel`).
    expect(l.run('kubectl create service loadbalancer my-lb --tcp=80:80')).toEqual(ok('service/my-lb created\n'));
    const clusterIP = l.jsonpath('svc my-lb', '{.spec.clusterIP}');
    const nodePort = l.jsonpath('svc my-lb', '{.spec.ports[0].nodePort}');
    expect(Number(nodePort) >= 30000 && Number(nodePort) <= 32767).toBe(true);
    expect(l.run('kubectl get svc my-lb')).toEqual(
      ok(`NAME    TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE\nmy-lb   LoadBalancer   ${clusterIP.padEnd(13)}   <pending>     80:${nodePort}/TCP   6s\n`),
    );
  });

  it('pod IPs are for the cluster: reachable from the node, not from outside the cluster', () => {
    const l = new Learner();
    expect(l.run('kubectl run web --image=nginx')).toEqual(ok('pod/web created\n'));
    const ip = l.jsonpath('pod web', '{.status.podIP}');
    expect(l.run(`minikube ssh -- curl -s ${ip} | grep '<title>'`)).toEqual(NGINX_TITLE);
    expect(l.run(`curl -m 2 ${ip}`)).toEqual(err('curl: (28) Connection timed out after 2001 milliseconds\n', 28));
  });

  it('DNS: the kube-dns Service and CoreDNS pods in kube-system resolve Service names', () => {
    const l = new Learner();
    expect(l.run('kubectl get svc -n kube-system')).toEqual(ok('NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\nkube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   21m\n'));
    const coredns = l.jsonpath('pods -n kube-system -l k8s-app=kube-dns', '{.items[0].metadata.name}');
    expect(l.run('kubectl get pods -n kube-system -l k8s-app=kube-dns')).toEqual(ok(`NAME                       READY   STATUS    RESTARTS   AGE\n${coredns}   1/1     Running   0          21m\n`));
    expect(l.run('kubectl run web --image=nginx')).toEqual(ok('pod/web created\n'));
    expect(l.run('kubectl expose pod web --port=80 --name=my-service')).toEqual(ok('service/my-service exposed\n'));
    expect(l.run('kubectl run client --image=busybox -- sleep 3600')).toEqual(ok('pod/client created\n'));
    const ip = l.jsonpath('svc my-service', '{.spec.clusterIP}');
    expect(l.run('kubectl exec client -- nslookup my-service')).toEqual(ok(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tmy-service.default.svc.cluster.local\nAddress: ${ip}\n\n`));
  });
});
