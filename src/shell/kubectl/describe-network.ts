/**
 * `kubectl describe` for Service, Endpoints, Ingress and NetworkPolicy, with kubectl's wording and field order
 * (`describeService`, `describeEndpoints`, `describeIngressV1`, `describeNetworkPolicy` in `pkg/describe/describe.go`).
 */
import { formatLabels, type LabelSelector } from '../../lib/labels.js';
import type { Cluster, EndpointSlice, Endpoints, Ingress, IngressBackend, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, Service } from '../../sim/index.js';
import { DescribeWriter } from './describe-writer.js';
import { formatLabelSelector, goTimeString } from './printers/format.js';
import { loadBalancerStatus } from './printers/tables.js';

/** `formatEndpointSlices`: ready `ip:port` for the port named `portName`, at most 3 then `+ N more...`. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  for (const s of slices) {
    if (!s.ports?.length) {
      for (const e of s.endpoints ?? []) if (e.conditions.ready !== false) list.push(e.addresses[0]!);
      continue;
    }
    for (const p of s.ports) {
      if (portName !== undefined && (p.name ?? '') !== portName) continue;
      for (const e of s.endpoints ?? []) if (e.conditions.ready !== false) list.push(`${e.addresses[0]}:${p.port}`);
    }
  }
  if (list.length > 3) return `${list.slice(0, 3).join(',')} + ${list.length - 3} more...`;
  return list.join(',');
}

function slicesFor(c: Cluster, ns: string | undefined, svc: string): EndpointSlice[] {
  return c.list<EndpointSlice>('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
}

/** `describeService`. */
export function describeService(c: Cluster, s: Service, events = true): string {
  const w = new DescribeWriter(c.now());
  const slices = slicesFor(c, s.metadata.namespace, s.metadata.name);
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace}\n`);
  w.labels('Labels', s.metadata.labels);
  w.annotations('Annotations', s.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(s.spec.selector)}\n`);
  w.write(0, `Type:\t${s.spec.type ?? 'ClusterIP'}\n`);
  if (s.spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${s.spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${s.spec.ipFamilies?.length ? s.spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${s.spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${s.spec.clusterIPs?.length ? s.spec.clusterIPs.join(',') : '<none>'}\n`);
  if (s.spec.externalIPs?.length) w.write(0, `External IPs:\t${s.spec.externalIPs.join(',')}\n`);
  if (s.spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${s.spec.loadBalancerIP}\n`);
  if (s.spec.externalName) w.write(0, `External Name:\t${s.spec.externalName}\n`);
  const lb = s.status?.loadBalancer?.ingress ?? [];
  if (lb.length) w.write(0, `LoadBalancer Ingress:\t${lb.map((i) => i.ip || i.hostname || '').join(', ')}\n`);
  for (const p of s.spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
    if (p.appProtocol) w.write(0, `AppProtocol:\t${p.appProtocol}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${s.spec.sessionAffinity ?? 'None'}\n`);
  if (s.spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${s.spec.externalTrafficPolicy}\n`);
  if (s.spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${s.spec.internalTrafficPolicy}\n`);
  if (events) w.events(c.eventsFor(s));
  return w.done();
}

/** `describeEndpoints`. */
export function describeEndpoints(c: Cluster, ep: Endpoints, events = true): string {
  const w = new DescribeWriter(c.now());
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace}\n`);
  w.labels('Labels', ep.metadata.labels);
  w.annotations('Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if (ss.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ss.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    w.write(0, '\n');
  }
  if (events) w.events(c.eventsFor(ep));
  return w.done();
}

function backend(c: Cluster, ns: string | undefined, b: IngressBackend): string {
  if (b.service) {
    const sb = `${b.service.name}:${b.service.port.number ?? b.service.port.name ?? ''}`;
    const svc = c.get<Service>('Service', ns, b.service.name);
    if (!svc) return `${sb} (<error: services "${b.service.name}" not found>)`;
    let spName = '';
    for (const sp of svc.spec.ports ?? []) {
      if ((b.service.port.number && b.service.port.number === sp.port) || (b.service.port.name && b.service.port.name === sp.name)) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slicesFor(c, ns, b.service.name), spName)})`;
  }
  if (b.resource) return `APIGroup: ${b.resource.apiGroup ?? '<none>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  return '';
}

/** `describeIngressV1`. */
export function describeIngress(c: Cluster, ing: Ingress, events = true): string {
  const w = new DescribeWriter(c.now());
  const ns = ing.metadata.namespace;
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  w.labels('Labels', ing.metadata.labels);
  w.write(0, `Namespace:\t${ns}\n`);
  w.write(0, `Address:\t${loadBalancerStatus(ing.status?.loadBalancer?.ingress, true)}\n`);
  w.write(0, `Ingress Class:\t${ing.spec.ingressClassName ?? '<none>'}\n`);
  const def = ing.spec.defaultBackend ? backend(c, ns, ing.spec.defaultBackend) : '<default>';
  w.write(0, `Default backend:\t${def}\n`);
  if (ing.spec.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of ing.spec.tls) w.write(1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`);
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const r of ing.spec.rules ?? []) {
    if (!r.http) continue;
    count++;
    w.write(1, `${r.host || '*'}\t\n`);
    for (const p of r.http.paths) w.write(2, `\t${p.path ?? ''} \t${backend(c, ns, p.backend)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${def}\n`);
  w.annotations('Annotations', ing.metadata.annotations);
  if (events) w.events(c.eventsFor(ing));
  return w.done();
}

function peers(w: DescribeWriter, list: NetworkPolicyPeer[] | undefined, word: 'From' | 'To', indent: string): void {
  if (!list?.length) {
    w.write(0, `${indent}${word === 'From' ? 'From: <any> (traffic not restricted by source)' : 'To: <any> (traffic not restricted by destination)'}\n`);
    return;
  }
  for (const p of list) {
    w.write(0, `${indent}${word}:\n`);
    const sel = (s: LabelSelector): string => formatLabelSelector(s);
    if (p.podSelector && p.namespaceSelector) {
      w.write(1, `${indent}NamespaceSelector: ${sel(p.namespaceSelector)}\n`);
      w.write(1, `${indent}PodSelector: ${sel(p.podSelector)}\n`);
    } else if (p.podSelector) w.write(1, `${indent}PodSelector: ${sel(p.podSelector)}\n`);
    else if (p.namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${sel(p.namespaceSelector)}\n`);
    else if (p.ipBlock) {
      w.write(1, `${indent}IPBlock:\n`);
      w.write(2, `${indent}CIDR: ${p.ipBlock.cidr}\n`);
      w.write(2, `${indent}Except: ${(p.ipBlock.except ?? []).join(', ')}\n`);
    }
  }
}

function rules(w: DescribeWriter, rs: { ports?: NetworkPolicyPort[]; peers?: NetworkPolicyPeer[] }[], word: 'From' | 'To', isolated: string): void {
  const indent = '    ';
  if (rs.length === 0) {
    w.write(0, `${indent}${isolated}\n`);
    return;
  }
  rs.forEach((r, i) => {
    if (!r.ports?.length) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of r.ports ?? []) {
      const proto = p.protocol ?? 'TCP';
      w.write(0, p.endPort === undefined ? `${indent}To Port: ${p.port ?? '<nil>'}/${proto}\n` : `${indent}To Port Range: ${p.port}-${p.endPort}/${proto}\n`);
    }
    peers(w, r.peers, word, indent);
    if (i !== rs.length - 1) w.write(0, `${indent}----------\n`);
  });
}

/** `describeNetworkPolicy`, with its prose (`Allowing ingress traffic:`, `Not affecting egress traffic`). */
export function describeNetworkPolicy(c: Cluster, np: NetworkPolicy): string {
  const w = new DescribeWriter(c.now());
  const spec = np.spec;
  w.write(0, `Name:\t${np.metadata.name}\n`);
  w.write(0, `Namespace:\t${np.metadata.namespace}\n`);
  w.write(0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
  w.labels('Labels', np.metadata.labels);
  w.annotations('Annotations', np.metadata.annotations);
  w.write(0, 'Spec:\n');
  w.write(1, 'PodSelector: ');
  const empty = !Object.keys(spec.podSelector?.matchLabels ?? {}).length && !(spec.podSelector?.matchExpressions ?? []).length;
  w.write(2, empty ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatLabelSelector(spec.podSelector)}\n`);
  const types = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    rules(w, (spec.ingress ?? []).map((r) => ({ ports: r.ports, peers: r.from })), 'From', '<none> (Selected pods are isolated for ingress connectivity)');
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    rules(w, (spec.egress ?? []).map((r) => ({ ports: r.ports, peers: r.to })), 'To', '<none> (Selected pods are isolated for egress connectivity)');
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.join(', ') || '<none>'}\n`);
  return w.done();
}

/** `describeEndpointSliceV1`. */
export function describeEndpointSlice(c: Cluster, s: EndpointSlice, events = true): string {
  const w = new DescribeWriter(c.now());
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace}\n`);
  w.labels('Labels', s.metadata.labels);
  w.annotations('Annotations', s.metadata.annotations);
  w.write(0, `AddressType:\t${s.addressType}\n`);
  if (!s.ports?.length) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of s.ports) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`);
  }
  if (!s.endpoints?.length) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of s.endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.conditions.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${(e as { zone?: string }).zone ?? '<unset>'}\n`);
    }
  }
  if (events) w.events(c.eventsFor(s));
  return w.done();
}
