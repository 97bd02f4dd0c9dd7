import { describe, expect, it } from 'vitest';
import { err, out, session } from './reading-helpers.js';

describe('kubectl explain', () => {
  it('documents a field of a nested list, in kubectl\'s plaintext layout', () => {
    const sh = session();
    expect(sh.run('kubectl explain pod.spec.containers.ports')).toEqual(
      out(`KIND:       Pod
VERSION:    v1

FIELD: ports <[]ContainerPort>


DESCRIPTION:
    Ports the container listens on. Informational: a port not listed here is
    still reachable. Named ports can be referred to by Services and
    NetworkPolicies.
    ContainerPort represents a network port in a single container.
    
FIELDS:
  containerPort	<integer> -required-
    Number of the port to expose on the pod's IP address (0 < x < 65536).

  hostIP	<string>
    Host IP to bind the external port to.

  hostPort	<integer>
    Port to expose on the host (0 < x < 65536). Most pods do not need this.

  name	<string>
    An IANA_SVC_NAME, unique within the pod, that Services can refer to as
    \`targetPort\`.

  protocol	<string>
  enum: SCTP, TCP, UDP
    Protocol of the port. Defaults to "TCP".


`),
    );
  });

  it('lists an enum field\'s values', () => {
    const sh = session();
    expect(sh.run('kubectl explain svc.spec.type')).toEqual(
      out(`KIND:       Service
VERSION:    v1

FIELD: type <string>
ENUM:
    ClusterIP
    ExternalName
    LoadBalancer
    NodePort

DESCRIPTION:
    How the Service is exposed. \`ClusterIP\` (default): a virtual IP inside the
    cluster. \`NodePort\`: also a port on every node. \`LoadBalancer\`: also an
    external load balancer. \`ExternalName\`: a DNS alias.
    

`),
    );
  });

  it('documents a whole kind, with its API group', () => {
    const sh = session();
    expect(sh.run('kubectl explain deployment')).toEqual(
      out(`GROUP:      apps
KIND:       Deployment
VERSION:    v1

DESCRIPTION:
    A Deployment keeps a number of identical pods running and rolls out changes
    to them through ReplicaSets.
    
FIELDS:
  apiVersion	<string>
    The versioned schema of this object, e.g. \`v1\` or \`apps/v1\`. The API server
    uses it to decode the object.

  kind	<string>
    The type of object, in CamelCase, e.g. \`Pod\`. Cannot be updated.

  metadata	<ObjectMeta>
    Standard object's metadata: name, namespace, labels, annotations and the
    fields the system sets.

  spec	<DeploymentSpec>
    The desired behaviour of the Deployment.

  status	<DeploymentStatus>
    The most recently observed status of the Deployment. Read-only.


`),
    );
    expect(sh.run('kubectl explain ingresses.spec.rules.http.paths')).toEqual(
      out(`GROUP:      networking.k8s.io
KIND:       Ingress
VERSION:    v1

FIELD: paths <[]HTTPIngressPath>


DESCRIPTION:
    Paths and the backends they go to.
    Associates a path with a backend.
    
FIELDS:
  backend	<IngressBackend> -required-
    Where matching requests go.

  path	<string>
    Matched against the request path; must start with \`/\`.

  pathType	<string> -required-
  enum: Exact, ImplementationSpecific, Prefix
    How \`path\` matches: \`Exact\` (the whole path), \`Prefix\` (whole path
    elements), or \`ImplementationSpecific\`.


`),
    );
  });

  it('prints the field tree with --recursive', () => {
    const sh = session();
    expect(sh.run('kubectl explain netpol.spec --recursive')).toEqual(
      out(`GROUP:      networking.k8s.io
KIND:       NetworkPolicy
VERSION:    v1

FIELD: spec <NetworkPolicySpec>


DESCRIPTION:
    The desired behaviour of the policy.
    NetworkPolicySpec provides the specification of a NetworkPolicy.
    
FIELDS:
  egress	<[]NetworkPolicyEgressRule>
    ports	<[]NetworkPolicyPort>
      endPort	<integer>
      port	<IntOrString>
      protocol	<string>
      enum: SCTP, TCP, UDP
    to	<[]NetworkPolicyPeer>
      ipBlock	<IPBlock>
        cidr	<string> -required-
        except	<[]string>
      namespaceSelector	<LabelSelector>
        matchExpressions	<[]LabelSelectorRequirement>
          key	<string> -required-
          operator	<string> -required-
          enum: DoesNotExist, Exists, In, NotIn
          values	<[]string>
        matchLabels	<map[string]string>
      podSelector	<LabelSelector>
        matchExpressions	<[]LabelSelectorRequirement>
          key	<string> -required-
          operator	<string> -required-
          enum: DoesNotExist, Exists, In, NotIn
          values	<[]string>
        matchLabels	<map[string]string>
  ingress	<[]NetworkPolicyIngressRule>
    from	<[]NetworkPolicyPeer>
      ipBlock	<IPBlock>
        cidr	<string> -required-
        except	<[]string>
      namespaceSelector	<LabelSelector>
        matchExpressions	<[]LabelSelectorRequirement>
          key	<string> -required-
          operator	<string> -required-
          enum: DoesNotExist, Exists, In, NotIn
          values	<[]string>
        matchLabels	<map[string]string>
      podSelector	<LabelSelector>
        matchExpressions	<[]LabelSelectorRequirement>
          key	<string> -required-
          operator	<string> -required-
          enum: DoesNotExist, Exists, In, NotIn
          values	<[]string>
        matchLabels	<map[string]string>
    ports	<[]NetworkPolicyPort>
      endPort	<integer>
      port	<IntOrString>
      protocol	<string>
      enum: SCTP, TCP, UDP
  podSelector	<LabelSelector> -required-
    matchExpressions	<[]LabelSelectorRequirement>
      key	<string> -required-
      operator	<string> -required-
      enum: DoesNotExist, Exists, In, NotIn
      values	<[]string>
    matchLabels	<map[string]string>
  policyTypes	<[]string>

`),
    );
  });

  it('answers mistakes in kubectl\'s words', () => {
    const sh = session();
    expect(sh.run('kubectl explain')).toEqual(
      err(`You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
See 'kubectl explain -h' for help and examples
`),
    );
    expect(sh.run('kubectl explain pods.spec.nope')).toEqual(
      err(`error: field "nope" does not exist
`),
    );
    expect(sh.run('kubectl explain foo')).toEqual(
      err(`error: the server doesn't have a resource type "foo"
`),
    );
    expect(sh.run('kubectl explain pods services')).toEqual(
      err(`error: We accept only this format: explain RESOURCE
See 'kubectl explain -h' for help and examples
`),
    );
    expect(sh.run('kubectl explain nodes')).toEqual(
      err(`error: no offline documentation for "nodes" in this simulated cluster; try pods, services, deployments, replicasets, ingresses, networkpolicies, configmaps, namespaces or endpoints
`),
    );
    expect(sh.run('kubectl explain pods --bogus')).toEqual(
      err(`error: unknown flag: --bogus
See 'kubectl explain --help' for usage.
`),
    );
  });
});
