/**
 * ConfigMap and Secret validation in the apiserver's wording (kubernetes `ValidateConfigMap`, `ValidateSecret`):
 * keys are config keys (`[-._a-zA-Z0-9]+`, not `.` or `..`), a key may not be in both `data` and `binaryData`, and a
 * `kubernetes.io/tls` Secret needs `tls.crt` and `tls.key`. A Secret's `stringData` counts as data.
 * https://kubernetes.io/docs/concepts/configuration/secret/
 */
import type { FieldError } from '../errors.js';
import type { KubeObject } from '../types.js';
import { maxLenError, regexError } from './meta.js';

/** `IsConfigMapKey`. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push(maxLenError(253));
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'));
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function keyErrors(keys: string[], path: string): FieldError[] {
  return keys.sort().flatMap((k) => configKeyErrors(k).map((detail): FieldError => ({ path: `${path}[${k}]`, type: 'Invalid value', value: JSON.stringify(k), detail })));
}

/** Every field error of a ConfigMap or Secret (beyond metadata). */
export function validateConfigKinds(obj: KubeObject): FieldError[] {
  const data = Object.keys((obj.data as Record<string, unknown> | undefined) ?? {});
  if (obj.kind === 'ConfigMap') {
    const binary = new Set(Object.keys((obj.binaryData as Record<string, unknown> | undefined) ?? {}));
    const errs = keyErrors(data, 'data');
    for (const k of data.sort()) if (binary.has(k)) errs.push({ path: `data[${k}]`, type: 'Invalid value', value: JSON.stringify(k), detail: 'duplicate of key present in binaryData' });
    errs.push(...keyErrors([...binary], 'binaryData'));
    return errs;
  }
  const keys = [...new Set([...data, ...Object.keys((obj.stringData as Record<string, unknown> | undefined) ?? {})])];
  const errs = keyErrors(keys, 'data');
  if (obj.type === 'kubernetes.io/tls') {
    for (const k of ['tls.crt', 'tls.key']) if (!keys.includes(k)) errs.push({ path: `data[${k}]`, type: 'Required value' });
  }
  return errs;
}
