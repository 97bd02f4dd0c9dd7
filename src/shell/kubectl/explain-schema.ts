/**
 * Offline field documentation for the kinds the simulator models, shaped like the OpenAPI schema `kubectl explain`
 * reads: each type has a description and fields with a type hint (`<[]ContainerPort>`), `required` and `enum`.
 * The descriptions are short and in our own words; the structure follows the Kubernetes API reference
 * (https://kubernetes.io/docs/reference/kubernetes-api/).
 */

/** One field. `ref` names the type to descend into (for `pod.spec.containers.ports`). */
export interface FieldDoc {
  type: string;
  desc: string;
  ref?: string;
  required?: boolean;
  enum?: string[];
}

/** One schema type. */
export interface TypeDoc {
  desc: string;
  fields: Record<string, FieldDoc>;
}

const s = (desc: string, extra: Partial<FieldDoc> = {}): FieldDoc => ({ type: 'string', desc, ...extra });
const i = (desc: string, extra: Partial<FieldDoc> = {}): FieldDoc => ({ type: 'integer', desc, ...extra });
const b = (desc: string): FieldDoc => ({ type: 'boolean', desc });
const obj = (ref: string, desc: string, extra: Partial<FieldDoc> = {}): FieldDoc => ({ type: ref, ref, desc, ...extra });
const list = (ref: string, desc: string, extra: Partial<FieldDoc> = {}): FieldDoc => ({ type: `[]${ref}`, ref, desc, ...extra });
const strMap = (desc: string): FieldDoc => ({ type: 'map[string]string', desc });
const strList = (desc: string): FieldDoc => ({ type: '[]string', desc });

const API_VERSION = s('The versioned schema of this object, e.g. `v1` or `apps/v1`. The API server uses it to decode the object.');
const KIND = s('The type of object, in CamelCase, e.g. `Pod`. Cannot be updated.');
const META = obj('ObjectMeta', "Standard object's metadata: name, namespace, labels, annotations and the fields the system sets.");

/** Types by name. */
export const TYPES: Record<string, TypeDoc> = {
  ObjectMeta: {
    desc: 'Metadata every persisted object has: its name, namespace, labels and annotations, and fields the system fills in (uid, resourceVersion, creationTimestamp).',
    fields: {
      annotations: strMap('Arbitrary non-identifying key/value data tools attach to an object. Not used for selection.'),
      creationTimestamp: s('When the server created the object (RFC 3339, UTC). Set by the system; read-only.'),
      generateName: s('A prefix the server completes with a random suffix to build a unique name when `name` is empty.'),
      generation: i('A sequence number for the desired state, bumped by the server on every spec change.'),
      labels: strMap('Key/value pairs used to organise and select objects; Services, ReplicaSets and NetworkPolicies find pods by their labels.'),
      name: s('Unique name within a namespace (within the cluster for cluster-scoped kinds). Cannot be updated.'),
      namespace: s('The namespace the object lives in. An empty namespace means `default`. Cannot be updated.'),
      ownerReferences: list('OwnerReference', 'Objects this one depends on; when every owner is deleted, the garbage collector deletes this object too.'),
      resourceVersion: s('An opaque version the server changes on every write; used for optimistic concurrency and watches.'),
      uid: s('A cluster-wide unique id the server assigns at creation. Read-only.'),
    },
  },
  OwnerReference: {
    desc: 'Identifies an owning object, e.g. the ReplicaSet that created a pod.',
    fields: {
      apiVersion: s('API version of the owner.', { required: true }),
      controller: b('True when the owner is the managing controller.'),
      kind: s('Kind of the owner.', { required: true }),
      name: s('Name of the owner.', { required: true }),
      uid: s('UID of the owner.', { required: true }),
    },
  },
  Pod: {
    desc: 'A Pod is a group of containers that share a network namespace (one IP) and volumes, scheduled together onto a node.',
    fields: { apiVersion: API_VERSION, kind: KIND, metadata: META, spec: obj('PodSpec', 'The desired behaviour of the pod.'), status: obj('PodStatus', 'The most recently observed state of the pod, written by the kubelet. Read-only.') },
  },
  PodSpec: {
    desc: 'The desired state of a pod: its containers, volumes and scheduling constraints.',
    fields: {
      containers: list('Container', 'The containers of the pod. At least one. Containers share the pod IP and talk to each other over localhost. Cannot be updated.', { required: true }),
      dnsPolicy: s('How DNS is set up for the pod. `ClusterFirst` (default) uses the cluster DNS service with search domains for the namespace.', { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }),
      hostNetwork: b("Use the node's network namespace: the pod's IP is the node's IP. Default false."),
      hostname: s("The pod's hostname. Defaults to the pod name."),
      initContainers: list('Container', 'Containers that run to completion, one after another, before the app containers start.'),
      nodeName: s('The node the pod runs on. Set by the scheduler; setting it yourself skips scheduling.'),
      nodeSelector: strMap('Node labels the pod requires; the pod only schedules onto nodes that have all of them.'),
      restartPolicy: s('What the kubelet does when a container exits. Default `Always`.', { enum: ['Always', 'Never', 'OnFailure'] }),
      serviceAccountName: s('The ServiceAccount the pod runs as.'),
      subdomain: s('With a headless Service of this name, gives the pod the DNS name `<hostname>.<subdomain>.<namespace>.svc.<cluster domain>`.'),
      terminationGracePeriodSeconds: i('Seconds the containers get to shut down after SIGTERM before they are killed. Default 30.'),
      volumes: list('Volume', 'Volumes the containers of the pod can mount.'),
    },
  },
  Container: {
    desc: 'One container in a pod: an image, how to start it, and what it exposes and mounts.',
    fields: {
      args: strList("Arguments to the entrypoint. The image's CMD is used when not given. Cannot be updated."),
      command: strList("The entrypoint, not run in a shell. The image's ENTRYPOINT is used when not given. Cannot be updated."),
      env: list('EnvVar', 'Environment variables to set in the container.'),
      image: s('Container image name, e.g. `nginx:1.27`. Without a tag, `latest` is pulled.'),
      imagePullPolicy: s('When to pull the image. Defaults to `Always` for `:latest` (or no tag), otherwise `IfNotPresent`.', { enum: ['Always', 'IfNotPresent', 'Never'] }),
      livenessProbe: obj('Probe', 'A periodic check of container health; the kubelet restarts the container when it fails.'),
      name: s('Name of the container, unique within the pod (a DNS label). Cannot be updated.', { required: true }),
      ports: list('ContainerPort', 'Ports the container listens on. Informational: a port not listed here is still reachable. Named ports can be referred to by Services and NetworkPolicies.'),
      readinessProbe: obj('Probe', 'A periodic check of whether the container can serve; a pod that is not ready is removed from Service endpoints.'),
      resources: obj('ResourceRequirements', 'Compute resources the container requests and its limits.'),
      volumeMounts: list('VolumeMount', "Volumes to mount into the container's file system."),
      workingDir: s("The container's working directory. Defaults to the image's."),
    },
  },
  ContainerPort: {
    desc: 'ContainerPort represents a network port in a single container.',
    fields: {
      containerPort: i("Number of the port to expose on the pod's IP address (0 < x < 65536).", { required: true }),
      hostIP: s('Host IP to bind the external port to.'),
      hostPort: i('Port to expose on the host (0 < x < 65536). Most pods do not need this.'),
      name: s('An IANA_SVC_NAME, unique within the pod, that Services can refer to as `targetPort`.'),
      protocol: s('Protocol of the port. Defaults to "TCP".', { enum: ['SCTP', 'TCP', 'UDP'] }),
    },
  },
  EnvVar: {
    desc: 'EnvVar represents an environment variable present in a container.',
    fields: { name: s('Name of the environment variable.', { required: true }), value: s('The value. `$(VAR)` references to earlier variables are expanded. Defaults to "".'), valueFrom: obj('EnvVarSource', 'A source for the value (ConfigMap key, Secret key, pod field). Cannot be used if value is not empty.') },
  },
  VolumeMount: {
    desc: 'VolumeMount describes a mounting of a Volume within a container.',
    fields: {
      mountPath: s('Path within the container at which the volume is mounted. Must not contain `:`.', { required: true }),
      name: s('The name of a volume of the pod.', { required: true }),
      readOnly: b('Mounted read-only when true. Defaults to false.'),
      subPath: s("Path within the volume to mount instead of its root. Defaults to \"\" (the volume's root)."),
    },
  },
  Volume: {
    desc: 'A named volume in a pod that any container of the pod may mount.',
    fields: {
      configMap: obj('ConfigMapVolumeSource', 'Files from a ConfigMap, one per key.'),
      emptyDir: obj('EmptyDirVolumeSource', "An empty directory created when the pod starts and deleted with it; shared by the pod's containers."),
      hostPath: obj('HostPathVolumeSource', "A directory on the node's own file system. It outlives the pod, but only on that node."),
      name: s('Name of the volume, a DNS label unique within the pod.', { required: true }),
      secret: obj('SecretVolumeSource', 'Files from a Secret, one per key.'),
    },
  },
  Probe: {
    desc: 'A check the kubelet runs against a container.',
    fields: {
      exec: obj('ExecAction', 'Runs a command in the container; exit code 0 means healthy.'),
      failureThreshold: i('Consecutive failures after which the probe counts as failed. Default 3.'),
      httpGet: obj('HTTPGetAction', 'An HTTP GET; a status from 200 to 399 means healthy.'),
      initialDelaySeconds: i('Seconds after the container starts before the first probe.'),
      periodSeconds: i('How often (in seconds) to probe. Default 10.'),
      successThreshold: i('Consecutive successes after a failure to count as healthy again. Default 1.'),
      tcpSocket: obj('TCPSocketAction', 'Opens a TCP connection; success means healthy.'),
      timeoutSeconds: i('Seconds after which the probe times out. Default 1.'),
    },
  },
  ResourceRequirements: {
    desc: 'ResourceRequirements describes the compute resource requirements.',
    fields: {
      limits: { type: 'map[string]Quantity', desc: 'The most of each resource the container may use.' },
      requests: { type: 'map[string]Quantity', desc: 'The resources the scheduler reserves for the container on a node.' },
    },
  },
  PodStatus: {
    desc: 'The observed state of a pod. Written by the kubelet.',
    fields: {
      conditions: list('PodCondition', 'Current service state of the pod: PodScheduled, Initialized, ContainersReady, Ready.'),
      containerStatuses: list('ContainerStatus', 'One entry per container: state, readiness, restart count.'),
      hostIP: s('IP address of the node the pod runs on.'),
      phase: s('A simple, high-level summary of where the pod is in its lifecycle.', { enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'] }),
      podIP: s('The IP address allocated to the pod; routable within the cluster. Empty until allocated.'),
      podIPs: list('PodIP', 'The IP addresses of the pod (one per address family).'),
      startTime: s('When the kubelet acknowledged the pod (RFC 3339).'),
    },
  },
  PodTemplateSpec: {
    desc: 'PodTemplateSpec describes the data a pod should have when created from a template.',
    fields: { metadata: META, spec: obj('PodSpec', 'The desired behaviour of the pods created from this template.') },
  },
  LabelSelector: {
    desc: 'A label query over a set of objects. matchLabels and matchExpressions are ANDed; an empty selector matches everything.',
    fields: {
      matchExpressions: list('LabelSelectorRequirement', 'A list of label requirements (In, NotIn, Exists, DoesNotExist), ANDed.'),
      matchLabels: strMap('key=value pairs; each is a requirement that the label `key` equals `value`.'),
    },
  },
  LabelSelectorRequirement: {
    desc: 'A selector requirement: a key, an operator and values.',
    fields: {
      key: s('The label key the selector applies to.', { required: true }),
      operator: s("The key's relationship to the values.", { required: true, enum: ['DoesNotExist', 'Exists', 'In', 'NotIn'] }),
      values: strList('Values for In and NotIn (non-empty); empty for Exists and DoesNotExist.'),
    },
  },
  Service: {
    desc: 'A Service gives a set of pods, chosen by a label selector, one stable virtual IP and DNS name, and load-balances connections to them.',
    fields: { apiVersion: API_VERSION, kind: KIND, metadata: META, spec: obj('ServiceSpec', 'The behaviour of the Service.'), status: obj('ServiceStatus', 'The most recently observed state of the Service (load balancer ingress points). Read-only.') },
  },
  ServiceSpec: {
    desc: 'ServiceSpec describes the attributes that a user creates on a service.',
    fields: {
      clusterIP: s('The virtual IP of the Service, allocated from the service CIDR when empty. `None` makes a headless Service (DNS returns the pod IPs). Cannot be changed.'),
      clusterIPs: strList('The virtual IPs, one per IP family; the first equals clusterIP.'),
      externalIPs: strList('Extra IPs on which the nodes accept traffic for this Service.'),
      externalName: s('The DNS name a Service of type ExternalName aliases (a CNAME record).'),
      externalTrafficPolicy: s('Whether node-port and load-balancer traffic may go to pods on other nodes (`Cluster`) or only local ones (`Local`).', { enum: ['Cluster', 'Local'] }),
      internalTrafficPolicy: s('Whether cluster-internal traffic goes to all endpoints (`Cluster`) or only those on the same node (`Local`).', { enum: ['Cluster', 'Local'] }),
      ports: list('ServicePort', 'The ports the Service exposes.'),
      selector: strMap('Pods with all these labels back the Service. Without a selector no Endpoints are managed for you.'),
      sessionAffinity: s('`ClientIP` sends a client to the same pod each time. Default `None`.', { enum: ['ClientIP', 'None'] }),
      type: s('How the Service is exposed. `ClusterIP` (default): a virtual IP inside the cluster. `NodePort`: also a port on every node. `LoadBalancer`: also an external load balancer. `ExternalName`: a DNS alias.', {
        enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
      }),
    },
  },
  ServicePort: {
    desc: "ServicePort contains information on service's port.",
    fields: {
      appProtocol: s('The application protocol of this port, a hint for implementations.'),
      name: s('Name of the port; required when the Service has more than one. Becomes the SRV record name.'),
      nodePort: i('The port on every node (30000-32767 by default) for NodePort and LoadBalancer Services. Allocated when not given.'),
      port: i('The port the Service listens on.', { required: true }),
      protocol: s('The IP protocol of this port. Default TCP.', { enum: ['SCTP', 'TCP', 'UDP'] }),
      targetPort: { type: 'IntOrString', desc: "The port on the pods to send traffic to: a number, or the name of a container port. Defaults to `port`." },
    },
  },
  Deployment: {
    desc: 'A Deployment keeps a number of identical pods running and rolls out changes to them through ReplicaSets.',
    fields: { apiVersion: API_VERSION, kind: KIND, metadata: META, spec: obj('DeploymentSpec', 'The desired behaviour of the Deployment.'), status: obj('DeploymentStatus', 'The most recently observed status of the Deployment. Read-only.') },
  },
  DeploymentSpec: {
    desc: 'DeploymentSpec is the specification of the desired behavior of the Deployment.',
    fields: {
      minReadySeconds: i('Seconds a new pod must be ready before it counts as available. Default 0.'),
      paused: b('Stops rollouts while true.'),
      progressDeadlineSeconds: i('Seconds before a stalled rollout is reported as failed. Default 600.'),
      replicas: i('Number of desired pods. Default 1.'),
      revisionHistoryLimit: i('Number of old ReplicaSets kept for rollback. Default 10.'),
      selector: obj('LabelSelector', "Which pods the Deployment manages. Must match the template's labels. Cannot be changed in apps/v1.", { required: true }),
      strategy: obj('DeploymentStrategy', 'How old pods are replaced: `RollingUpdate` (default) or `Recreate`.'),
      template: obj('PodTemplateSpec', 'The pods to create.', { required: true }),
    },
  },
  ReplicaSet: {
    desc: 'A ReplicaSet keeps a number of pods matching its selector running. Deployments manage them for you.',
    fields: { apiVersion: API_VERSION, kind: KIND, metadata: META, spec: obj('ReplicaSetSpec', 'The desired behaviour of the ReplicaSet.'), status: obj('ReplicaSetStatus', 'The most recently observed status. Read-only.') },
  },
  ReplicaSetSpec: {
    desc: 'ReplicaSetSpec is the specification of a ReplicaSet.',
    fields: {
      minReadySeconds: i('Seconds a new pod must be ready before it counts as available.'),
      replicas: i('Number of desired pods. Default 1.'),
      selector: obj('LabelSelector', "Which pods count towards replicas. Must match the template's labels.", { required: true }),
      template: obj('PodTemplateSpec', 'The pods to create when there are too few.'),
    },
  },
  Ingress: {
    desc: 'An Ingress routes external HTTP(S) traffic to Services by host and path. It needs an ingress controller to do anything.',
    fields: { apiVersion: API_VERSION, kind: KIND, metadata: META, spec: obj('IngressSpec', 'The rules of the Ingress.'), status: obj('IngressStatus', 'The addresses the controller publishes. Read-only.') },
  },
  IngressSpec: {
    desc: 'IngressSpec describes the Ingress the user wishes to exist.',
    fields: {
      defaultBackend: obj('IngressBackend', 'Where requests that match no rule go. Without it the controller decides (ingress-nginx answers 404).'),
      ingressClassName: s('The IngressClass (controller) that should implement this Ingress, e.g. `nginx`.'),
      rules: list('IngressRule', 'Host rules; a request goes to the backend of the longest matching path of the rule for its host.'),
      tls: list('IngressTLS', 'TLS configuration: hosts and the Secret holding their certificate.'),
    },
  },
  IngressRule: {
    desc: 'Maps the paths under a host to backends.',
    fields: {
      host: s('A fully qualified domain name, or a wildcard `*.foo.com` matching exactly one more DNS label. Empty: all hosts.'),
      http: obj('HTTPIngressRuleValue', 'The paths of this host.'),
    },
  },
  HTTPIngressRuleValue: {
    desc: 'A list of http selectors pointing to backends.',
    fields: { paths: list('HTTPIngressPath', 'Paths and the backends they go to.', { required: true }) },
  },
  HTTPIngressPath: {
    desc: 'Associates a path with a backend.',
    fields: {
      backend: obj('IngressBackend', 'Where matching requests go.', { required: true }),
      path: s('Matched against the request path; must start with `/`.'),
      pathType: s('How `path` matches: `Exact` (the whole path), `Prefix` (whole path elements), or `ImplementationSpecific`.', { required: true, enum: ['Exact', 'ImplementationSpecific', 'Prefix'] }),
    },
  },
  IngressBackend: {
    desc: 'The Service (or resource) that serves a request.',
    fields: { resource: obj('TypedLocalObjectReference', 'A reference to another resource in the namespace. Exclusive with service.'), service: obj('IngressServiceBackend', 'A Service and port. Exclusive with resource.') },
  },
  IngressServiceBackend: {
    desc: 'References a Kubernetes Service as a Backend.',
    fields: { name: s('Name of the Service, in the same namespace as the Ingress.', { required: true }), port: obj('ServiceBackendPort', 'The port of the Service, by number or name.') },
  },
  ServiceBackendPort: {
    desc: 'The service port being referenced.',
    fields: { name: s('The name of a Service port. Exclusive with number.'), number: i('The number of a Service port. Exclusive with name.') },
  },
  IngressTLS: {
    desc: 'Describes the transport layer security of an Ingress.',
    fields: { hosts: strList('Hosts covered by the certificate.'), secretName: s('The Secret holding the certificate and key (`tls.crt`, `tls.key`).') },
  },
  NetworkPolicy: {
    desc: 'A NetworkPolicy says which traffic may reach (ingress) or leave (egress) the pods it selects. It is enforced by the network plugin; plugins without support ignore it.',
    fields: { apiVersion: API_VERSION, kind: KIND, metadata: META, spec: obj('NetworkPolicySpec', 'The desired behaviour of the policy.') },
  },
  NetworkPolicySpec: {
    desc: 'NetworkPolicySpec provides the specification of a NetworkPolicy.',
    fields: {
      egress: list('NetworkPolicyEgressRule', 'Allowed outgoing traffic. Traffic is allowed if any rule of any policy selecting the pod allows it.'),
      ingress: list('NetworkPolicyIngressRule', 'Allowed incoming traffic. An empty list with Ingress in policyTypes denies all ingress.'),
      podSelector: obj('LabelSelector', 'The pods in this namespace the policy applies to. An empty selector selects every pod in the namespace.', { required: true }),
      policyTypes: strList('Which directions the policy isolates. Defaults to Ingress, plus Egress when egress rules are present.'),
    },
  },
  NetworkPolicyIngressRule: {
    desc: 'Traffic allowed to the selected pods: it must match both ports and from.',
    fields: {
      from: list('NetworkPolicyPeer', 'Sources allowed; items are ORed. Empty or missing: any source.'),
      ports: list('NetworkPolicyPort', 'Destination ports allowed; items are ORed. Empty or missing: every port.'),
    },
  },
  NetworkPolicyEgressRule: {
    desc: 'Traffic allowed from the selected pods: it must match both ports and to.',
    fields: {
      ports: list('NetworkPolicyPort', 'Destination ports allowed; items are ORed. Empty or missing: every port.'),
      to: list('NetworkPolicyPeer', 'Destinations allowed; items are ORed. Empty or missing: any destination.'),
    },
  },
  NetworkPolicyPeer: {
    desc: 'A source or destination. namespaceSelector and podSelector in one item are ANDed; ipBlock stands alone.',
    fields: {
      ipBlock: obj('IPBlock', 'A CIDR range (with exceptions), meant for cluster-external addresses.'),
      namespaceSelector: obj('LabelSelector', 'Namespaces by label; all their pods, or those matching podSelector too.'),
      podSelector: obj('LabelSelector', "Pods by label, in the policy's namespace unless namespaceSelector is also given."),
    },
  },
  NetworkPolicyPort: {
    desc: 'A port (or range) and protocol.',
    fields: {
      endPort: i('With a numeric port, the last port of a range.'),
      port: { type: 'IntOrString', desc: 'A port number or a named container port. Missing: all ports.' },
      protocol: s('The protocol. Default TCP.', { enum: ['SCTP', 'TCP', 'UDP'] }),
    },
  },
  IPBlock: {
    desc: 'A CIDR range.',
    fields: { cidr: s('A CIDR such as `192.168.1.0/24`.', { required: true }), except: strList('CIDRs inside cidr to leave out.') },
  },
  ConfigMap: {
    desc: 'A ConfigMap holds non-secret configuration as key/value pairs, for pods to consume as environment variables or files.',
    fields: { apiVersion: API_VERSION, binaryData: { type: 'map[string]string', desc: 'Binary values, base64-encoded.' }, data: strMap('The configuration data.'), immutable: b('When true, data cannot be changed.'), kind: KIND, metadata: META },
  },
  Namespace: {
    desc: 'A Namespace is a scope for names; most objects live in one.',
    fields: { apiVersion: API_VERSION, kind: KIND, metadata: META, spec: obj('NamespaceSpec', 'The behaviour of the namespace (finalizers).'), status: obj('NamespaceStatus', 'The phase of the namespace: Active or Terminating. Read-only.') },
  },
  Endpoints: {
    desc: 'The addresses and ports that back a Service, maintained by the endpoints controller from the pods its selector matches.',
    fields: { apiVersion: API_VERSION, kind: KIND, metadata: META, subsets: list('EndpointSubset', 'Sets of addresses (ready and not ready) with the ports they serve.') },
  },
};

/** The schema type of each kind `explain` knows, with its group and version. */
export const EXPLAIN_KINDS: Record<string, { group: string; version: string; type: string }> = {
  Pod: { group: '', version: 'v1', type: 'Pod' },
  Service: { group: '', version: 'v1', type: 'Service' },
  Deployment: { group: 'apps', version: 'v1', type: 'Deployment' },
  ReplicaSet: { group: 'apps', version: 'v1', type: 'ReplicaSet' },
  Ingress: { group: 'networking.k8s.io', version: 'v1', type: 'Ingress' },
  NetworkPolicy: { group: 'networking.k8s.io', version: 'v1', type: 'NetworkPolicy' },
  ConfigMap: { group: '', version: 'v1', type: 'ConfigMap' },
  Namespace: { group: '', version: 'v1', type: 'Namespace' },
  Endpoints: { group: '', version: 'v1', type: 'Endpoints' },
};
