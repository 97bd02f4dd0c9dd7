/**
 * Seed 004 (../shared/seeds/004_5f822122ac8dea0d.txt, CKA tutorial "Understand Pod Networking Concepts"): container
 * logs, an httpd + ubuntu pod (curl localhost from both containers, `echo hello >> /proc/1/fd/1`, `kill -HUP 1`,
 * `ps -aux`), cluster networking from another pod and from the node (`ifconfig`, `route`, `iptables-save`), and process
 * namespace sharing. The seed installs its pods with Helm charts it does not show (`helm install dev networking`); here
 * they are rebuilt as the pods those charts describe (example-dev, example-another) and applied with kubectl.
 */
import { describe, expect, it } from 'vitest';
import { IT_WORKS, Learner, err, ok } from './replay.js';

/** What `helm install dev networking` creates: a pod with an Apache container and an Ubuntu container. */
const EXAMPLE_DEV = `apiVersion: v1
kind: Pod
metadata:
  name: example-dev
spec:
  containers:
  - name: httpd
    image: httpd
    ports:
    - containerPort: 80
  - name: ubuntu
    image: ubuntu
    command: ["sleep", "infinity"]
`;

/** What `helm install another tester` creates: an Ubuntu pod to test from. */
const EXAMPLE_ANOTHER = `apiVersion: v1
kind: Pod
metadata:
  name: example-another
spec:
  containers:
  - name: ubuntu
    image: ubuntu
    command: ["sleep", "infinity"]
`;

/** What `helm install dev ipc` creates: the same two containers sharing one process namespace. */
const EXAMPLE_IPC = `apiVersion: v1
kind: Pod
metadata:
  name: example-dev
spec:
  shareProcessNamespace: true
  containers:
  - name: httpd
    image: httpd
  - name: ubuntu
    image: ubuntu
    command: ["sleep", "infinity"]
`;

const AH00558 = (ip: string): string =>
  `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`;

function exampleDev(): Learner {
  const l = new Learner();
  l.write('example-dev.yaml', EXAMPLE_DEV);
  expect(l.run('kubectl apply -f example-dev.yaml')).toEqual(ok('pod/example-dev created\n'));
  return l;
}

describe('seed 004: CKA, Understand Pod Networking Concepts', () => {
  it('httpd container: logs go to stdout; curl localhost after installing curl; echo to /proc/1/fd/1 and kill -HUP 1 show in the logs', () => {
    const l = exampleDev();
    expect(l.run('kubectl logs example-dev --container httpd --follow').stdout.split('\n')[0]).toBe(AH00558('10.244.0.3'));
    expect(l.run('kubectl exec example-dev -it --container httpd -- bash')).toEqual(ok(''));
    expect(l.run('curl localhost')).toEqual(err('bash: curl: command not found\n', 127));
    expect(l.run('apt-get update').exitCode).toBe(0);
    expect(l.run('apt-get install curl -y').exitCode).toBe(0);
    expect(l.run('curl localhost')).toEqual(ok(IT_WORKS));
    expect(l.run('echo hello >> /proc/1/fd/1')).toEqual(ok(''));
    expect(l.run('kill -HUP 1')).toEqual(ok(''));
    expect(l.run('exit')).toEqual(ok('exit\n'));
    const logs = l.run('kubectl logs example-dev --container httpd').stdout.split('\n');
    expect(logs.includes('hello')).toBe(true);
    expect(logs.some((line) => line.endsWith('AH00494: SIGHUP received.  Attempting to restart'))).toBe(true);
    // The container was signalled, not restarted.
    expect(l.run("kubectl get pod example-dev -o jsonpath='{.status.containerStatuses[0].restartCount}'")).toEqual(ok('0'));
  });

  it('ubuntu container: reaches Apache on localhost (one network namespace); its PID 1 is its own command', () => {
    const l = exampleDev();
    expect(l.run('kubectl exec example-dev -it --container ubuntu -- bash')).toEqual(ok(''));
    expect(l.run('apt-get update').exitCode).toBe(0);
    expect(l.run('apt-get install curl').exitCode).toBe(0);
    expect(l.run('curl localhost')).toEqual(ok(IT_WORKS));
    const ps = l.run('ps -aux').stdout.split('\n');
    expect([ps[0], ps[1]!.replace(/^root +1 .* (\S+ \S+)$/, '$1')]).toEqual(['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND', 'sleep infinity']);
    expect(ps.some((line) => line.includes('httpd'))).toBe(false);
  });

  it('cluster networking: another pod and the node reach the pod IP; the node shows its interfaces, routes and kube-proxy rules', () => {
    const l = exampleDev();
    const described = l.run('kubectl describe pod example-dev').stdout.split('\n');
    expect(described.filter((line) => line.startsWith('IP:'))).toEqual(['IP:           10.244.0.3']);
    l.write('example-another.yaml', EXAMPLE_ANOTHER);
    expect(l.run('kubectl apply -f example-another.yaml')).toEqual(ok('pod/example-another created\n'));
    expect(l.run('kubectl exec example-another -it -- bash')).toEqual(ok(''));
    // The seed's "apt-get update apt-get install curl -y curl XXX" is three commands run one after another.
    expect(l.run('apt-get update').exitCode).toBe(0);
    expect(l.run('apt-get install curl -y').exitCode).toBe(0);
    expect(l.run('curl 10.244.0.3')).toEqual(ok(IT_WORKS));
    expect(l.run('exit')).toEqual(ok('exit\n'));
    expect(l.run('minikube ssh')).toEqual(ok(''));
    expect(l.run('curl 10.244.0.3')).toEqual(ok(IT_WORKS));
    expect(l.run("ifconfig | grep 'inet '")).toEqual(
      ok('        inet 127.0.0.1  netmask 255.0.0.0\n        inet 10.244.0.1  netmask 255.255.255.0  broadcast 10.244.0.255\n        inet 192.168.49.2  netmask 255.255.255.0  broadcast 192.168.49.255\n'),
    );
    expect(l.run('route')).toEqual(
      ok(
        'Kernel IP routing table\n' +
          'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n' +
          'default         192.168.49.1    0.0.0.0         UG    0      0        0 eth0\n' +
          '10.244.0.0      0.0.0.0         255.255.255.0   U     0      0        0 bridge\n' +
          '172.17.0.0      0.0.0.0         255.255.0.0     U     0      0        0 docker0\n' +
          '192.168.49.0    0.0.0.0         255.255.255.0   U     0      0        0 eth0\n',
      ),
    );
    // The addendum: iptables-save shows the rules kube-proxy manages (here the kubernetes and kube-dns Services).
    expect(l.run("sudo iptables-save | grep 'KUBE-SERVICES -d'")).toEqual(
      ok(
        '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y\n' +
          '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp cluster IP" -m tcp --dport 53 -j KUBE-SVC-ERIFXISQEP7F7OF4\n' +
          '-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU\n' +
          '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "kube-system/kube-dns:metrics cluster IP" -m tcp --dport 9153 -j KUBE-SVC-JD5MR3NA4I4DYORP\n',
      ),
    );
    expect(l.run('exit')).toEqual(ok('logout\n'));
  });

  it('shareProcessNamespace: the ubuntu container sees httpd\'s processes and can signal them', () => {
    const l = new Learner();
    l.write('example-ipc.yaml', EXAMPLE_IPC);
    expect(l.run('kubectl apply -f example-ipc.yaml')).toEqual(ok('pod/example-dev created\n'));
    expect(l.run('kubectl logs example-dev --container httpd').stdout.split('\n')[0]).toBe(AH00558('10.244.0.3'));
    expect(l.run('kubectl exec example-dev --container ubuntu -it -- bash')).toEqual(ok(''));
    const ps = l.run('ps -aux').stdout.split('\n');
    const commands = ps.slice(1, -1).map((line) => line.replace(/^(\S+) +(\d+) .* \d+:\d+ +\d+:\d+ (.*)$/, '$1 $2 $3'));
    // The pause container is PID 1 of a shared namespace; httpd's parent runs as root, its workers as www-data.
    expect(commands).toEqual([
      'root 1 /pause',
      'root 8 httpd -DFOREGROUND',
      'www-data 14 httpd -DFOREGROUND',
      'www-data 15 httpd -DFOREGROUND',
      'www-data 16 httpd -DFOREGROUND',
      'root 17 sleep infinity',
      'root 18 bash',
      'root 25 ps -aux',
    ]);
    const pid = '8';
    expect(l.run(`kill -HUP ${pid}`)).toEqual(ok(''));
    expect(l.run('exit')).toEqual(ok('exit\n'));
    const logs = l.run('kubectl logs example-dev --container httpd').stdout.split('\n');
    expect(logs.some((line) => line.endsWith('AH00494: SIGHUP received.  Attempting to restart'))).toBe(true);
  });
});
