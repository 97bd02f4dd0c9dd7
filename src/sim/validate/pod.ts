/**
 * Pod spec validation in the apiserver's wording and order (kubernetes `pkg/apis/core/validation/validation.go`:
 * `ValidatePodSpec`, `ValidateVolumes`, `validateContainerCommon`, `validateContainerPorts`, `ValidateVolumeMounts`,
 * `ValidateResourceRequirements`, `validateProbe`, `validatePodDNSConfig`). Runs after defaulting, so fields the
 * apiserver defaults (protocol, restartPolicy, dnsPolicy, imagePullPolicy) are only checked when set.
 * https://kubernetes.io/docs/concepts/workloads/pods/
 */
import type { FieldError } from '../errors.js';
import type { Container, PodSpec, Probe, Volume } from '../types.js';
import { dns1123LabelErrors, dns1123SubdomainErrors, validateLabels } from './meta.js';
import { canonicalQuantity, parseQuantity } from './quantity.js';

const q = JSON.stringify;
const supported = (values: string[]): string => `supported values: ${values.map((v) => q(v)).join(', ')}`;
const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const NEGATIVE = 'must be greater than or equal to 0';
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const isPort = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
const isIPv4 = (s: string): boolean => /^(\d{1,3})(\.\d{1,3}){3}$/.test(s) && s.split('.').every((p) => Number(p) <= 255 && String(Number(p)) === p);
const isIP = (s: string): boolean => isIPv4(s) || (/^[0-9a-fA-F:.]+$/.test(s) && s.includes(':') && s.split('::').length <= 2);

type AnyContainer = Container & {
  restartPolicy?: string;
  startupProbe?: Probe;
  envFrom?: unknown[];
  terminationMessagePolicy?: string;
  lifecycle?: { postStart?: Handler; preStop?: Handler };
};
type Handler = Probe & { sleep?: { seconds?: number } };
type FullSpec = PodSpec & {
  dnsConfig?: { nameservers?: string[]; searches?: string[] };
  hostAliases?: { ip?: string; hostnames?: string[] }[];
  activeDeadlineSeconds?: number;
};

const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs', 'flocker',
  'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap', 'azureFile',
  'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
];
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const CONVERTIBLE_FIELD_PATHS = new Set([...ENV_FIELD_PATHS, 'metadata.annotations', 'metadata.labels', 'spec.restartPolicy', 'spec.schedulerName', 'status.phase']);
const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** `SetDefaults_Volume`: a volume with no source is an emptyDir. */
export function defaultVolumes(spec: PodSpec | undefined): void {
  for (const v of spec?.volumes ?? []) {
    if (v && typeof v === 'object' && !VOLUME_SOURCES.some((s) => (v as unknown as Record<string, unknown>)[s] != null)) v.emptyDir = {};
  }
}

/** `IsValidPortName` (IANA service names: container port names, named target ports). */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

function label(value: string, path: string): FieldError[] {
  return dns1123LabelErrors(value).map((detail) => ({ path, type: 'Invalid value', value: q(value), detail }));
}

function validateVolumes(volumes: Volume[], path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((vol, i) => {
    const p = `${path}[${i}]`;
    const el: FieldError[] = [];
    const src = vol as unknown as Record<string, Record<string, unknown> | undefined>;
    let n = 0;
    for (const s of VOLUME_SOURCES) {
      if (src[s] == null) continue;
      if (n > 0) {
        el.push({ path: `${p}.${s}`, type: 'Forbidden', detail: 'may not specify more than 1 volume type' });
        continue;
      }
      n++;
      const v = src[s]!;
      if (s === 'hostPath') {
        if (!v.path) el.push({ path: `${p}.hostPath.path`, type: 'Required value' });
        else if (String(v.path).split('/').includes('..')) el.push({ path: `${p}.hostPath.path`, type: 'Invalid value', value: q(v.path), detail: "must not contain '..'" });
        else if (v.type !== undefined && !HOST_PATH_TYPES.includes(String(v.type))) {
          el.push({ path: `${p}.hostPath.type`, type: 'Unsupported value', value: q(v.type), detail: supported(HOST_PATH_TYPES) });
        }
      }
      if (s === 'secret' && !v.secretName) el.push({ path: `${p}.secret.secretName`, type: 'Required value' });
      if (s === 'configMap' && !v.name) el.push({ path: `${p}.configMap.name`, type: 'Required value' });
      if (s === 'persistentVolumeClaim' && !v.claimName) el.push({ path: `${p}.persistentVolumeClaim.claimName`, type: 'Required value' });
      if ((s === 'secret' || s === 'configMap') && typeof v.defaultMode === 'number' && (v.defaultMode < 0 || v.defaultMode > 0o777)) {
        el.push({ path: `${p}.${s}.defaultMode`, type: 'Invalid value', value: String(v.defaultMode), detail: 'must be a number between 0 and 0777 (octal), both inclusive' });
      }
    }
    if (n === 0) el.push({ path: p, type: 'Required value', detail: 'must specify a volume type' });
    if (!vol.name) el.push({ path: `${p}.name`, type: 'Required value' });
    else el.push(...label(vol.name, `${p}.name`));
    if (names.has(vol.name)) el.push({ path: `${p}.name`, type: 'Duplicate value', value: q(vol.name) });
    if (el.length === 0) names.add(vol.name);
    else errs.push(...el);
  });
  return { errs, names };
}

function validatePorts(ct: AnyContainer, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ct.ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = portNameErrors(port.name);
      if (msgs.length) for (const detail of msgs) errs.push({ path: `${p}.name`, type: 'Invalid value', value: q(port.name), detail });
      else if (names.has(port.name)) errs.push({ path: `${p}.name`, type: 'Duplicate value', value: q(port.name) });
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push({ path: `${p}.containerPort`, type: 'Required value' });
    else if (!isPort(port.containerPort)) errs.push({ path: `${p}.containerPort`, type: 'Invalid value', value: String(port.containerPort), detail: PORT_RANGE });
    if (port.hostPort && !isPort(port.hostPort)) errs.push({ path: `${p}.hostPort`, type: 'Invalid value', value: String(port.hostPort), detail: PORT_RANGE });
    if (port.protocol !== undefined && !['SCTP', 'TCP', 'UDP'].includes(port.protocol)) {
      errs.push({ path: `${p}.protocol`, type: 'Unsupported value', value: q(port.protocol), detail: supported(['SCTP', 'TCP', 'UDP']) });
    }
  });
  return errs;
}

function validateEnv(ct: AnyContainer, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (ct.env ?? []).forEach((ev, i) => {
    const p = `${path}[${i}]`;
    if (!ev.name) errs.push({ path: `${p}.name`, type: 'Required value' });
    else if ([...ev.name].some((ch) => ch === '=' || ch.charCodeAt(0) < 32 || ch.charCodeAt(0) > 126)) {
      errs.push({ path: `${p}.name`, type: 'Invalid value', value: q(ev.name), detail: "a valid environment variable name must consist only of printable ASCII characters other than '='" });
    }
    if (ev.valueFrom == null) return;
    const from = ev.valueFrom as Record<string, { fieldPath?: string } | undefined>;
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'].filter((k) => from[k] != null);
    const vp = `${p}.valueFrom`;
    if (sources.length === 0) errs.push({ path: vp, type: 'Invalid value', value: '""', detail: 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`' });
    else if (ev.value) errs.push({ path: vp, type: 'Invalid value', value: '""', detail: 'may not be specified when `value` is not empty' });
    else if (sources.length > 1) errs.push({ path: vp, type: 'Invalid value', value: '""', detail: 'may not have more than one field specified at a time' });
    const fp = from.fieldRef?.fieldPath;
    if (from.fieldRef) {
      const fpath = `${vp}.fieldRef.fieldPath`;
      const base = fp?.replace(/\[.*\]$/, '') ?? '';
      if (!fp) errs.push({ path: fpath, type: 'Required value' });
      else if (!CONVERTIBLE_FIELD_PATHS.has(base)) errs.push({ path: fpath, type: 'Invalid value', value: q(fp), detail: `error converting fieldPath: field label not supported: ${fp}` });
      else if (base === fp && !ENV_FIELD_PATHS.includes(fp)) errs.push({ path: fpath, type: 'Unsupported value', value: q(fp), detail: supported(ENV_FIELD_PATHS) });
    }
  });
  return errs;
}

function validateMounts(ct: AnyContainer, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (ct.volumeMounts ?? []).forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m.name) errs.push({ path: `${p}.name`, type: 'Required value' });
    if (!volumes.has(m.name)) errs.push({ path: `${p}.name`, type: 'Not found', value: q(m.name ?? '') });
    if (!m.mountPath) errs.push({ path: `${p}.mountPath`, type: 'Required value' });
    if (seen.has(m.mountPath)) errs.push({ path: `${p}.mountPath`, type: 'Invalid value', value: q(m.mountPath), detail: 'must be unique' });
    seen.add(m.mountPath);
  });
  return errs;
}

function validateResources(ct: AnyContainer, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const res = ct.resources ?? {};
  const check = (kind: 'limits' | 'requests'): void => {
    const m = res[kind] ?? {};
    for (const name of Object.keys(m).sort()) {
      const p = `${path}.${kind}[${name}]`;
      if (!name.includes('/') && !CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
        errs.push({ path: p, type: 'Invalid value', value: q(name), detail: 'must be a standard resource for containers' });
      }
      const qv = parseQuantity(m[name]!);
      if (qv && qv.nanos < 0n) errs.push({ path: p, type: 'Invalid value', value: q(canonicalQuantity(qv)), detail: NEGATIVE });
      if (kind === 'requests' && res.limits?.[name] !== undefined && qv) {
        const lim = parseQuantity(res.limits[name]!);
        if (lim && qv.nanos > lim.nanos) {
          errs.push({ path: `${path}.requests`, type: 'Invalid value', value: q(canonicalQuantity(qv)), detail: `must be less than or equal to ${name} limit of ${canonicalQuantity(lim)}` });
        }
      }
    }
  };
  check('limits');
  check('requests');
  return errs;
}

function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return portNameErrors(port).map((detail) => ({ path, type: 'Invalid value', value: q(port), detail }));
  const n = typeof port === 'number' ? port : 0;
  return isPort(n) ? [] : [{ path, type: 'Invalid value', value: String(n), detail: PORT_RANGE }];
}

function validateHandler(h: Handler, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const kind of ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const) {
    const v = (h as Record<string, unknown>)[kind] as Record<string, unknown> | undefined;
    if (v == null) continue;
    if (n > 0) {
      errs.push({ path: `${path}.${kind}`, type: 'Forbidden', detail: 'may not specify more than 1 handler type' });
      continue;
    }
    n++;
    if (kind === 'exec' && !(v.command as unknown[] | undefined)?.length) errs.push({ path: `${path}.exec.command`, type: 'Required value' });
    if (kind === 'httpGet' || kind === 'tcpSocket') errs.push(...validatePortNumOrName(v.port, `${path}.${kind}.port`));
    if (kind === 'httpGet' && v.scheme !== undefined && v.scheme !== 'HTTP' && v.scheme !== 'HTTPS') {
      errs.push({ path: `${path}.httpGet.scheme`, type: 'Unsupported value', value: q(v.scheme), detail: supported(['HTTP', 'HTTPS']) });
    }
    if (kind === 'grpc') errs.push(...validatePortNumOrName(v.port, `${path}.grpc.port`));
  }
  if (n === 0) errs.push({ path, type: 'Required value', detail: 'must specify a handler type' });
  return errs;
}

function validateProbe(probe: Probe | undefined, path: string, liveness: boolean): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const v = probe[f];
    if (typeof v === 'number' && v < 0) errs.push({ path: `${path}.${f}`, type: 'Invalid value', value: String(v), detail: NEGATIVE });
  }
  if (liveness && typeof probe.successThreshold === 'number' && probe.successThreshold !== 1) {
    errs.push({ path: `${path}.successThreshold`, type: 'Invalid value', value: String(probe.successThreshold), detail: 'must be 1' });
  }
  return errs;
}

function validateContainer(ct: AnyContainer, volumes: Set<string>, path: string, init: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!ct.name) errs.push({ path: `${path}.name`, type: 'Required value' });
  else errs.push(...label(ct.name, `${path}.name`));
  if (!ct.image) errs.push({ path: `${path}.image`, type: 'Required value' });
  const tmp = ct.terminationMessagePolicy;
  if (tmp !== undefined && tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push({ path: `${path}.terminationMessagePolicy`, type: 'Unsupported value', value: q(tmp), detail: supported(['File', 'FallbackToLogsOnError']) });
  }
  errs.push(...validatePorts(ct, `${path}.ports`));
  errs.push(...validateEnv(ct, `${path}.env`));
  errs.push(...validateMounts(ct, volumes, `${path}.volumeMounts`));
  if (ct.imagePullPolicy !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(ct.imagePullPolicy)) {
    errs.push({ path: `${path}.imagePullPolicy`, type: 'Unsupported value', value: q(ct.imagePullPolicy), detail: supported(['Always', 'IfNotPresent', 'Never']) });
  }
  errs.push(...validateResources(ct, `${path}.resources`));
  if (init && ct.restartPolicy !== undefined && ct.restartPolicy !== 'Always') {
    errs.push({ path: `${path}.restartPolicy`, type: 'Unsupported value', value: q(ct.restartPolicy), detail: supported(['Always']) });
  }
  const sidecar = init && ct.restartPolicy === 'Always';
  if (init && !sidecar) {
    for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      if (ct[f] != null) errs.push({ path: `${path}.${f}`, type: 'Forbidden', detail: 'may not be set for init containers without restartPolicy=Always' });
    }
  } else {
    if (ct.lifecycle?.postStart) errs.push(...validateHandler(ct.lifecycle.postStart, `${path}.lifecycle.postStart`));
    if (ct.lifecycle?.preStop) errs.push(...validateHandler(ct.lifecycle.preStop, `${path}.lifecycle.preStop`));
    errs.push(...validateProbe(ct.livenessProbe, `${path}.livenessProbe`, true));
    errs.push(...validateProbe(ct.readinessProbe, `${path}.readinessProbe`, false));
    errs.push(...validateProbe(ct.startupProbe, `${path}.startupProbe`, true));
  }
  return errs;
}

function hostPorts(containers: AnyContainer[], path: string, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((ct, ci) => {
    (ct.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const key = `${(port as { hostIP?: string }).hostIP ?? ''}/${port.protocol ?? 'TCP'}/${port.hostPort}`;
      if (seen.has(key)) errs.push({ path: `${path}[${ci}].ports[${pi}].hostPort`, type: 'Duplicate value', value: q(key) });
      seen.add(key);
    });
  });
  return errs;
}

/**
 * `ValidatePodSpec`: every field error of a (defaulted) Pod spec at `path` (`spec`, `spec.template.spec`).
 * `claimNames` are volumes a StatefulSet's `volumeClaimTemplates` add, which its containers may mount.
 */
export function validatePodSpec(spec: PodSpec | undefined, path: string, claimNames: string[] = []): FieldError[] {
  const s = (spec ?? {}) as FullSpec;
  const { errs, names } = validateVolumes(s.volumes ?? [], `${path}.volumes`);
  for (const n of claimNames) names.add(n);
  const containers = (s.containers ?? []) as AnyContainer[];
  const inits = (s.initContainers ?? []) as AnyContainer[];
  if (containers.length === 0) errs.push({ path: `${path}.containers`, type: 'Required value' });
  const ctNames = new Set<string>();
  containers.forEach((ct, i) => {
    errs.push(...validateContainer(ct, names, `${path}.containers[${i}]`, false));
    if (ct.name && ctNames.has(ct.name)) errs.push({ path: `${path}.containers[${i}].name`, type: 'Duplicate value', value: q(ct.name) });
    ctNames.add(ct.name);
  });
  const ports = new Set<string>();
  errs.push(...hostPorts(containers, `${path}.containers`, ports));
  inits.forEach((ct, i) => {
    errs.push(...validateContainer(ct, names, `${path}.initContainers[${i}]`, true));
    if (ct.name && ctNames.has(ct.name)) errs.push({ path: `${path}.initContainers[${i}].name`, type: 'Duplicate value', value: q(ct.name) });
    ctNames.add(ct.name);
  });
  errs.push(...hostPorts(inits, `${path}.initContainers`, ports));
  if (s.hostNetwork) {
    containers.forEach((ct, i) => (ct.ports ?? []).forEach((port, j) => {
      if (port.hostPort !== undefined && port.hostPort !== port.containerPort) {
        errs.push({ path: `${path}.containers[${i}].ports[${j}].hostPort`, type: 'Invalid value', value: String(port.hostPort), detail: 'must match `containerPort` when `hostNetwork` is true' });
      }
    }));
  }
  if (s.restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(s.restartPolicy)) {
    errs.push({ path: `${path}.restartPolicy`, type: 'Unsupported value', value: q(s.restartPolicy), detail: supported(['Always', 'OnFailure', 'Never']) });
  }
  const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
  if (s.dnsPolicy !== undefined && !dnsPolicies.includes(s.dnsPolicy)) {
    errs.push({ path: `${path}.dnsPolicy`, type: 'Unsupported value', value: q(s.dnsPolicy), detail: supported(dnsPolicies) });
  }
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  errs.push(...validateDnsConfig(s, `${path}.dnsConfig`));
  if (s.serviceAccountName) for (const detail of dns1123SubdomainErrors(s.serviceAccountName)) errs.push({ path: `${path}.serviceAccountName`, type: 'Invalid value', value: q(s.serviceAccountName), detail });
  if (s.nodeName) for (const detail of dns1123SubdomainErrors(s.nodeName)) errs.push({ path: `${path}.nodeName`, type: 'Invalid value', value: q(s.nodeName), detail });
  if (s.activeDeadlineSeconds !== undefined && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > 2147483647)) {
    errs.push({ path: `${path}.activeDeadlineSeconds`, type: 'Invalid value', value: String(s.activeDeadlineSeconds), detail: 'must be between 1 and 2147483647, inclusive' });
  }
  if (s.hostname) errs.push(...label(s.hostname, `${path}.hostname`));
  if (s.subdomain) errs.push(...label(s.subdomain, `${path}.subdomain`));
  (s.hostAliases ?? []).forEach((ha, i) => {
    if (!ha.ip || !isIP(ha.ip)) errs.push({ path: `${path}.hostAliases[${i}].ip`, type: 'Invalid value', value: q(ha.ip ?? ''), detail: IP_MSG });
    (ha.hostnames ?? []).forEach((h, j) => {
      for (const detail of dns1123SubdomainErrors(h)) errs.push({ path: `${path}.hostAliases[${i}].hostnames[${j}]`, type: 'Invalid value', value: q(h), detail });
    });
  });
  return errs;
}

function validateDnsConfig(s: FullSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const none = s.dnsPolicy === 'None';
  if (!s.dnsConfig) return none ? [{ path, type: 'Required value', detail: 'must provide `dnsConfig` when `dnsPolicy` is None' }] : [];
  const ns = s.dnsConfig.nameservers ?? [];
  if (ns.length > 3) errs.push({ path: `${path}.nameservers`, type: 'Invalid value', value: `[]string{${ns.map((n) => q(n)).join(', ')}}`, detail: 'must not have more than 3 nameservers' });
  ns.forEach((n, i) => {
    if (!isIP(n)) errs.push({ path: `${path}.nameservers[${i}]`, type: 'Invalid value', value: q(n), detail: IP_MSG });
  });
  if (none && ns.length === 0) errs.push({ path: `${path}.nameservers`, type: 'Required value', detail: 'must provide at least one DNS nameserver when `dnsPolicy` is None' });
  (s.dnsConfig.searches ?? []).forEach((d, i) => {
    const name = d.replace(/\.$/, '');
    for (const detail of dns1123SubdomainErrors(name)) errs.push({ path: `${path}.searches[${i}]`, type: 'Invalid value', value: q(d), detail });
  });
  return errs;
}
