import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Cluster, SimError, type KubeObject } from '../../src/sim/index.js';
import { decodeObject } from '../../src/sim/validate/index.js';
import { schemaFor } from '../../src/sim/validate/schema-kinds.js';
import { quantityError, strictDecode } from '../../src/sim/validate/schema.js';

const obj = (yaml: string): KubeObject => parseAllDocuments(yaml)[0]!.toJS() as KubeObject;

/** The BadRequest message the apiserver gives, or 'ok'. */
function decode(yaml: string): string {
  try {
    decodeObject(obj(yaml));
    return 'ok';
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return `${e.code}: ${e.message}`;
  }
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;

describe('strict decoding: unknown fields', () => {
  it('accepts a valid Pod', () => {
    expect(decode(POD)).toBe('ok');
  });

  it('names an unknown field by its full path, with list indices', () => {
    expect(decode(`${POD}    volumeMount:\n    - name: data\n      mountPath: /data\n`)).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].volumeMount"',
    );
  });

  it('lists several unknown fields, comma-separated, in the sorted order kubectl sends keys', () => {
    expect(decode(`${POD}    imagePolicy: Always\n  restart: Never\nmetadata2: {}\n`)).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata2", unknown field "spec.containers[0].imagePolicy", unknown field "spec.restart"',
    );
  });

  it('field names are case-sensitive', () => {
    expect(decode(`${POD}    Ports:\n    - containerPort: 80\n`)).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].Ports"',
    );
  });

  it('includes map keys in the path', () => {
    expect(decode(`${POD}    resources:\n      limits:\n        cpu: 1\n      limit: {}\n`)).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].resources.limit"',
    );
  });

  it('checks Deployments down to the pod template; the version is the part after the group', () => {
    const d = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        port: 80\n`;
    expect(decode(d)).toBe(
      'BadRequest: Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].port"',
    );
  });

  it('rejects the docs example that still uses spec.ipFamily (removed in 1.20)', () => {
    expect(decode('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ipFamily: IPv6\n  ports: [{port: 80}]\n')).toBe(
      'BadRequest: Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ipFamily"',
    );
  });

  it('ignores status, which the server resets', () => {
    expect(decode(`${POD}status:\n  phase: Running\n  whatever: 1\n`)).toBe('ok');
  });

  it('knows every kind the simulator stores, and no other apiVersion for them', () => {
    for (const [v, k] of [['v1', 'Pod'], ['v1', 'Service'], ['v1', 'Endpoints'], ['v1', 'Namespace'], ['v1', 'ConfigMap'], ['v1', 'Secret'], ['v1', 'ServiceAccount'], ['v1', 'ReplicationController'], ['apps/v1', 'Deployment'], ['apps/v1', 'ReplicaSet'], ['apps/v1', 'DaemonSet'], ['apps/v1', 'StatefulSet'], ['batch/v1', 'Job'], ['discovery.k8s.io/v1', 'EndpointSlice'], ['networking.k8s.io/v1', 'NetworkPolicy'], ['networking.k8s.io/v1', 'Ingress'], ['networking.k8s.io/v1', 'IngressClass']]) {
      expect(schemaFor(v!, k!), `${v} ${k}`).toBeDefined();
    }
  });
});

describe('strict decoding: unknown apiVersion/kind pairs', () => {
  it('refuses a kind under an apiVersion the server does not serve', () => {
    expect(decode('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: d}\n')).toBe('BadRequest: no matches for kind "Deployment" in version "apps/v1beta1"');
    expect(decode('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\n')).toBe('BadRequest: no matches for kind "Ingress" in version "extensions/v1beta1"');
    expect(decode('apiVersion: v1\nkind: Deployment\nmetadata: {name: d}\n')).toBe('BadRequest: no matches for kind "Deployment" in version "v1"');
  });
});

describe('strict decoding: wrong types, in Go encoding/json wording', () => {
  it('a string where an int32 goes names the innermost struct and the field path without indices', () => {
    expect(decode(`${POD}    ports:\n    - containerPort: "80"\n`)).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
  });

  it('a number or a YAML 1.1 boolean where a label value (string) goes', () => {
    expect(decode('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    version: 2\nspec: {containers: [{name: c, image: nginx}]}\n')).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(decode('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    enabled: true\nspec: {containers: [{name: c, image: nginx}]}\n')).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
    );
  });

  it('a non-integer, and a map where a list goes', () => {
    expect(decode('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 1.5\n')).toBe(
      'BadRequest: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(decode('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    name: c\n    image: nginx\n')).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
    expect(decode('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: []\n')).toBe('BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field Pod.spec of type v1.PodSpec');
  });

  it('a type error wins over unknown fields', () => {
    expect(decode(`${POD}    bogus: 1\n    ports:\n    - containerPort: "80"\n`)).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
  });

  it('IntOrString fields take a string or a whole number', () => {
    const svc = (tp: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 80\n    targetPort: ${tp}\n`;
    expect(decode(svc('http'))).toBe('ok');
    expect(decode(svc('8080'))).toBe('ok');
    expect(decode(svc('true'))).toBe('BadRequest: Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32');
  });

  it('quantities must parse', () => {
    expect(decode(`${POD}    resources:\n      limits:\n        memory: 1Gb\n`)).toBe(
      "BadRequest: Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(decode(`${POD}    resources:\n      limits:\n        memory: 500mi\n`)).toBe("BadRequest: Pod in version \"v1\" cannot be handled as a Pod: unable to parse quantity's suffix");
    expect(quantityError('500m')).toBeUndefined();
    expect(quantityError('1.5Gi')).toBeUndefined();
    expect(quantityError('1e3')).toBeUndefined();
  });

  it('Secret data must be base64', () => {
    expect(decode('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: hello!\n')).toBe('BadRequest: Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 5');
    expect(decode('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: aGVsbG8=\n')).toBe('ok');
  });
});

describe('strict decoding through the cluster', () => {
  it('create and apply refuse the object with a BadRequest', () => {
    const c = new Cluster();
    expect(() => c.apply(obj(`${POD}    volumeMount: []\n`))).toThrow('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].volumeMount"');
    expect(c.get('Pod', 'default', 'web')).toBeUndefined();
    c.apply(obj(POD));
    expect(c.get('Pod', 'default', 'web')).toBeDefined();
  });

  it('never throws anything but a SimError, whatever the body', () => {
    const schema = schemaFor('v1', 'Pod')!;
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('spec', 'containers', 'name', 'ports', 'containerPort', 'x', 'resources', 'limits', 'cpu'), tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(
      fc.property(json, (v) => {
        const r = strictDecode({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: v }, schema);
        expect(r === undefined || typeof r === 'string').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
