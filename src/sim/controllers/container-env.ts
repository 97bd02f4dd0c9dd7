/**
 * A container's environment as the kubelet builds it (`makeEnvironmentVariables`): `envFrom` sources first (ConfigMap
 * and Secret keys, with their `prefix`; keys that are not valid variable names are skipped), then `env` entries
 * (literal values with `$(VAR)` references expanded, `configMapKeyRef` / `secretKeyRef`, `fieldRef`), later ones
 * overriding. A missing ConfigMap, Secret or key that is not `optional` is an error in the kubelet's words
 * (`configmap "x" not found`, `couldn't find key k in ConfigMap default/x`): the container then waits in
 * `CreateContainerConfigError`. https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/
 */
import type { Cluster } from '../cluster.js';
import type { ConfigMap, Container, Pod, Secret } from '../types.js';

interface KeyRef {
  name?: string;
  key: string;
  optional?: boolean;
}

interface ValueFrom {
  configMapKeyRef?: KeyRef;
  secretKeyRef?: KeyRef;
  fieldRef?: { fieldPath: string };
}

interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
}

/** The environment a container gets from its pod spec, or the error that keeps it from being created. */
export interface ContainerEnvResult {
  env: Map<string, string>;
  error?: string;
}

const VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Text of a Secret value (`data` is base64; `stringData` is plain). */
function secretText(v: string): string {
  try {
    const bin = atob(v);
    return new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
  } catch {
    return v;
  }
}

function sourceData(c: Cluster, kind: 'ConfigMap' | 'Secret', ns: string, name: string): Record<string, string> | undefined {
  if (kind === 'ConfigMap') return c.get<ConfigMap>('ConfigMap', ns, name)?.data ?? (c.get('ConfigMap', ns, name) ? {} : undefined);
  const s = c.get<Secret>('Secret', ns, name);
  if (!s) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) out[k] = secretText(v);
  for (const [k, v] of Object.entries(s.stringData ?? {})) out[k] = v;
  return out;
}

/** `fieldRef` paths the downward API resolves for env. */
function fieldValue(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]!] ?? '';
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace ?? 'default',
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName ?? 'default',
    'status.podIP': pod.status?.podIP,
    'status.hostIP': pod.status?.hostIP,
  };
  return values[path] ?? '';
}

/** `$(VAR)` expansion against the variables defined so far; `$$(VAR)` escapes, unknown references stay as written. */
function expand(value: string, env: Map<string, string>): string {
  return value.replace(/\$\$|\$\(([-._a-zA-Z][-._a-zA-Z0-9]*)\)/g, (whole, name: string | undefined) => (name === undefined ? '$' : (env.get(name) ?? whole)));
}

/** The environment the pod spec gives `container`, with the first error that blocks it (see the module doc). */
export function resolveContainerEnv(c: Cluster, pod: Pod, container: Container): ContainerEnvResult {
  const ns = pod.metadata.namespace ?? 'default';
  const env = new Map<string, string>();
  const spec = container as Container & { envFrom?: EnvFromSource[] };
  for (const src of spec.envFrom ?? []) {
    const kind = src.configMapRef ? 'ConfigMap' : src.secretRef ? 'Secret' : undefined;
    const ref = src.configMapRef ?? src.secretRef;
    if (!kind || !ref) continue;
    const data = sourceData(c, kind, ns, ref.name ?? '');
    if (!data) {
      if (ref.optional) continue;
      return { env, error: `${kind.toLowerCase()} "${ref.name ?? ''}" not found` };
    }
    for (const [k, v] of Object.entries(data)) {
      const name = `${src.prefix ?? ''}${k}`;
      if (VAR_NAME.test(name)) env.set(name, v);
    }
  }
  for (const e of container.env ?? []) {
    const from = e.valueFrom as ValueFrom | undefined;
    if (!from) {
      env.set(e.name, expand(e.value ?? '', env));
      continue;
    }
    if (from.fieldRef) {
      env.set(e.name, fieldValue(pod, from.fieldRef.fieldPath));
      continue;
    }
    const kind = from.configMapKeyRef ? 'ConfigMap' : from.secretKeyRef ? 'Secret' : undefined;
    const ref = from.configMapKeyRef ?? from.secretKeyRef;
    if (!kind || !ref) continue;
    const data = sourceData(c, kind, ns, ref.name ?? '');
    if (!data) {
      if (ref.optional) continue;
      return { env, error: `${kind.toLowerCase()} "${ref.name ?? ''}" not found` };
    }
    const v = data[ref.key];
    if (v === undefined) {
      if (ref.optional) continue;
      return { env, error: `couldn't find key ${ref.key} in ${kind} ${ns}/${ref.name ?? ''}` };
    }
    env.set(e.name, v);
  }
  return { env };
}

/**
 * The variables the pod spec gives a container (`env` and `envFrom` resolved, in the kubelet's order), for the
 * shell's `env` / `printenv` in that container. Unresolvable entries are left out.
 */
export function containerEnv(c: Cluster, pod: Pod, container: Container): Map<string, string> {
  return resolveContainerEnv(c, pod, container).env;
}
