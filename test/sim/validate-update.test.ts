import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Cluster, SimError, formatFieldError, type KubeObject } from '../../src/sim/index.js';

const obj = (yaml: string): KubeObject => parseAllDocuments(yaml)[0]!.toJS() as KubeObject;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
`;

describe('validation on update (kubectl edit, label, scale)', () => {
  it('stored objects, with the status and metadata the system wrote, pass decoding and validation again', () => {
    const c = new Cluster();
    c.apply(obj(DEPLOY));
    c.advance(10_000);
    for (const kind of ['Deployment', 'ReplicaSet', 'Pod', 'Node', 'Namespace', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'ServiceAccount']) {
      for (const o of c.list(kind)) {
        const next = structuredClone(o);
        next.metadata.labels = { ...(next.metadata.labels ?? {}), touched: 'yes' };
        expect(() => c.update(next), `${kind}/${o.metadata.name}`).not.toThrow();
      }
    }
  });

  it('scaling keeps the selector; changing it is refused', () => {
    const c = new Cluster();
    c.apply(obj(DEPLOY));
    const d = structuredClone(c.get('Deployment', 'default', 'web')!) as KubeObject & { spec: { replicas: number; selector: { matchLabels: Record<string, string> } } };
    d.spec.replicas = 4;
    expect(() => c.update(d)).not.toThrow();
    const e2 = structuredClone(d);
    e2.spec.selector = { matchLabels: { app: 'web', tier: 'x' } };
    let causes: string[] = [];
    try {
      c.update(e2);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      causes = (e.data.causes ?? []).map(formatFieldError);
    }
    expect(causes).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('an edit that adds an unknown field is a BadRequest', () => {
    const c = new Cluster();
    c.apply(obj(DEPLOY));
    const d = structuredClone(c.get('Deployment', 'default', 'web')!);
    (d.spec as Record<string, unknown>).replica = 3;
    expect(() => c.update(d)).toThrow('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
  });
});
