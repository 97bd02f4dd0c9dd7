/**
 * Service admission as the apiserver's Service REST storage does it: defaulting (`SetDefaults_Service`), keeping the
 * allocated ClusterIP and node ports across `kubectl apply` (the three-way merge keeps server-set fields), dropping
 * fields a type change makes meaningless (`dropTypeDependentFields`), validation, then allocation of ClusterIPs from
 * the Service CIDR 10.96.0.0/12 and node ports from 30000-32767 (explicit or allocated). Allocations are derived from
 * the store, so deleting a Service releases its IP and ports.
 * https://kubernetes.io/docs/concepts/services-networking/service/ and kubernetes `pkg/registry/core/service/storage`.
 */
import { fnv32a } from '../lib/hash.js';
import type { Cluster } from './cluster.js';
import type { FieldError } from './errors.js';
import type { Service, ServicePort, ServiceSpec } from './types.js';
import { validateServiceSpec } from './validate/service.js';

/** The Service CIDR (kubeadm and minikube default). */
export const SERVICE_CIDR = '10.96.0.0/12';
/** The node port range (`--service-node-port-range`). */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

const CIDR_BASE = ipToInt('10.96.0.0');
const CIDR_SIZE = 1 << 20;
/** The lower band of the range is kept for explicit requests; dynamic allocation prefers the rest (KEP-3070). */
const IP_STATIC_BAND = 256;
const PORT_STATIC_BAND = 128;

/** Fields the apiserver adds that `types.ts` does not list. */
export type ServiceSpecFull = ServiceSpec & {
  allocateLoadBalancerNodePorts?: boolean;
  healthCheckNodePort?: number;
  sessionAffinityConfig?: { clientIP: { timeoutSeconds: number } };
};

/** Dotted quad to a 32-bit unsigned integer (NaN when not an IPv4 address). */
export function ipToInt(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return NaN;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

/** A 32-bit unsigned integer to a dotted quad. */
export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** True when `ip` is inside 10.96.0.0/12. */
export function inServiceCidr(ip: string): boolean {
  const n = ipToInt(ip);
  return n >= CIDR_BASE && n < CIDR_BASE + CIDR_SIZE;
}

/** True when a Service type gets node ports. */
export function needsNodePorts(spec: ServiceSpecFull): boolean {
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
}

function services(c: Cluster): Service[] {
  return [...(c.state.objects.get('Service')?.values() ?? [])] as Service[];
}

function isSelf(s: Service, svc: Service): boolean {
  return s.metadata.namespace === svc.metadata.namespace && s.metadata.name === svc.metadata.name;
}

/** ClusterIPs held by every other Service. */
function usedIPs(c: Cluster, svc: Service): Set<string> {
  const used = new Set<string>();
  for (const s of services(c)) if (!isSelf(s, svc)) for (const ip of s.spec.clusterIPs ?? [s.spec.clusterIP ?? '']) used.add(ip);
  return used;
}

/** Node ports (and health-check node ports) held by every other Service. */
function usedNodePorts(c: Cluster, svc: Service): Set<number> {
  const used = new Set<number>();
  for (const s of services(c)) {
    if (isSelf(s, svc)) continue;
    for (const p of s.spec.ports ?? []) if (p.nodePort) used.add(p.nodePort);
    const hc = (s.spec as ServiceSpecFull).healthCheckNodePort;
    if (hc) used.add(hc);
  }
  return used;
}

/** A deterministic pick that differs between Services and between re-creations (the uid counter moves). */
function seed(c: Cluster, svc: Service, salt: string): number {
  return fnv32a(`${svc.metadata.namespace}/${svc.metadata.name}#${c.state.nextUid}#${salt}`);
}

function allocateIP(c: Cluster, svc: Service, used: Set<string>): string | undefined {
  const span = CIDR_SIZE - IP_STATIC_BAND - 1;
  const start = seed(c, svc, 'ip') % span;
  for (let i = 0; i < span; i++) {
    const ip = intToIp(CIDR_BASE + IP_STATIC_BAND + ((start + i) % span));
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

function allocatePort(c: Cluster, svc: Service, used: Set<number>, salt: string): number | undefined {
  const span = NODE_PORT_MAX - NODE_PORT_MIN + 1 - PORT_STATIC_BAND;
  const start = seed(c, svc, salt) % span;
  for (let i = 0; i < span; i++) {
    const port = NODE_PORT_MIN + PORT_STATIC_BAND + ((start + i) % span);
    if (!used.has(port)) return port;
  }
  return undefined;
}

/**
 * What `kubectl apply` keeps from the live object when the manifest omits it: the ClusterIP(s) and each port's node
 * port (matched by port and protocol), unless the new type does not use them.
 */
function mergeAllocated(spec: ServiceSpecFull, old: ServiceSpecFull): void {
  const type = spec.type ?? 'ClusterIP';
  if (type !== 'ExternalName' && spec.clusterIP === undefined && spec.clusterIPs === undefined && old.clusterIP) {
    spec.clusterIP = old.clusterIP;
    spec.clusterIPs = old.clusterIPs ? [...old.clusterIPs] : [old.clusterIP];
  }
  for (const p of spec.ports ?? []) {
    if (p.nodePort !== undefined) continue;
    const prev = old.ports?.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
    if (prev?.nodePort && needsNodePorts(spec)) p.nodePort = prev.nodePort;
  }
  if (spec.healthCheckNodePort === undefined && old.healthCheckNodePort) spec.healthCheckNodePort = old.healthCheckNodePort;
}

/** `dropTypeDependentFields`: unchanged node ports are cleared when the type no longer uses them, and so on. */
function dropTypeDependent(spec: ServiceSpecFull, old: ServiceSpecFull): void {
  if (!needsNodePorts(spec)) {
    for (const p of spec.ports ?? []) {
      const prev = old.ports?.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (p.nodePort !== undefined && prev?.nodePort === p.nodePort) delete p.nodePort;
    }
  }
  if (spec.type === 'ExternalName' && old.type !== 'ExternalName' && spec.clusterIP === old.clusterIP) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer' && spec.externalTrafficPolicy === old.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  const wantsHealthCheck = spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
  if (!wantsHealthCheck && spec.healthCheckNodePort === old.healthCheckNodePort) delete spec.healthCheckNodePort;
}

/** `SetDefaults_Service` plus the registry's defaults (ipFamilies, traffic policies). */
function applyDefaults(spec: ServiceSpecFull): void {
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig ??= { clientIP: { timeoutSeconds: 10800 } };
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.type === 'ExternalName') return;
  spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  if (spec.clusterIP !== undefined && spec.clusterIPs === undefined && spec.clusterIP !== '') spec.clusterIPs = [spec.clusterIP];
  if (spec.clusterIP === undefined && spec.clusterIPs?.[0]) spec.clusterIP = spec.clusterIPs[0];
  spec.ipFamilyPolicy ??= 'SingleStack';
  // A single-stack IPv4 cluster: PreferDualStack keeps only the family it has.
  if (spec.ipFamilyPolicy === 'PreferDualStack' && spec.ipFamilies) spec.ipFamilies = spec.ipFamilies.includes('IPv4') ? ['IPv4'] : spec.ipFamilies;
  spec.ipFamilies ??= ['IPv4'];
}

/** The cluster is IPv4 single-stack (`initIPFamilyFields`): IPv6 and RequireDualStack are refused. */
function ipFamilyErrors(spec: ServiceSpecFull): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    return [{ path: 'spec.ipFamilyPolicy', type: 'Invalid value', value: '"RequireDualStack"', detail: 'this cluster is not configured for dual-stack services' }];
  }
  return (spec.ipFamilies ?? []).flatMap((f, i) => (f === 'IPv4' ? [] : [{ path: `spec.ipFamilies[${i}]`, type: 'Invalid value' as const, value: JSON.stringify(f), detail: 'not configured on this cluster' }]));
}

const vec = (ips: string[]): string => `[]string{${ips.map((i) => JSON.stringify(i)).join(', ')}}`;

/** Allocates (or checks) the ClusterIP and node ports; returns the apiserver's errors. */
function allocate(c: Cluster, svc: Service, old: Service | undefined): FieldError[] {
  const spec = svc.spec as ServiceSpecFull;
  const errs: FieldError[] = [];
  if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None') {
    const oldIP = old?.spec.clusterIP;
    if (!spec.clusterIP) {
      const ip = allocateIP(c, svc, usedIPs(c, svc));
      if (!ip) return [{ path: 'spec.clusterIPs', type: 'Invalid value', value: vec([]), detail: 'failed to allocate IP: range is full' }];
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    } else if (spec.clusterIP !== oldIP) {
      const ips = spec.clusterIPs ?? [spec.clusterIP];
      if (!inServiceCidr(spec.clusterIP)) {
        errs.push({ path: 'spec.clusterIPs', type: 'Invalid value', value: vec(ips), detail: `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}` });
      } else if (usedIPs(c, svc).has(spec.clusterIP)) {
        errs.push({ path: 'spec.clusterIPs', type: 'Invalid value', value: vec(ips), detail: `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated` });
      }
    }
  }
  if (needsNodePorts(spec) || spec.type === 'LoadBalancer') {
    const used = usedNodePorts(c, svc);
    (spec.ports ?? []).forEach((p: ServicePort, i) => {
      if (p.nodePort === undefined || p.nodePort === 0) {
        if (!needsNodePorts(spec)) return;
        const port = allocatePort(c, svc, used, `port${i}`);
        if (port === undefined) {
          errs.push({ path: `spec.ports[${i}].nodePort`, type: 'Invalid value', value: '0', detail: 'range is full' });
          return;
        }
        p.nodePort = port;
        used.add(port);
        return;
      }
      const prev = old?.spec.ports?.some((o) => o.nodePort === p.nodePort);
      if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        errs.push({ path: `spec.ports[${i}].nodePort`, type: 'Invalid value', value: String(p.nodePort), detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}` });
      } else if (!prev && used.has(p.nodePort)) {
        errs.push({ path: `spec.ports[${i}].nodePort`, type: 'Invalid value', value: String(p.nodePort), detail: 'provided port is already allocated' });
      }
      used.add(p.nodePort);
    });
    if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' && !spec.healthCheckNodePort) {
      spec.healthCheckNodePort = allocatePort(c, svc, used, 'healthcheck');
    }
  }
  return errs;
}

/** Errors for changing a set ClusterIP (`validateUpgradeDowngradeClusterIPs`). */
function immutableErrors(spec: ServiceSpecFull, old: ServiceSpecFull): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  const oldIPs = old.clusterIPs ?? (old.clusterIP ? [old.clusterIP] : []);
  const now = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  return oldIPs.flatMap((ip, i) => (now[i] !== undefined && now[i] !== ip ? [{ path: `spec.clusterIPs[${i}]`, type: 'Invalid value' as const, value: vec(now), detail: 'may not change once set' }] : []));
}

/**
 * Admits a Service being created, applied or updated: mutates it in place (defaults, kept and new allocations) and
 * returns the field errors the apiserver would report (validation first; allocation only for a valid object).
 */
export function admitService(c: Cluster, svc: Service): FieldError[] {
  svc.spec = (svc.spec ?? {}) as ServiceSpec;
  const spec = svc.spec as ServiceSpecFull;
  const existing = c.get<Service>('Service', svc.metadata.namespace, svc.metadata.name);
  if (existing) {
    mergeAllocated(spec, existing.spec);
    dropTypeDependent(spec, existing.spec);
  }
  applyDefaults(spec);
  const errs = validateServiceSpec(spec);
  errs.push(...ipFamilyErrors(spec));
  if (existing) errs.push(...immutableErrors(spec, existing.spec));
  if (errs.length) return errs;
  return allocate(c, svc, existing);
}

/**
 * minikube tunnel: while it runs, every LoadBalancer Service's `status.loadBalancer.ingress[0].ip` is its ClusterIP
 * (the tunnel routes the Service CIDR through the node); without it EXTERNAL-IP stays `<pending>`.
 * https://minikube.sigs.k8s.io/docs/commands/tunnel/
 */
export function loadBalancerController(c: Cluster): void {
  for (const svc of services(c)) {
    const want = c.state.tunnel && svc.spec.type === 'LoadBalancer' && svc.spec.clusterIP ? [{ ip: svc.spec.clusterIP }] : undefined;
    const have = svc.status?.loadBalancer?.ingress;
    const same = want ? have?.length === 1 && have[0]!.ip === want[0]!.ip : !have;
    if (same) continue;
    svc.status = { loadBalancer: want ? { ingress: want } : {} };
    c.touch();
  }
}
