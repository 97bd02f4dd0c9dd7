import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Cluster, SimError, formatFieldError, type KubeObject } from '../../src/sim/index.js';

/** Applies a manifest to a fresh cluster: 'ok', or the apiserver's causes as kubectl prints them (`* ` lines). */
function causes(yaml: string, c = new Cluster()): string[] | 'ok' {
  try {
    c.apply(parseAllDocuments(yaml)[0]!.toJS() as KubeObject);
    return 'ok';
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return e.code === 'Invalid' ? (e.data.causes ?? []).map(formatFieldError) : [`${e.code}: ${e.message}`];
  }
}

const pod = (spec: string, meta = '  name: web\n'): string => `apiVersion: v1\nkind: Pod\nmetadata:\n${meta}spec:\n${spec}`;
const C = "  containers:\n  - name: web\n    image: nginx\n";
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('Pod validation: containers', () => {
  it('a valid pod is accepted', () => {
    expect(causes(pod(C))).toBe('ok');
  });

  it('containers are required', () => {
    expect(causes(pod('  containers: []\n'))).toEqual(['spec.containers: Required value']);
    expect(causes(pod('  restartPolicy: Always\n'))).toEqual(['spec.containers: Required value']);
  });

  it('names are required, RFC 1123 labels and unique; images are required', () => {
    expect(causes(pod('  containers:\n  - image: nginx\n  - name: Web\n    image: nginx\n  - name: db\n  - name: db\n    image: redis\n'))).toEqual([
      'spec.containers[0].name: Required value',
      `spec.containers[1].name: Invalid value: "Web": ${LABEL_MSG}`,
      'spec.containers[2].image: Required value',
      'spec.containers[3].name: Duplicate value: "db"',
    ]);
  });

  it('an init container may not reuse a container name', () => {
    expect(causes(pod(`${C}  initContainers:\n  - name: web\n    image: busybox\n`))).toEqual(['spec.initContainers[0].name: Duplicate value: "web"']);
  });

  it('ports: range, required containerPort, protocol, port names', () => {
    const spec = `${C}    ports:\n    - containerPort: 70000\n    - name: http\n    - containerPort: 80\n      protocol: tcp\n    - containerPort: 81\n      name: http\n    - containerPort: 82\n      name: Web_Port\n`;
    expect(causes(pod(spec))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].containerPort: Required value',
      'spec.containers[0].ports[2].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[0].ports[3].name: Duplicate value: "http"',
      'spec.containers[0].ports[4].name: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
  });

  it('the same containerPort twice in a pod is allowed (upstream only warns)', () => {
    expect(causes(pod(`${C}    ports:\n    - containerPort: 80\n  - name: side\n    image: nginx\n    ports:\n    - containerPort: 80\n`))).toBe('ok');
  });

  it('host ports must be unique', () => {
    expect(causes(pod(`${C}    ports:\n    - containerPort: 80\n      hostPort: 8080\n  - name: side\n    image: nginx\n    ports:\n    - containerPort: 81\n      hostPort: 8080\n`))).toEqual([
      'spec.containers[1].ports[0].hostPort: Duplicate value: "/TCP/8080"',
    ]);
  });

  it('imagePullPolicy values', () => {
    expect(causes(pod(`${C}    imagePullPolicy: Sometimes\n`))).toEqual(['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']);
  });

  it('env: names, valueFrom sources and field paths', () => {
    const spec = `${C}    env:\n    - value: x\n    - name: A\n      value: x\n      valueFrom:\n        fieldRef: {fieldPath: status.podIP}\n    - name: B\n      valueFrom:\n        fieldRef: {fieldPath: status.podIPP}\n    - name: C\n      valueFrom:\n        fieldRef: {fieldPath: status.phase}\n`;
    expect(causes(pod(spec))).toEqual([
      'spec.containers[0].env[0].name: Required value',
      'spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
      'spec.containers[0].env[2].valueFrom.fieldRef.fieldPath: Invalid value: "status.podIPP": error converting fieldPath: field label not supported: status.podIPP',
      'spec.containers[0].env[3].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ]);
  });

  it('resources: names, negative quantities, requests above limits (canonical quantities)', () => {
    const spec = `${C}    resources:\n      limits: {cpu: 250m, memory: 1Gi, cpus: 1}\n      requests: {cpu: 0.5, memory: -1}\n`;
    expect(causes(pod(spec))).toEqual([
      'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers',
      'spec.containers[0].resources.requests: Invalid value: "500m": must be less than or equal to cpu limit of 250m',
      'spec.containers[0].resources.requests[memory]: Invalid value: "-1": must be greater than or equal to 0',
    ]);
  });

  it('probes need exactly one handler and valid ports', () => {
    const spec = `${C}    livenessProbe:\n      periodSeconds: 5\n    readinessProbe:\n      httpGet: {path: /, port: 0}\n      tcpSocket: {port: 80}\n    startupProbe:\n      tcpSocket: {port: http-web-server-port}\n`;
    expect(causes(pod(spec))).toEqual([
      'spec.containers[0].livenessProbe: Required value: must specify a handler type',
      'spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
      'spec.containers[0].startupProbe.tcpSocket.port: Invalid value: "http-web-server-port": must be no more than 15 characters',
    ]);
  });

  it('init containers: restartPolicy Always only, no probes unless they are sidecars', () => {
    expect(causes(pod(`${C}  initContainers:\n  - name: init\n    image: busybox\n    restartPolicy: Never\n    readinessProbe:\n      exec: {command: [cat, /tmp/ok]}\n`))).toEqual([
      'spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
    expect(causes(pod(`${C}  initContainers:\n  - name: side\n    image: busybox\n    restartPolicy: Always\n    startupProbe:\n      exec: {command: [cat, /tmp/ok]}\n`))).toBe('ok');
  });
});

describe('Pod validation: volumes and mounts', () => {
  it('a mount must name a volume of the pod', () => {
    expect(causes(pod(`${C}    volumeMounts:\n    - name: data\n      mountPath: /data\n`))).toEqual(['spec.containers[0].volumeMounts[0].name: Not found: "data"']);
  });

  it('mount paths are required and unique', () => {
    const spec = `${C}    volumeMounts:\n    - name: data\n    - name: data\n      mountPath: /data\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    emptyDir: {}\n`;
    expect(causes(pod(spec))).toEqual([
      'spec.containers[0].volumeMounts[0].mountPath: Required value',
      'spec.containers[0].volumeMounts[2].mountPath: Invalid value: "/data": must be unique',
    ]);
  });

  it('volume names are required, labels and unique; a volume with errors cannot be mounted', () => {
    const spec = `${C}    volumeMounts:\n    - name: cache\n      mountPath: /c\n  volumes:\n  - emptyDir: {}\n  - name: Data\n    emptyDir: {}\n  - name: cache\n    emptyDir: {}\n  - name: cache\n    emptyDir: {}\n`;
    expect(causes(pod(spec))).toEqual([
      'spec.volumes[0].name: Required value',
      `spec.volumes[1].name: Invalid value: "Data": ${LABEL_MSG}`,
      'spec.volumes[3].name: Duplicate value: "cache"',
    ]);
  });

  it('a volume with only a name is an emptyDir (defaulting)', () => {
    const c = new Cluster();
    expect(causes(pod(`${C}    volumeMounts:\n    - name: scratch\n      mountPath: /s\n  volumes:\n  - name: scratch\n`), c)).toBe('ok');
    expect(c.get<KubeObject & { spec: { volumes: unknown[] } }>('Pod', 'default', 'web')!.spec.volumes).toEqual([{ name: 'scratch', emptyDir: {} }]);
  });

  it('one source per volume; hostPath needs a path and a known type; configMap and secret need names', () => {
    const spec = `${C}  volumes:\n  - name: a\n    emptyDir: {}\n    hostPath: {path: /x}\n  - name: b\n    hostPath: {type: Directory}\n  - name: c\n    hostPath: {path: /data, type: Dir}\n  - name: d\n    configMap: {}\n  - name: e\n    secret: {defaultMode: 1000}\n  - name: f\n    persistentVolumeClaim: {}\n`;
    expect(causes(pod(spec))).toEqual([
      'spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type',
      'spec.volumes[1].hostPath.path: Required value',
      'spec.volumes[2].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      'spec.volumes[3].configMap.name: Required value',
      'spec.volumes[4].secret.secretName: Required value',
      'spec.volumes[4].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
      'spec.volumes[5].persistentVolumeClaim.claimName: Required value',
    ]);
  });
});

describe('Pod validation: pod-level fields', () => {
  it('restartPolicy and dnsPolicy values', () => {
    expect(causes(pod(`${C}  restartPolicy: Sometimes\n  dnsPolicy: ClusterFirstt\n`))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.dnsPolicy: Unsupported value: "ClusterFirstt": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
  });

  it('dnsPolicy None needs a dnsConfig with nameservers that are IPs', () => {
    expect(causes(pod(`${C}  dnsPolicy: None\n`))).toEqual(['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None']);
    expect(causes(pod(`${C}  dnsPolicy: None\n  dnsConfig:\n    searches: [ns1.svc.cluster-domain.example]\n`))).toEqual([
      'spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
    ]);
    expect(causes(pod(`${C}  dnsConfig:\n    nameservers: [dns.example]\n`))).toEqual(['spec.dnsConfig.nameservers[0]: Invalid value: "dns.example": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
  });

  it('hostname and subdomain are RFC 1123 labels; hostAliases need IPs', () => {
    expect(causes(pod(`${C}  hostname: My_Host\n  hostAliases:\n  - ip: localhost\n    hostnames: [foo.local]\n`))).toEqual([
      `spec.hostname: Invalid value: "My_Host": ${LABEL_MSG}`,
      'spec.hostAliases[0].ip: Invalid value: "localhost": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });

  it('with hostNetwork a hostPort must equal its containerPort', () => {
    expect(causes(pod(`${C}    ports:\n    - containerPort: 80\n      hostPort: 8080\n  hostNetwork: true\n`))).toEqual([
      'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
    ]);
  });

  it('nodeSelector labels are checked like metadata labels', () => {
    expect(causes(pod(`${C}  nodeSelector:\n    disk: "ssd only"\n`))).toEqual([
      `spec.nodeSelector: Invalid value: "ssd only": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
  });

  it('a Pod spec cannot change after creation, apart from images', () => {
    const c = new Cluster();
    expect(causes(pod(C), c)).toBe('ok');
    expect(causes(pod(`${C}  restartPolicy: Never\n`), c)).toEqual([
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ]);
  });
});
