import { describe, expect, it } from 'vitest';
import { PODS, err, out, session } from './reading-helpers.js';

describe('kubectl get: tables', () => {
  it('prints pods, plain and wide', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get pods')).toEqual(
      out(`NAME                   READY   STATUS    RESTARTS   AGE
web-7b5c88c86d-j62lh   1/1     Running   0          14s
web-7b5c88c86d-rxvbq   1/1     Running   0          14s
`),
    );
    expect(sh.run('kubectl get po -o wide')).toEqual(
      out(`NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES
web-7b5c88c86d-j62lh   1/1     Running   0          16s   10.244.0.3   minikube   <none>           <none>
web-7b5c88c86d-rxvbq   1/1     Running   0          16s   10.244.0.4   minikube   <none>           <none>
`),
    );
  });

  it('prints every Service type: None, <none>, <pending>, node ports, selectors', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get svc -o wide')).toEqual(
      out(`NAME         TYPE           CLUSTER-IP       EXTERNAL-IP   PORT(S)                      AGE   SELECTOR
db           ClusterIP      None             <none>        5432/TCP                     14s   app=db
ext          ExternalName   <none>           example.com   <none>                       14s   <none>
kubernetes   ClusterIP      10.96.0.1        <none>        443/TCP                      21m   <none>
web          ClusterIP      10.109.185.232   <none>        80/TCP                       14s   app=web
web-lb       LoadBalancer   10.100.115.90    <pending>     80:30594/TCP,443:31013/TCP   14s   app=web
web-np       NodePort       10.103.218.136   <none>        80:31341/TCP                 14s   app=web
`),
    );
  });

  it('prints Deployments and ReplicaSets with their wide columns', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get deploy -o wide')).toEqual(
      out(`NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR
web    2/2     2            2           14s   nginx        nginx:1.27   app=web
`),
    );
    expect(sh.run('kubectl get rs -o wide')).toEqual(
      out(`NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
web-7b5c88c86d   2         2         2       16s   nginx        nginx:1.27   app=web,pod-template-hash=7b5c88c86d
`),
    );
  });

  it('prints Endpoints (3 shown, then + N more...) with the deprecation warning, and EndpointSlices', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get ep')).toEqual(
      { stdout: `NAME         ENDPOINTS                                               AGE
db           <none>                                                  14s
kubernetes   192.168.49.2:8443                                       21m
web          10.244.0.3:80,10.244.0.4:80                             14s
web-lb       10.244.0.3:80,10.244.0.4:80,10.244.0.3:80 + 1 more...   14s
web-np       10.244.0.3:80,10.244.0.4:80                             14s
`, stderr: `Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
`, exitCode: 0 },
    );
    expect(sh.run('kubectl get endpointslices')).toEqual(
      out(`NAME           ADDRESSTYPE   PORTS     ENDPOINTS               AGE
db-lvzbr       IPv4          <unset>   <unset>                 16s
kubernetes     IPv4          8443      192.168.49.2            21m
web-5fjsw      IPv4          80        10.244.0.3,10.244.0.4   16s
web-lb-pzblj   IPv4          80,80     10.244.0.3,10.244.0.4   16s
web-np-j85sc   IPv4          80        10.244.0.3,10.244.0.4   16s
`),
    );
  });

  it('prints Ingresses, NetworkPolicies, ConfigMaps, Namespaces and Nodes', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get ing')).toEqual(
      out(`NAME   CLASS   HOSTS           ADDRESS   PORTS   AGE
web    nginx   hello.example             80      14s
`),
    );
    expect(sh.run('kubectl get netpol')).toEqual(
      out(`NAME           POD-SELECTOR   AGE
db-allow-web   app=db         16s
`),
    );
    expect(sh.run('kubectl get cm')).toEqual(
      out(`NAME       DATA   AGE
settings   2      18s
`),
    );
    expect(sh.run('kubectl get ns')).toEqual(
      out(`NAME              STATUS   AGE
default           Active   21m
kube-node-lease   Active   21m
kube-public       Active   21m
kube-system       Active   21m
`),
    );
    expect(sh.run('kubectl get no -o wide')).toEqual(
      out(`NAME       STATUS   ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION   CONTAINER-RUNTIME
minikube   Ready    control-plane   21m   v1.34.0   192.168.49.2   <none>        Ubuntu 22.04.5 LTS   6.8.0-1021-aws   docker://28.4.0
`),
    );
  });

  it('prefixes rows with the kind and separates tables when several kinds are printed', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get deploy,svc')).toEqual(
      out(`NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           14s

NAME                 TYPE           CLUSTER-IP       EXTERNAL-IP   PORT(S)                      AGE
service/db           ClusterIP      None             <none>        5432/TCP                     14s
service/ext          ExternalName   <none>           example.com   <none>                       14s
service/kubernetes   ClusterIP      10.96.0.1        <none>        443/TCP                      21m
service/web          ClusterIP      10.109.185.232   <none>        80/TCP                       14s
service/web-lb       LoadBalancer   10.100.115.90    <pending>     80:30594/TCP,443:31013/TCP   14s
service/web-np       NodePort       10.103.218.136   <none>        80:31341/TCP                 14s
`),
    );
    expect(sh.run('kubectl get deploy/web svc/web')).toEqual(
      out(`NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           16s

NAME          TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)   AGE
service/web   ClusterIP   10.109.185.232   <none>        80/TCP    16s
`),
    );
    expect(sh.run('kubectl get all')).toEqual(
      out(`NAME                       READY   STATUS    RESTARTS   AGE
pod/web-7b5c88c86d-j62lh   1/1     Running   0          18s
pod/web-7b5c88c86d-rxvbq   1/1     Running   0          18s

NAME                 TYPE           CLUSTER-IP       EXTERNAL-IP   PORT(S)                      AGE
service/db           ClusterIP      None             <none>        5432/TCP                     18s
service/ext          ExternalName   <none>           example.com   <none>                       18s
service/kubernetes   ClusterIP      10.96.0.1        <none>        443/TCP                      21m
service/web          ClusterIP      10.109.185.232   <none>        80/TCP                       18s
service/web-lb       LoadBalancer   10.100.115.90    <pending>     80:30594/TCP,443:31013/TCP   18s
service/web-np       NodePort       10.103.218.136   <none>        80:31341/TCP                 18s

NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           18s

NAME                             DESIRED   CURRENT   READY   AGE
replicaset.apps/web-7b5c88c86d   2         2         2       18s
`),
    );
  });

  it('does not prefix when only one kind has objects', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get ing,svc -l component=apiserver')).toEqual(
      out(`NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   21m
`),
    );
    expect(sh.run('kubectl get netpol,pods -l app=none')).toEqual(
      err(`No resources found in default namespace.
`, 0),
    );
  });

  it('adds a NAMESPACE column with -A, except for cluster-scoped kinds', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get svc -A')).toEqual(
      out(`NAMESPACE     NAME         TYPE           CLUSTER-IP       EXTERNAL-IP   PORT(S)                      AGE
default       db           ClusterIP      None             <none>        5432/TCP                     14s
default       ext          ExternalName   <none>           example.com   <none>                       14s
default       kubernetes   ClusterIP      10.96.0.1        <none>        443/TCP                      21m
default       web          ClusterIP      10.109.185.232   <none>        80/TCP                       14s
default       web-lb       LoadBalancer   10.100.115.90    <pending>     80:30594/TCP,443:31013/TCP   14s
default       web-np       NodePort       10.103.218.136   <none>        80:31341/TCP                 14s
kube-system   kube-dns     ClusterIP      10.96.0.10       <none>        53/UDP,53/TCP,9153/TCP       21m
`),
    );
    expect(sh.run('kubectl get ns -A')).toEqual(
      out(`NAME              STATUS   AGE
default           Active   21m
kube-node-lease   Active   21m
kube-public       Active   21m
kube-system       Active   21m
`),
    );
    expect(sh.run('kubectl get deploy --all-namespaces -o wide')).toEqual(
      out(`NAMESPACE     NAME      READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                                    SELECTOR
default       web       2/2     2            2           18s   nginx        nginx:1.27                                app=web
kube-system   coredns   1/1     1            1           21m   coredns      registry.k8s.io/coredns/coredns:v1.12.1   k8s-app=kube-dns
`),
    );
  });

  it('filters by label selector (=, !=, in, notin, exists, !key) and shows labels', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get pods -l app=web --show-labels')).toEqual(
      out(`NAME                   READY   STATUS    RESTARTS   AGE   LABELS
web-7b5c88c86d-j62lh   1/1     Running   0          14s   app=web,pod-template-hash=7b5c88c86d,tier=front
web-7b5c88c86d-rxvbq   1/1     Running   0          14s   app=web,pod-template-hash=7b5c88c86d,tier=front
`),
    );
    expect(sh.run('kubectl get pods -l \'tier notin (back),app\'')).toEqual(
      out(`NAME                   READY   STATUS    RESTARTS   AGE
web-7b5c88c86d-j62lh   1/1     Running   0          16s
web-7b5c88c86d-rxvbq   1/1     Running   0          16s
`),
    );
    expect(sh.run('kubectl get pods -l \'tier in (front)\' -o name')).toEqual(
      out(`pod/web-7b5c88c86d-j62lh
pod/web-7b5c88c86d-rxvbq
`),
    );
    expect(sh.run('kubectl get pods -l \'!tier\'')).toEqual(
      err(`No resources found in default namespace.
`, 0),
    );
    expect(sh.run('kubectl get svc -l app!=web -o name')).toEqual(
      out(`service/db
service/ext
service/kubernetes
service/web
service/web-lb
service/web-np
`),
    );
    expect(sh.run('kubectl get svc -l component -o name')).toEqual(
      out(`service/kubernetes
`),
    );
  });

  it('gets objects by name, reporting the missing ones', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get svc web db')).toEqual(
      out(`NAME   TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)    AGE
web    ClusterIP   10.109.185.232   <none>        80/TCP     14s
db     ClusterIP   None             <none>        5432/TCP   14s
`),
    );
    expect(sh.run('kubectl get svc web nope')).toEqual(
      { stdout: `NAME   TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)   AGE
web    ClusterIP   10.109.185.232   <none>        80/TCP    16s
`, stderr: `Error from server (NotFound): services "nope" not found
`, exitCode: 1 },
    );
    expect(sh.run('kubectl get pod nope')).toEqual(
      err(`Error from server (NotFound): pods "nope" not found
`),
    );
    expect(sh.run('kubectl get deploy web -o name')).toEqual(
      out(`deployment.apps/web
`),
    );
    expect(sh.run('kubectl get svc/nope deploy/nope')).toEqual(
      err(`Error from server (NotFound): services "nope" not found
Error from server (NotFound): deployments.apps "nope" not found
`),
    );
  });

  it('honours --no-headers, -L, --sort-by and -w', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get svc --no-headers')).toEqual(
      out(`db           ClusterIP      None             <none>        5432/TCP                     14s
ext          ExternalName   <none>           example.com   <none>                       14s
kubernetes   ClusterIP      10.96.0.1        <none>        443/TCP                      21m
web          ClusterIP      10.109.185.232   <none>        80/TCP                       14s
web-lb       LoadBalancer   10.100.115.90    <pending>     80:30594/TCP,443:31013/TCP   14s
web-np       NodePort       10.103.218.136   <none>        80:31341/TCP                 14s
`),
    );
    expect(sh.run('kubectl get pods -L app,tier')).toEqual(
      out(`NAME                   READY   STATUS    RESTARTS   AGE   APP   TIER
web-7b5c88c86d-j62lh   1/1     Running   0          16s   web   front
web-7b5c88c86d-rxvbq   1/1     Running   0          16s   web   front
`),
    );
    expect(sh.run('kubectl get svc --sort-by=.metadata.name -o name')).toEqual(
      out(`service/db
service/ext
service/kubernetes
service/web
service/web-lb
service/web-np
`),
    );
    expect(sh.run('kubectl get pods -w')).toEqual(
      out(`NAME                   READY   STATUS    RESTARTS   AGE
web-7b5c88c86d-j62lh   1/1     Running   0          20s
web-7b5c88c86d-rxvbq   1/1     Running   0          20s
`),
    );
  });

  it('says when nothing is found', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get pods -n kube-public')).toEqual(
      err(`No resources found in kube-public namespace.
`, 0),
    );
    expect(sh.run('kubectl get pods -n nope')).toEqual(
      err(`No resources found in nope namespace.
`, 0),
    );
    expect(sh.run('kubectl get nodes -l disk=ssd')).toEqual(
      err(`No resources found
`, 0),
    );
    expect(sh.run('kubectl get pods -A -l app=none')).toEqual(
      err(`No resources found
`, 0),
    );
  });

  it('shows pods that cannot start', () => {
    const sh = session({ 'pods.yaml': PODS });
    sh.run('kubectl apply -f pods.yaml');
    expect(sh.run('kubectl get pods typo nowhere two')).toEqual(
      out(`NAME      READY   STATUS             RESTARTS   AGE
typo      0/1     ImagePullBackOff   0          2s
nowhere   0/1     Pending            0          2s
two       2/2     Running            0          2s
`),
    );
    sh.run('sleep 30');
    expect(sh.run('kubectl get pods typo nowhere two -o wide')).toEqual(
      out(`NAME      READY   STATUS             RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES
typo      0/1     ImagePullBackOff   0          36s   10.244.0.5   minikube   <none>           <none>
nowhere   0/1     Pending            0          36s   <none>       <none>     <none>           <none>
two       2/2     Running            0          36s   10.244.0.7   minikube   <none>           <none>
`),
    );
  });

  it('gets the objects a manifest names with -f', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get -f setup.yaml')).toEqual(
      out(`NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           14s

NAME             TYPE           CLUSTER-IP       EXTERNAL-IP   PORT(S)                      AGE
service/web      ClusterIP      10.109.185.232   <none>        80/TCP                       14s
service/web-np   NodePort       10.103.218.136   <none>        80:31341/TCP                 14s
service/web-lb   LoadBalancer   10.100.115.90    <pending>     80:30594/TCP,443:31013/TCP   14s
service/db       ClusterIP      None             <none>        5432/TCP                     14s
service/ext      ExternalName   <none>           example.com   <none>                       14s

NAME                                           POD-SELECTOR   AGE
networkpolicy.networking.k8s.io/db-allow-web   app=db         14s

NAME                            CLASS   HOSTS           ADDRESS   PORTS   AGE
ingress.networking.k8s.io/web   nginx   hello.example             80      14s

NAME                 DATA   AGE
configmap/settings   2      14s
`),
    );
    expect(sh.run('kubectl get -f setup.yaml -o name')).toEqual(
      out(`deployment.apps/web
service/web
service/web-np
service/web-lb
service/db
service/ext
networkpolicy.networking.k8s.io/db-allow-web
ingress.networking.k8s.io/web
configmap/settings
`),
    );
    expect(sh.run('kubectl get -f nope.yaml')).toEqual(
      err(`error: the path "nope.yaml" does not exist
`),
    );
    expect(sh.run('kubectl get pods -f setup.yaml')).toEqual(
      err(`error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well
`),
    );
  });

  it('answers mistakes in kubectl\'s words', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get')).toEqual(
      err(`You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`),
    );
    expect(sh.run('kubectl get foo')).toEqual(
      err(`error: the server doesn't have a resource type "foo"
`),
    );
    expect(sh.run('kubectl get pods,foo')).toEqual(
      err(`error: the server doesn't have a resource type "foo"
`),
    );
    expect(sh.run('kubectl get pod/x svc')).toEqual(
      err(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'
`),
    );
    expect(sh.run('kubectl get pods x -l app=web')).toEqual(
      err(`error: name cannot be provided when a selector is specified
`),
    );
    expect(sh.run('kubectl get pods -l =x')).toEqual(
      err(`error: unable to parse requirement: found '=x', expected: in, notin, =, ==, !=, gt, lt
`),
    );
    expect(sh.run('kubectl get pods -o foo')).toEqual(
      err(`error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml
`),
    );
    expect(sh.run('kubectl get pods -o yaml --show-labels')).toEqual(
      err(`error: --show-labels option cannot be used with yaml printer
`),
    );
    expect(sh.run('kubectl get pods --bogus')).toEqual(
      err(`error: unknown flag: --bogus
See 'kubectl get --help' for usage.
`),
    );
    expect(sh.run('kubectl get pods -Z')).toEqual(
      err(`error: unknown shorthand flag: 'Z' in -Z
See 'kubectl get --help' for usage.
`),
    );
  });
});

describe('kubectl get endpoints: the deprecation warning comes before the table, as kubectl prints it', () => {
  it('keeps the order in the session output', async () => {
    const { Cluster } = await import('../../../src/sim/index.js');
    const { ShellSession } = await import('../../../src/shell/index.js');
    const sh = new ShellSession(new Cluster());
    sh.run('kubectl get endpoints');
    expect(sh.lastOutput()).toEqual([
      { fd: 2, text: 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n' },
      { fd: 1, text: 'NAME         ENDPOINTS           AGE\nkubernetes   192.168.49.2:8443   21m\n' },
    ]);
  });
});
