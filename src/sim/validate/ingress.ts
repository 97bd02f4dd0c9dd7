/**
 * Ingress and IngressClass validation in the apiserver's wording, plus the DefaultIngressClass admission plugin
 * (a new Ingress without a class gets the default IngressClass, `nginx` once minikube's ingress addon is enabled).
 * Mirrors kubernetes `pkg/apis/networking/validation/validation.go` (ValidateIngressCreate, validateIngressBackend,
 * validateHTTPIngressPath) and apimachinery's `IsDNS1123Subdomain`, `IsWildcardDNS1123Subdomain`, `IsDNS1035Label`,
 * `IsValidPortName`. https://kubernetes.io/docs/concepts/services-networking/ingress/
 */
import type { Cluster } from '../cluster.js';
import type { FieldError } from '../errors.js';
import { DEFAULT_CLASS_ANNOTATION, LEGACY_CLASS_ANNOTATION, type IngressClass } from '../ingress.js';
import type { HTTPIngressPath, Ingress, IngressBackend, KubeObject } from '../types.js';

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const WILDCARD_SUBDOMAIN = `\\*\\.${DNS1123_SUBDOMAIN}`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';

const SUBDOMAIN_MSG = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${DNS1123_SUBDOMAIN}')`;
const WILDCARD_MSG = `a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '${WILDCARD_SUBDOMAIN}')`;
const DNS1035_MSG = `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '${DNS1035_LABEL}')`;

const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const q = (s: unknown): string => JSON.stringify(s ?? '');

/** `IsDNS1123Subdomain`: the messages for a host or name that is not a DNS subdomain. */
export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!new RegExp(`^${DNS1123_SUBDOMAIN}$`).test(value)) errs.push(SUBDOMAIN_MSG);
  return errs;
}

function wildcardErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!new RegExp(`^${WILDCARD_SUBDOMAIN}$`).test(value)) errs.push(WILDCARD_MSG);
  return errs;
}

function serviceNameErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!new RegExp(`^${DNS1035_LABEL}$`).test(value)) errs.push(DNS1035_MSG);
  return errs;
}

/** `IsValidPortName`: an IANA_SVC_NAME. */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens (-)');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen (-)');
  return errs;
}

/** `validateIngressBackend`: exactly one of service or resource; a service needs a name and a port name or number. */
function validateBackend(b: IngressBackend | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const hasResource = !!b?.resource;
  const svc = b?.service;
  if (hasResource && svc) return [{ path, type: 'Invalid value', value: '""', detail: 'cannot set both resource and service backends' }];
  if (hasResource) {
    const r = b!.resource!;
    if (r.apiGroup !== undefined) for (const m of dns1123SubdomainErrors(r.apiGroup)) errs.push({ path: `${path}.resource.apiGroup`, type: 'Invalid value', value: q(r.apiGroup), detail: m });
    if (!r.kind) errs.push({ path: `${path}.resource.kind`, type: 'Required value', detail: 'kind is required' });
    if (!r.name) errs.push({ path: `${path}.resource.name`, type: 'Required value', detail: 'name is required' });
    return errs;
  }
  if (!svc) return [{ path, type: 'Invalid value', value: '""', detail: 'resource or service backend is required' }];
  if (!svc.name) errs.push({ path: `${path}.service.name`, type: 'Required value' });
  else for (const m of serviceNameErrors(svc.name)) errs.push({ path: `${path}.service.name`, type: 'Invalid value', value: q(svc.name), detail: m });
  const name = svc.port?.name ?? '';
  const num = svc.port?.number ?? 0;
  if (name && num) errs.push({ path, type: 'Invalid value', value: '""', detail: 'cannot set both port name & port number' });
  else if (name) for (const m of portNameErrors(name)) errs.push({ path: `${path}.service.port.name`, type: 'Invalid value', value: q(name), detail: m });
  else if (num) {
    if (!Number.isInteger(num) || num < 1 || num > 65535) errs.push({ path: `${path}.service.port.number`, type: 'Invalid value', value: String(num), detail: 'must be between 1 and 65535, inclusive' });
  } else errs.push({ path, type: 'Required value', detail: 'port name or number is required' });
  return errs;
}

/** `validateHTTPIngressPath`: pathType is required (and nothing else is checked without it), paths are absolute. */
function validatePath(p: HTTPIngressPath, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = p.pathType as string | undefined;
  if (type === undefined || type === null) return [{ path: `${path}.pathType`, type: 'Required value', detail: 'pathType must be specified' }];
  const value = p.path ?? '';
  if (type === 'Exact' || type === 'Prefix') {
    if (!value.startsWith('/')) errs.push({ path: `${path}.path`, type: 'Invalid value', value: q(value), detail: 'must be an absolute path' });
    if (value.length > 0) {
      for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push({ path: `${path}.path`, type: 'Invalid value', value: q(value), detail: `must not contain '${seq}'` });
      for (const suf of INVALID_PATH_SUFFIXES) if (value.endsWith(suf)) errs.push({ path: `${path}.path`, type: 'Invalid value', value: q(value), detail: `cannot end with '${suf}'` });
    }
  } else if (type === 'ImplementationSpecific') {
    if (value.length > 0 && !value.startsWith('/')) errs.push({ path: `${path}.path`, type: 'Invalid value', value: q(value), detail: 'must be an absolute path' });
  } else {
    errs.push({ path: `${path}.pathType`, type: 'Unsupported value', value: q(type), detail: 'supported values: "Exact", "ImplementationSpecific", "Prefix"' });
  }
  errs.push(...validateBackend(p.backend, `${path}.backend`));
  return errs;
}

function validateHost(host: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (IPV4.test(host) || host.includes(':')) errs.push({ path, type: 'Invalid value', value: q(host), detail: 'must be a DNS name, not an IP address' });
  const msgs = host.includes('*') ? wildcardErrors(host) : dns1123SubdomainErrors(host);
  for (const m of msgs) errs.push({ path, type: 'Invalid value', value: q(host), detail: m });
  return errs;
}

/** `ValidateIngressSpec` (+ the create-time class annotation check). */
function validateIngressSpec(ing: Ingress, creating: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const spec = ing.spec ?? {};
  const rules = spec.rules;
  if ((rules?.length ?? 0) === 0 && !spec.defaultBackend) {
    const shown = rules ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)';
    errs.push({ path: 'spec', type: 'Invalid value', value: shown, detail: 'either `defaultBackend` or `rules` must be specified' });
  }
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  (rules ?? []).forEach((rule, i) => {
    if (rule.host) errs.push(...validateHost(rule.host, `spec.rules[${i}].host`));
    if (!rule.http) return;
    const paths = rule.http.paths ?? [];
    if (paths.length === 0) errs.push({ path: `spec.rules[${i}].http.paths`, type: 'Required value' });
    paths.forEach((p, j) => errs.push(...validatePath(p, `spec.rules[${i}].http.paths[${j}]`)));
  });
  (spec.tls ?? []).forEach((t, i) => {
    (t.hosts ?? []).forEach((h, j) => {
      const msgs = h.includes('*') ? wildcardErrors(h) : dns1123SubdomainErrors(h);
      for (const m of msgs) errs.push({ path: `spec.tls[${i}].hosts[${j}]`, type: 'Invalid value', value: q(h), detail: m });
    });
    if (t.secretName) for (const m of dns1123SubdomainErrors(t.secretName)) errs.push({ path: `spec.tls[${i}].secretName`, type: 'Invalid value', value: q(t.secretName), detail: m });
  });
  if (spec.ingressClassName !== undefined) {
    for (const m of dns1123SubdomainErrors(spec.ingressClassName)) errs.push({ path: 'spec.ingressClassName', type: 'Invalid value', value: q(spec.ingressClassName), detail: m });
  }
  const annotation = ing.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
  if (creating && annotation !== undefined && spec.ingressClassName !== undefined && annotation !== spec.ingressClassName) {
    errs.push({ path: `annotations.${LEGACY_CLASS_ANNOTATION}`, type: 'Invalid value', value: q(annotation), detail: 'must match `ingressClassName` when both are specified' });
  }
  return errs;
}

/**
 * The DefaultIngressClass admission plugin: an Ingress created without `ingressClassName` (and without the legacy
 * annotation) gets the newest IngressClass marked `ingressclass.kubernetes.io/is-default-class: "true"`. Re-applying
 * a manifest that omits the class keeps the class the object already has, as kubectl apply's merge does.
 */
function admitDefaultClass(c: Cluster, ing: Ingress, existing: Ingress | undefined): void {
  if (!ing.spec || ing.spec.ingressClassName !== undefined || ing.metadata.annotations?.[LEGACY_CLASS_ANNOTATION] !== undefined) return;
  if (existing) {
    if (existing.spec?.ingressClassName !== undefined) ing.spec.ingressClassName = existing.spec.ingressClassName;
    return;
  }
  const defaults = c
    .list<IngressClass>('IngressClass')
    .filter((k) => k.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
    .sort((a, b) => ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? 1 : -1));
  if (defaults[0]) ing.spec.ingressClassName = defaults[0].metadata.name;
}

/** Validates an Ingress (admitting the default class first) and returns every field error. */
export function validateIngress(c: Cluster, ing: Ingress): FieldError[] {
  const existing = c.get<Ingress>('Ingress', ing.metadata.namespace, ing.metadata.name);
  admitDefaultClass(c, ing, existing);
  return validateIngressSpec(ing, !existing);
}

/** `ValidateIngressClass`: a controller is required and immutable. */
export function validateIngressClass(c: Cluster, cls: IngressClass): FieldError[] {
  const controller = cls.spec?.controller;
  if (!controller) return [{ path: 'spec.controller', type: 'Required value' }];
  const errs: FieldError[] = [];
  if (controller.length > 250) errs.push({ path: 'spec.controller', type: 'Too long', detail: 'may not be more than 250 bytes' });
  const existing = c.get<IngressClass>('IngressClass', undefined, cls.metadata.name);
  if (existing && existing.spec?.controller !== controller) errs.push({ path: 'spec.controller', type: 'Invalid value', value: q(controller), detail: 'field is immutable' });
  return errs;
}

/** Dispatches Ingress and IngressClass validation; other kinds have no errors here. */
export function validateIngressKinds(c: Cluster, obj: KubeObject): FieldError[] {
  if (obj.kind === 'Ingress') return validateIngress(c, obj as Ingress);
  if (obj.kind === 'IngressClass') return validateIngressClass(c, obj as IngressClass);
  return [];
}
