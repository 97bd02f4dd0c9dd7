/**
 * `kubectl cluster-info`: where the control plane and CoreDNS answer, as on a minikube cluster
 * (`https://<node IP>:8443`), without the colours a real terminal would show.
 */
import type { CommandResult } from '../types.js';
import { usageError } from './errors.js';
import { parseFlags } from './flags.js';
import type { Verb } from './index.js';

/** `kubectl cluster-info`: see the file comment above. */
export const clusterInfo: Verb = (ctx, args): CommandResult => {
  const parsed = parseFlags(args, []);
  if (!parsed.ok) return usageError('cluster-info', parsed.error);
  const [sub] = parsed.flags.positionals;
  if (sub === 'dump') return { stdout: '', stderr: 'error: "kubectl cluster-info dump" is not available in this simulated cluster\n', exitCode: 1 };
  if (sub !== undefined) return { stdout: '', stderr: `error: unknown command "${sub}" for "kubectl cluster-info"\n`, exitCode: 1 };
  const node = ctx.cluster.nodes()[0];
  const base = `https://${node ? ctx.cluster.nodeIP(node) : '192.168.49.2'}:8443`;
  let out = `Kubernetes control plane is running at ${base}\n`;
  if (ctx.cluster.get('Service', 'kube-system', 'kube-dns')) out += `CoreDNS is running at ${base}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n`;
  out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  return { stdout: out, stderr: '', exitCode: 0 };
};
