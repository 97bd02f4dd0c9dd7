import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Cluster, SimError, formatFieldError, type KubeObject } from '../../src/sim/index.js';

function causes(yaml: string, c = new Cluster()): string[] | 'ok' {
  try {
    c.apply(parseAllDocuments(yaml)[0]!.toJS() as KubeObject);
    return 'ok';
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return e.code === 'Invalid' ? (e.data.causes ?? []).map(formatFieldError) : [`${e.code}: ${e.message}`];
  }
}

function deployment(opts: { kind?: string; apiVersion?: string; spec?: string; selector?: string; labels?: string; podSpec?: string } = {}): string {
  const selector = opts.selector ?? '  selector:\n    matchLabels:\n      app: web\n';
  const labels = opts.labels ?? '      labels:\n        app: web\n';
  const podSpec = opts.podSpec ?? '      containers:\n      - name: web\n        image: nginx\n';
  return `apiVersion: ${opts.apiVersion ?? 'apps/v1'}\nkind: ${opts.kind ?? 'Deployment'}\nmetadata:\n  name: web\nspec:\n${opts.spec ?? ''}${selector}  template:\n    metadata:\n${labels}    spec:\n${podSpec}`;
}

describe('Deployment and ReplicaSet validation', () => {
  it('a valid Deployment is accepted', () => {
    expect(causes(deployment())).toBe('ok');
  });

  it('the selector is required; then it matches nothing, so the template labels do not match either', () => {
    expect(causes(deployment({ selector: '' }))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('the selector must match the template labels', () => {
    expect(causes(deployment({ selector: '  selector:\n    matchLabels:\n      app: web\n      tier: fe\n', labels: '      labels:\n        app: web\n        env: prod\n' }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web", "env":"prod"}: `selector` does not match template `labels`',
    ]);
    expect(causes(deployment({ labels: '      name: x\n' }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    ]);
  });

  it('an empty selector is invalid (the ReplicaSet says "deployment" too, as upstream does)', () => {
    const empty = '  selector: {}\n';
    const want = ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'];
    expect(causes(deployment({ selector: empty }))).toEqual(want);
    expect(causes(deployment({ kind: 'ReplicaSet', selector: empty }))).toEqual(want);
  });

  it('matchExpressions operators and values', () => {
    const sel = '  selector:\n    matchLabels: {app: web}\n    matchExpressions:\n    - {key: tier, operator: In}\n    - {key: tier, operator: Exists, values: [a]}\n    - {key: tier, operator: Has}\n';
    expect(causes(deployment({ selector: sel }))).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Has": not a valid selector operator',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('replicas may not be negative; the template restartPolicy must be Always', () => {
    expect(causes(deployment({ spec: '  replicas: -1\n', podSpec: '      restartPolicy: Never\n      containers:\n      - name: web\n        image: nginx\n' }))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it('the pod template is validated as a Pod spec under spec.template.spec', () => {
    expect(causes(deployment({ podSpec: '      containers:\n      - name: web\n        volumeMounts:\n        - name: data\n          mountPath: /data\n' }))).toEqual([
      'spec.template.spec.containers[0].image: Required value',
      'spec.template.spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]);
  });

  it('strategy type values, and no rollingUpdate with Recreate', () => {
    expect(causes(deployment({ spec: '  strategy:\n    type: Rolling\n' }))).toEqual(['spec.strategy.type: Unsupported value: "Rolling": supported values: "Recreate", "RollingUpdate"']);
    expect(causes(deployment({ spec: '  strategy:\n    type: Recreate\n    rollingUpdate: {maxSurge: 1}\n' }))).toEqual(["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]);
  });

  it('rolling update: maxSurge and maxUnavailable not both 0, percentages well-formed and at most 100%', () => {
    const ru = (fields: string): string[] | 'ok' => causes(deployment({ spec: `  strategy:\n    rollingUpdate: {${fields}}\n` }));
    expect(ru('maxSurge: 0, maxUnavailable: 0')).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0']);
    expect(ru('maxSurge: 0')).toBe('ok');
    expect(ru('maxSurge: "0%", maxUnavailable: 0')).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0']);
    expect(ru('maxSurge: 25, maxUnavailable: "150%"')).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%']);
    expect(ru('maxSurge: "one"')).toEqual([
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"one"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ]);
  });

  it('the selector is immutable', () => {
    const c = new Cluster();
    expect(causes(deployment(), c)).toBe('ok');
    expect(causes(deployment({ selector: '  selector:\n    matchLabels:\n      app: web2\n', labels: '      labels:\n        app: web2\n' }), c)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
    expect(causes(deployment({ spec: '  replicas: 5\n' }), c)).toBe('ok');
  });
});

describe('ReplicationController, DaemonSet, StatefulSet and Job validation', () => {
  const rc = (selector: string, labels: string): string =>
    `apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  replicas: 1\n${selector}  template:\n    metadata:\n${labels}    spec:\n      containers:\n      - name: web\n        image: nginx\n`;

  it('an RC selector defaults to the template labels, and must match them when given', () => {
    expect(causes(rc('', '      labels:\n        app: web\n'))).toBe('ok');
    expect(causes(rc('  selector:\n    app: db\n', '      labels:\n        app: web\n'))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('DaemonSets and StatefulSets need a selector matching the template', () => {
    expect(causes(deployment({ kind: 'DaemonSet' }))).toBe('ok');
    expect(causes(deployment({ kind: 'StatefulSet', selector: '  selector: {}\n' }))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset',
    ]);
  });

  it('a StatefulSet template may mount its volumeClaimTemplates', () => {
    const sts = deployment({ kind: 'StatefulSet', spec: '  serviceName: web\n  volumeClaimTemplates:\n  - metadata: {name: www}\n    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n', podSpec: '      containers:\n      - name: web\n        image: nginx\n        volumeMounts:\n        - {name: www, mountPath: /usr/share/nginx/html}\n' });
    expect(causes(sts)).toBe('ok');
  });

  it('a Job template must not restart Always', () => {
    const job = (rp: string): string => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n${rp}      containers:\n      - name: pi\n        image: perl\n`;
    expect(causes(job(''))).toEqual(['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
    expect(causes(job('      restartPolicy: Always\n'))).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"']);
    expect(causes(job('      restartPolicy: Never\n'))).toBe('ok');
  });
});

describe('metadata validation', () => {
  const cm = (meta: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n${meta}data: {a: b}\n`;

  it('names: RFC 1123 subdomain for most kinds, RFC 1035 label for Services, RFC 1123 label for Namespaces', () => {
    expect(causes(cm('  name: My.Config\n'))).toEqual([
      `metadata.name: Invalid value: "My.Config": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
    expect(causes('apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports: [{port: 80}]\n')).toEqual([
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
    expect(causes('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team.a\n')).toEqual([
      `metadata.name: Invalid value: "team.a": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
    expect(causes(cm(`  name: ${'a'.repeat(254)}\n`))).toEqual([`metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`]);
  });

  it('a name is required', () => {
    expect(causes(cm('  labels: {a: b}\n'))).toEqual(['metadata.name: Required value: name or generateName is required']);
  });

  it('label keys and values', () => {
    expect(causes(cm('  name: c\n  labels:\n    "app name": web\n    tier: "front end"\n    example.com/: x\n'))).toEqual([
      `metadata.labels: Invalid value: "app name": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      'metadata.labels: Invalid value: "example.com/": name part must be non-empty',
      `metadata.labels: Invalid value: "example.com/": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      `metadata.labels: Invalid value: "front end": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
    expect(causes(cm(`  name: c\n  labels:\n    v: ${'x'.repeat(64)}\n`))).toEqual([`metadata.labels: Invalid value: "${'x'.repeat(64)}": must be no more than 63 characters`]);
  });

  it('annotation keys', () => {
    expect(causes(cm('  name: c\n  annotations:\n    a/b/c: x\n'))).toEqual([
      `metadata.annotations: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]);
  });
});
