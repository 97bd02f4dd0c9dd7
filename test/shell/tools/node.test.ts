import { describe, expect, it } from 'vitest';
import { err, ipOf, out, session } from './fixtures.js';

describe('node tools (minikube ssh)', () => {
  it('routes: the own pod CIDR on the bridge, other nodes\' CIDRs via their IPs', () => {
    const sh = session({ nodes: 2 });
    sh.run('minikube ssh -n minikube-m02');
    expect(sh.prompt()).toBe('docker@minikube-m02:~$ ');
    expect(sh.run('ip route')).toEqual(out('default via 192.168.49.1 dev eth0 \n10.244.1.0/24 dev bridge proto kernel scope link src 10.244.1.1 \n10.244.0.0/24 via 192.168.49.2 dev eth0 \n172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n192.168.49.0/24 dev eth0 proto kernel scope link src 192.168.49.3 \n'));
    expect(sh.run('route -n | tail -3')).toEqual(out('10.244.0.0      192.168.49.2    255.255.255.0   UG    0      0        0 eth0\n172.17.0.0      0.0.0.0         255.255.0.0     U     0      0        0 docker0\n192.168.49.0    0.0.0.0         255.255.255.0   U     0      0        0 eth0\n'));
    expect(sh.run('ifconfig eth0 | head -2')).toEqual(out('eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet 192.168.49.3  netmask 255.255.255.0  broadcast 192.168.49.255\n'));
    expect(sh.run('hostname; whoami')).toEqual(out('minikube-m02\ndocker\n'));
  });

  it('reaches pod and Service IPs, and sees hostPath directories', () => {
    const sh = session({ pods: true });
    sh.run("kubectl exec web -- sh -c 'echo node-visible > /usr/share/nginx/html/index.html'");
    sh.run('minikube ssh');
    expect(sh.run(`curl -s ${ipOf(sh, 'pod', 'web')}`)).toEqual(out('node-visible\n'));
    expect(sh.run(`curl -s ${ipOf(sh, 'svc', 'web')}`)).toEqual(out('node-visible\n'));
    expect(sh.run('ls /data/web && cat /data/web/index.html')).toEqual(out('index.html\nnode-visible\n'));
    expect(sh.run('echo from-node > /data/web/index.html')).toEqual(out(''));
    expect(sh.run('exit')).toEqual(out('logout\n'));
    expect(sh.run('kubectl exec web -- cat /usr/share/nginx/html/index.html')).toEqual(out('from-node\n'));
  });

  it('iptables-save and iptables -L need root and show kube-proxy\'s chains', () => {
    const sh = session({ pods: true });
    sh.run('minikube ssh');
    expect(sh.run('iptables-save')).toEqual(err('iptables-save v1.8.7 (legacy): Cannot initialize: Permission denied (you must be root)\n'));
    expect(sh.run('sudo iptables-save | grep -c "^-A KUBE-NODEPORTS"')).toEqual(out('1\n'));
    expect(sh.run('sudo iptables -t nat -S KUBE-NODEPORTS')).toEqual(out(expect.stringMatching(/^-N KUBE-NODEPORTS\n-A KUBE-NODEPORTS -p tcp -m comment --comment "default\/web" -m tcp --dport 31341 -j KUBE-EXT-[A-Z0-9]{16}\n$/) as unknown as string));
    expect(sh.run('sudo iptables -t nat -L KUBE-NODEPORTS -n')).toEqual(out(expect.stringMatching(/^Chain KUBE-NODEPORTS \(1 references\)\ntarget {5}prot opt source {15}destination {9}\nKUBE-EXT-[A-Z0-9]{16} tcp {2}-- {2}0\.0\.0\.0\/0 {12}0\.0\.0\.0\/0 {12}\/\* default\/web \*\/ tcp dpt:31341\n$/) as unknown as string));
    expect(sh.run('sudo iptables -t nat -L NOPE')).toEqual(err('iptables: No chain/target/match by that name.\n'));
    expect(sh.run('sudo iptables -A INPUT -j DROP')).toEqual(err('iptables: changing rules is not supported in this sandbox (kube-proxy owns these chains)\n'));
    expect(sh.run('sudo iptables --bogus')).toEqual(err('iptables v1.8.7 (legacy): unknown option "--bogus"\nTry `iptables -h\' or \'iptables --help\' for more information.\n', 2));
    expect(sh.run('sudo iptables-save --bogus')).toEqual(err("iptables-save: unrecognized option '--bogus'\nUsage: iptables-save [-b] [-c] [-t table] [-M path]\n"));
  });

  it('crictl ps and docker ps list the node\'s containers', () => {
    const sh = session({ pods: true });
    sh.run('minikube ssh');
    const ps = sh.run('sudo crictl ps');
    expect(ps.stdout.split('\n')[0]).toBe('CONTAINER           IMAGE               CREATED             STATE               NAME                      ATTEMPT             POD ID              POD');
    expect(sh.run('sudo crictl ps | grep -c Running')).toEqual(out('14\n'));
    expect(sh.run('sudo crictl ps | grep " c01 " | wc -l')).toEqual(out('1\n'));
    expect(sh.run('crictl ps')).toEqual(err('time="2025-01-01T12:00:00Z" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/cri-dockerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/cri-dockerd.sock: connect: permission denied\\""\n'));
    expect(sh.run('sudo crictl ps --bogus')).toEqual(err('time="2025-01-01T12:00:00Z" level=fatal msg="flag provided but not defined: -bogus"\n'));
    expect(sh.run('sudo docker ps | head -1')).toEqual(out('CONTAINER ID   IMAGE          COMMAND                  CREATED          STATUS          PORTS   NAMES\n'));
    expect(sh.run('sudo docker ps -z')).toEqual(err("unknown shorthand flag: 'z' in -z\nSee 'docker ps --help'.\n", 125));
    expect(sh.run('sudo -i')).toEqual(err('sudo: a root shell is not supported in this sandbox; prefix each command with sudo\n'));
    expect(sh.run('nslookup web')).toEqual(err('-bash: nslookup: command not found\n', 127));
  });
});

describe('minikube', () => {
  it('ip, status, node list, version', () => {
    const sh = session({ nodes: 2 });
    expect(sh.run('minikube ip')).toEqual(out('192.168.49.2\n'));
    expect(sh.run('minikube ip -n minikube-m02')).toEqual(out('192.168.49.3\n'));
    expect(sh.run('minikube ip -n nope')).toEqual(err('\n❌  Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node nope\n\n', 85));
    expect(sh.run('minikube status')).toEqual(out('minikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\nminikube-m02\ntype: Worker\nhost: Running\nkubelet: Running\n\n'));
    expect(sh.run('minikube node list')).toEqual(out('minikube\t192.168.49.2\nminikube-m02\t192.168.49.3\n'));
    expect(sh.run('minikube version')).toEqual(out('minikube version: v1.37.0\ncommit: 65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3\n'));
  });

  it('service --url and the service table', () => {
    const sh = session({ pods: true });
    expect(sh.run('minikube service web --url')).toEqual(out('http://192.168.49.2:31341\n'));
    expect(sh.run('minikube service web')).toEqual({
      stdout: '|-----------|------|-------------|---------------------------|\n| NAMESPACE | NAME | TARGET PORT |            URL            |\n|-----------|------|-------------|---------------------------|\n| default   | web  |          80 | http://192.168.49.2:31341 |\n|-----------|------|-------------|---------------------------|\n',
      stderr: '🎉  Opening service default/web in default browser...\n👉  No browser in this sandbox: use curl http://192.168.49.2:31341\n',
      exitCode: 0,
    });
    expect(sh.run('minikube service nope')).toEqual(err("\n❌  Exiting due to SVC_NOT_FOUND: Service 'nope' was not found in 'default' namespace.\nYou may select another namespace by using 'minikube service nope -n <namespace>'. Or list out all the services using 'minikube service list'\n\n", 89));
    expect(sh.run('minikube service kubernetes --url')).toEqual(err('😿  service default/kubernetes has no node port\n❗  Services [default/kubernetes] have type "ClusterIP" not meant to be exposed; use a NodePort or LoadBalancer Service, or kubectl port-forward\n', 0));
    expect(sh.run('curl -s $(minikube service web --url) | head -1')).toEqual(out('<!DOCTYPE html>\n'));
  });

  it('addons list, enable ingress (the controller comes up), disable', () => {
    const sh = session();
    expect(sh.run('minikube addons list | grep -E "ingress |storage-provisioner"')).toEqual(out('| ingress                     | minikube | disabled     | Kubernetes             |\n| storage-provisioner         | minikube | enabled ✅   | minikube               |\n'));
    expect(sh.run('minikube addons enable ingress')).toEqual(
      out(
        "💡  ingress is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.\nYou can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS\n    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.5.2\n    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.5.2\n    ▪ Using image registry.k8s.io/ingress-nginx/controller:v1.12.1\n🔎  Verifying ingress addon...\n🌟  The 'ingress' addon is enabled\n",
      ),
    );
    expect(sh.cluster.state.addons.has('ingress')).toBe(true);
    expect(sh.run('kubectl get pods -n ingress-nginx | grep -c "1/1"')).toEqual(out('1\n'));
    expect(sh.run('minikube addons enable ingress')).toEqual(out("🌟  The 'ingress' addon is enabled\n"));
    expect(sh.run('minikube addons enable nope')).toEqual(err('\n❌  Exiting due to MK_ADDON_ENABLE: enable failed: run callbacks: nope is not a valid addon\n\n', 69));
    expect(sh.run('minikube addons disable ingress')).toEqual(out("🌑  \"The 'ingress' addon is disabled\"\n"));
    expect(sh.cluster.state.addons.has('ingress')).toBe(false);
  });

  it('tunnel gives LoadBalancer Services an external IP and returns', () => {
    const sh = session();
    sh.run('kubectl create deployment web --image=nginx');
    sh.run('kubectl expose deployment web --type=LoadBalancer --port=80');
    expect(sh.run('minikube tunnel')).toEqual(
      out("✅  Tunnel successfully started\n\n📌  NOTE: Please do not close this terminal as this process must stay alive for the tunnel to be accessible ...\n\n🏃  Starting tunnel for service web.\n(sandbox: the tunnel keeps running in the background and you get your prompt back; it assigns EXTERNAL-IPs to LoadBalancer Services)\n"),
    );
    expect(sh.cluster.state.tunnel).toBe(true);
    expect(sh.run('minikube tunnel')).toEqual(out('✅  Tunnel is already running in the background in this sandbox.\n🏃  Starting tunnel for service web.\n'));
  });

  it('usage errors and --help', () => {
    const sh = session();
    expect(sh.run('minikube frob')).toEqual(err('Error: unknown command "frob" for "minikube"\nRun \'minikube --help\' for usage.\n', 64));
    expect(sh.run('minikube ip --bogus')).toEqual(err("Error: unknown flag: --bogus\nSee 'minikube ip --help' for usage.\n", 64));
    expect(sh.run('minikube ssh --bogus')).toEqual(err("Error: unknown flag: --bogus\nSee 'minikube ssh --help' for usage.\n", 64));
    expect(sh.run('minikube status --bogus')).toEqual(err("Error: unknown flag: --bogus\nSee 'minikube status --help' for usage.\n", 64));
    expect(sh.run('minikube tunnel --bogus')).toEqual(err("Error: unknown flag: --bogus\nSee 'minikube tunnel --help' for usage.\n", 64));
    expect(sh.run('minikube service --bogus')).toEqual(err("Error: unknown flag: --bogus\nSee 'minikube service --help' for usage.\n", 64));
    expect(sh.run('minikube stop')).toEqual(err("❌  'minikube stop' is not available in this sandbox: the lesson's cluster keeps running.\n"));
    expect(sh.run('minikube --help')).toEqual(out(expect.stringMatching(/^minikube provisions and manages local Kubernetes clusters/) as unknown as string));
  });
});
