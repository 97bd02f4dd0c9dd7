/**
 * The default scheduler, reduced to what learners meet: a pod without `nodeName` goes to a node that matches its
 * `nodeSelector`, is schedulable, and has room (CPU and memory requests, max 110 pods); among those the one with the
 * fewest pods of the same owner (replicas spread across nodes), then the least loaded.
 * When no node fits, the pod stays Pending with a `FailedScheduling` event and a `PodScheduled=False` condition in
 * the scheduler's own words (`FitError.Error()`, counts sorted as strings, then the preemption verdict).
 * https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/
 */
import type { Cluster } from '../cluster.js';
import { deepEqual } from '../cluster.js';
import type { Node, Pod, PodCondition } from '../types.js';

/** CPU quantity in millicores (`100m`, `0.5`, `2`). */
export function cpuMillis(q: string | undefined): number {
  if (!q) return 0;
  return q.endsWith('m') ? Number(q.slice(0, -1)) : Math.round(Number(q) * 1000);
}

const MEM_UNITS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, K: 1e3, M: 1e6, G: 1e9, T: 1e12, k: 1e3 };

/** Memory quantity in bytes (`64Mi`, `1G`, `128974848`). */
export function memBytes(q: string | undefined): number {
  if (!q) return 0;
  const m = /^(\d+(?:\.\d+)?)([KMGT]i?|k)?$/.exec(q);
  if (!m) return 0;
  return Number(m[1]) * (m[2] ? (MEM_UNITS[m[2]] ?? 1) : 1);
}

/** A pod's requests (a limit stands in for a missing request, as defaulting does). */
export function podRequests(p: Pod): { cpu: number; mem: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of p.spec.containers) {
    cpu += cpuMillis(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu);
    mem += memBytes(c.resources?.requests?.memory ?? c.resources?.limits?.memory);
  }
  return { cpu, mem };
}

/** The QoS class the apiserver sets (`BestEffort`, `Burstable`, `Guaranteed`). */
export function qosClass(p: Pod): string {
  const cs = p.spec.containers;
  if (cs.every((c) => !c.resources?.requests && !c.resources?.limits)) return 'BestEffort';
  const guaranteed = cs.every((c) => c.resources?.limits?.cpu && c.resources?.limits?.memory && (!c.resources.requests || (c.resources.requests.cpu === c.resources.limits.cpu && c.resources.requests.memory === c.resources.limits.memory)));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** What is placed on each node: pod count and summed requests (terminal pods excluded). */
export interface NodeUsage {
  pods: number;
  cpu: number;
  mem: number;
}

/** Usage of every node, in one pass over the pods. */
export function nodeUsage(c: Cluster): Map<string, NodeUsage> {
  const out = new Map<string, NodeUsage>();
  for (const o of c.state.objects.get('Pod')?.values() ?? []) {
    const p = o as Pod;
    if (!p.spec.nodeName || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    const r = podRequests(p);
    const u = out.get(p.spec.nodeName) ?? { pods: 0, cpu: 0, mem: 0 };
    u.pods++;
    u.cpu += r.cpu;
    u.mem += r.mem;
    out.set(p.spec.nodeName, u);
  }
  return out;
}

function tally(reasons: Map<string, number>): string {
  return [...reasons.entries()].map(([w, k]) => `${k} ${w}`).sort().join(', ');
}

/**
 * Tries to place one pod; binds it (sets `spec.nodeName`, `Scheduled` event) or records why not. `usage` is updated
 * with the placement so a batch of pods is scheduled in one pass.
 */
export function schedulePod(c: Cluster, pod: Pod, nodes: Node[], usage: Map<string, NodeUsage>, siblings: (node: string) => number = () => 0): void {
  const need = podRequests(pod);
  const reasons = new Map<string, number>();
  let best: Node | undefined;
  let bestPods = Infinity;
  let bestSiblings = Infinity;
  for (const n of nodes) {
    const used = usage.get(n.metadata.name) ?? { pods: 0, cpu: 0, mem: 0 };
    const why: string[] = [];
    const sel = pod.spec.nodeSelector ?? {};
    if (n.spec.unschedulable) why.push('node(s) were unschedulable');
    else if (!Object.entries(sel).every(([k, v]) => n.metadata.labels?.[k] === v)) why.push("node(s) didn't match Pod's node affinity/selector");
    else {
      if (used.cpu + need.cpu > cpuMillis(n.status.allocatable.cpu)) why.push('Insufficient cpu');
      if (used.mem + need.mem > memBytes(n.status.allocatable.memory)) why.push('Insufficient memory');
      if (used.pods >= Number(n.status.allocatable.pods ?? 110)) why.push('Too many pods');
    }
    for (const w of why) reasons.set(w, (reasons.get(w) ?? 0) + 1);
    // Spread first (fewest pods of the same owner, as PodTopologySpread's default constraints score), then least loaded.
    const same = why.length === 0 ? siblings(n.metadata.name) : Infinity;
    if (why.length === 0 && (same < bestSiblings || (same === bestSiblings && used.pods < bestPods))) {
      best = n;
      bestPods = used.pods;
      bestSiblings = same;
    }
  }
  if (!best) {
    const preempt = new Map<string, number>();
    let resolvable = 0;
    let not = 0;
    // Preemption could help on a node that failed only for room (cpu, memory, pod count), not for selector or cordon.
    for (const n of nodes) {
      const used = usage.get(n.metadata.name) ?? { pods: 0, cpu: 0, mem: 0 };
      const sel = pod.spec.nodeSelector ?? {};
      const room = !n.spec.unschedulable && Object.entries(sel).every(([k, v]) => n.metadata.labels?.[k] === v);
      if (room && (used.cpu + need.cpu > cpuMillis(n.status.allocatable.cpu) || used.mem + need.mem > memBytes(n.status.allocatable.memory) || used.pods >= Number(n.status.allocatable.pods ?? 110))) resolvable++;
      else not++;
    }
    if (resolvable) preempt.set('No preemption victims found for incoming pod', resolvable);
    if (not) preempt.set('Preemption is not helpful for scheduling', not);
    const detail = reasons.size ? `: ${tally(reasons)}` : '';
    const message = `0/${nodes.length} nodes are available${detail}. preemption: 0/${nodes.length} nodes are available: ${tally(preempt)}.`;
    const cond: PodCondition = { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message };
    const prev = pod.status.conditions?.find((x) => x.type === 'PodScheduled');
    cond.lastTransitionTime = prev && prev.status === 'False' ? prev.lastTransitionTime : c.nowIso();
    if (!deepEqual(pod.status.conditions, [cond])) {
      pod.status = { phase: 'Pending', conditions: [cond], qosClass: qosClass(pod) };
      c.touch(pod);
    }
    c.recordEvent(pod, 'Warning', 'FailedScheduling', message, 'default-scheduler');
    return;
  }
  pod.spec.nodeName = best.metadata.name;
  const u = usage.get(best.metadata.name) ?? { pods: 0, cpu: 0, mem: 0 };
  u.pods++;
  u.cpu += need.cpu;
  u.mem += need.mem;
  usage.set(best.metadata.name, u);
  c.put(pod);
  c.recordEvent(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${best.metadata.name}`, 'default-scheduler');
}
