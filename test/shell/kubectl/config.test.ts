import { describe, expect, it } from 'vitest';
import { err, out, session } from './reading-helpers.js';

describe('kubectl config (read-only)', () => {
  it('shows minikube\'s kubeconfig and context', () => {
    const sh = session();
    expect(sh.run('kubectl config view')).toEqual(
      out(`apiVersion: v1
clusters:
- cluster:
    certificate-authority: /home/learner/.minikube/ca.crt
    extensions:
    - extension:
        last-update: Wed, 01 Jan 2025 12:00:00 UTC
        provider: minikube.sigs.k8s.io
        version: v1.37.0
      name: cluster_info
    server: https://192.168.49.2:8443
  name: minikube
contexts:
- context:
    cluster: minikube
    extensions:
    - extension:
        last-update: Wed, 01 Jan 2025 12:00:00 UTC
        provider: minikube.sigs.k8s.io
        version: v1.37.0
      name: context_info
    namespace: default
    user: minikube
  name: minikube
current-context: minikube
kind: Config
preferences: {}
users:
- name: minikube
  user:
    client-certificate: /home/learner/.minikube/profiles/minikube/client.crt
    client-key: /home/learner/.minikube/profiles/minikube/client.key
`),
    );
    expect(sh.run('kubectl config current-context')).toEqual(
      out(`minikube
`),
    );
    expect(sh.run('kubectl config get-contexts')).toEqual(
      out(`CURRENT   NAME       CLUSTER    AUTHINFO   NAMESPACE
*         minikube   minikube   minikube   default
`),
    );
    expect(sh.run('kubectl config view -o jsonpath=\'{.clusters[0].cluster.server}\'')).toEqual(
      out(`https://192.168.49.2:8443`),
    );
    expect(sh.run('kubectl config use-context minikube')).toEqual(
      out(`Switched to context "minikube".
`),
    );
  });

  it('answers mistakes and unsupported changes plainly', () => {
    const sh = session();
    expect(sh.run('kubectl config use-context prod')).toEqual(
      err(`error: no context exists with the name: "prod"
`),
    );
    expect(sh.run('kubectl config set-context --current --namespace=dev')).toEqual(
      err(`error: "kubectl config set-context" is not available in this simulated cluster (the kubeconfig cannot be changed)
`),
    );
    expect(sh.run('kubectl config')).toEqual(
      err(`error: "kubectl config" needs a subcommand: view, current-context, get-contexts, use-context
`),
    );
    expect(sh.run('kubectl config view --bogus')).toEqual(
      err(`error: unknown flag: --bogus
See 'kubectl config --help' for usage.
`),
    );
  });
});
