/**
 * Server-side validation and defaulting, in the apiserver's wording. Each kind's rules live in their own file; this
 * dispatches. https://github.com/kubernetes/kubernetes/tree/master/pkg/apis/core/validation
 */
import type { Cluster } from '../cluster.js';
import { SimError, type FieldError } from '../errors.js';
import type { KubeObject, Pod } from '../types.js';
import { admitNetworkPolicy } from './networkpolicy.js';
import { admitService } from '../services.js';
import { validateIngressKinds } from './ingress.js';
import type { Service } from '../types.js';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Validates `metadata.name` as a DNS-1123 subdomain (most kinds) or label (Namespace, Service). */
export function validateName(obj: KubeObject): FieldError[] {
  const name = obj.metadata.name;
  if (!name) return [{ path: 'metadata.name', type: 'Required value', detail: 'name or generateName is required' }];
  const label = obj.kind === 'Namespace' || obj.kind === 'Service';
  const re = label ? DNS1123_LABEL : DNS1123_SUBDOMAIN;
  if (!re.test(name) || name.length > (label ? 63 : 253)) {
    const what = label ? 'RFC 1123 label' : 'RFC 1123 subdomain';
    const detail = label
      ? `a lowercase ${what} must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`
      : `a lowercase ${what} must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
    return [{ path: 'metadata.name', type: 'Invalid value', value: JSON.stringify(name), detail }];
  }
  return [];
}

function validatePod(pod: Pod): FieldError[] {
  const errs: FieldError[] = [];
  const cs = pod.spec?.containers;
  if (!cs || cs.length === 0) return [{ path: 'spec.containers', type: 'Required value' }];
  const names = new Set<string>();
  const ports = new Map<string, number>();
  cs.forEach((ct, i) => {
    if (!ct.name) errs.push({ path: `spec.containers[${i}].name`, type: 'Required value' });
    else if (names.has(ct.name)) errs.push({ path: `spec.containers[${i}].name`, type: 'Duplicate value', value: JSON.stringify(ct.name) });
    names.add(ct.name);
    if (!ct.image) errs.push({ path: `spec.containers[${i}].image`, type: 'Required value' });
    (ct.ports ?? []).forEach((p, j) => {
      if (!Number.isInteger(p.containerPort) || p.containerPort < 1 || p.containerPort > 65535) {
        errs.push({ path: `spec.containers[${i}].ports[${j}].containerPort`, type: 'Invalid value', value: String(p.containerPort), detail: 'must be between 1 and 65535, inclusive' });
      }
      const key = `${p.containerPort}/${p.protocol ?? 'TCP'}`;
      void ports.get(key);
      ports.set(key, i);
    });
  });
  return errs;
}

/** Throws an Invalid SimError listing every problem, or returns when the object is valid. */
export function validateObject(_c: Cluster, obj: KubeObject): void {
  const errs = [...validateName(obj)];
  if (obj.kind === 'Pod') errs.push(...validatePod(obj as Pod));
  if (obj.kind === 'NetworkPolicy') errs.push(...admitNetworkPolicy(obj as Parameters<typeof admitNetworkPolicy>[0]));
  if (obj.kind === 'Service' && errs.length === 0) errs.push(...admitService(_c, obj as Service));
  if (obj.kind === 'Ingress' || obj.kind === 'IngressClass') errs.push(...validateIngressKinds(_c, obj));
  if (errs.length) throw SimError.invalid(obj.kind, obj.metadata.name ?? '', errs);
}
