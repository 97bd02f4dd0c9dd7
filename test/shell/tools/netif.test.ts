import { describe, expect, it } from 'vitest';
import { linkLocal } from '../../../src/shell/tools/netif.js';
import { out, session } from './fixtures.js';

const STS = `apiVersion: v1
kind: Service
metadata: {name: db}
spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: busybox:1.36, command: [sleep, "3600"]}]
`;

describe('hostname -f', () => {
  it('prints the FQDN from /etc/hosts for a pod with a subdomain, else the pod name', () => {
    const sh = session({ pods: true });
    sh.homeFs.writeFile('/home/learner/sts.yaml', STS);
    sh.run('kubectl apply -f sts.yaml');
    sh.run('sleep 10');
    expect(sh.run('kubectl exec db-0 -- hostname -f')).toEqual(out('db-0.db.default.svc.cluster.local\n'));
    expect(sh.run('kubectl exec db-0 -- hostname')).toEqual(out('db-0\n'));
    expect(sh.run('kubectl exec db-0 -- hostname -s')).toEqual(out('db-0\n'));
    expect(sh.run('kubectl exec bb -- hostname -f')).toEqual(out('bb\n'));
    expect(sh.run('hostname -f')).toEqual(out('laptop\n'));
  });
});

describe('veth pairs', () => {
  it('derives the link-local address from the MAC (EUI-64)', () => {
    expect(linkLocal('02:fc:00:00:00:01')).toEqual('fe80::fc:ff:fe00:1');
    expect(linkLocal('02:c4:d6:eb:70:0a')).toEqual('fe80::c4:d6ff:feeb:700a');
  });

  it("numbers a pod's eth0@ifN after its veth on the node, and the node's veths sit in the bridge", () => {
    const sh = session({ pods: true });
    const peer = sh.run('kubectl exec bb -- ip link show eth0').stdout.split('\n')[0]!;
    const n = /^2: eth0@if(\d+):/.exec(peer)?.[1];
    const veth = sh.run(`minikube ssh -- ip link | grep "^${n}: "`).stdout;
    expect(veth.replace(/veth[0-9a-f]{8}/, 'vethX')).toEqual(`${n}: vethX@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master bridge state UP group default qlen 1000\n`);
  });
});
