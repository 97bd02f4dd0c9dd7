/** Helpers for the pod-runtime tests: build pods, read statuses, events and logs in the shapes kubectl shows. */
import { Cluster, podDisplayStatus, type Container, type KubeObject, type Pod, type PodSpec } from '../../src/sim/index.js';

export function podObject(name: string, containers: Partial<Container>[], spec: Partial<PodSpec> = {}, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(labels ? { labels } : {}) }, spec: { containers, ...spec } };
}

export function createPod(c: Cluster, name: string, containers: Partial<Container>[], spec: Partial<PodSpec> = {}): Pod {
  return c.create<Pod>(podObject(name, containers, spec));
}

export function pod(c: Cluster, name: string, ns = 'default'): Pod {
  return c.mustGet<Pod>('Pod', ns, name);
}

/** `STATUS RESTARTS` as `kubectl get pods` shows them, plus READY. */
export function row(c: Cluster, name: string, ns = 'default'): string {
  const p = pod(c, name, ns);
  const cs = p.status.containerStatuses ?? [];
  const ready = cs.filter((s) => s.ready).length;
  const restarts = cs.reduce((n, s) => n + s.restartCount, 0);
  return `${ready}/${p.spec.containers.length} ${podDisplayStatus(p)} ${restarts}`;
}

/** Rows at each step: `steps` × `ms` of simulated time. */
export function timeline(c: Cluster, name: string, steps: number, ms = 2_000): string[] {
  const out: string[] = [];
  for (let i = 0; i < steps; i++) {
    c.advance(ms);
    out.push(row(c, name));
  }
  return out;
}

/** Events as `kubectl describe` lists them: `Type Reason (xN) From: Message`. */
export function events(c: Cluster, o: KubeObject): string[] {
  return c.eventsFor(o).map((e) => `${e.type} ${e.reason}${e.count > 1 ? ` (x${e.count})` : ''} ${e.source.component}: ${e.message}`);
}

export function logs(c: Cluster, p: Pod, container: string, previous = false): string[] {
  const cr = c.state.runtime.get(p.metadata.uid!)?.containers.get(container);
  return (previous ? cr?.previousLogs : cr?.logs)?.map((l) => l.line) ?? [];
}
