/**
 * The human-readable table of each kind, as the apiserver's table convertor builds it (kubernetes
 * `pkg/printers/internalversion/printers.go`): column names, `-o wide` columns, and each cell's wording
 * (`<none>`, `<pending>`, `80:31341/TCP`, `1/1`, `3 (5m ago)`).
 */
import { formatLabels, type LabelSelector } from '../../../lib/labels.js';
import {
  podDisplayStatus,
  type ConfigMap,
  type Deployment,
  type EndpointSlice,
  type Endpoints,
  type Ingress,
  type KubeEvent,
  type KubeObject,
  type Namespace,
  type NetworkPolicy,
  type Node,
  type Pod,
  type ReplicaSet,
  type ReplicationController,
  type Secret,
  type Service,
} from '../../../sim/index.js';
import { age, humanDuration } from '../table.js';
import { containerCells, formatLabelSelector, listWithMore } from './format.js';

/** What a row printer may look at besides the object. */
export interface RowContext {
  now: number;
  wide: boolean;
}

/** One kind's table: header cells, the extra `-o wide` header cells, and the row builder (wide cells included when asked). */
export interface TableDef {
  columns: string[];
  wide: string[];
  /** The whole `-o wide` header when wide columns sit between the others (events), instead of `columns + wide`. */
  wideHeader?: string[];
  row: (o: KubeObject, ctx: RowContext) => string[];
}

const created = (o: KubeObject, ctx: RowContext): string => age(o.metadata.creationTimestamp, ctx.now);

function podRow(o: KubeObject, ctx: RowContext): string[] {
  const p = o as Pod;
  const cs = p.status?.containerStatuses ?? [];
  let restarts = 0;
  let last = 0;
  for (const c of cs) {
    restarts += c.restartCount;
    const fin = c.lastState?.terminated?.finishedAt;
    if (fin) last = Math.max(last, Date.parse(fin));
  }
  const restartCell = restarts > 0 && last > 0 ? `${restarts} (${humanDuration(ctx.now - last)} ago)` : String(restarts);
  const ready = `${cs.filter((c) => c.ready).length}/${p.spec.containers.length}`;
  const row = [p.metadata.name, ready, podDisplayStatus(p), restartCell, created(p, ctx)];
  if (ctx.wide) row.push(p.status?.podIP || '<none>', p.spec.nodeName || '<none>', '<none>', '<none>');
  return row;
}

function servicePorts(s: Service): string {
  const ports = (s.spec.ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`);
  return ports.length ? ports.join(',') : '<none>';
}

/** `loadBalancerStatusStringer`: the sorted, de-duplicated IPs (or hostnames), cut to 16 characters unless wide. */
export function loadBalancerStatus(ingress: { ip?: string; hostname?: string }[] | undefined, wide: boolean): string {
  const set = [...new Set((ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean))].sort();
  const r = set.join(',');
  return !wide && r.length > 16 ? r.slice(0, 13) + '...' : r;
}

/** EXTERNAL-IP of `kubectl get svc` (`getServiceExternalIP`). */
export function serviceExternalIP(s: Service, wide: boolean): string {
  const external = s.spec.externalIPs ?? [];
  switch (s.spec.type ?? 'ClusterIP') {
    case 'ExternalName':
      return s.spec.externalName ?? '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(s.status?.loadBalancer?.ingress, wide);
      const all = [...(lb ? lb.split(',') : []), ...external];
      return all.length ? all.join(',') : '<pending>';
    }
    default:
      return external.length ? external.join(',') : '<none>';
  }
}

function serviceRow(o: KubeObject, ctx: RowContext): string[] {
  const s = o as Service;
  const row = [s.metadata.name, s.spec.type ?? 'ClusterIP', s.spec.clusterIP || '<none>', serviceExternalIP(s, ctx.wide), servicePorts(s), created(s, ctx)];
  if (ctx.wide) row.push(formatLabels(s.spec.selector));
  return row;
}

/** ENDPOINTS of `kubectl get endpoints` (`formatEndpoints`): `ip:port` for each port and ready address, 3 shown. */
export function formatEndpoints(ep: Endpoints): string {
  const list: string[] = [];
  for (const ss of ep.subsets ?? []) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports?.length) list.push(...addrs.map((a) => a.ip));
    else for (const port of ss.ports) list.push(...addrs.map((a) => `${a.ip}:${port.port}`));
  }
  return listWithMore(list, 3, '<none>');
}

function ingressHosts(ing: Ingress): string {
  const hosts = (ing.spec.rules ?? []).map((r) => r.host).filter((h): h is string => !!h);
  return listWithMore(hosts, 3, '*');
}

function workloadWide(row: string[], ctx: RowContext, spec: { template: { spec: { containers: Pod['spec']['containers'] } } }, selector: string): string[] {
  if (ctx.wide) row.push(...containerCells(spec.template.spec.containers), selector);
  return row;
}

function nodeRoles(n: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort().join(',') || '<none>';
}

/** Tables by kind. */
export const TABLES: Record<string, TableDef> = {
  Pod: { columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'], row: podRow },
  Service: { columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], wide: ['SELECTOR'], row: serviceRow },
  Deployment: {
    columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, ctx) => {
      const d = o as Deployment;
      const st = d.status ?? {};
      const row = [d.metadata.name, `${st.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`, String(st.updatedReplicas ?? 0), String(st.availableReplicas ?? 0), created(d, ctx)];
      return workloadWide(row, ctx, d.spec, formatLabelSelector(d.spec.selector));
    },
  },
  ReplicaSet: {
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, ctx) => {
      const r = o as ReplicaSet;
      const row = [r.metadata.name, String(r.spec.replicas ?? 1), String(r.status?.replicas ?? 0), String(r.status?.readyReplicas ?? 0), created(r, ctx)];
      return workloadWide(row, ctx, r.spec, formatLabelSelector(r.spec.selector));
    },
  },
  ReplicationController: {
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, ctx) => {
      const r = o as ReplicationController;
      const row = [r.metadata.name, String(r.spec.replicas ?? 1), String(r.status?.replicas ?? 0), String(r.status?.readyReplicas ?? 0), created(r, ctx)];
      return workloadWide(row, ctx, r.spec, formatLabels(r.spec.selector));
    },
  },
  Endpoints: { columns: ['NAME', 'ENDPOINTS', 'AGE'], wide: [], row: (o, ctx) => [o.metadata.name, formatEndpoints(o as Endpoints), created(o, ctx)] },
  EndpointSlice: {
    columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    wide: [],
    row: (o, ctx) => {
      const s = o as EndpointSlice;
      const ports = (s.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*')));
      const addrs = (s.endpoints ?? []).flatMap((e) => e.addresses);
      return [s.metadata.name, s.addressType, listWithMore(ports, 3, '<unset>'), listWithMore(addrs, 3, '<unset>'), created(s, ctx)];
    },
  },
  Ingress: {
    columns: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    wide: [],
    row: (o, ctx) => {
      const i = o as Ingress;
      const address = loadBalancerStatus(i.status?.loadBalancer?.ingress, ctx.wide);
      return [i.metadata.name, i.spec.ingressClassName ?? '<none>', ingressHosts(i), address, i.spec.tls?.length ? '80, 443' : '80', created(i, ctx)];
    },
  },
  NetworkPolicy: { columns: ['NAME', 'POD-SELECTOR', 'AGE'], wide: [], row: (o, ctx) => [o.metadata.name, formatLabelSelector((o as NetworkPolicy).spec.podSelector), created(o, ctx)] },
  Namespace: { columns: ['NAME', 'STATUS', 'AGE'], wide: [], row: (o, ctx) => [o.metadata.name, (o as Namespace).status?.phase ?? 'Active', created(o, ctx)] },
  Node: {
    columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (o, ctx) => {
      const n = o as Node;
      const ready = n.status.conditions.find((c) => c.type === 'Ready');
      const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown', ...(n.spec.unschedulable ? ['SchedulingDisabled'] : [])].join(',');
      const row = [n.metadata.name, status, nodeRoles(n), created(n, ctx), n.status.nodeInfo.kubeletVersion];
      if (ctx.wide) {
        const addr = (t: string): string => n.status.addresses.find((a) => a.type === t)?.address ?? '<none>';
        const info = n.status.nodeInfo;
        row.push(addr('InternalIP'), addr('ExternalIP'), info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>');
      }
      return row;
    },
  },
  ConfigMap: { columns: ['NAME', 'DATA', 'AGE'], wide: [], row: (o, ctx) => [o.metadata.name, String(Object.keys((o as ConfigMap).data ?? {}).length + Object.keys((o.binaryData as object | undefined) ?? {}).length), created(o, ctx)] },
  Secret: { columns: ['NAME', 'TYPE', 'DATA', 'AGE'], wide: [], row: (o, ctx) => [o.metadata.name, (o as Secret).type ?? 'Opaque', String(Object.keys((o as Secret).data ?? {}).length), created(o, ctx)] },
  ServiceAccount: { columns: ['NAME', 'SECRETS', 'AGE'], wide: [], row: (o, ctx) => [o.metadata.name, String(((o.secrets as unknown[] | undefined) ?? []).length), created(o, ctx)] },
  Event: {
    columns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wide: [],
    wideHeader: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
    row: (o, ctx) => {
      const e = o as KubeEvent;
      const object = `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
      if (!ctx.wide) return [age(e.lastTimestamp, ctx.now), e.type, e.reason, object, e.message.trim()];
      const source = `${e.source.component}${e.source.host ? `, ${e.source.host}` : ''}`;
      return [age(e.lastTimestamp, ctx.now), e.type, e.reason, object, '', source, e.message.trim(), age(e.firstTimestamp, ctx.now), String(e.count), e.metadata.name];
    },
  },
  DaemonSet: {
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, ctx) => {
      const st = (o.status ?? {}) as Record<string, number | undefined>;
      const spec = o.spec as { selector: LabelSelector; template: { spec: Pod['spec'] } };
      const n = (k: string): string => String(st[k] ?? 0);
      const row = [o.metadata.name, n('desiredNumberScheduled'), n('currentNumberScheduled'), n('numberReady'), n('updatedNumberScheduled'), n('numberAvailable'), formatLabels(spec.template.spec.nodeSelector), created(o, ctx)];
      return workloadWide(row, ctx, spec, formatLabelSelector(spec.selector));
    },
  },
  StatefulSet: {
    columns: ['NAME', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES'],
    row: (o, ctx) => {
      const st = (o.status ?? {}) as { readyReplicas?: number };
      const spec = o.spec as { replicas?: number; template: { spec: Pod['spec'] } };
      const row = [o.metadata.name, `${st.readyReplicas ?? 0}/${spec.replicas ?? 1}`, created(o, ctx)];
      if (ctx.wide) row.push(...containerCells(spec.template.spec.containers));
      return row;
    },
  },
  Job: {
    columns: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, ctx) => {
      const st = (o.status ?? {}) as { succeeded?: number; failed?: number; startTime?: string; completionTime?: string; conditions?: { type: string; status: string }[] };
      const spec = o.spec as { completions?: number; selector?: LabelSelector; template: { spec: Pod['spec'] } };
      const done = st.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type;
      const status = done === 'Complete' ? 'Complete' : done === 'Failed' ? 'Failed' : 'Running';
      const end = st.completionTime ? Date.parse(st.completionTime) : ctx.now;
      const duration = st.startTime ? humanDuration(end - Date.parse(st.startTime)) : '';
      const row = [o.metadata.name, status, `${st.succeeded ?? 0}/${spec.completions ?? 1}`, duration, created(o, ctx)];
      return workloadWide(row, ctx, spec, formatLabelSelector(spec.selector));
    },
  },
  IngressClass: {
    columns: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
    wide: [],
    row: (o, ctx) => [o.metadata.name, String((o.spec as { controller?: string } | undefined)?.controller ?? ''), '<none>', created(o, ctx)],
  },
};

/** A table for kinds without a dedicated printer: NAME and AGE, as the apiserver's default table convertor gives. */
export const DEFAULT_TABLE: TableDef = { columns: ['NAME', 'AGE'], wide: [], row: (o, ctx) => [o.metadata.name, created(o, ctx)] };
