/**
 * Ingress and IngressClass validation: the apiserver's exact wording (networking/validation/validation.go), and the
 * DefaultIngressClass admission plugin.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/cluster.js';
import { formatFieldError, SimError } from '../../src/sim/errors.js';
import type { Ingress, KubeObject } from '../../src/sim/types.js';

const ingress = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'x', namespace: 'default', ...metadata },
  spec,
});

const rule = (path: Record<string, unknown>, host?: string): Record<string, unknown> => ({
  rules: [{ ...(host === undefined ? {} : { host }), http: { paths: [path] } }],
});

const ok = { service: { name: 'web', port: { number: 80 } } };

/** The causes the apiserver lists, formatted, or [] when the object is accepted. */
function errors(obj: KubeObject, c = new Cluster()): string[] {
  try {
    c.create(obj);
    return [];
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return (e.data.causes ?? []).map(formatFieldError);
  }
}

function message(obj: KubeObject): string {
  try {
    new Cluster().create(obj);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('Ingress validation', () => {
  it('pathType is required (and nothing else on that path is checked without it)', () => {
    expect(message(ingress(rule({ path: 'foo', backend: {} })))).toBe('Ingress "x" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
  });

  it('Exact and Prefix paths must be absolute and clean', () => {
    expect(message(ingress(rule({ path: 'foo', pathType: 'Prefix', backend: ok })))).toBe('Ingress "x" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path');
    expect(errors(ingress(rule({ pathType: 'Exact', backend: ok })))).toEqual(['spec.rules[0].http.paths[0].path: Invalid value: "": must be an absolute path']);
    expect(errors(ingress(rule({ path: '/a//b/.', pathType: 'Prefix', backend: ok })))).toEqual([
      `spec.rules[0].http.paths[0].path: Invalid value: "/a//b/.": must not contain '//'`,
      `spec.rules[0].http.paths[0].path: Invalid value: "/a//b/.": cannot end with '/.'`,
    ]);
    expect(errors(ingress(rule({ path: 'rel', pathType: 'ImplementationSpecific', backend: ok })))).toEqual(['spec.rules[0].http.paths[0].path: Invalid value: "rel": must be an absolute path']);
    expect(errors(ingress(rule({ pathType: 'ImplementationSpecific', backend: ok })))).toEqual([]);
  });

  it('pathType must be one of the three', () => {
    expect(errors(ingress(rule({ path: '/', pathType: 'Regex', backend: ok })))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]);
  });

  it('a backend is required, with a service name and a port name or number', () => {
    expect(errors(ingress(rule({ path: '/', pathType: 'Prefix', backend: {} })))).toEqual(['spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required']);
    expect(errors(ingress(rule({ path: '/', pathType: 'Prefix', backend: { service: { name: 'web' } } })))).toEqual([
      'spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
    ]);
    expect(errors(ingress(rule({ path: '/', pathType: 'Prefix', backend: { service: { name: '', port: { number: 70000 } } } })))).toEqual([
      'spec.rules[0].http.paths[0].backend.service.name: Required value',
      'spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
    expect(errors(ingress(rule({ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80, name: 'http' } } } })))).toEqual([
      'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number',
    ]);
    expect(errors(ingress(rule({ path: '/', pathType: 'Prefix', backend: { ...ok, resource: { kind: 'StorageBucket', name: 'b' } } })))).toEqual([
      'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both resource and service backends',
    ]);
  });

  it('service names are DNS-1035 labels, port names IANA service names', () => {
    expect(errors(ingress(rule({ path: '/', pathType: 'Prefix', backend: { service: { name: 'Web', port: { name: 'HTTP--' } } } })))).toEqual([
      `spec.rules[0].http.paths[0].backend.service.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      'spec.rules[0].http.paths[0].backend.service.port.name: Invalid value: "HTTP--": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.rules[0].http.paths[0].backend.service.port.name: Invalid value: "HTTP--": must contain at least one letter (a-z)',
      'spec.rules[0].http.paths[0].backend.service.port.name: Invalid value: "HTTP--": must not contain consecutive hyphens (-)',
      'spec.rules[0].http.paths[0].backend.service.port.name: Invalid value: "HTTP--": must not begin or end with a hyphen (-)',
    ]);
  });

  it('either defaultBackend or rules', () => {
    expect(message(ingress({}))).toBe('Ingress "x" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified');
    expect(errors(ingress({ rules: [] }))).toEqual(['spec: Invalid value: []networking.IngressRule{}: either `defaultBackend` or `rules` must be specified']);
    expect(errors(ingress({ defaultBackend: ok }))).toEqual([]);
    expect(errors(ingress({ rules: [{ host: 'a.example.com' }] }))).toEqual([]);
    expect(errors(ingress({ rules: [{ http: { paths: [] } }] }))).toEqual(['spec.rules[0].http.paths: Required value']);
  });

  it('hosts: DNS names, wildcards only as a leading `*.`, never IPs', () => {
    expect(errors(ingress(rule({ path: '/', pathType: 'Prefix', backend: ok }, '*.foo.com')))).toEqual([]);
    expect(errors(ingress(rule({ path: '/', pathType: 'Prefix', backend: ok }, 'foo.*.com')))).toEqual([
      `spec.rules[0].host: Invalid value: "foo.*.com": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
    expect(errors(ingress(rule({ path: '/', pathType: 'Prefix', backend: ok }, '192.168.49.2')))).toEqual(['spec.rules[0].host: Invalid value: "192.168.49.2": must be a DNS name, not an IP address']);
    expect(errors(ingress(rule({ path: '/', pathType: 'Prefix', backend: ok }, 'Foo.com')))).toEqual([
      `spec.rules[0].host: Invalid value: "Foo.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
    expect(errors(ingress({ ...rule({ path: '/', pathType: 'Prefix', backend: ok }), tls: [{ hosts: ['*.foo.com', 'bad_host'], secretName: 'tls' }] }))).toEqual([
      `spec.tls[0].hosts[1]: Invalid value: "bad_host": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });

  it('the class annotation must agree with ingressClassName on create', () => {
    expect(errors(ingress({ ingressClassName: 'nginx', defaultBackend: ok }, { annotations: { 'kubernetes.io/ingress.class': 'public' } }))).toEqual([
      'annotations.kubernetes.io/ingress.class: Invalid value: "public": must match `ingressClassName` when both are specified',
    ]);
  });

  it('lists every problem at once', () => {
    expect(message(ingress({ rules: [{ host: '10.0.0.1', http: { paths: [{ path: 'a', pathType: 'Exact', backend: ok }, { path: '/b', backend: ok }] } }] }))).toBe(
      'Ingress "x" is invalid: [spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address, spec.rules[0].http.paths[0].path: Invalid value: "a": must be an absolute path, spec.rules[0].http.paths[1].pathType: Required value: pathType must be specified]',
    );
  });
});

describe('DefaultIngressClass admission', () => {
  it('gives a new class-less Ingress the default class, keeps it on re-apply, and never overrides a chosen class', () => {
    const c = new Cluster({ addons: ['ingress'] });
    c.apply(ingress({ defaultBackend: ok }));
    expect(c.mustGet<Ingress>('Ingress', 'default', 'x').spec.ingressClassName).toBe('nginx');
    expect(c.apply(ingress({ defaultBackend: ok })).action).toBe('unchanged');
    c.apply(ingress({ defaultBackend: ok, ingressClassName: 'other' }, { name: 'y' }));
    expect(c.mustGet<Ingress>('Ingress', 'default', 'y').spec.ingressClassName).toBe('other');
    c.apply(ingress({ defaultBackend: ok }, { name: 'z', annotations: { 'kubernetes.io/ingress.class': 'nginx' } }));
    expect(c.mustGet<Ingress>('Ingress', 'default', 'z').spec.ingressClassName).toBeUndefined();
  });

  it('leaves the class unset when no IngressClass is default', () => {
    const c = new Cluster();
    c.apply(ingress({ defaultBackend: ok }));
    expect(c.mustGet<Ingress>('Ingress', 'default', 'x').spec.ingressClassName).toBeUndefined();
  });
});

describe('IngressClass validation', () => {
  const cls = (controller?: string): KubeObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'mine' }, spec: controller ? { controller } : {} });

  it('requires a controller and keeps it immutable', () => {
    expect(message(cls())).toBe('IngressClass "mine" is invalid: spec.controller: Required value');
    const c = new Cluster();
    c.create(cls('example.com/a'));
    expect(() => c.apply(cls('example.com/b'))).toThrow('IngressClass "mine" is invalid: spec.controller: Invalid value: "example.com/b": field is immutable');
  });
});
