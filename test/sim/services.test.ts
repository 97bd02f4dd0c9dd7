/**
 * Service admission: defaults, ClusterIP and node port allocation, the apiserver's exact errors, `kubectl apply`
 * keeping allocated values, releases on delete, and minikube tunnel giving LoadBalancers an ingress IP.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/cluster.js';
import { SimError } from '../../src/sim/errors.js';
import { inServiceCidr, intToIp, ipToInt } from '../../src/sim/services.js';
import type { KubeObject, Service, ServiceSpec } from '../../src/sim/types.js';

const svc = (name: string, spec: Partial<ServiceSpec> & Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SimError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('Service defaulting', () => {
  it('defaults a ClusterIP Service and allocates an IP from 10.96.0.0/12', () => {
    const c = new Cluster();
    const s = c.create<Service>(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(s.spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      clusterIP: '10.111.142.37',
      clusterIPs: ['10.111.142.37'],
    });
    expect(inServiceCidr(s.spec.clusterIP!)).toBe(true);
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('is deterministic: the same steps give the same IPs and ports', () => {
    const run = (): unknown[] => {
      const c = new Cluster();
      const a = c.create<Service>(svc('a', { type: 'NodePort', ports: [{ port: 80 }] }));
      const b = c.create<Service>(svc('b', { ports: [{ port: 80 }] }));
      return [a.spec.clusterIP, a.spec.ports?.[0]?.nodePort, b.spec.clusterIP];
    };
    expect(run()).toEqual(run());
    expect(run()).toEqual(['10.108.240.85', 31122, '10.97.208.43']);
  });

  it('gives NodePort and LoadBalancer Services node ports in 30000-32767 and keeps explicit ones', () => {
    const c = new Cluster();
    const np = c.create<Service>(svc('np', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }, { name: 'x', port: 81, nodePort: 30081 }].map((p, i) => ({ ...p, name: i === 0 ? 'http' : 'x' })) }));
    expect(np.spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30803 },
      { name: 'x', port: 81, nodePort: 30081, protocol: 'TCP', targetPort: 81 },
    ]);
    expect(np.spec.externalTrafficPolicy).toBe('Cluster');
    const lb = c.create<Service>(svc('lb', { type: 'LoadBalancer', ports: [{ port: 443, targetPort: 'https' }] }));
    expect(lb.spec).toEqual({
      type: 'LoadBalancer',
      ports: [{ port: 443, targetPort: 'https', protocol: 'TCP', nodePort: 31662 }],
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      clusterIP: '10.108.188.115',
      clusterIPs: ['10.108.188.115'],
    });
  });

  it('headless: clusterIP None, no IP allocated; ExternalName: no ClusterIP at all', () => {
    const c = new Cluster();
    const h = c.create<Service>(svc('db', { clusterIP: 'None', selector: { app: 'db' } }));
    expect(h.spec).toEqual({ clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'db' }, type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    const e = c.create<Service>(svc('ext', { type: 'ExternalName', externalName: 'db.example.com' }));
    expect(e.spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' });
  });

  it('ClientIP affinity gets the default 3 hour timeout', () => {
    const c = new Cluster();
    const s = c.create<Service>(svc('sticky', { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] }));
    expect(s.spec.sessionAffinity).toBe('ClientIP');
    expect((s.spec as Record<string, unknown>).sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it('keeps the bootstrap addresses: kubernetes 10.96.0.1 and kube-dns 10.96.0.10', () => {
    const c = new Cluster();
    expect(c.get<Service>('Service', 'default', 'kubernetes')!.spec.clusterIP).toBe('10.96.0.1');
    expect(c.get<Service>('Service', 'kube-system', 'kube-dns')!.spec.clusterIP).toBe('10.96.0.10');
  });
});

describe('Service validation errors (apiserver wording)', () => {
  const cases: [string, KubeObject, string][] = [
    ['nodePort out of range', svc('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }), 'Invalid: Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    ['nodePort with ClusterIP', svc('cip', { ports: [{ port: 80, nodePort: 30081 }] }), "Invalid: Service \"cip\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ['unsupported type', svc('foo', { type: 'Foo' as never, ports: [{ port: 80 }] }), 'Invalid: Service "foo" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ['ports required', svc('noports', {}), 'Invalid: Service "noports" is invalid: spec.ports: Required value'],
    ['names required for several ports', svc('multi', { ports: [{ port: 80, name: 'http' }, { port: 81 }] }), 'Invalid: Service "multi" is invalid: spec.ports[1].name: Required value'],
    ['duplicate port names', svc('dup', { ports: [{ port: 80, name: 'http' }, { port: 81, name: 'http' }] }), 'Invalid: Service "dup" is invalid: spec.ports[1].name: Duplicate value: "http"'],
    ['externalName required', svc('ext', { type: 'ExternalName' }), 'Invalid: Service "ext" is invalid: spec.externalName: Required value'],
    ['port out of range (the defaulted targetPort too)', svc('big', { ports: [{ port: 70000 }] }), 'Invalid: Service "big" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]'],
    ['clusterIP outside the range', svc('out', { clusterIP: '10.0.0.5', ports: [{ port: 80 }] }), 'Invalid: Service "out" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12'],
    ['clusterIP taken', svc('taken', { clusterIP: '10.96.0.10', ports: [{ port: 80 }] }), 'Invalid: Service "taken" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated'],
    ['unsupported affinity', svc('aff', { sessionAffinity: 'Sticky' as never, ports: [{ port: 80 }] }), 'Invalid: Service "aff" is invalid: spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'],
    ['headless NodePort', svc('hn', { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] }), 'Invalid: Service "hn" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services'],
  ];
  for (const [what, obj, want] of cases) {
    it(what, () => {
      const c = new Cluster();
      expect(errorOf(() => c.create(obj))).toBe(want);
    });
  }

  it('a node port already held by another Service', () => {
    const c = new Cluster();
    c.create(svc('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    expect(errorOf(() => c.create(svc('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })))).toBe(
      'Invalid: Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });

  it('several problems are reported together', () => {
    const c = new Cluster();
    expect(errorOf(() => c.create(svc('x', { type: 'NodePort', ports: [{ port: 80, name: 'a' }, { port: 0 }] })))).toBe(
      'Invalid: Service "x" is invalid: [spec.ports[1].name: Required value, spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[1].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]',
    );
  });
});

describe('apply and delete', () => {
  it('re-applying the same manifest is unchanged and keeps the allocated ClusterIP and node port', () => {
    const c = new Cluster();
    const manifest = svc('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] });
    const first = c.apply(manifest);
    const again = c.apply(manifest);
    expect([first.action, again.action]).toEqual(['created', 'unchanged']);
    const stored = c.get<Service>('Service', 'default', 'web')!;
    expect(stored.spec.clusterIP).toBe((first.object as Service).spec.clusterIP);
    expect(stored.spec.ports?.[0]?.nodePort).toBe((first.object as Service).spec.ports?.[0]?.nodePort);
  });

  it('a changed manifest keeps the ClusterIP; changing the ClusterIP is refused', () => {
    const c = new Cluster();
    const ip = c.apply(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] })).object as Service;
    const r = c.apply(svc('web', { selector: { app: 'web' }, ports: [{ port: 8080 }] }));
    expect(r.action).toBe('configured');
    expect((r.object as Service).spec.clusterIP).toBe(ip.spec.clusterIP);
    expect(errorOf(() => c.apply(svc('web', { clusterIP: '10.96.50.50', selector: { app: 'web' }, ports: [{ port: 80 }] })))).toBe(
      'Invalid: Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.50.50"}: may not change once set',
    );
  });

  it('NodePort to ClusterIP drops the node port and the external traffic policy', () => {
    const c = new Cluster();
    c.apply(svc('web', { type: 'NodePort', ports: [{ port: 80 }] }));
    const r = c.apply(svc('web', { type: 'ClusterIP', ports: [{ port: 80 }] })).object as Service;
    expect(r.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(r.spec.externalTrafficPolicy).toBeUndefined();
  });

  it('deleting a Service releases its node port and IP', () => {
    const c = new Cluster();
    const a = c.create<Service>(svc('a', { type: 'NodePort', clusterIP: '10.96.100.100', ports: [{ port: 80, nodePort: 30080 }] }));
    expect(a.spec.clusterIP).toBe('10.96.100.100');
    c.delete('Service', 'default', 'a');
    const b = c.create<Service>(svc('b', { type: 'NodePort', clusterIP: '10.96.100.100', ports: [{ port: 80, nodePort: 30080 }] }));
    expect([b.spec.clusterIP, b.spec.ports?.[0]?.nodePort]).toEqual(['10.96.100.100', 30080]);
  });

  it('a re-created Service gets a new ClusterIP', () => {
    const c = new Cluster();
    const first = c.create<Service>(svc('web', { ports: [{ port: 80 }] })).spec.clusterIP;
    c.delete('Service', 'default', 'web');
    const second = c.create<Service>(svc('web', { ports: [{ port: 80 }] })).spec.clusterIP;
    expect(second).not.toBe(first);
    expect(inServiceCidr(second!)).toBe(true);
  });
});

describe('minikube tunnel', () => {
  it('LoadBalancer EXTERNAL-IP is pending until the tunnel runs, then the ClusterIP', () => {
    const c = new Cluster();
    const lb = c.create<Service>(svc('lb', { type: 'LoadBalancer', ports: [{ port: 80 }] }));
    expect(lb.status).toEqual({ loadBalancer: {} });
    c.state.tunnel = true;
    c.advance(1000);
    expect(c.get<Service>('Service', 'default', 'lb')!.status).toEqual({ loadBalancer: { ingress: [{ ip: lb.spec.clusterIP }] } });
    expect(c.get<Service>('Service', 'default', 'kubernetes')!.status).toEqual({ loadBalancer: {} });
    c.state.tunnel = false;
    c.advance(1000);
    expect(c.get<Service>('Service', 'default', 'lb')!.status).toEqual({ loadBalancer: {} });
  });
});

describe('address helpers', () => {
  it('converts between dotted quads and integers', () => {
    expect(ipToInt('10.96.0.10')).toBe(174063626);
    expect(intToIp(174063626)).toBe('10.96.0.10');
    expect([inServiceCidr('10.111.255.255'), inServiceCidr('10.112.0.0'), inServiceCidr('10.95.255.255')]).toEqual([true, false, false]);
  });
});
