import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/sim/index.js';
import { ShellSession } from '../../../src/shell/index.js';
import { err, ipOf, out, session } from './fixtures.js';

describe('apt-get', () => {
  it('install fails before update, then adds the tool to the container', () => {
    const sh = session({ pods: true });
    sh.run('kubectl exec -it test-pod -c c0 -- bash');
    expect(sh.run('curl localhost')).toEqual(err('bash: curl: command not found\n', 127));
    expect(sh.run('apt-get install -y curl')).toEqual({ stdout: 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n', stderr: 'E: Unable to locate package curl\n', exitCode: 100 });
    expect(sh.run('apt-get update | tail -1')).toEqual(out('Reading package lists...\n'));
    expect(sh.run('apt-get install -y curl | head -5')).toEqual({
      stdout: 'Reading package lists...\nBuilding dependency tree...\nReading state information...\nThe following additional packages will be installed:\n  ca-certificates libcurl4 libnghttp2-14 libssh2-1 openssl\n',
      stderr: 'debconf: delaying package configuration, since apt-utils is not installed\n',
      exitCode: 0,
    });
    expect(sh.run('curl -s localhost')).toEqual(out('<html><body><h1>It works!</h1></body></html>\n'));
    expect(sh.run('apt-get install -y curl | tail -2')).toEqual(out('curl is already the newest version (7.88.1-10+deb12u8).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n'));
    expect(sh.run('apt-get install -y nosuchpkg')).toEqual({ stdout: 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n', stderr: 'E: Unable to locate package nosuchpkg\n', exitCode: 100 });
    expect(sh.run('apt-get --bogus')).toEqual(err("E: Command line option 'bogus' [from --bogus] is not understood in combination with the other options.\n", 100));
    expect(sh.run('apt-get frobnicate')).toEqual(err('E: Invalid operation frobnicate\n', 100));
    expect(sh.run('apt-get --help | head -1')).toEqual(out('apt 2.6.1 (amd64)\n'));
  });

  it('apt works like apt-get and warns when its output is not a terminal', () => {
    const sh = session({ pods: true });
    sh.run('kubectl exec -it test-pod -c c0 -- bash');
    expect(sh.run('apt update > /dev/null')).toEqual(err('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n', 0));
    expect(sh.run('apt install -y curl > /dev/null 2>&1 && curl -s localhost')).toEqual(out('<html><body><h1>It works!</h1></body></html>\n'));
  });

  it('base images have their coreutils and applets (tee, cut, tr) even when not listed', () => {
    const sh = session({ pods: true });
    expect(sh.run('kubectl exec bb -- sh -c "echo a-b | tee /tmp/t | cut -d- -f2 | tr b c"')).toEqual(out('c\n'));
    expect(sh.run('kubectl exec test-pod -c c0 -- sh -c "echo a | tr a b"')).toEqual(out('b\n'));
  });

  it('busybox has no apt-get', () => {
    const sh = session({ pods: true });
    expect(sh.run('kubectl exec bb -- apt-get update')).toEqual(err('error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "apt-get": executable file not found in $PATH: unknown\n'));
  });
});

describe('files in containers', () => {
  it('cat /etc/resolv.conf and /etc/hosts as the kubelet writes them', () => {
    const sh = session({ pods: true });
    expect(sh.run('kubectl exec bb -- cat /etc/resolv.conf')).toEqual(out('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'));
    expect(sh.run('kubectl exec bb -- cat /etc/hosts | tail -1')).toEqual(out(`${ipOf(sh, 'pod', 'bb')}\tbb\n`));
  });

  it('writes through a hostPath volume to the node', () => {
    const sh = session({ pods: true });
    expect(sh.run("kubectl exec web -- sh -c 'echo from-pod > /usr/share/nginx/html/index.html'")).toEqual(out(''));
    expect(sh.run('minikube ssh -- cat /data/web/index.html')).toEqual(out('from-pod\n'));
    expect(sh.run('curl -s $(minikube ip):31341')).toEqual(out('from-pod\n'));
  });

  it('shares an emptyDir between the containers that mount it', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: vol
spec:
  containers:
  - name: c1
    image: ubuntu
    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]
    volumeMounts: [{name: exchange, mountPath: /tmp/exchange}]
  - name: c2
    image: ubuntu
    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]
    volumeMounts: [{name: exchange, mountPath: /tmp/data}]
  volumes: [{name: exchange, emptyDir: {}}]
`;
    const sh = new ShellSession(new Cluster(), { files: { 'vol.yaml': pod } });
    sh.run('kubectl apply -f vol.yaml');
    sh.run('sleep 3');
    sh.run('kubectl exec -it vol -c c1 -- /bin/bash');
    expect(sh.run('echo "Technical Guftgu Zindabad" > /tmp/exchange/my-file.txt')).toEqual(out(''));
    sh.run('exit');
    sh.run('kubectl exec -it vol -c c2 -- /bin/bash');
    expect(sh.run('cd /tmp/data && ls && cat my-file.txt')).toEqual(out('my-file.txt\nTechnical Guftgu Zindabad\n'));
  });
});

describe('processes', () => {
  it('ps aux, ps -ef and busybox ps', () => {
    const sh = session({ pods: true });
    sh.run('kubectl exec -it test-pod -c c0 -- bash');
    expect(sh.run('ps -ef')).toEqual(out('UID          PID    PPID  C STIME TTY          TIME CMD\nroot           1       0  0 12:21 ?        00:00:00 /bin/bash -c while true; do sleep 5; done\nroot           7       1  0 12:21 ?        00:00:00 sleep 5\nroot           8       0  0 12:21 pts/0    00:00:00 bash\nroot          15       8  0 12:21 pts/0    00:00:00 ps -ef\n'));
    expect(sh.run('ps aux | head -2')).toEqual(out('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\nroot           1  0.0  0.0   2576   896 ?        Ss   12:21   0:00 /bin/bash -c while true; do sleep 5; done\n'));
    expect(sh.run('ps -Z')).toEqual({ stdout: '', stderr: expect.stringMatching(/^error: unsupported option/), exitCode: 1 });
    sh.run('exit');
    expect(sh.run('kubectl exec bb -- ps')).toEqual(out('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    8 root      0:00 bash\n   15 root      0:00 ps\n'));
  });

  it('kill -HUP 1 reloads nginx (its log shows it); kill 1 restarts the container', () => {
    const sh = session({ pods: true });
    sh.run('kubectl exec -it web -- bash');
    expect(sh.run('kill -HUP 1')).toEqual(out(''));
    expect(sh.run('kill -s HUP 1')).toEqual(out(''));
    expect(sh.run('kill -FOO 1')).toEqual(err('bash: kill: FOO: invalid signal specification\n'));
    expect(sh.run('kill 4242')).toEqual(err('bash: kill: (4242) - No such process\n'));
    expect(sh.run('kill')).toEqual(err('bash: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n', 2));
    expect(sh.run('exit')).toEqual({ stdout: 'exit\n', stderr: 'command terminated with exit code 2\n', exitCode: 2 });
    expect(sh.run('kubectl logs web | grep -c "SIGHUP"')).toEqual(out('2\n'));
    expect(sh.run('kubectl exec web -- kill 1')).toEqual(out(''));
    sh.run('sleep 2');
    expect(sh.run("kubectl get pod web -o jsonpath='{.status.containerStatuses[0].restartCount}'")).toEqual(out('1'));
  });

  it('a shell as PID 1 ignores kill -9 from inside, as on Linux', () => {
    const sh = session({ pods: true });
    expect(sh.run('kubectl exec test-pod -c c0 -- kill -9 1')).toEqual(out(''));
    expect(sh.run("kubectl get pod test-pod -o jsonpath='{.status.containerStatuses[0].restartCount}'")).toEqual(out('0'));
  });
});

describe('hostname, ip, env', () => {
  it('show the pod\'s identity and network', () => {
    const sh = session({ pods: true });
    const ip = ipOf(sh, 'pod', 'bb');
    const gw = ip.replace(/\.\d+$/, '.1');
    sh.run('kubectl exec -it bb -- sh');
    expect(sh.run('hostname && hostname -i')).toEqual(out(`bb\n${ip}\n`));
    expect(sh.run('ip route')).toEqual(out(`default via ${gw} dev eth0 \n${ip.replace(/\.\d+$/, '.0')}/24 dev eth0 proto kernel scope link src ${ip} \n`));
    expect(sh.run('ip addr show eth0 | grep "inet "')).toEqual(out(`    inet ${ip}/24 brd ${ip.replace(/\.\d+$/, '.255')} scope global eth0\n`));
    expect(sh.run('ip a | grep -c mtu')).toEqual(out('2\n'));
    const mac = sh.run('ip link show eth0').stdout.split('link/ether ')[1]!.slice(0, 17);
    const b = mac.split(':').map((x) => parseInt(x, 16));
    const ll = `fe80::${((b[0]! ^ 2) << 8 | b[1]!).toString(16)}:${((b[2]! << 8) | 0xff).toString(16)}:${((0xfe << 8) | b[3]!).toString(16)}:${((b[4]! << 8) | b[5]!).toString(16)}/64`.replace('fe80::0:', 'fe80::');
    expect(sh.run('ip -br a')).toEqual(out(`lo               UNKNOWN        127.0.0.1/8 ::1/128 \neth0@if4         UP             ${ip}/24 ${ll} \n`));
    expect(sh.run('ip frob')).toEqual(err('Object "frob" is unknown, try "ip help".\n'));
    expect(sh.run('env | grep KUBERNETES_SERVICE')).toEqual(out('KUBERNETES_SERVICE_HOST=10.96.0.1\nKUBERNETES_SERVICE_PORT=443\nKUBERNETES_SERVICE_PORT_HTTPS=443\n'));
    expect(sh.run('hostname -x')).toEqual(err("hostname: invalid option -- 'x'\nUsage: hostname [-b] {hostname|-F file}         set host name (from file)\n"));
  });
});
