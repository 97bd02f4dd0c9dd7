/**
 * Container probes as the kubelet runs them, with the kubelet's result messages: `httpGet` succeeds on a 2xx/3xx from
 * whatever listens on the pod's port (`HTTP probe failed with statuscode: 404`, or a refused dial), `tcpSocket` when
 * something listens, `exec` when the command succeeds (`cat`/`test -e`/`ls` of a file in the container's file
 * system). https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
import type { Cluster } from './cluster.js';
import { containerFs } from './container-fs.js';
import { containerArgv, lookupImage } from './images.js';
import { listeners } from './network.js';
import type { ContainerRuntime } from './state.js';
import type { Container, Pod, Probe } from './types.js';

/** The container port a probe names (number, or a named container port). */
export function resolveContainerPort(spec: Container, port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return spec.ports?.find((p) => p.name === port)?.containerPort;
}

/** A probe's outcome and, on failure, what the kubelet puts after `Liveness probe failed: `. */
export interface ProbeResult {
  ok: boolean;
  message?: string;
}

function execProbe(c: Cluster, pod: Pod, spec: Container, cmd: string[]): ProbeResult {
  const fs = containerFs(c, pod, spec.name);
  const image = lookupImage(spec.image);
  const busybox = image?.os === 'busybox' || image?.os === 'none';
  const bin = (cmd[0] ?? '').split('/').pop();
  if (bin === 'cat' && cmd[1]) {
    if (fs?.exists(cmd[1]) && !fs.isDir(cmd[1])) return { ok: true };
    const missing = !fs?.exists(cmd[1]);
    const why = missing ? 'No such file or directory' : 'Is a directory';
    return { ok: false, message: busybox ? `cat: ${missing ? `can't open '${cmd[1]}'` : `read error`}: ${why}` : `cat: ${cmd[1]}: ${why}` };
  }
  if ((bin === 'test' || bin === '[') && cmd[2]) {
    const exists = !!fs?.exists(cmd[2]);
    const ok = cmd[1] === '-d' ? exists && fs!.isDir(cmd[2]) : cmd[1] === '-f' ? exists && !fs!.isDir(cmd[2]) : exists;
    return ok ? { ok: true } : { ok: false, message: '' };
  }
  if (bin === 'ls' && cmd[1]) {
    if (fs?.exists(cmd[1])) return { ok: true };
    return { ok: false, message: busybox ? `ls: ${cmd[1]}: No such file or directory` : `ls: cannot access '${cmd[1]}': No such file or directory` };
  }
  if (bin && image && !image.tools.includes(bin) && !['sh', 'bash', 'true'].includes(bin)) {
    return { ok: false, message: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd[0]}": executable file not found in $PATH: unknown` };
  }
  if (bin === 'false') return { ok: false, message: '' };
  return { ok: true };
}

/** Runs one probe against a running container. */
export function runProbe(c: Cluster, pod: Pod, spec: Container, probe: Probe): ProbeResult {
  const ip = pod.status.podIP ?? '';
  const open = listeners(c, pod);
  if (probe.httpGet) {
    const port = resolveContainerPort(spec, probe.httpGet.port);
    const path = probe.httpGet.path ?? '/';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const l = open.find((x) => x.server.port === port && x.server.protocol === 'TCP');
    if (!l) return { ok: false, message: `Get "${scheme}://${ip}:${port}${path}": dial tcp ${ip}:${port}: connect: connection refused` };
    const owner = pod.spec.containers.find((x) => x.name === l.container)!;
    const image = lookupImage(owner.image);
    const fs = containerFs(c, pod, l.container);
    const res = l.server.handle(
      { method: 'GET', path, host: `${ip}:${port}`, headers: { 'User-Agent': 'kube-probe/1.34', Accept: '*/*' } },
      { podName: pod.metadata.name, args: image ? containerArgv(image, owner.command, owner.args) : [], readFile: (p) => (fs?.exists(p) && !fs.isDir(p) ? fs.readFile(p) : undefined) },
    );
    return res.status >= 200 && res.status < 400 ? { ok: true } : { ok: false, message: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (probe.tcpSocket) {
    const port = resolveContainerPort(spec, probe.tcpSocket.port);
    return open.some((x) => x.server.port === port && x.server.protocol === 'TCP') ? { ok: true } : { ok: false, message: `dial tcp ${ip}:${port}: connect: connection refused` };
  }
  if (probe.exec) return execProbe(c, pod, spec, probe.exec.command);
  return { ok: true };
}

/** Whether a readiness probe passes right now (no thresholds; the kubelet applies those). */
export function probeReady(c: Cluster, pod: Pod, spec: Container, cr: ContainerRuntime): boolean {
  const probe = spec.readinessProbe;
  if (!probe) return true;
  if (cr.startedAt === undefined) return false;
  if (c.now() - cr.startedAt < (probe.initialDelaySeconds ?? 0) * 1000) return false;
  return runProbe(c, pod, spec, probe).ok;
}
