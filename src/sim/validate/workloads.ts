/**
 * Workload validation in the apiserver's wording (kubernetes `pkg/apis/apps/validation/validation.go`,
 * `pkg/apis/batch/validation/validation.go`, and `ValidateReplicationControllerSpec` in core): replicas not negative,
 * a selector that is required, not empty and matches the template's labels, a template that is a valid Pod template
 * with `restartPolicy: Always` (Jobs: `OnFailure` or `Never`), and a selector that cannot change after creation.
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector
 */
import { matchesSelector, type LabelSelector } from '../../lib/labels.js';
import type { FieldError } from '../errors.js';
import type { KubeObject, PodTemplateSpec } from '../types.js';
import { goStringMap, qualifiedNameErrors, labelValueErrors, validateAnnotations, validateLabels } from './meta.js';
import { defaultVolumes, validatePodSpec } from './pod.js';

const NEGATIVE = 'must be greater than or equal to 0';
const q = JSON.stringify;

interface WorkloadSpec {
  replicas?: number;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  selector?: LabelSelector | Record<string, string>;
  template?: PodTemplateSpec;
  strategy?: { type?: string; rollingUpdate?: unknown };
  updateStrategy?: { type?: string; rollingUpdate?: unknown };
  podManagementPolicy?: string;
  serviceName?: string;
  volumeClaimTemplates?: { metadata?: { name?: string } }[];
  completions?: number;
  parallelism?: number;
  backoffLimit?: number;
}

/** The kinds validated here. */
export const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet', 'Job']);

/** Go's `%#v` of a `*metav1.LabelSelector` as field errors print it. */
export function goLabelSelector(s: LabelSelector | undefined): string {
  const exprs = s?.matchExpressions;
  const ex =
    exprs === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs.map((e) => `v1.LabelSelectorRequirement{Key:${q(e.key)}, Operator:${q(e.operator)}, Values:${e.values === undefined ? '[]string(nil)' : `[]string{${e.values.map((v) => q(v)).join(', ')}}`}}`).join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(s?.matchLabels)}, MatchExpressions:${ex}}`;
}

function nonNegative(v: number | undefined, path: string): FieldError[] {
  return typeof v === 'number' && v < 0 ? [{ path, type: 'Invalid value', value: String(v), detail: NEGATIVE }] : [];
}

/** `ValidateLabelSelector`: keys, operators and values of a selector. */
function validateSelector(sel: LabelSelector, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const op = r.operator as string;
    if (op === 'In' || op === 'NotIn') {
      if (!r.values?.length) errs.push({ path: `${p}.values`, type: 'Required value', detail: 'must be specified when `operator` is \'In\' or \'NotIn\'' });
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (r.values?.length) errs.push({ path: `${p}.values`, type: 'Forbidden', detail: 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'' });
    } else errs.push({ path: `${p}.operator`, type: 'Invalid value', value: q(op), detail: 'not a valid selector operator' });
    for (const m of qualifiedNameErrors(r.key ?? '')) errs.push({ path: `${p}.key`, type: 'Invalid value', value: q(r.key ?? ''), detail: m });
  });
  for (const k of Object.keys(sel.matchLabels ?? {}).sort()) {
    for (const m of qualifiedNameErrors(k)) errs.push({ path: `${path}.matchLabels`, type: 'Invalid value', value: q(k), detail: m });
    const v = String(sel.matchLabels![k]);
    for (const m of labelValueErrors(v)) errs.push({ path: `${path}.matchLabels`, type: 'Invalid value', value: q(v), detail: m });
  }
  return errs;
}

/** `ValidatePodTemplateSpec` plus the controller's restart-policy rule. */
function validateTemplate(kind: string, t: PodTemplateSpec | undefined, matches: boolean | undefined, path: string, claimNames: string[] = []): FieldError[] {
  if (!t) return [{ path, type: 'Required value' }];
  defaultVolumes(t.spec);
  const errs: FieldError[] = [];
  const labels = t.metadata?.labels;
  if (matches === false) errs.push({ path: `${path}.metadata.labels`, type: 'Invalid value', value: goStringMap(labels), detail: '`selector` does not match template `labels`' });
  errs.push(...validateLabels(labels, `${path}.labels`));
  errs.push(...validateAnnotations(t.metadata?.annotations, `${path}.annotations`));
  errs.push(...validatePodSpec(t.spec, `${path}.spec`, claimNames));
  const rp = t.spec?.restartPolicy ?? 'Always';
  if (kind === 'Job') {
    const set = t.spec?.restartPolicy;
    if (set === undefined) errs.push({ path: `${path}.spec.restartPolicy`, type: 'Required value', detail: 'valid values: "OnFailure", "Never"' });
    else if (set !== 'OnFailure' && set !== 'Never') errs.push({ path: `${path}.spec.restartPolicy`, type: 'Unsupported value', value: q(set), detail: 'supported values: "OnFailure", "Never"' });
  } else if (rp !== 'Always') {
    errs.push({ path: `${path}.spec.restartPolicy`, type: 'Unsupported value', value: q(rp), detail: 'supported values: "Always"' });
  }
  const ads = (t.spec as { activeDeadlineSeconds?: number } | undefined)?.activeDeadlineSeconds;
  if (ads !== undefined && kind !== 'Job') {
    const owner = kind === 'ReplicationController' ? 'ReplicationController' : 'ReplicaSet';
    errs.push({ path: `${path}.spec.activeDeadlineSeconds`, type: 'Forbidden', detail: `activeDeadlineSeconds in ${owner} is not Supported` });
  }
  return errs;
}

/** Selector checks for the apps/v1 kinds: required, valid, not empty; returns whether the template's labels match. */
function appsSelector(kind: string, spec: WorkloadSpec, errs: FieldError[]): boolean {
  const sel = spec.selector as LabelSelector | undefined;
  if (!sel) {
    errs.push({ path: 'spec.selector', type: 'Required value' });
    return false;
  }
  errs.push(...validateSelector(sel, 'spec.selector'));
  const empty = Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
  if (empty) {
    const what = kind === 'StatefulSet' ? 'statefulset' : kind === 'DaemonSet' ? 'daemonset' : 'deployment';
    errs.push({ path: 'spec.selector', type: 'Invalid value', value: goLabelSelector(sel), detail: `empty selector is invalid for ${what}` });
    return true;
  }
  return matchesSelector(sel, spec.template?.metadata?.labels);
}

/** Every field error of a workload's spec, in the apiserver's order. `old` is the stored object on an update. */
export function validateWorkload(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const kind = obj.kind;
  const spec = (obj.spec ?? {}) as WorkloadSpec;
  const errs: FieldError[] = [];
  if (kind === 'ReplicationController') {
    errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
    errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
    const sel = spec.selector as Record<string, string> | undefined;
    const selector = sel && Object.keys(sel).length ? sel : spec.template?.metadata?.labels;
    if (!selector || Object.keys(selector).length === 0) errs.push({ path: 'spec.selector', type: 'Required value' });
    errs.push(...validateLabels(sel, 'spec.selector'));
    const matches = selector && Object.keys(selector).length ? Object.entries(selector).every(([k, v]) => spec.template?.metadata?.labels?.[k] === v) : undefined;
    errs.push(...validateTemplate(kind, spec.template, matches, 'spec.template'));
    return errs;
  }
  if (kind === 'Job') {
    errs.push(...nonNegative(spec.parallelism, 'spec.parallelism'));
    errs.push(...nonNegative(spec.completions, 'spec.completions'));
    errs.push(...nonNegative(spec.backoffLimit, 'spec.backoffLimit'));
    errs.push(...validateTemplate(kind, spec.template, undefined, 'spec.template'));
    return errs;
  }
  if (kind === 'Deployment' || kind === 'StatefulSet') errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  if (kind === 'ReplicaSet') {
    errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
    errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  }
  const matches = appsSelector(kind, spec, errs);
  const claims = (spec.volumeClaimTemplates ?? []).map((c) => c?.metadata?.name ?? '').filter(Boolean);
  errs.push(...validateTemplate(kind, spec.template, matches, 'spec.template', claims));
  if (kind === 'Deployment') {
    const st = spec.strategy;
    if (st?.type !== undefined && st.type !== 'Recreate' && st.type !== 'RollingUpdate') {
      errs.push({ path: 'spec.strategy.type', type: 'Unsupported value', value: q(st.type), detail: 'supported values: "Recreate", "RollingUpdate"' });
    }
    if (st?.type === 'Recreate' && st.rollingUpdate != null) {
      errs.push({ path: 'spec.strategy.rollingUpdate', type: 'Forbidden', detail: "may not be specified when strategy `type` is 'Recreate'" });
    }
    if (st?.type !== 'Recreate' && st?.rollingUpdate != null) errs.push(...validateRollingUpdate(st.rollingUpdate as RollingUpdate));
    errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
    errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
    if (spec.progressDeadlineSeconds !== undefined && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push({ path: 'spec.progressDeadlineSeconds', type: 'Invalid value', value: String(spec.progressDeadlineSeconds), detail: 'must be greater than minReadySeconds' });
    }
  }
  if (kind === 'StatefulSet' && spec.podManagementPolicy !== undefined && spec.podManagementPolicy !== 'OrderedReady' && spec.podManagementPolicy !== 'Parallel') {
    errs.push({ path: 'spec.podManagementPolicy', type: 'Unsupported value', value: q(spec.podManagementPolicy), detail: 'supported values: "OrderedReady", "Parallel"' });
  }
  const oldSel = (old?.spec as WorkloadSpec | undefined)?.selector as LabelSelector | undefined;
  if (old && JSON.stringify(normalize(oldSel)) !== JSON.stringify(normalize(spec.selector as LabelSelector | undefined))) {
    errs.push({ path: 'spec.selector', type: 'Invalid value', value: goLabelSelector(spec.selector as LabelSelector | undefined), detail: 'field is immutable' });
  }
  return errs;
}

type IntOrString = number | string | undefined;
interface RollingUpdate {
  maxSurge?: IntOrString;
  maxUnavailable?: IntOrString;
}

/** Go's `%#v` of an `intstr.IntOrString`. */
function goIntOrString(v: IntOrString): string {
  return typeof v === 'string' ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${q(v)}}` : `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}

/** The value an int-or-percent stands for, for the "both zero" check (`0%` is zero). */
const amount = (v: IntOrString): number => (typeof v === 'string' ? Number.parseInt(v, 10) || 0 : v ?? 0);

/** `ValidateRollingUpdateDeployment`, after defaulting (both fields default to 25%). */
function validateRollingUpdate(ru: RollingUpdate): FieldError[] {
  const errs: FieldError[] = [];
  const path = 'spec.strategy.rollingUpdate';
  const maxUnavailable = ru.maxUnavailable ?? '25%';
  const maxSurge = ru.maxSurge ?? '25%';
  for (const [field, v] of [['maxUnavailable', maxUnavailable], ['maxSurge', maxSurge]] as const) {
    if (typeof v === 'string' && !/^[0-9]+%$/.test(v)) {
      errs.push({ path: `${path}.${field}`, type: 'Invalid value', value: goIntOrString(v), detail: "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')" });
    } else if (typeof v === 'number' && v < 0) errs.push({ path: `${path}.${field}`, type: 'Invalid value', value: String(v), detail: NEGATIVE });
  }
  if (amount(maxUnavailable) === 0 && amount(maxSurge) === 0) {
    errs.push({ path: `${path}.maxUnavailable`, type: 'Invalid value', value: goIntOrString(maxUnavailable), detail: 'may not be 0 when `maxSurge` is 0' });
  }
  if (typeof maxUnavailable === 'string' && /^[0-9]+%$/.test(maxUnavailable) && Number.parseInt(maxUnavailable, 10) > 100) {
    errs.push({ path: `${path}.maxUnavailable`, type: 'Invalid value', value: goIntOrString(maxUnavailable), detail: 'must not be greater than 100%' });
  }
  return errs;
}

function normalize(s: LabelSelector | undefined): unknown {
  if (!s) return null;
  const ml = s.matchLabels ?? {};
  return { ml: Object.keys(ml).sort().map((k) => [k, ml[k]]), me: s.matchExpressions ?? [] };
}
