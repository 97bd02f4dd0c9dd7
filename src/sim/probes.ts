/**
 * Readiness probes as the kubelet runs them: `httpGet` succeeds on a 2xx/3xx from the container's server,
 * `tcpSocket` when something listens on the port, `exec` when the command would succeed (a `cat` of a file that
 * exists). https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
import type { Cluster } from './cluster.js';
import { containerFs } from './container-fs.js';
import { containerArgv, lookupImage } from './images.js';
import type { ContainerRuntime } from './state.js';
import type { Container, Pod } from './types.js';

/** The container port a probe names (number, or a named container port). */
export function resolveContainerPort(spec: Container, port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return spec.ports?.find((p) => p.name === port)?.containerPort;
}

/** Whether a readiness probe passes right now. */
export function probeReady(c: Cluster, pod: Pod, spec: Container, cr: ContainerRuntime): boolean {
  const probe = spec.readinessProbe;
  if (!probe) return true;
  if (cr.startedAt === undefined) return false;
  if (c.now() - cr.startedAt < (probe.initialDelaySeconds ?? 0) * 1000) return false;
  const image = lookupImage(spec.image);
  if (!image) return false;
  const main = image.main(containerArgv(image, spec.command, spec.args));
  const servers = main.type === 'serve' ? main.servers : [];
  if (probe.httpGet) {
    const port = resolveContainerPort(spec, probe.httpGet.port);
    const server = servers.find((s) => s.port === port);
    if (!server) return false;
    const fs = containerFs(c, pod, spec.name);
    const res = server.handle(
      { method: 'GET', path: probe.httpGet.path ?? '/', host: `${pod.status.podIP}:${port}`, headers: { 'User-Agent': 'kube-probe/1.34' } },
      { podName: pod.metadata.name, args: containerArgv(image, spec.command, spec.args), readFile: (p) => (fs?.exists(p) && !fs.isDir(p) ? fs.readFile(p) : undefined) },
    );
    return res.status >= 200 && res.status < 400;
  }
  if (probe.tcpSocket) {
    const port = resolveContainerPort(spec, probe.tcpSocket.port);
    return servers.some((s) => s.port === port);
  }
  if (probe.exec) {
    const cmd = probe.exec.command;
    const fs = containerFs(c, pod, spec.name);
    const target = cmd[0] === 'cat' ? cmd[1] : cmd[0] === 'test' && cmd[1] === '-e' ? cmd[2] : undefined;
    if (target) return !!fs?.exists(target);
    return true;
  }
  return true;
}
