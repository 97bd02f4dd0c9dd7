/**
 * `kubectl describe` for Namespace, Node, ConfigMap and Secret (`describeNamespace`, `describeNode`,
 * `ConfigMapDescriber`, `describeSecret` in kubectl's `pkg/describe/describe.go`).
 */
import type { Cluster, ConfigMap, Namespace, Node, Pod, Secret } from '../../sim/index.js';
import { cpuMillis, memBytes } from '../../sim/controllers/kubelet.js';
import { DescribeWriter } from './describe-writer.js';
import { rfc1123z } from './printers/format.js';

/** `describeNamespace` (no ResourceQuota or LimitRange objects exist in the simulator). */
export function describeNamespace(c: Cluster, ns: Namespace): string {
  const w = new DescribeWriter(c.now());
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  w.labels('Labels', ns.metadata.labels);
  w.annotations('Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.done();
}

function roles(n: Node): string {
  const out = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/') && k.length > 24)
    .map((k) => k.slice(24))
    .sort();
  return out.join(',') || '<none>';
}

function cpuString(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

function memString(b: number): string {
  if (b === 0) return '0';
  for (const [u, f] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) if (b % f === 0) return `${b / f}${u}`;
  return String(b);
}

/** `describeNode`, including the Non-terminated Pods and Allocated resources tables. */
export function describeNode(c: Cluster, n: Node, events = true): string {
  const w = new DescribeWriter(c.now());
  const created = n.metadata.creationTimestamp;
  w.write(0, `Name:\t${n.metadata.name}\n`);
  w.write(0, `Roles:\t${roles(n)}\n`);
  w.labels('Labels', n.metadata.labels);
  w.annotations('Annotations', n.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(created)}\n`);
  const taints = n.spec.taints ?? [];
  w.write(0, 'Taints:\t');
  if (!taints.length) w.write(0, '<none>\n');
  taints.forEach((t, i) => w.write(0, `${i > 0 ? '\t' : ''}${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`));
  w.write(0, `Unschedulable:\t${n.spec.unschedulable ? 'true' : 'false'}\n`);
  w.write(0, 'Lease:\n');
  w.write(0, `  HolderIdentity:  ${n.metadata.name}\n`);
  w.write(0, `  AcquireTime:     <unset>\n`);
  w.write(0, `  RenewTime:       ${rfc1123z(c.nowIso())}\n`);
  const now = rfc1123z(c.nowIso());
  const messages: Record<string, [string, string]> = {
    MemoryPressure: ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    DiskPressure: ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    PIDPressure: ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    Ready: ['KubeletReady', 'kubelet is posting ready status'],
  };
  const ready = n.status.conditions.find((x) => x.type === 'Ready');
  w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
  w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const [type, [reason, message]] of Object.entries(messages)) {
    const status = type === 'Ready' ? (ready?.status ?? 'Unknown') : 'False';
    w.write(1, `${type} \t${status} \t${now} \t${rfc1123z(created)} \t${type === 'Ready' ? (ready?.reason ?? reason) : reason} \t${message}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of n.status.addresses) w.write(1, `${a.type}:\t${a.address}\n`);
  const order = ['cpu', 'ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi', 'memory', 'pods'];
  for (const [title, list] of [['Capacity', n.status.capacity], ['Allocatable', n.status.allocatable]] as const) {
    w.write(0, `${title}:\n`);
    const keys = Object.keys(list).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || (a < b ? -1 : 1));
    for (const k of keys) w.write(0, `  ${k}:\t${list[k]}\n`);
  }
  const info = n.status.nodeInfo;
  w.write(0, 'System Info:\n');
  const id = (n.metadata.uid ?? '').replace(/-/g, '');
  w.write(0, `  Machine ID:\t${id}\n`);
  w.write(0, `  System UUID:\t${n.metadata.uid ?? ''}\n`);
  w.write(0, `  Boot ID:\t${n.metadata.uid ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info.kernelVersion}\n`);
  w.write(0, `  OS Image:\t${info.osImage}\n`);
  w.write(0, `  Operating System:\t${info.operatingSystem}\n`);
  w.write(0, `  Architecture:\t${info.architecture}\n`);
  w.write(0, `  Container Runtime Version:\t${info.containerRuntimeVersion}\n`);
  w.write(0, `  Kubelet Version:\t${info.kubeletVersion}\n`);
  if (n.spec.podCIDR) w.write(0, `PodCIDR:\t${n.spec.podCIDR}\n`);
  if (n.spec.podCIDRs?.length) w.write(0, `PodCIDRs:\t${n.spec.podCIDRs.join(',')}\n`);
  const pods = c.list<Pod>('Pod').filter((p) => p.spec.nodeName === n.metadata.name && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
  const allocCpu = cpuMillis(n.status.allocatable.cpu) || 1;
  const allocMem = memBytes(n.status.allocatable.memory) || 1;
  const pct = (v: number, of: number): number => Math.trunc((v / of) * 100);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  let tot = { rc: 0, lc: 0, rm: 0, lm: 0 };
  for (const p of pods) {
    let rc = 0;
    let lc = 0;
    let rm = 0;
    let lm = 0;
    for (const ct of p.spec.containers) {
      rc += cpuMillis(ct.resources?.requests?.cpu ?? ct.resources?.limits?.cpu);
      lc += cpuMillis(ct.resources?.limits?.cpu);
      rm += memBytes(ct.resources?.requests?.memory ?? ct.resources?.limits?.memory);
      lm += memBytes(ct.resources?.limits?.memory);
    }
    tot = { rc: tot.rc + rc, lc: tot.lc + lc, rm: tot.rm + rm, lm: tot.lm + lm };
    w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${cpuString(rc)} (${pct(rc, allocCpu)}%)\t${cpuString(lc)} (${pct(lc, allocCpu)}%)\t${memString(rm)} (${pct(rm, allocMem)}%)\t${memString(lm)} (${pct(lm, allocMem)}%)\t${w.since(p.metadata.creationTimestamp)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${cpuString(tot.rc)} (${pct(tot.rc, allocCpu)}%)\t${cpuString(tot.lc)} (${pct(tot.lc, allocCpu)}%)\n`);
  w.write(1, `memory\t${memString(tot.rm)} (${pct(tot.rm, allocMem)}%)\t${memString(tot.lm)} (${pct(tot.lm, allocMem)}%)\n`);
  w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  if (events) w.events(c.eventsFor(n));
  return w.done();
}

/** `ConfigMapDescriber`. */
export function describeConfigMap(c: Cluster, cm: ConfigMap, events = true): string {
  const w = new DescribeWriter(c.now());
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`);
  w.labels('Labels', cm.metadata.labels);
  w.annotations('Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data![k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  w.write(0, '\n');
  if (events) w.events(c.eventsFor(cm));
  return w.done();
}

/** `describeSecret`: sizes, never values. */
export function describeSecret(c: Cluster, s: Secret): string {
  const w = new DescribeWriter(c.now());
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace}\n`);
  w.labels('Labels', s.metadata.labels);
  w.annotations('Annotations', s.metadata.annotations);
  w.write(0, `\nType:\t${s.type ?? 'Opaque'}\n`);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(s.data ?? {}).sort()) {
    const b64 = s.data![k]!.replace(/\s/g, '');
    const bytes = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
    w.write(0, `${k}:\t${bytes} bytes\n`);
  }
  return w.done();
}
