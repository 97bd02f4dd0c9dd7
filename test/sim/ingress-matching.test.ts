/**
 * Every row of the Kubernetes docs' Ingress matching tables (`../shared/reference/ingress-matching.yaml`: the
 * "Examples" table of path types and the "Hostname wildcards" table), replayed through the pure matcher.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { matchIngressRequest, pathMatches } from '../../src/sim/ingress-match.js';
import type { HTTPIngressPath, Ingress } from '../../src/sim/types.js';

interface PathRow {
  row: number;
  rules: { type: HTTPIngressPath['pathType']; path: string }[];
  request: string;
  matches: boolean;
  matchedPath?: string;
  matchedType?: string;
  fallback?: string;
}
interface HostRow {
  row: number;
  rule: string;
  header: string;
  matches: boolean;
}

const file = path.join(import.meta.dirname, '../../../shared/reference/ingress-matching.yaml');
const corpus = parse(readFileSync(file, 'utf8')) as { paths: PathRow[]; hosts: HostRow[] };

/** One Ingress with one rule; each rule path gets its own Service, named after its index, so the winner is visible. */
function ingressFor(host: string | undefined, rules: PathRow['rules']): Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'docs', namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: {
      rules: [
        {
          ...(host ? { host } : {}),
          http: { paths: rules.map((r, i) => ({ path: r.path, pathType: r.type, backend: { service: { name: `svc-${i}`, port: { number: 80 } } } })) },
        },
      ],
    },
    status: { loadBalancer: {} },
  };
}

describe('ingress-matching.yaml: path types (docs "Examples" table)', () => {
  it('has the rows the README promises', () => {
    expect(corpus.paths.length).toBe(22);
    expect(new Set(corpus.paths.map((r) => r.row)).size).toBe(18);
  });

  it.each(corpus.paths.map((r) => [`row ${r.row}: ${r.rules.map((x) => `${x.type} ${x.path}`).join(', ')} vs ${r.request}`, r] as const))('%s', (_name, row) => {
    const m = matchIngressRequest([ingressFor(undefined, row.rules)], 'example.com', row.request);
    if (row.matches) {
      const i = row.rules.findIndex((x) => x.path === row.matchedPath && x.type === row.matchedType);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(m).toMatchObject({ type: 'backend', via: 'path', path: row.matchedPath, pathType: row.matchedType, backend: { name: `svc-${i}`, port: { number: 80 } } });
    } else {
      expect(m.type).toBe('default');
      expect(m.reason).toMatch(/so the controller's default backend answers 404$/);
    }
  });

  it('counts: every row replayed, matches and misses as the table says', () => {
    let ok = 0;
    for (const row of corpus.paths) {
      const m = matchIngressRequest([ingressFor(undefined, row.rules)], '', row.request);
      const matched = m.type === 'backend' && m.path === row.matchedPath && m.pathType === row.matchedType;
      if (row.matches ? matched : m.type === 'default') ok++;
    }
    console.log(`ingress-matching paths: ${ok}/${corpus.paths.length} rows agree`);
    expect(ok).toBe(corpus.paths.length);
  });
});

describe('ingress-matching.yaml: hostname wildcards', () => {
  it.each(corpus.hosts.map((r) => [`row ${r.row}: ${r.rule} vs ${r.header}`, r] as const))('%s', (_name, row) => {
    const m = matchIngressRequest([ingressFor(row.rule, [{ type: 'Prefix', path: '/' }])], row.header, '/');
    if (row.matches) {
      expect(m).toMatchObject({ type: 'backend', server: row.rule, backend: { name: 'svc-0' } });
      expect(m.reason).toBe(`host "${row.header}" matched the wildcard rule host "${row.rule}"; path "/" matched Prefix "/" of ingress default/docs (spec.rules[0].http.paths[0])`);
    } else {
      expect(m).toEqual({
        type: 'default',
        server: '_',
        reason: `host "${row.header}" matched no rule host (rule hosts: "${row.rule}"), so the catch-all server applies; no rule path covers "/", so the controller's default backend answers 404`,
      });
    }
  });

  it('counts', () => {
    const ok = corpus.hosts.filter((row) => (matchIngressRequest([ingressFor(row.rule, [{ type: 'Prefix', path: '/' }])], row.header, '/').type === 'backend') === row.matches).length;
    console.log(`ingress-matching hosts: ${ok}/${corpus.hosts.length} rows agree`);
    expect(ok).toBe(3);
  });
});

describe('row 17 ("uses default backend") with a defaultBackend on the Ingress', () => {
  const row = corpus.paths.find((r) => r.row === 17)!;
  const withDefault = (host: string | undefined): Ingress => {
    const ing = ingressFor(host, row.rules);
    ing.spec.defaultBackend = { service: { name: 'fallback', port: { number: 8080 } } };
    return ing;
  };

  it('a host rule: the Ingress defaultBackend catches the unmatched path', () => {
    expect(row.fallback).toBe('defaultBackend');
    expect(matchIngressRequest([withDefault('example.com')], 'example.com', row.request)).toEqual({
      type: 'backend',
      backend: { name: 'fallback', port: { number: 8080 } },
      ingress: { namespace: 'default', name: 'docs' },
      via: 'defaultBackend',
      server: 'example.com',
      reason: 'host "example.com" matched the rule host "example.com"; no path matched "/ccc" (paths: Prefix /aaa), so the defaultBackend of ingress default/docs answers',
    });
  });

  it('rules without a host: ingress-nginx keeps its own default backend for the catch-all server (404)', () => {
    expect(matchIngressRequest([withDefault(undefined)], 'example.com', row.request)).toEqual({
      type: 'default',
      server: '_',
      reason: `host "example.com" matched no rule host, so the catch-all server applies; no path matched "/ccc" (paths: Prefix /aaa), so the controller's default backend answers 404`,
    });
  });
});

describe('pathMatches', () => {
  it('Prefix matches whole elements only, ignores trailing slashes, is case-sensitive', () => {
    expect(pathMatches('Prefix', '/aaa/bb', '/aaa/bbb')).toBe(false);
    expect(pathMatches('Prefix', '/aaa/bbb/', '/aaa/bbb')).toBe(true);
    expect(pathMatches('Prefix', '/foo', '/FOO')).toBe(false);
    expect(pathMatches('ImplementationSpecific', '/foo', '/foo/bar')).toBe(true);
    expect(pathMatches('Exact', '/foo', '/foo/')).toBe(false);
  });
});
