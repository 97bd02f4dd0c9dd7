/** The pure matcher beyond the docs' tables: how ingress-nginx merges several Ingresses of one class. */
import { describe, expect, it } from 'vitest';
import { buildServers, matchIngressRequest, normalizeRequestPath } from '../../src/sim/ingress-match.js';
import type { Ingress, IngressRule } from '../../src/sim/types.js';

function ing(name: string, created: string, spec: { rules?: IngressRule[]; defaultBackend?: string }): Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'shop', creationTimestamp: `2025-01-01T00:00:0${created}Z` },
    spec: {
      ...(spec.rules ? { rules: spec.rules } : {}),
      ...(spec.defaultBackend ? { defaultBackend: { service: { name: spec.defaultBackend, port: { number: 80 } } } } : {}),
    },
    status: { loadBalancer: {} },
  };
}

const prefix = (host: string | undefined, path: string, svc: string, pathType: 'Prefix' | 'Exact' | 'ImplementationSpecific' = 'Prefix'): IngressRule => ({
  ...(host ? { host } : {}),
  http: { paths: [{ path, pathType, backend: { service: { name: svc, port: { name: 'http' } } } }] },
});

describe('merging Ingresses the way ingress-nginx does', () => {
  it('the oldest Ingress wins a path both define; others add their own paths to the same host', () => {
    const older = ing('a', '1', { rules: [prefix('shop.example', '/cart', 'cart-v1')] });
    const newer = ing('b', '2', { rules: [prefix('shop.example', '/cart', 'cart-v2'), prefix('shop.example', '/pay', 'pay')] });
    expect(matchIngressRequest([newer, older], 'shop.example', '/cart')).toMatchObject({ type: 'backend', backend: { name: 'cart-v1' }, ingress: { name: 'a' } });
    expect(matchIngressRequest([newer, older], 'shop.example', '/pay/now')).toEqual({
      type: 'backend',
      backend: { name: 'pay', port: { name: 'http' } },
      ingress: { namespace: 'shop', name: 'b' },
      via: 'path',
      server: 'shop.example',
      path: '/pay',
      pathType: 'Prefix',
      reason: 'host "shop.example" matched the rule host "shop.example"; path "/pay/now" matched Prefix "/pay" of ingress shop/b (spec.rules[1].http.paths[0])',
    });
  });

  it('an Ingress with only a defaultBackend is the catch-all for unknown hosts', () => {
    const catchAll = ing('fallback', '1', { defaultBackend: 'welcome' });
    const shop = ing('shop', '2', { rules: [prefix('shop.example', '/', 'shop')] });
    expect(matchIngressRequest([shop, catchAll], 'other.example', '/x')).toEqual({
      type: 'backend',
      backend: { name: 'welcome', port: { number: 80 } },
      ingress: { namespace: 'shop', name: 'fallback' },
      via: 'defaultBackend',
      server: '_',
      reason: 'host "other.example" matched no rule host (rule hosts: "shop.example"), so the catch-all server applies; no rule path covers "/x", so the defaultBackend of ingress shop/fallback answers (it has no rules, so it is the catch-all)',
    });
  });

  it("an Ingress's defaultBackend covers only the hosts it creates", () => {
    const first = ing('first', '1', { rules: [prefix('a.example', '/api', 'api')], defaultBackend: 'spa' });
    const second = ing('second', '2', { rules: [prefix('b.example', '/api', 'api-b')] });
    expect(matchIngressRequest([first, second], 'a.example', '/home')).toMatchObject({ type: 'backend', via: 'defaultBackend', backend: { name: 'spa' } });
    expect(matchIngressRequest([first, second], 'b.example', '/home').type).toBe('default');
  });

  it('ImplementationSpecific matches like Prefix and a rule path "/" replaces the default root', () => {
    const i = ing('x', '1', { rules: [prefix(undefined, '/', 'root', 'ImplementationSpecific')] });
    expect(matchIngressRequest([i], '', '/anything')).toMatchObject({ type: 'backend', via: 'path', backend: { name: 'root' }, pathType: 'ImplementationSpecific' });
    expect(buildServers([i]).get('_')!.locations).toHaveLength(1);
  });

  it('exact hosts win over wildcards', () => {
    const i = ing('x', '1', { rules: [prefix('*.example.com', '/', 'wild'), prefix('www.example.com', '/', 'www')] });
    expect(matchIngressRequest([i], 'www.example.com', '/')).toMatchObject({ backend: { name: 'www' }, server: 'www.example.com' });
    expect(matchIngressRequest([i], 'api.example.com', '/')).toMatchObject({ backend: { name: 'wild' }, server: '*.example.com' });
  });

  it('request paths lose their query string; an empty path is "/"', () => {
    expect([normalizeRequestPath('/a?b=/c'), normalizeRequestPath(''), normalizeRequestPath('x')]).toEqual(['/a', '/', '/x']);
  });
});
