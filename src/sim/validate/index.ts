/**
 * Server-side admission of a written object, in the apiserver's order and wording: the body is decoded strictly
 * (unknown fields and wrong types are a BadRequest), defaulted, then validated (every field error at once, an Invalid
 * error). Each kind's rules live in their own file; this dispatches.
 * https://github.com/kubernetes/kubernetes/tree/master/pkg/apis/core/validation
 */
import type { Cluster } from '../cluster.js';
import { SimError, type FieldError } from '../errors.js';
import { resourceForKind, resourceForVersionKind } from '../resources.js';
import type { KubeObject, Pod, Service } from '../types.js';
import { admitNetworkPolicy } from './networkpolicy.js';
import { admitService } from '../services.js';
import { validateIngressKinds } from './ingress.js';
import { validateConfigKinds } from './config.js';
import { validateObjectMeta } from './meta.js';
import { defaultVolumes, validatePodSpec } from './pod.js';
import { strictDecode } from './schema.js';
import { schemaFor } from './schema-kinds.js';
import { WORKLOAD_KINDS, validateWorkload } from './workloads.js';

/**
 * The apiserver's decoding step: a kind served under another apiVersion is `no matches for kind "Deployment" in
 * version "apps/v1beta1"`; a body that does not decode into the kind's Go type is
 * `Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"`. Throws BadRequest.
 */
export function decodeObject(obj: KubeObject): void {
  const apiVersion = String(obj.apiVersion ?? '');
  if (!resourceForVersionKind(apiVersion, obj.kind)) throw SimError.badRequest(`no matches for kind "${obj.kind}" in version "${apiVersion}"`);
  const schema = schemaFor(apiVersion, obj.kind);
  if (!schema) return;
  const err = strictDecode(obj, schema);
  if (err !== undefined) {
    const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
    throw SimError.badRequest(`${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${err}`);
  }
}

/** The field errors of an object (after defaulting), in the apiserver's order. `old` is the stored object on update. */
export function fieldErrors(c: Cluster, obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errs = validateObjectMeta(obj);
  if (obj.kind === 'Pod') {
    defaultVolumes((obj as Pod).spec);
    errs.push(...validatePodSpec((obj as Pod).spec, 'spec'));
  }
  if (WORKLOAD_KINDS.has(obj.kind)) errs.push(...validateWorkload(obj, old));
  if (obj.kind === 'ConfigMap' || obj.kind === 'Secret') errs.push(...validateConfigKinds(obj));
  if (obj.kind === 'NetworkPolicy') errs.push(...admitNetworkPolicy(obj as Parameters<typeof admitNetworkPolicy>[0]));
  if (obj.kind === 'Service' && errs.length === 0) errs.push(...admitService(c, obj as Service));
  if (obj.kind === 'Ingress' || obj.kind === 'IngressClass') errs.push(...validateIngressKinds(c, obj));
  return errs;
}

/** Decodes strictly (BadRequest), then validates (Invalid, listing every problem); returns when the object is valid. */
export function validateObject(c: Cluster, obj: KubeObject): void {
  decodeObject(obj);
  const info = resourceForKind(obj.kind);
  const old = obj.metadata?.name ? c.get(obj.kind, info?.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name) : undefined;
  const errs = fieldErrors(c, obj, old);
  if (errs.length) throw SimError.invalid(obj.kind, obj.metadata.name ?? '', errs);
}
