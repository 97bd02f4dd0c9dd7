/**
 * The seed walkthroughs (../shared/seeds/000 "Networking" and 004 "Pod networking concepts") replayed command by
 * command in the sandbox: what each step shows is what the seed says it shows (where the seed is right).
 */
import { describe, expect, it } from 'vitest';
import { Cluster, type Pod, type Service } from '../../src/sim/index.js';
import { ShellSession } from '../../src/shell/index.js';

const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

function podIP(sh: ShellSession, name: string): string {
  return sh.cluster.get<Pod>('Pod', 'default', name)?.status.podIP ?? '';
}

function podsWith(sh: ShellSession, label: string, value: string): Pod[] {
  return sh.cluster.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.[label] === value && !p.metadata.deletionTimestamp);
}

function write(sh: ShellSession, file: string, yaml: string): void {
  expect(sh.run(`cat <<'EOF' > ${file}\n${yaml}EOF`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
}

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('seed 000: Kubernetes networking walkthrough', () => {
  it('containers in a pod talk over localhost once curl is installed', () => {
    const sh = new ShellSession(new Cluster());
    write(sh, 'pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: test-pod\nspec:\n  containers:\n  - name: c0\n    image: ubuntu\n    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]\n  - name: c01\n    image: httpd\n    ports:\n    - containerPort: 80\n');
    expect(sh.run('kubectl apply -f pod.yaml')).toEqual(ok('pod/test-pod created\n'));
    sh.run('sleep 3');
    expect(sh.run('kubectl exec -it test-pod -c c0 -- bash')).toEqual(ok(''));
    expect(sh.run('apt-get update > /dev/null && apt-get install -y curl > /dev/null 2>&1 && curl localhost:80')).toEqual(ok(IT_WORKS));
  });

  it('pods reach each other by pod IP; a ClusterIP Service outlives its pods; a NodePort reaches in from outside', () => {
    const sh = new ShellSession(new Cluster());
    write(sh, 'pod-nginx.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx-pod\nspec:\n  containers:\n  - name: nginx-container\n    image: nginx\n    ports:\n    - containerPort: 80\n');
    write(sh, 'pod-apache.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: apache-pod\nspec:\n  containers:\n  - name: apache-container\n    image: httpd\n    ports:\n    - containerPort: 80\n');
    sh.run('kubectl apply -f pod-nginx.yaml && kubectl apply -f pod-apache.yaml');
    sh.run('sleep 3');
    expect(sh.run(`kubectl exec nginx-pod -- curl -s ${podIP(sh, 'apache-pod')}:80`)).toEqual(ok(IT_WORKS));

    write(sh, 'deploy-httpd.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-deployment\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: my-apache-app\n  template:\n    metadata:\n      labels:\n        app: my-apache-app\n    spec:\n      containers:\n      - name: apache-container\n        image: httpd\n        ports:\n        - containerPort: 80\n');
    write(sh, 'service-clusterip.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: demo-service\nspec:\n  selector:\n    app: my-apache-app\n  ports:\n  - protocol: TCP\n    port: 80\n    targetPort: 80\n  type: ClusterIP\n');
    expect(sh.run('kubectl apply -f deploy-httpd.yaml && kubectl apply -f service-clusterip.yaml')).toEqual(ok('deployment.apps/my-deployment created\nservice/demo-service created\n'));
    sh.run('sleep 5');
    const clusterIP = sh.cluster.get<Service>('Service', 'default', 'demo-service')!.spec.clusterIP!;
    expect(sh.run(`kubectl exec nginx-pod -- curl -s ${clusterIP}:80`)).toEqual(ok(IT_WORKS));
    const first = podsWith(sh, 'app', 'my-apache-app')[0]!;
    sh.run(`kubectl delete pod ${first.metadata.name}`);
    sh.run('sleep 5');
    const second = podsWith(sh, 'app', 'my-apache-app')[0]!;
    expect(second.metadata.name).not.toBe(first.metadata.name);
    expect(sh.run(`kubectl exec nginx-pod -- curl -s ${clusterIP}:80`)).toEqual(ok(IT_WORKS));
    expect(sh.run(`curl -s -m 2 ${clusterIP}:80`)).toEqual({ stdout: '', stderr: '', exitCode: 28 });

    write(sh, 'service-nodeport.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: demo-service\nspec:\n  selector:\n    app: my-apache-app\n  ports:\n  - protocol: TCP\n    port: 80\n    targetPort: 80\n    nodePort: 31341\n  type: NodePort\n');
    expect(sh.run('kubectl apply -f service-nodeport.yaml')).toEqual(ok('service/demo-service configured\n'));
    expect(sh.run('curl $(minikube ip):31341')).toEqual(ok(IT_WORKS));
  });

  it('an emptyDir is shared by the pod\'s containers', () => {
    const sh = new ShellSession(new Cluster());
    write(sh, 'emptydir.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-volume-emptydir\nspec:\n  containers:\n  - name: c1\n    image: ubuntu\n    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]\n    volumeMounts:\n    - name: exchange\n      mountPath: /tmp/exchange\n  - name: c2\n    image: ubuntu\n    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]\n    volumeMounts:\n    - name: exchange\n      mountPath: /tmp/data\n  volumes:\n  - name: exchange\n    emptyDir: {}\n');
    sh.run('kubectl apply -f emptydir.yaml');
    sh.run('sleep 3');
    sh.run('kubectl exec -it my-volume-emptydir -c c1 -- /bin/bash');
    expect(sh.run('echo "Technical Guftgu Zindabad" > /tmp/exchange/my-file.txt')).toEqual(ok(''));
    expect(sh.run('exit')).toEqual(ok('exit\n'));
    sh.run('kubectl exec -it my-volume-emptydir -c c2 -- /bin/bash');
    expect(sh.run('cd /tmp/data/ && ls')).toEqual(ok('my-file.txt\n'));
  });

  it('a hostPath directory lives on the node, both ways', () => {
    const sh = new ShellSession(new Cluster());
    write(sh, 'hostpath.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-volume-hostpath\nspec:\n  containers:\n  - name: hostpath-container\n    image: ubuntu\n    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]\n    volumeMounts:\n    - name: test-volume\n      mountPath: /tmp/hostpath-mount\n  volumes:\n  - name: test-volume\n    hostPath:\n      path: /tmp/data\n      type: DirectoryOrCreate\n');
    sh.run('kubectl apply -f hostpath.yaml');
    sh.run('sleep 3');
    sh.run('kubectl exec -it my-volume-hostpath -c hostpath-container -- /bin/bash');
    expect(sh.run('echo "I love Technical Guftgu" > /tmp/hostpath-mount/my-file.txt && exit')).toEqual(ok('exit\n'));
    sh.run('minikube ssh');
    expect(sh.run('cd /tmp/data/ && ls && cat my-file.txt')).toEqual(ok('my-file.txt\nI love Technical Guftgu\n'));
    expect(sh.run('echo from-node > /tmp/data/node.txt && exit')).toEqual(ok('logout\n'));
    expect(sh.run('kubectl exec my-volume-hostpath -- cat /tmp/hostpath-mount/node.txt')).toEqual(ok('from-node\n'));
  });
});

describe('seed 004: pod networking concepts (CKA tutorial)', () => {
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: example-dev\nspec:\n  shareProcessNamespace: SHARE\n  containers:\n  - name: httpd\n    image: httpd\n  - name: ubuntu\n    image: ubuntu\n    command: ["sleep", "infinity"]\n';

  it('inside the httpd container: curl localhost, PID 1\'s stdout, kill -HUP 1', () => {
    const sh = new ShellSession(new Cluster());
    write(sh, 'dev.yaml', POD.replace('SHARE', 'false'));
    sh.run('kubectl apply -f dev.yaml');
    sh.run('sleep 3');
    expect(sh.run('kubectl exec example-dev -it --container httpd -- bash')).toEqual(ok(''));
    expect(sh.prompt()).toBe('root@example-dev:/usr/local/apache2# ');
    sh.run('apt-get update >/dev/null');
    sh.run('apt-get install curl -y >/dev/null 2>&1');
    expect(sh.run('curl localhost')).toEqual(ok(IT_WORKS));
    expect(sh.run('echo hello >> /proc/1/fd/1')).toEqual(ok(''));
    expect(sh.run('kill -HUP 1')).toEqual(ok(''));
    sh.run('exit');
    const logs = sh.run('kubectl logs example-dev --container httpd').stdout.split('\n');
    expect(logs).toContain('hello');
    expect(logs.some((l) => l.includes('SIGHUP received.  Attempting to restart'))).toBe(true);
    sh.run('kubectl exec example-dev -it --container ubuntu -- bash');
    expect(sh.run('ps -aux | tail -n +2 | head -1')).toEqual(ok(`root           1  0.0  0.0   2576   896 ?        Ss   ${sh.run('date').stdout.slice(11, 16)}   0:00 sleep infinity\n`));
  });

  it('with shareProcessNamespace the ubuntu container sees and signals httpd', () => {
    const sh = new ShellSession(new Cluster());
    write(sh, 'dev.yaml', POD.replace('SHARE', 'true'));
    sh.run('kubectl apply -f dev.yaml');
    sh.run('sleep 3');
    sh.run('kubectl exec example-dev --container ubuntu -it -- bash');
    const table = sh.run('ps -aux').stdout;
    expect(table.split('\n')[1]).toMatch(/^65535 +1 .* \/pause$|^root +1 .* \/pause$/);
    const httpd = /^root +(\d+) .*httpd -DFOREGROUND$/m.exec(table);
    expect(httpd).not.toBeNull();
    expect(sh.run(`kill -HUP ${httpd![1]}`)).toEqual(ok(''));
    sh.run('exit');
    expect(sh.run('kubectl logs example-dev -c httpd | grep -c "SIGHUP received"')).toEqual(ok('1\n'));
  });

  it('on the node: ifconfig and route show the node\'s network', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('minikube ssh');
    expect(sh.run('ifconfig | grep -c "inet "')).toEqual(ok('3\n'));
    expect(sh.run('route | head -3')).toEqual(ok('Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\ndefault         192.168.49.1    0.0.0.0         UG    0      0        0 eth0\n'));
  });
});
