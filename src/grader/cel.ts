/**
 * The CEL escape hatch (the expression language Kubernetes uses for validation rules), evaluated with
 * `@bufbuild/cel`. The module is heavy, so it is loaded with a dynamic import only when a course uses CEL
 * (`loadCel()`); evaluation itself is synchronous. The environment a goal sees:
 *
 * - `objects`: every object in the cluster as the API serves it (`o.kind`, `o.metadata.name`, `o.spec…`, `o.status…`)
 * - `pods`: `{name, namespace, labels, phase, status, ready, ip, node, containers: [{name, image, ready, restarts,
 *   logs: [line…], processes: [{pid, command, signals: ['HUP'…]}]}]}` (logs and processes of the current run)
 * - `services`: `{name, namespace, type, clusterIP, selector, ports, endpoints: [ip…]}`
 * - `actions`: commands the learner ran, `{line, command, argv, location, pod, container, node, exitCode, output}`
 *   (`location` is `host`, `node` or `container`; `command` is argv joined by spaces)
 *
 * https://kubernetes.io/docs/reference/using-api/cel/
 */
import type * as CelModule from '@bufbuild/cel';
import { isPodReady, podDisplayStatus, type Endpoints, type Pod, type Service } from '../sim/index.js';
import type { GraderInput } from './types.js';

let cel: typeof CelModule | undefined;
const plans = new Map<string, ReturnType<typeof CelModule.plan> | string>();

/** Loads the CEL evaluator (once). Call before grading a course whose goals use `cel:`. */
export async function loadCel(): Promise<void> {
  cel ??= await import('@bufbuild/cel');
}

/** Whether `loadCel()` has finished. */
export function celLoaded(): boolean {
  return cel !== undefined;
}

function compiled(expr: string): ReturnType<typeof CelModule.plan> | string {
  if (!cel) return 'the CEL evaluator is not loaded';
  let p = plans.get(expr);
  if (p === undefined) {
    try {
      p = cel.plan(cel.celEnv(), cel.parse(expr));
    } catch (e) {
      p = e instanceof Error ? e.message : String(e);
    }
    if (plans.size > 500) plans.clear();
    plans.set(expr, p);
  }
  return p;
}

/** A syntax error in an expression, or undefined when it parses. Needs `loadCel()`. */
export function celSyntaxError(expr: string): string | undefined {
  const p = compiled(expr);
  return typeof p === 'string' ? p : undefined;
}

function plain<T>(v: T): unknown {
  return JSON.parse(JSON.stringify(v ?? null));
}

/** The variables a CEL goal sees (documented above). */
export function celBindings(input: GraderInput): Record<string, unknown> {
  const c = input.cluster;
  const objects: unknown[] = [];
  for (const b of c.state.objects.values()) for (const o of b.values()) objects.push(o);
  const pods = c.list<Pod>('Pod').map((p) => {
    const rt = c.state.runtime.get(p.metadata.uid ?? '');
    return {
    name: p.metadata.name,
    namespace: p.metadata.namespace ?? 'default',
    labels: p.metadata.labels ?? {},
    phase: p.status?.phase ?? 'Pending',
    status: podDisplayStatus(p),
    ready: isPodReady(p),
    ip: p.status?.podIP ?? '',
    node: p.spec.nodeName ?? '',
    containers: p.spec.containers.map((ct) => {
      const s = p.status?.containerStatuses?.find((x) => x.name === ct.name);
      const cr = rt?.containers.get(ct.name);
      return {
        name: ct.name,
        image: ct.image,
        ready: s?.ready ?? false,
        restarts: s?.restartCount ?? 0,
        logs: (cr?.logs ?? []).map((l) => l.line),
        processes: (cr?.processes ?? []).map((x) => ({ pid: x.pid, command: x.command, signals: x.signals })),
      };
    }),
    };
  });
  const services = c.list<Service>('Service').map((s) => {
    const ep = c.get<Endpoints>('Endpoints', s.metadata.namespace, s.metadata.name);
    return {
      name: s.metadata.name,
      namespace: s.metadata.namespace ?? 'default',
      type: s.spec.type ?? 'ClusterIP',
      clusterIP: s.spec.clusterIP ?? '',
      selector: s.spec.selector ?? {},
      ports: s.spec.ports ?? [],
      endpoints: [...new Set((ep?.subsets ?? []).flatMap((x) => (x.addresses ?? []).map((a) => a.ip)))],
    };
  });
  const actions = input.actions.map((a) => ({
    line: a.line,
    command: a.argv.join(' '),
    argv: a.argv,
    location: a.location.type,
    pod: a.location.type === 'container' ? a.location.pod : '',
    container: a.location.type === 'container' ? a.location.container : '',
    node: a.location.type === 'node' ? a.location.node : '',
    exitCode: a.exitCode,
    output: a.stdout + a.stderr,
  }));
  return plain({ objects, pods, services, actions }) as Record<string, unknown>;
}

/** Evaluates an expression to true/false, or says why it could not. */
export function evalCel(expr: string, bindings: Record<string, unknown>): { ok: true; value: boolean } | { ok: false; error: string } {
  const p = compiled(expr);
  if (typeof p === 'string') return { ok: false, error: p };
  const r = p(bindings as never);
  if (cel!.isCelError(r)) return { ok: false, error: r.message };
  if (typeof r !== 'boolean') return { ok: false, error: `the expression gave ${String(r)}, not true or false` };
  return { ok: true, value: r };
}
