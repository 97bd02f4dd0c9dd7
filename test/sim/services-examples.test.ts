/**
 * Every Service manifest of the official docs' `service/` examples (`../shared/reference/k8s-examples/service/`),
 * applied with the workloads its tutorial pairs it with: the Service is admitted (or refused, for IPv6 on this
 * IPv4-only cluster) and gets the endpoints README.md says.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Cluster } from '../../src/sim/cluster.js';
import { SimError } from '../../src/sim/errors.js';
import { lookupImage } from '../../src/sim/images.js';
import type { Endpoints, KubeObject, Pod, Service } from '../../src/sim/types.js';

const ROOT = path.join(import.meta.dirname, '../../../shared/reference/k8s-examples');

function objects(file: string): KubeObject[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return parseAllDocuments(text)
    .map((d) => d.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => !!o && typeof o === 'object');
}

interface Case {
  /** Companion workloads applied first. */
  with: string[];
  /** The Service document's name, its type and its endpoint ports after admission; or the refusal. */
  expect: { name: string; type: string; endpoints: number; ports: { name?: string; port: number; protocol: string }[] } | { error: string };
}

const CASES: Record<string, Case> = {
  'service/access/backend-service.yaml': { with: ['service/access/backend-deployment.yaml'], expect: { name: 'hello', type: 'ClusterIP', endpoints: 3, ports: [{ port: 80, protocol: 'TCP' }] } },
  'service/access/frontend-service.yaml': { with: ['service/access/frontend-deployment.yaml'], expect: { name: 'frontend', type: 'LoadBalancer', endpoints: 1, ports: [{ port: 80, protocol: 'TCP' }] } },
  'service/explore-graceful-termination-nginx.yaml': { with: ['service/pod-with-graceful-termination.yaml'], expect: { name: 'nginx-service', type: 'ClusterIP', endpoints: 1, ports: [{ port: 80, protocol: 'TCP' }] } },
  'service/nginx-service.yaml': { with: ['service/pod-with-graceful-termination.yaml'], expect: { name: 'nginx-service', type: 'ClusterIP', endpoints: 1, ports: [{ port: 80, protocol: 'TCP' }] } },
  'service/simple-service.yaml': { with: [], expect: { name: 'my-service', type: 'ClusterIP', endpoints: 0, ports: [] } },
  'service/networking/nginx-svc.yaml': { with: ['service/networking/run-my-nginx.yaml'], expect: { name: 'my-nginx', type: 'ClusterIP', endpoints: 2, ports: [{ port: 80, protocol: 'TCP' }] } },
  // Its own Deployment mounts a Secret that the corpus lacks; the docs pair the Service with run-my-nginx's pods.
  'service/networking/nginx-secure-app.yaml': {
    with: ['service/networking/run-my-nginx.yaml'],
    expect: { name: 'my-nginx', type: 'NodePort', endpoints: 2, ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'https', port: 443, protocol: 'TCP' }] },
  },
  'service/networking/dual-stack-default-svc.yaml': { with: [], expect: { name: 'my-service', type: 'ClusterIP', endpoints: 0, ports: [] } },
  'service/networking/dual-stack-preferred-svc.yaml': { with: [], expect: { name: 'my-service', type: 'ClusterIP', endpoints: 0, ports: [] } },
  'service/networking/dual-stack-preferred-ipfamilies-svc.yaml': { with: [], expect: { name: 'my-service', type: 'ClusterIP', endpoints: 0, ports: [] } },
  // `spec.ipFamily` (removed in 1.20) is an unknown field: strict decoding refuses the whole object.
  'service/networking/dual-stack-ipv6-svc.yaml': { with: [], expect: { error: 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ipFamily"' } },
  'service/networking/dual-stack-ipfamilies-ipv6.yaml': { with: [], expect: { error: 'Service "my-service" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster' } },
  'service/networking/dual-stack-prefer-ipv6-lb-svc.yaml': { with: [], expect: { error: 'Service "my-service" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster' } },
};

const manifestRows = readFileSync(path.join(ROOT, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .filter((r) => r[1] === 'primary' && r[0]!.startsWith('service/') && r[5]!.split(',').includes('Service'))
  .map((r) => r[0]!);

describe('k8s-examples: Service manifests', () => {
  it('the table covers every primary Service manifest under service/ in MANIFEST.tsv', () => {
    expect(Object.keys(CASES).sort()).toEqual([...manifestRows].sort());
  });

  for (const [file, k] of Object.entries(CASES)) {
    it(file, () => {
      const c = new Cluster();
      for (const f of k.with) for (const o of objects(f)) c.apply(o);
      const service = objects(file).find((o) => o.kind === 'Service')!;
      const want = k.expect;
      if ('error' in want) {
        let message = 'accepted';
        try {
          c.apply(service);
        } catch (e) {
          if (!(e instanceof SimError)) throw e;
          message = e.message;
        }
        expect(message).toBe(want.error);
        return;
      }
      c.apply(service);
      c.advance(5000);
      const svc = c.get<Service>('Service', 'default', want.name)!;
      const ep = c.get<Endpoints>('Endpoints', 'default', want.name)!;
      const ready = (ep.subsets ?? []).flatMap((s) => s.addresses ?? []);
      const notReady = (ep.subsets ?? []).flatMap((s) => s.notReadyAddresses ?? []);
      const selected = c.list<Pod>('Pod', 'default').filter((p) => Object.entries(svc.spec.selector ?? {}).every(([kk, v]) => p.metadata.labels?.[kk] === v));
      // Pods of images the simulator cannot pull are Running-less and not ready, as in a real cluster.
      const pullable = selected.filter((p) => p.spec.containers.every((ct) => lookupImage(ct.image))).length;
      expect({
        type: svc.spec.type,
        endpoints: ready.length + notReady.length,
        ready: ready.length,
        ports: [...new Map((ep.subsets ?? []).flatMap((s) => s.ports ?? []).map((p) => [JSON.stringify(p), p])).values()],
      }).toEqual({ type: want.type, endpoints: want.endpoints, ready: pullable, ports: want.ports });
      expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
      if (want.type !== 'ClusterIP') expect(svc.spec.ports!.every((p) => p.nodePort! >= 30000 && p.nodePort! <= 32767)).toBe(true);
    });
  }
});
