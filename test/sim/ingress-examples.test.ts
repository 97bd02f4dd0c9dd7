/**
 * The official docs' Ingress and IngressClass manifests (`../shared/reference/k8s-examples/`, YAML and KYAML): each
 * one is accepted by the simulated apiserver, and the Ingresses route as the Ingress concept page describes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Cluster } from '../../src/sim/cluster.js';
import { matchIngressRequest } from '../../src/sim/ingress-match.js';
import type { Ingress, KubeObject } from '../../src/sim/types.js';

const root = path.join(import.meta.dirname, '../../../shared/reference/k8s-examples');
const rows = readFileSync(path.join(root, 'MANIFEST.tsv'), 'utf8')
  .split('\n')
  .map((l) => l.split('\t'))
  .filter((cols) => cols[1] === 'primary' && (cols[5] === 'Ingress' || cols[5] === 'IngressClass'));

function load(file: string): KubeObject {
  const docs = parseAllDocuments(readFileSync(path.join(root, file), 'utf8')).map((d) => d.toJS() as KubeObject | null);
  return docs.find((d) => d !== null)!;
}

describe('k8s-examples: Ingress and IngressClass manifests', () => {
  it('finds the docs manifests', () => {
    expect(rows.map((r) => r[0])).toEqual([
      'service/networking/default-ingressclass.yaml',
      'service/networking/example-ingress.yaml',
      'service/networking/external-lb.yaml',
      'service/networking/ingress-resource-backend.yaml',
      'service/networking/ingress-wildcard-host.yaml',
      'service/networking/minimal-ingress.yaml',
      'service/networking/name-virtual-host-ingress-no-third-host.yaml',
      'service/networking/name-virtual-host-ingress.yaml',
      'service/networking/namespaced-params.yaml',
      'service/networking/simple-fanout-example.yaml',
      'service/networking/test-ingress.yaml',
      'service/networking/tls-example-ingress.yaml',
    ]);
  });

  it.each(rows.map((r) => [r[0]!] as const))('%s is accepted', (file) => {
    const c = new Cluster({ addons: ['ingress'] });
    const obj = load(file);
    expect(c.apply(obj).action).toBe('created');
  });
});

describe('k8s-examples: routing as the Ingress page describes', () => {
  const ingress = (name: string): Ingress => {
    const obj = load(`service/networking/${name}.yaml`) as Ingress;
    obj.metadata.namespace = 'default';
    return obj;
  };
  const route = (name: string, host: string, p: string): string => {
    const m = matchIngressRequest([ingress(name)], host, p);
    return m.type === 'backend' ? `${m.backend.name}:${m.backend.port.number ?? m.backend.port.name}` : '404';
  };

  it('simple fanout: one host, two paths', () => {
    expect([route('simple-fanout-example', 'foo.bar.com', '/foo'), route('simple-fanout-example', 'foo.bar.com', '/bar/x'), route('simple-fanout-example', 'foo.bar.com', '/')]).toEqual([
      'service1:4200',
      'service2:8080',
      '404',
    ]);
  });

  it('name based virtual hosting, and the rule without a host taking the rest', () => {
    expect([route('name-virtual-host-ingress', 'foo.bar.com', '/'), route('name-virtual-host-ingress', 'bar.foo.com', '/'), route('name-virtual-host-ingress', 'x.com', '/')]).toEqual([
      'service1:80',
      'service2:80',
      '404',
    ]);
    const third = 'name-virtual-host-ingress-no-third-host';
    expect([route(third, 'first.bar.com', '/'), route(third, 'second.bar.com', '/'), route(third, 'third.bar.com', '/')]).toEqual(['service1:80', 'service2:80', 'service3:80']);
  });

  it('wildcard host', () => {
    const w = 'ingress-wildcard-host';
    expect([route(w, 'foo.bar.com', '/bar'), route(w, 'bar.foo.com', '/foo'), route(w, 'baz.bar.foo.com', '/foo'), route(w, 'foo.com', '/foo')]).toEqual([
      'service1:80',
      'service2:80',
      '404',
      '404',
    ]);
  });

  it('a single-service Ingress (defaultBackend only) takes everything', () => {
    expect([route('test-ingress', 'anything.example', '/'), route('test-ingress', '', '/x/y')]).toEqual(['test:80', 'test:80']);
  });

  it('resource backends are not Services: ingress-nginx leaves them to its default backend', () => {
    expect(route('ingress-resource-backend', '', '/icons')).toBe('404');
  });
});
