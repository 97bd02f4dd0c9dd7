/**
 * `kubectl describe pod` and the pod-template part of workload describes, field for field as kubectl's
 * `describePod`, `describeContainers` and `describeVolumes` write them (`pkg/describe/describe.go`).
 */
import { fnv32a } from '../../lib/hash.js';
import type { Cluster, Container, ContainerState, ContainerStatus, Pod, PodTemplateSpec, Probe, Volume } from '../../sim/index.js';
import { DescribeWriter } from './describe-writer.js';
import { rfc1123z } from './printers/format.js';

function hex64(seed: string): string {
  let out = '';
  for (let i = 0; out.length < 64 && i < 16; i++) out += fnv32a(`${seed}/${i}`).toString(16).padStart(8, '0');
  return out.slice(0, 64);
}

function ports(c: Container, host: boolean): string {
  return (c.ports ?? [])
    .map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`)
    .join(', ');
}

/** `DescribeProbe`: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
function probe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${p.exec.command.join(' ')}] ${attrs}`;
  if (p.httpGet) return `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://:${p.httpGet.port}${p.httpGet.path ?? ''} ${attrs}`;
  if (p.tcpSocket) return `tcp-socket :${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function state(w: DescribeWriter, name: string, s: ContainerState): void {
  if (s.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(s.running.startedAt)}\n`);
  } else if (s.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (s.waiting.reason) w.write(3, `Reason:\t${s.waiting.reason}\n`);
  } else if (s.terminated) {
    w.write(2, `${name}:\tTerminated\n`);
    if (s.terminated.reason) w.write(3, `Reason:\t${s.terminated.reason}\n`);
    w.write(3, `Exit Code:\t${s.terminated.exitCode}\n`);
    w.write(3, `Started:\t${rfc1123z(s.terminated.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(s.terminated.finishedAt)}\n`);
  } else w.write(2, `${name}:\tWaiting\n`);
}

function resources(w: DescribeWriter, c: Container, level: number): void {
  for (const [title, list] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (keys.length) w.write(level, `${title}:\n`);
    for (const k of keys) w.write(level + 1, `${k}:\t${list![k]}\n`);
  }
}

interface ValueFrom {
  fieldRef?: { apiVersion?: string; fieldPath: string };
  resourceFieldRef?: { resource: string };
  secretKeyRef?: { name: string; key: string; optional?: boolean };
  configMapKeyRef?: { name: string; key: string; optional?: boolean };
}

/** An env var set from elsewhere, as `describeContainerEnvVars` prints it (pod fields resolved for metadata only). */
function envFrom(e: { name: string; valueFrom?: unknown }, pod: Pod | undefined): string {
  const v = (e.valueFrom ?? {}) as ValueFrom;
  if (v.fieldRef) {
    const path = v.fieldRef.fieldPath;
    const meta = pod?.metadata;
    const value = !meta ? '' : path === 'metadata.name' ? meta.name : path === 'metadata.namespace' ? (meta.namespace ?? '') : path === 'metadata.uid' ? (meta.uid ?? '') : '';
    return `${e.name}:\t${value} (${v.fieldRef.apiVersion ?? 'v1'}:${path})\n`;
  }
  if (v.resourceFieldRef) return `${e.name}:\t (${v.resourceFieldRef.resource})\n`;
  if (v.secretKeyRef) return `${e.name}:\t<set to the key '${v.secretKeyRef.key}' in secret '${v.secretKeyRef.name}'>\tOptional: ${v.secretKeyRef.optional === true}\n`;
  if (v.configMapKeyRef) return `${e.name}:\t<set to the key '${v.configMapKeyRef.key}' of config map '${v.configMapKeyRef.name}'>\tOptional: ${v.configMapKeyRef.optional === true}\n`;
  return '';
}

/** `describeContainers`. `space` is '' for a pod, '  ' inside a Pod Template. */
export function describeContainers(w: DescribeWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, space: string, pod?: Pod): void {
  w.write(0, `${space}${label}:${containers.length ? '' : ' <none>'}\n`);
  for (const c of containers) {
    const st = statuses?.find((s) => s.name === c.name);
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    const started = !!st && (!!st.state.running || !!st.state.terminated || !!st.lastState?.terminated);
    const seed = `${pod?.metadata.uid ?? ''}/${c.name}/${st?.restartCount ?? 0}`;
    if (st) w.write(2, `Container ID:\t${started ? `docker://${hex64(seed)}` : ''}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    if (st) w.write(2, `Image ID:\t${started ? `docker-pullable://${c.image.split(':')[0]}@sha256:${hex64(c.image)}` : ''}\n`);
    const p = ports(c, false);
    w.write(2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${p || '<none>'}\n`);
    const hp = ports(c, true);
    w.write(2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${hp || '<none>'}\n`);
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const s of c.command.flatMap((x) => x.split('\n'))) w.write(3, `${s}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const s of c.args.flatMap((x) => x.split('\n'))) w.write(3, `${s}\n`);
    }
    if (st) {
      state(w, 'State', st.state);
      if (st.lastState?.terminated) state(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount}\n`);
    }
    resources(w, c, 2);
    if (c.livenessProbe) w.write(2, `Liveness:\t${probe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probe(c.readinessProbe)}\n`);
    w.write(2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`);
    for (const e of c.env ?? []) {
      if (e.valueFrom === undefined) {
        (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      } else w.write(3, envFrom(e, pod));
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    w.write(2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`);
    for (const m of mounts) w.write(3, `${m.mountPath} from ${m.name} (${[m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])].join(',')})\n`);
  }
}

/** `describeVolumes`. */
export function describeVolumes(w: DescribeWriter, volumes: Volume[] | undefined, space: string): void {
  if (!volumes?.length) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.hostPath) w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || '<none>'}\n`);
    else if (v.emptyDir) w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`);
    else if (v.secret) w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\tfalse\n`);
    else if (v.configMap) w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\tfalse\n`);
    else w.write(1, '<unknown>\n');
  }
}

/** `DescribePodTemplate` (Deployments, ReplicaSets, ReplicationControllers). */
export function describePodTemplate(w: DescribeWriter, t: PodTemplateSpec): void {
  w.write(0, 'Pod Template:\n');
  w.labels('  Labels', t.metadata?.labels);
  if (Object.keys(t.metadata?.annotations ?? {}).length) w.annotations('  Annotations', t.metadata?.annotations);
  if (t.spec.serviceAccountName) w.write(1, `Service Account:\t${t.spec.serviceAccountName}\n`);
  if (t.spec.initContainers?.length) describeContainers(w, 'Init Containers', t.spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', t.spec.containers, undefined, '  ');
  describeVolumes(w, t.spec.volumes, '  ');
  w.labels('  Node-Selectors', t.spec.nodeSelector);
  w.write(0, '  Tolerations:\t<none>\n');
}

function controller(p: Pod): string {
  const ref = p.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** `describePod`. */
export function describePod(c: Cluster, p: Pod, events = true): string {
  const w = new DescribeWriter(c.now());
  w.write(0, `Name:\t${p.metadata.name}\n`);
  w.write(0, `Namespace:\t${p.metadata.namespace}\n`);
  const priority = (p.spec as { priority?: number }).priority;
  if (priority !== undefined) w.write(0, `Priority:\t${priority}\n`);
  if (p.spec.serviceAccountName) w.write(0, `Service Account:\t${p.spec.serviceAccountName}\n`);
  w.write(0, p.spec.nodeName ? `Node:\t${p.spec.nodeName}/${p.status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (p.status.startTime) w.write(0, `Start Time:\t${rfc1123z(p.status.startTime)}\n`);
  w.labels('Labels', p.metadata.labels);
  w.annotations('Annotations', p.metadata.annotations);
  w.write(0, p.metadata.deletionTimestamp && p.status.phase !== 'Failed' && p.status.phase !== 'Succeeded' ? `Status:\tTerminating (lasts ${w.since(p.metadata.deletionTimestamp)})\n` : `Status:\t${p.status.phase}\n`);
  w.write(0, `IP:\t${p.status.podIP ?? ''}\n`);
  if (!p.status.podIPs?.length) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of p.status.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const by = controller(p);
  if (by) w.write(0, `Controlled By:\t${by}\n`);
  if (p.spec.initContainers?.length) describeContainers(w, 'Init Containers', p.spec.initContainers, undefined, '', p);
  describeContainers(w, 'Containers', p.spec.containers, p.status.containerStatuses, '', p);
  if (p.status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const cond of p.status.conditions) w.write(1, `${cond.type} \t${cond.status} \n`);
  }
  describeVolumes(w, p.spec.volumes, '');
  w.write(0, `QoS Class:\t${p.status.qosClass ?? 'BestEffort'}\n`);
  w.labels('Node-Selectors', p.spec.nodeSelector);
  const tolerations = (p.spec as { tolerations?: { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }[] }).tolerations ?? [];
  w.write(0, 'Tolerations:\t');
  if (tolerations.length === 0) w.write(0, '<none>\n');
  [...tolerations]
    .sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : 1))
    .forEach((t, i) => {
      if (i > 0) w.write(0, '\t');
      let s = t.key ?? '';
      if (t.value) s += `=${t.value}`;
      if (t.effect) s += `:${t.effect}`;
      if (t.operator === 'Exists' && !t.value) s += ' op=Exists';
      if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
      w.write(0, `${s}\n`);
    });
  if (events) w.events(c.eventsFor(p));
  return w.done();
}
