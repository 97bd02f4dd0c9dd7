/**
 * `metadata` validation in the apiserver's wording: names per kind (RFC 1123 subdomain, RFC 1123 label, RFC 1035
 * label), label keys and values, annotation keys. Mirrors apimachinery `pkg/api/validation/objectmeta.go` and
 * `pkg/util/validation/validation.go`, including its message texts (the double space in `'my-name',  or` is upstream's).
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
import type { FieldError } from '../errors.js';
import type { KubeObject } from '../types.js';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;

const full = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const DNS1123_LABEL = full(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = full(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = full(DNS1035_LABEL_FMT);
const QUALIFIED_NAME = full(QUALIFIED_NAME_FMT);
const LABEL_VALUE = full(LABEL_VALUE_FMT);

/** apimachinery `RegexError`. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

export const maxLenError = (n: number): string => `must be no more than ${n} characters`;

/** `IsDNS1123Label`: the messages for a value that is not a lowercase RFC 1123 label (empty when it is one). */
export function dns1123LabelErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL.test(v)) {
    errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** `IsDNS1123Subdomain`. */
export function dns1123SubdomainErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN.test(v)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

/** `IsDNS1035Label` (Service names). */
export function dns1035LabelErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL.test(v)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errs;
}

const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** `IsQualifiedName`: label keys and annotation keys (`app.kubernetes.io/name`). */
export function qualifiedNameErrors(v: string): string[] {
  const errs: string[] = [];
  const parts = v.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [`a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** `IsValidLabelValue`. */
export function labelValueErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE.test(v)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/** `ValidateLabels`: every key and value of a label map (errors name the map, not the key, as upstream does). */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const m of qualifiedNameErrors(k)) errs.push({ path, type: 'Invalid value', value: JSON.stringify(k), detail: m });
    const v = String(labels![k]);
    for (const m of labelValueErrors(v)) errs.push({ path, type: 'Invalid value', value: JSON.stringify(v), detail: m });
  }
  return errs;
}

/** `ValidateAnnotations`: keys are qualified names (checked lower-cased). */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(annotations ?? {}).sort()) {
    for (const m of qualifiedNameErrors(k.toLowerCase())) errs.push({ path, type: 'Invalid value', value: JSON.stringify(k), detail: m });
  }
  return errs;
}

/** How each kind's name is checked (`ValidateServiceName` is a DNS-1035 label, Namespace an RFC 1123 label, …). */
function nameRule(kind: string): (v: string) => string[] {
  if (kind === 'Service') return dns1035LabelErrors;
  if (kind === 'Namespace') return dns1123LabelErrors;
  return dns1123SubdomainErrors;
}

/** `ValidateObjectMeta`: generateName, name, labels, annotations. */
export function validateObjectMeta(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const meta = obj.metadata ?? ({} as KubeObject['metadata']);
  const rule = nameRule(obj.kind);
  if (meta.generateName) {
    const base = meta.generateName.replace(/-$/, 'a');
    for (const m of rule(base)) errs.push({ path: 'metadata.generateName', type: 'Invalid value', value: JSON.stringify(meta.generateName), detail: m });
  }
  if (!meta.name) errs.push({ path: 'metadata.name', type: 'Required value', detail: 'name or generateName is required' });
  else for (const m of rule(meta.name)) errs.push({ path: 'metadata.name', type: 'Invalid value', value: JSON.stringify(meta.name), detail: m });
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return errs;
}

/** Go's `%#v` of a `map[string]string` (keys sorted): `map[string]string{"app":"web"}`, `map[string]string(nil)`. */
export function goStringMap(m: Record<string, string> | undefined): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  return `map[string]string{${Object.keys(m).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`).join(', ')}}`;
}
