import { describe, expect, it } from 'vitest';
import { PODS, err, out, session } from './reading-helpers.js';

describe('kubectl wait, version, cluster-info, api-resources', () => {
  it('waits for pods to become Ready, advancing simulated time', () => {
    const sh = session({ 'pods.yaml': PODS });
    sh.run('kubectl apply -f pods.yaml');
    expect(sh.run('kubectl wait --for=condition=Ready pod/two --timeout=60s')).toEqual(
      out(`pod/two condition met
`),
    );
    expect(sh.run('kubectl wait --for=condition=Ready pod -l app=web')).toEqual(
      out(`pod/web-7b5c88c86d-j62lh condition met
pod/web-7b5c88c86d-rxvbq condition met
`),
    );
    expect(sh.run('kubectl wait --for=condition=Available deployment/web')).toEqual(
      out(`deployment.apps/web condition met
`),
    );
    expect(sh.run('kubectl wait --for=jsonpath=\'{.status.phase}\'=Running pod/two')).toEqual(
      out(`pod/two condition met
`),
    );
    expect(sh.run('kubectl wait --for=condition=Ready pod/typo --timeout=5s')).toEqual(
      err(`error: timed out waiting for the condition on pods/typo
`),
    );
    expect(sh.run('kubectl wait --for=condition=Ready pods two typo --timeout=3s')).toEqual(
      { stdout: `pod/two condition met
`, stderr: `error: timed out waiting for the condition on pods/typo
`, exitCode: 1 },
    );
    expect(sh.run('kubectl wait --for=delete pod/nope')).toEqual(
      out(``),
    );
    expect(sh.run('kubectl wait --for=delete pod/two --timeout=1s')).toEqual(
      err(`error: timed out waiting for the condition on pods/two
`),
    );
    sh.run('kubectl delete pod two --wait=false');
    expect(sh.run('kubectl wait --for=delete pod/two --timeout=60s')).toEqual(
      out(``),
    );
  });

  it('answers mistakes in kubectl\'s words', () => {
    const sh = session();
    expect(sh.run('kubectl wait pod/x')).toEqual(
      err(`error: --for must be specified
`),
    );
    expect(sh.run('kubectl wait --for=ready pod/x')).toEqual(
      err(`error: unrecognized condition: "ready"
`),
    );
    expect(sh.run('kubectl wait --for=condition=Ready pod')).toEqual(
      err(`error: resource(s) were provided, but no name was specified
`),
    );
    expect(sh.run('kubectl wait --for=condition=Ready pod/nope')).toEqual(
      err(`Error from server (NotFound): pods "nope" not found
`),
    );
    expect(sh.run('kubectl wait --for=condition=Ready pod -l app=none')).toEqual(
      err(`error: no matching resources found
`),
    );
    expect(sh.run('kubectl wait --for=condition=Ready pod/x --timeout=abc')).toEqual(
      err(`error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"
See 'kubectl wait --help' for usage.
`),
    );
    expect(sh.run('kubectl wait --bogus')).toEqual(
      err(`error: unknown flag: --bogus
See 'kubectl wait --help' for usage.
`),
    );
  });

  it('prints client and server versions', () => {
    const sh = session();
    expect(sh.run('kubectl version')).toEqual(
      out(`Client Version: v1.34.1
Kustomize Version: v5.7.1
Server Version: v1.34.0
`),
    );
    expect(sh.run('kubectl version --client')).toEqual(
      out(`Client Version: v1.34.1
Kustomize Version: v5.7.1
`),
    );
    expect(sh.run('kubectl version --client -o json')).toEqual(
      out(`{
  "clientVersion": {
    "major": "1",
    "minor": "34",
    "gitVersion": "v1.34.1",
    "gitCommit": "93248f9ae092f571eb870b7664c534bfc7d00f03",
    "gitTreeState": "clean",
    "buildDate": "2025-09-09T19:44:50Z",
    "goVersion": "go1.24.6",
    "compiler": "gc",
    "platform": "linux/amd64"
  },
  "kustomizeVersion": "v5.7.1"
}
`),
    );
    expect(sh.run('kubectl version -o yaml')).toEqual(
      out(`clientVersion:
  buildDate: "2025-09-09T19:44:50Z"
  compiler: gc
  gitCommit: 93248f9ae092f571eb870b7664c534bfc7d00f03
  gitTreeState: clean
  gitVersion: v1.34.1
  goVersion: go1.24.6
  major: "1"
  minor: "34"
  platform: linux/amd64
kustomizeVersion: v5.7.1
serverVersion:
  buildDate: "2025-08-27T10:09:14Z"
  compiler: gc
  gitCommit: f28b4c9efbca5c5c0af716d9f2d5702667ee8a45
  gitTreeState: clean
  gitVersion: v1.34.0
  goVersion: go1.24.6
  major: "1"
  minor: "34"
  platform: linux/amd64
`),
    );
    expect(sh.run('kubectl version -o wide')).toEqual(
      err(`error: --output must be 'yaml' or 'json'
`),
    );
    expect(sh.run('kubectl version --bogus')).toEqual(
      err(`error: unknown flag: --bogus
See 'kubectl version --help' for usage.
`),
    );
  });

  it('prints where the control plane and CoreDNS run', () => {
    const sh = session();
    expect(sh.run('kubectl cluster-info')).toEqual(
      out(`Kubernetes control plane is running at https://192.168.49.2:8443
CoreDNS is running at https://192.168.49.2:8443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy

To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.
`),
    );
    expect(sh.run('kubectl cluster-info dump')).toEqual(
      err(`error: "kubectl cluster-info dump" is not available in this simulated cluster
`),
    );
    expect(sh.run('kubectl cluster-info --bogus')).toEqual(
      err(`error: unknown flag: --bogus
See 'kubectl cluster-info --help' for usage.
`),
    );
  });

  it('lists the API resources the simulator serves', () => {
    const sh = session();
    expect(sh.run('kubectl api-resources')).toEqual(
      out(`NAME                     SHORTNAMES   APIVERSION             NAMESPACED   KIND
configmaps               cm           v1                     true         ConfigMap
endpoints                ep           v1                     true         Endpoints
events                   ev           v1                     true         Event
namespaces               ns           v1                     false        Namespace
nodes                    no           v1                     false        Node
pods                     po           v1                     true         Pod
replicationcontrollers   rc           v1                     true         ReplicationController
secrets                               v1                     true         Secret
serviceaccounts          sa           v1                     true         ServiceAccount
services                 svc          v1                     true         Service
daemonsets               ds           apps/v1                true         DaemonSet
deployments              deploy       apps/v1                true         Deployment
replicasets              rs           apps/v1                true         ReplicaSet
statefulsets             sts          apps/v1                true         StatefulSet
jobs                                  batch/v1               true         Job
endpointslices                        discovery.k8s.io/v1    true         EndpointSlice
ingressclasses                        networking.k8s.io/v1   false        IngressClass
ingresses                ing          networking.k8s.io/v1   true         Ingress
networkpolicies          netpol       networking.k8s.io/v1   true         NetworkPolicy
`),
    );
    expect(sh.run('kubectl api-resources --namespaced=false')).toEqual(
      out(`NAME             SHORTNAMES   APIVERSION             NAMESPACED   KIND
namespaces       ns           v1                     false        Namespace
nodes            no           v1                     false        Node
ingressclasses                networking.k8s.io/v1   false        IngressClass
`),
    );
    expect(sh.run('kubectl api-resources --api-group=networking.k8s.io -o wide')).toEqual(
      out(`NAME              SHORTNAMES   APIVERSION             NAMESPACED   KIND            VERBS                                                          CATEGORIES
ingressclasses                 networking.k8s.io/v1   false        IngressClass    [create delete deletecollection get list patch update watch]   
ingresses         ing          networking.k8s.io/v1   true         Ingress         [create delete deletecollection get list patch update watch]   
networkpolicies   netpol       networking.k8s.io/v1   true         NetworkPolicy   [create delete deletecollection get list patch update watch]   
`),
    );
    expect(sh.run('kubectl api-resources -o name --sort-by=kind')).toEqual(
      out(`configmaps
daemonsets.apps
deployments.apps
endpointslices.discovery.k8s.io
endpoints
events
ingresses.networking.k8s.io
ingressclasses.networking.k8s.io
jobs.batch
namespaces
networkpolicies.networking.k8s.io
nodes
pods
replicasets.apps
replicationcontrollers
secrets
services
serviceaccounts
statefulsets.apps
`),
    );
    expect(sh.run('kubectl api-resources --sort-by=age')).toEqual(
      err(`error: --sort-by accepts only name or kind
`),
    );
    expect(sh.run('kubectl api-resources --bogus')).toEqual(
      err(`error: unknown flag: --bogus
See 'kubectl api-resources --help' for usage.
`),
    );
  });
});
