import { describe, expect, it } from 'vitest';
import { proxy } from '../../src/sim/kube-proxy.js';
import { applyText, CLIENT, grade, sandbox, WEB, WEB_SVC } from './helpers.js';

const DENY_WEB = applyText(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-web
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes:
  - Ingress
`);

describe('dnsResolves', () => {
  it('resolves Service names from a pod through its search list, and reports NXDOMAIN', () => {
    const env = sandbox(WEB + WEB_SVC + CLIENT);
    const ip = (env.cluster.get('Service', 'default', 'web')!.spec as { clusterIP: string }).clusterIP;
    expect(grade(env, { type: 'dnsResolves', from: { app: 'client' }, name: 'web' }).message).toBe(`web resolves from pod client to ${ip}`);
    expect(grade(env, { type: 'dnsResolves', from: { app: 'client' }, name: 'web.default.svc.cluster.local', expect: ip }).ok).toBe(true);
    expect(grade(env, { type: 'dnsResolves', from: { app: 'client' }, name: 'web', expect: '10.0.0.1' }).message).toBe(`web resolves from pod client to ${ip}; expected 10.0.0.1`);
    expect(grade(env, { type: 'dnsResolves', from: { app: 'client' }, name: 'nope' }).message).toBe('nope does not resolve from pod client: NXDOMAIN (no such name)');
    expect(grade(env, { type: 'dnsResolves', from: { app: 'client' }, name: 'nope', expect: 'nxdomain' }).message).toBe('nope does not resolve from pod client');
    expect(grade(env, { type: 'dnsResolves', from: { app: 'ghost' }, name: 'web' }).message).toBe('No running pod with labels app=ghost to resolve web from');
  });
});

describe('connection', () => {
  it('probes a Service, a pod selector and a URL from a pod; checks the body', () => {
    const env = sandbox(WEB + WEB_SVC + CLIENT);
    expect(grade(env, { type: 'connection', from: { pod: { app: 'client' } }, to: { service: 'web', port: 80 }, expect: 'allowed' }).message).toBe(
      'A connection from pod client to Service web port 80 succeeded',
    );
    expect(grade(env, { type: 'connection', from: { pod: { app: 'client' } }, to: { pod: { app: 'web' }, port: 80 }, expect: 'allowed', body: 'Welcome to nginx!' }).ok).toBe(true);
    expect(grade(env, { type: 'connection', from: { pod: { app: 'client' } }, to: { url: 'http://web/' }, expect: 'allowed', body: 'It works!' }).message).toBe(
      'A connection from pod client to http://web/ succeeded, but the answer from pod web did not contain "It works!"',
    );
    expect(grade(env, { type: 'connection', from: { pod: { app: 'client' } }, to: { pod: { app: 'web' }, port: 8080 }, expect: 'allowed' }).message).toBe(
      'A connection from pod client to pod web port 8080 was refused; expected it to succeed',
    );
    expect(grade(env, { type: 'connection', from: { pod: { app: 'client' } }, to: { url: 'http://10.244.0.200/' }, expect: 'allowed' }).message).toBe(
      'A connection from pod client to http://10.244.0.200/ failed: no pod has that address (No route to host); expected it to succeed',
    );
    expect(grade(env, { type: 'connection', from: { pod: { app: 'client' } }, to: { url: 'http://nope/' }, expect: 'allowed' }).message).toBe(
      'A connection from pod client to http://nope/ failed: the name does not resolve; expected it to succeed',
    );
    expect(grade(env, { type: 'connection', from: { pod: { app: 'client' } }, to: { service: 'db', port: 80 }, expect: 'allowed' }).message).toBe('Service db does not exist');
  });

  it('sees a NetworkPolicy drop as denied (and as a timeout), and a pod IP from the host as a timeout', () => {
    const env = sandbox(WEB + WEB_SVC + CLIENT + DENY_WEB);
    const to = { service: 'web', port: 80 };
    expect(grade(env, { type: 'connection', from: { pod: { app: 'client' } }, to, expect: 'denied' }).message).toBe(
      'A connection from pod client to Service web port 80 was dropped by a NetworkPolicy (the client times out)',
    );
    expect(grade(env, { type: 'connection', from: { pod: { app: 'client' } }, to, expect: 'timeout' }).ok).toBe(true);
    expect(grade(env, { type: 'connection', from: { pod: { app: 'client' } }, to, expect: 'allowed' }).message).toBe(
      'A connection from pod client to Service web port 80 was dropped by a NetworkPolicy (the client times out); expected it to succeed',
    );
    expect(grade(env, { type: 'connection', from: { host: true }, to: { pod: { app: 'client' }, port: 80 }, expect: 'timeout' }).message).toBe(
      'A connection from your machine to pod client port 80 timed out',
    );
  });

  it('changes nothing: objects, time and kube-proxy’s endpoint rotation are as before', () => {
    const script = WEB + WEB_SVC + CLIENT + 'kubectl run web2 --image=nginx --labels=app=web\n';
    const probed = sandbox(script);
    const untouched = sandbox(script);
    const before = { version: probed.cluster.version, now: probed.cluster.now(), state: probed.cluster.snapshot() };
    for (let i = 0; i < 3; i++) grade(probed, { type: 'connection', from: { pod: { app: 'client' } }, to: { service: 'web', port: 80 }, expect: 'allowed' });
    expect({ version: probed.cluster.version, now: probed.cluster.now(), state: probed.cluster.snapshot() }).toEqual(before);
    const picks = (env: typeof probed): string[] => {
      const ip = (env.cluster.get('Service', 'default', 'web')!.spec as { clusterIP: string }).clusterIP;
      return [1, 2, 3].map(() => {
        const d = proxy(env.cluster, '10.244.0.99', ip, 80);
        return d?.type === 'dnat' ? d.endpoint.ip : String(d?.type);
      });
    };
    expect(picks(probed)).toEqual(picks(untouched));
  });
});
