/**
 * Every manifest of `../shared/reference/k8s-examples/` (the official docs' networking examples, MANIFEST.tsv, primary
 * and alternate versions) read with the shell's parseManifests and applied to a fresh Cluster, Namespaces first. Each
 * file's outcome is what README.md says a cluster does with it: objects created (or refused with the apiserver's
 * words), Pods in the status the docs show, Services with the endpoints of their companion workloads.
 *
 * Pods whose image the simulator does not know cannot be pulled, as in a
 * cluster without that registry: they are expected in ImagePullBackOff, and their endpoints not ready. Where the
 * simulator still differs from the docs for another reason, the entry says so in `gap` (asserted, so a fix shows).
 * The `service/` Service manifests with their workloads are also replayed in services-examples.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/shell/manifest.js';
import { Cluster, SimError, lookupImage, podDisplayStatus, type Endpoints, type KubeObject, type Pod } from '../../src/sim/index.js';

const ROOT = path.join(import.meta.dirname, '../../../shared/reference/k8s-examples');

interface Case {
  /** Companion files applied first (the README's pairs). */
  with?: string[];
  /** Per object of the file, in order: `Kind/name` when the apiserver accepts it, else `Code: message`. */
  outcome: string[];
  /** Pod statuses (as `kubectl get pods` shows them) the docs describe, counted; unknown images turn into ImagePullBackOff. */
  pods?: Record<string, number>;
  /** Service name → number of endpoint addresses (ready or not). */
  endpoints?: Record<string, number>;
  /** Where the simulator differs from the docs for a reason other than images: what it does instead, and why. */
  gap?: { pods?: Record<string, number>; endpoints?: Record<string, number>; why: string };
}

const NGINX3 = { Running: 3 };
const STRICT = (kind: string, field: string): string => `BadRequest: ${kind} in version "v1" cannot be handled as a ${kind}: strict decoding error: unknown field "${field}"`;
const IPV6 = 'Invalid: Service "my-service" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster';

const CASES: Record<string, Case> = {
  'admin/dns/busybox.yaml': { outcome: ['Pod/busybox'], pods: { Running: 1 } },
  'admin/dns/dnsutils.yaml': { outcome: ['Pod/dnsutils'], pods: { Running: 1 } },
  'application/deployment.yaml': { outcome: ['Deployment/nginx-deployment'], pods: { Running: 2 } },
  'application/guestbook/frontend-deployment.yaml': { outcome: ['Deployment/frontend'], pods: { Running: 3 } },
  'application/guestbook/frontend-service.yaml': { with: ['application/guestbook/frontend-deployment.yaml'], outcome: ['Service/frontend'], pods: { Running: 3 }, endpoints: { frontend: 0 } },
  'application/guestbook/redis-follower-deployment.yaml': { outcome: ['Deployment/redis-follower'], pods: { Running: 2 } },
  'application/guestbook/redis-follower-service.yaml': { with: ['application/guestbook/redis-follower-deployment.yaml'], outcome: ['Service/redis-follower'], pods: { Running: 2 }, endpoints: { 'redis-follower': 2 } },
  'application/guestbook/redis-leader-deployment.yaml': { outcome: ['Deployment/redis-leader'], pods: { Running: 1 } },
  'application/guestbook/redis-leader-service.yaml': {
    with: ['application/guestbook/redis-leader-deployment.yaml', 'application/guestbook/redis-follower-deployment.yaml'],
    outcome: ['Service/redis-leader'],
    pods: { Running: 3 },
    endpoints: { 'redis-leader': 1 },
  },
  'application/nginx-app.yaml': { outcome: ['Service/my-nginx-svc', 'Deployment/my-nginx'], pods: NGINX3, endpoints: { 'my-nginx-svc': 3 } },
  'application/nginx/nginx-deployment.yaml': { outcome: ['Deployment/my-nginx'], pods: NGINX3 },
  'application/nginx/nginx-svc.yaml': { with: ['application/nginx/nginx-deployment.yaml'], outcome: ['Service/my-nginx-svc'], pods: NGINX3, endpoints: { 'my-nginx-svc': 3 } },
  'application/web/web.yaml': {
    outcome: ['Service/nginx', 'StatefulSet/web'],
    pods: { Running: 2 },
    endpoints: { nginx: 2 },
  },
  'controllers/frontend.yaml': { outcome: ['ReplicaSet/frontend'], pods: { Running: 3 } },
  'controllers/nginx-deployment.yaml': { outcome: ['Deployment/nginx-deployment'], pods: NGINX3 },
  'controllers/replicaset.yaml': { outcome: ['ReplicaSet/my-repset'], pods: { Running: 3 } },
  'pods/config/redis-pod.yaml': { outcome: ['Pod/redis'], pods: { ContainerCreating: 1 } },
  'pods/emptydir-volume-mode.yaml': { outcome: [STRICT('Pod', 'spec.volumes[0].emptyDir.mode')] },
  'pods/init-containers.yaml': { outcome: ['Pod/init-demo'], pods: { Running: 1 } },
  'pods/inject/dapi-envars-pod.yaml': { outcome: ['Pod/dapi-envars-fieldref'], pods: { Running: 1 } },
  'pods/multi-container/adapter.yaml': { outcome: ['Pod/adapter-pattern-example'], pods: { Running: 1 } },
  'pods/multi-container/ambassador.yaml': { outcome: ['Pod/ambassador-sidecar-example'], pods: { Running: 1 } },
  'pods/multi-container/localhost.yaml': { outcome: ['Pod/localhost-example'], pods: { Running: 1 } },
  'pods/multi-container/shared-volume.yaml': { outcome: ['Pod/shared-volume-example'], pods: { Running: 1 } },
  'pods/multi-container/startup-coordination.yaml': { outcome: ['Pod/startup-coordination-example'], pods: { Running: 1 } },
  'pods/security/security-context.yaml': { outcome: ['Pod/security-context-demo'], pods: { Running: 1 } },
  'pods/simple-pod.yaml': { outcome: ['Pod/nginx'], pods: { Running: 1 } },
  'pods/storage/pv-volume.yaml': {
    outcome: ['BadRequest: no matches for kind "PersistentVolume"'],
    gap: { why: 'PersistentVolume is not a kind the simulator serves; kubectl apply words it `no matches for kind "PersistentVolume" in version "v1"`' },
  },
  'pods/storage/redis.yaml': { outcome: ['Pod/redis'], pods: { Running: 1 } },
  'pods/two-container-pod.yaml': { outcome: ['Pod/two-containers'], pods: { NotReady: 1 } },
  'service/access/backend-deployment.yaml': { outcome: ['Deployment/backend'], pods: { Running: 3 } },
  'service/access/backend-service.yaml': { with: ['service/access/backend-deployment.yaml'], outcome: ['Service/hello'], pods: { Running: 3 }, endpoints: { hello: 3 } },
  'service/access/frontend-deployment.yaml': { outcome: ['Deployment/frontend'], pods: { Running: 1 } },
  'service/access/frontend-service.yaml': { with: ['service/access/frontend-deployment.yaml'], outcome: ['Service/frontend'], pods: { Running: 1 }, endpoints: { frontend: 1 } },
  'service/access/hello-application.yaml': { outcome: ['Deployment/hello-world'], pods: { Running: 2 } },
  'service/explore-graceful-termination-nginx.yaml': { with: ['service/pod-with-graceful-termination.yaml'], outcome: ['Service/nginx-service'], pods: { Running: 1 }, endpoints: { 'nginx-service': 1 } },
  'service/load-balancer-example.yaml': { outcome: ['Deployment/hello-world'], pods: { Running: 5 } },
  'service/networking/curlpod.yaml': { outcome: ['Deployment/curl-deployment'], pods: { ContainerCreating: 1 } },
  'service/networking/custom-dns.yaml': { outcome: ['Pod/dns-example'], pods: { Running: 1 } },
  'service/networking/default-ingressclass.yaml': { outcome: ['IngressClass/example-class'] },
  'service/networking/dual-stack-default-svc.yaml': { outcome: ['Service/my-service'], endpoints: { 'my-service': 0 } },
  'service/networking/dual-stack-ipfamilies-ipv6.yaml': { outcome: [IPV6] },
  'service/networking/dual-stack-ipv6-svc.yaml': { outcome: [STRICT('Service', 'spec.ipFamily')] },
  'service/networking/dual-stack-prefer-ipv6-lb-svc.yaml': { outcome: [IPV6] },
  'service/networking/dual-stack-preferred-ipfamilies-svc.yaml': { outcome: ['Service/my-service'], endpoints: { 'my-service': 0 } },
  'service/networking/dual-stack-preferred-svc.yaml': { outcome: ['Service/my-service'], endpoints: { 'my-service': 0 } },
  'service/networking/example-ingress.yaml': { outcome: ['Ingress/example-ingress'] },
  'service/networking/external-lb.yaml': { outcome: ['IngressClass/external-lb'] },
  'service/networking/hostaliases-pod.yaml': { outcome: ['Pod/hostaliases-pod'], pods: { Completed: 1 } },
  'service/networking/ingress-resource-backend.yaml': { outcome: ['Ingress/ingress-resource-backend'] },
  'service/networking/ingress-wildcard-host.yaml': { outcome: ['Ingress/ingress-wildcard-host'] },
  'service/networking/minimal-ingress.yaml': { outcome: ['Ingress/minimal-ingress'] },
  'service/networking/name-virtual-host-ingress-no-third-host.yaml': { outcome: ['Ingress/name-virtual-host-ingress-no-third-host'] },
  'service/networking/name-virtual-host-ingress.yaml': { outcome: ['Ingress/name-virtual-host-ingress'] },
  'service/networking/namespaced-params.yaml': { outcome: ['IngressClass/external-lb'] },
  'service/networking/network-policy-allow-all-egress-deny-all-ingress.yaml': { outcome: ['NetworkPolicy/allow-egress-deny-ingress'] },
  'service/networking/network-policy-allow-all-egress.yaml': { outcome: ['NetworkPolicy/allow-all-egress'] },
  'service/networking/network-policy-allow-all-ingress.yaml': { outcome: ['NetworkPolicy/allow-all-ingress'] },
  'service/networking/network-policy-default-deny-all.yaml': { outcome: ['NetworkPolicy/default-deny-all'] },
  'service/networking/network-policy-default-deny-egress.yaml': { outcome: ['NetworkPolicy/default-deny-egress'] },
  'service/networking/network-policy-default-deny-ingress.yaml': { outcome: ['NetworkPolicy/default-deny-ingress'] },
  'service/networking/networkpolicy-multiport-egress.yaml': { outcome: ['NetworkPolicy/multi-port-egress'] },
  'service/networking/networkpolicy.yaml': { outcome: ['NetworkPolicy/test-network-policy'] },
  'service/networking/nginx-policy.yaml': { outcome: ['NetworkPolicy/access-nginx'] },
  'service/networking/nginx-secure-app.yaml': { outcome: ['Service/my-nginx', 'Deployment/my-nginx'], pods: { ContainerCreating: 1 }, endpoints: { 'my-nginx': 0 } },
  'service/networking/nginx-svc.yaml': { with: ['service/networking/run-my-nginx.yaml'], outcome: ['Service/my-nginx'], pods: { Running: 2 }, endpoints: { 'my-nginx': 2 } },
  'service/networking/run-my-nginx.yaml': { outcome: ['Deployment/my-nginx'], pods: { Running: 2 } },
  'service/networking/simple-fanout-example.yaml': { outcome: ['Ingress/simple-fanout-example'] },
  'service/networking/test-ingress.yaml': { outcome: ['Ingress/test-ingress'] },
  'service/networking/tls-example-ingress.yaml': { outcome: ['Ingress/tls-example-ingress'] },
  'service/nginx-service.yaml': { with: ['controllers/nginx-deployment.yaml'], outcome: ['Service/nginx-service'], pods: NGINX3, endpoints: { 'nginx-service': 3 } },
  'service/pod-with-graceful-termination.yaml': { outcome: ['Deployment/nginx-deployment'], pods: { Running: 1 } },
  'service/simple-service.yaml': { outcome: ['Service/my-service'], endpoints: { 'my-service': 0 } },
  '_alternates/02f9a81/service/pod-with-graceful-termination.yaml': { outcome: ['Deployment/nginx-deployment', 'Service/nginx-service'], pods: { Running: 1 }, endpoints: { 'nginx-service': 1 } },
  '_alternates/0bc23f6/service/networking/custom-dns.yaml': { outcome: ['Pod/dns-example'], pods: { Running: 1 } },
  '_alternates/0fb026f/service/networking/dual-stack-ipv6-lb-svc.yaml': { outcome: [STRICT('Service', 'spec.ipFamily')] },
  '_alternates/1692fe4/application/guestbook/redis-slave-deployment.yaml': { outcome: ['Deployment/redis-slave'], pods: { Running: 2 } },
  '_alternates/3842a28/service/networking/networkpolicy.yaml': { outcome: ['NetworkPolicy/test-network-policy'] },
  '_alternates/4afbb14/service/networking/curlpod.yaml': { outcome: ['Deployment/curl-deployment'], pods: { ContainerCreating: 1 } },
  '_alternates/55a786f/application/guestbook/redis-leader-deployment.yaml': { outcome: ['Deployment/redis-leader'], pods: { Running: 1 } },
  '_alternates/5712187/application/guestbook/redis-follower-service.yaml': {
    with: ['_alternates/81dca13/application/guestbook/redis-follower-deployment.yaml'],
    outcome: ['Service/redis-follower'],
    pods: { Running: 2 },
    endpoints: { 'redis-follower': 2 },
  },
  '_alternates/6ef03d7/application/nginx/nginx-svc.yaml': { with: ['application/nginx/nginx-deployment.yaml'], outcome: ['Service/my-nginx-svc'], pods: NGINX3, endpoints: { 'my-nginx-svc': 0 } },
  '_alternates/7a42986/application/guestbook/frontend-deployment.yaml': { outcome: ['Deployment/frontend'], pods: { Running: 3 } },
  '_alternates/81dca13/application/guestbook/redis-follower-deployment.yaml': { outcome: ['Deployment/redis-follower'], pods: { Running: 2 } },
  '_alternates/a2659dc/pods/init-containers.yaml': { outcome: ['Pod/init-demo'], pods: { Running: 1 } },
  '_alternates/ae43227/service/networking/dual-stack-prefer-ipv6-lb-svc.yaml': { outcome: [IPV6] },
  '_alternates/b31c467/service/networking/nginx-secure-app.yaml': { outcome: ['Service/my-nginx', 'Deployment/my-nginx'], pods: { ContainerCreating: 1 }, endpoints: { 'my-nginx': 0 } },
  '_alternates/b6a5c53/application/nginx-app.yaml': { outcome: ['Service/my-nginx-svc', 'Deployment/my-nginx'], pods: NGINX3, endpoints: { 'my-nginx-svc': 3 } },
  '_alternates/eacd9f8/pods/inject/dapi-envars-pod.yaml': { outcome: ['Pod/dapi-envars-fieldref'], pods: { Running: 1 } },
  '_alternates/eb584d2/service/explore-graceful-termination-nginx.yaml': { with: ['_alternates/02f9a81/service/pod-with-graceful-termination.yaml'], outcome: ['Service/nginx-service'], pods: { Running: 1 }, endpoints: { 'nginx-service': 1 } },
  '_alternates/ed5f509/admin/dns/dnsutils.yaml': { outcome: ['Pod/dnsutils'], pods: { Running: 1 } },
};

const manifestRows = readFileSync(path.join(ROOT, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));

function objectsOf(file: string): KubeObject[] {
  const r = parseManifests(readFileSync(path.join(ROOT, file), 'utf8'), file);
  if (!r.ok) throw new Error(r.error);
  return r.objects;
}

/** Applies objects, Namespaces first; returns each object's outcome in file order. */
function applyAll(c: Cluster, objs: KubeObject[]): string[] {
  const order = [...objs.filter((o) => o.kind === 'Namespace'), ...objs.filter((o) => o.kind !== 'Namespace')];
  const result = new Map<KubeObject, string>();
  for (const o of order) {
    try {
      result.set(o, `${o.kind}/${c.apply(o).object.metadata.name}`);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      result.set(o, `${e.code}: ${e.message}`);
    }
  }
  return objs.map((o) => result.get(o)!);
}

/**
 * The status the docs give a pod, or ImagePullBackOff when the image of one of its containers is unknown to the
 * simulator (a pod still waiting for a Secret or ConfigMap volume stays ContainerCreating: it never pulls).
 */
function expectedStatus(pod: Pod, docs: string): string {
  if (docs === 'ContainerCreating') return docs;
  return pod.spec.containers.every((ct) => lookupImage(ct.image)) ? docs : 'ImagePullBackOff';
}

function count(statuses: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe('k8s-examples: every manifest of the docs applies as README.md says', () => {
  it('the table covers every file of MANIFEST.tsv, primary and alternate', () => {
    expect(Object.keys(CASES).sort()).toEqual(manifestRows.map((r) => r[0]!).sort());
  });

  it('every file parses into the kinds MANIFEST.tsv lists', () => {
    for (const r of manifestRows) expect(objectsOf(r[0]!).map((o) => o.kind), r[0]).toEqual(r[5]!.split(','));
  });

  it('KYAML files read the same as their block-YAML twins', () => {
    expect(objectsOf('pods/inject/dapi-envars-pod.yaml')).toEqual(objectsOf('_alternates/eacd9f8/pods/inject/dapi-envars-pod.yaml'));
    expect(objectsOf('service/networking/dual-stack-prefer-ipv6-lb-svc.yaml')).toEqual(objectsOf('_alternates/ae43227/service/networking/dual-stack-prefer-ipv6-lb-svc.yaml'));
  });

  it('YAML 1.1 as kubectl reads it: emptyDir mode 01777 is octal 1023', () => {
    const pod = objectsOf('pods/emptydir-volume-mode.yaml')[0] as Pod;
    expect(pod.spec.volumes?.[0]?.emptyDir).toEqual({ mode: 0o1777 });
  });

  for (const [file, k] of Object.entries(CASES)) {
    it(file, () => {
      const c = new Cluster();
      for (const f of k.with ?? []) expect(applyAll(c, objectsOf(f)).every((o) => !o.includes(':')), f).toBe(true);
      expect(applyAll(c, objectsOf(file))).toEqual(k.outcome);
      c.advance(60_000);
      const pods = c.list<Pod>('Pod', 'default');
      if (k.pods) {
        const docs = Object.entries(k.pods).flatMap(([s, n]) => Array<string>(n).fill(s));
        const want = k.gap?.pods ?? count(pods.map((p, i) => expectedStatus(p, docs[i] ?? docs[0] ?? 'Running')));
        expect(count(pods.map(podDisplayStatus))).toEqual(want);
        if (!k.gap?.pods) expect(pods.length).toBe(docs.length);
      }
      for (const [svc, n] of Object.entries(k.gap?.endpoints ?? k.endpoints ?? {})) {
        const ep = c.get<Endpoints>('Endpoints', 'default', svc);
        const addresses = (ep?.subsets ?? []).flatMap((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]);
        expect(addresses.length, `endpoints of ${svc}`).toBe(n);
      }
    });
  }
});
