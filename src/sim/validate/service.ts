/**
 * Service validation in the apiserver's wording (kubernetes `pkg/apis/core/validation/validation.go`,
 * `ValidateService` and `validateServicePort`), run after defaulting.
 */
import type { FieldError } from '../errors.js';
import type { ServicePort, ServiceSpec } from '../types.js';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

const supported = (values: string[]): string => `supported values: ${values.map((v) => JSON.stringify(v)).join(', ')}`;
const isPort = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;

/** Go's `%#v` of the `core.ServicePort` key used in duplicate-port errors. */
function goPortKey(p: ServicePort): string {
  return `core.ServicePort{Name:"", Protocol:"${p.protocol ?? 'TCP'}", AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function validateTargetPort(p: ServicePort, path: string): FieldError[] {
  const t = p.targetPort;
  if (typeof t === 'number') return isPort(t) ? [] : [{ path, type: 'Invalid value', value: String(t), detail: PORT_RANGE }];
  if (typeof t !== 'string') return [];
  if (t.length > 15) return [{ path, type: 'Invalid value', value: JSON.stringify(t), detail: 'must be no more than 15 characters' }];
  if (!IANA_SVC_NAME.test(t)) return [{ path, type: 'Invalid value', value: JSON.stringify(t), detail: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)' }];
  if (!/[a-z]/.test(t)) return [{ path, type: 'Invalid value', value: JSON.stringify(t), detail: 'must contain at least one letter (a-z)' }];
  return [];
}

function validatePorts(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push({ path: 'spec.ports', type: 'Required value' });
  const names = new Set<string>();
  const keys = new Set<string>();
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push({ path: `${path}.name`, type: 'Required value' });
    if (p.name) {
      if (names.has(p.name)) errs.push({ path: `${path}.name`, type: 'Duplicate value', value: JSON.stringify(p.name) });
      else if (!DNS1123_LABEL.test(p.name)) {
        errs.push({ path: `${path}.name`, type: 'Invalid value', value: JSON.stringify(p.name), detail: `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')` });
      }
      names.add(p.name);
    }
    if (!isPort(p.port)) errs.push({ path: `${path}.port`, type: 'Invalid value', value: String(p.port), detail: PORT_RANGE });
    const proto = p.protocol ?? 'TCP';
    if (!PROTOCOLS.includes(proto)) errs.push({ path: `${path}.protocol`, type: 'Unsupported value', value: JSON.stringify(proto), detail: supported(PROTOCOLS) });
    errs.push(...validateTargetPort(p, `${path}.targetPort`));
    const key = `${p.port}/${proto}`;
    if (keys.has(key)) errs.push({ path, type: 'Duplicate value', value: goPortKey(p) });
    keys.add(key);
    if (p.nodePort) {
      if (spec.type === 'ClusterIP') errs.push({ path: `${path}.nodePort`, type: 'Forbidden', detail: "may not be used when `type` is 'ClusterIP'" });
      const nk = `${p.nodePort}/${proto}`;
      if (nodePorts.has(nk)) errs.push({ path: `${path}.nodePort`, type: 'Duplicate value', value: String(p.nodePort) });
      nodePorts.add(nk);
    }
  });
  return errs;
}

/** Validates a defaulted Service spec; returns every field error, in the apiserver's order. */
export function validateServiceSpec(spec: ServiceSpec & { sessionAffinity?: string }): FieldError[] {
  const errs: FieldError[] = [];
  const type = spec.type as string;
  if (!TYPES.includes(type)) errs.push({ path: 'spec.type', type: 'Unsupported value', value: JSON.stringify(type), detail: supported(TYPES) });
  if (type === 'ExternalName') {
    if (!spec.externalName) errs.push({ path: 'spec.externalName', type: 'Required value' });
    else if (!DNS1123_SUBDOMAIN.test(spec.externalName.replace(/\.$/, ''))) {
      errs.push({ path: 'spec.externalName', type: 'Invalid value', value: JSON.stringify(spec.externalName), detail: `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')` });
    }
    if (spec.clusterIP && spec.clusterIP !== '') {
      errs.push({ path: 'spec.clusterIPs', type: 'Invalid value', value: `[]string{${JSON.stringify(spec.clusterIP)}}`, detail: 'may not be set for ExternalName services' });
    }
  }
  if (spec.clusterIP && spec.clusterIP !== 'None' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(spec.clusterIP)) {
    errs.push({ path: 'spec.clusterIPs[0]', type: 'Invalid value', value: JSON.stringify(spec.clusterIP), detail: 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' });
  }
  if (spec.clusterIP === 'None' && (type === 'NodePort' || type === 'LoadBalancer')) {
    errs.push({ path: 'spec.clusterIPs[0]', type: 'Invalid value', value: '"None"', detail: `may not be set to 'None' for ${type} services` });
  }
  errs.push(...validatePorts(spec));
  const affinity = spec.sessionAffinity ?? 'None';
  if (!['ClientIP', 'None'].includes(affinity)) errs.push({ path: 'spec.sessionAffinity', type: 'Unsupported value', value: JSON.stringify(affinity), detail: supported(['ClientIP', 'None']) });
  for (const [field, value] of [['externalTrafficPolicy', spec.externalTrafficPolicy], ['internalTrafficPolicy', spec.internalTrafficPolicy]] as const) {
    if (value !== undefined && value !== 'Cluster' && value !== 'Local') errs.push({ path: `spec.${field}`, type: 'Unsupported value', value: JSON.stringify(value), detail: supported(['Cluster', 'Local']) });
  }
  if (spec.externalTrafficPolicy !== undefined && type !== 'NodePort' && type !== 'LoadBalancer') {
    errs.push({ path: 'spec.externalTrafficPolicy', type: 'Invalid value', value: JSON.stringify(spec.externalTrafficPolicy), detail: 'may only be set for externally-accessible services' });
  }
  return errs;
}
