/**
 * `kubectl describe TYPE [NAME_PREFIX | -l selector]`: one describer per kind, separated by blank lines as kubectl
 * prints several. A name that matches no object exactly describes every object whose name starts with it, as
 * kubectl's `DescribeMatchingResources` does; none at all gives the apiserver's NotFound.
 */
import { SimError, qualifiedResource, type Cluster, type ConfigMap, type Deployment, type Endpoints, type Ingress, type KubeObject, type Namespace, type NetworkPolicy, type Node, type Pod, type ReplicaSet, type ReplicationController, type Secret, type Service } from '../../sim/index.js';
import type { CommandResult } from '../types.js';
import { describeConfigMap, describeNamespace, describeNode, describeSecret } from './describe-cluster.js';
import { describeEndpoints, describeIngress, describeNetworkPolicy, describeService } from './describe-network.js';
import { describePod } from './describe-pod.js';
import { describeDeployment, describeReplicaSet, describeReplicationController } from './describe-workloads.js';
import { errorText, usageError } from './errors.js';
import { ENDPOINTS_WARNING } from './get.js';
import { bool, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';
import { parseResourceArgs } from './resource-args.js';
import { parseSelector } from './selector.js';

type Describer = (c: Cluster, o: KubeObject) => string;

/** Describers by kind. */
export const DESCRIBERS: Record<string, Describer> = {
  Pod: (c, o) => describePod(c, o as Pod),
  Service: (c, o) => describeService(c, o as Service),
  Endpoints: (c, o) => describeEndpoints(c, o as Endpoints),
  Ingress: (c, o) => describeIngress(c, o as Ingress),
  NetworkPolicy: (c, o) => describeNetworkPolicy(c, o as NetworkPolicy),
  Deployment: (c, o) => describeDeployment(c, o as Deployment),
  ReplicaSet: (c, o) => describeReplicaSet(c, o as ReplicaSet),
  ReplicationController: (c, o) => describeReplicationController(c, o as ReplicationController),
  Namespace: (c, o) => describeNamespace(c, o as Namespace),
  Node: (c, o) => describeNode(c, o as Node),
  ConfigMap: (c, o) => describeConfigMap(c, o as ConfigMap),
  Secret: (c, o) => describeSecret(c, o as Secret),
};

/** The generic describer for other kinds: name, namespace, labels, annotations. */
function genericDescribe(c: Cluster, o: KubeObject): string {
  const lines = [`Name:         ${o.metadata.name}`, ...(o.metadata.namespace ? [`Namespace:    ${o.metadata.namespace}`] : [])];
  const labels = Object.entries(o.metadata.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  lines.push(`Labels:       ${labels.length ? labels.map(([k, v]) => `${k}=${v}`).join('\n              ') : '<none>'}`);
  lines.push('Annotations:  <none>', `API Version:  ${o.apiVersion}`, `Kind:         ${o.kind}`);
  void c;
  return lines.join('\n') + '\nEvents:       <none>\n';
}

export const describe: Verb = (ctx, args): CommandResult => {
  const parsed = parseFlags(args, [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-events', type: 'bool' },
    { name: 'chunk-size', type: 'string' },
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ]);
  if (!parsed.ok) return usageError('describe', parsed.error);
  const f = parsed.flags;
  if (f.positionals.length === 0) {
    return {
      stdout: '',
      stderr: `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n`,
      exitCode: 1,
    };
  }
  const ra = parseResourceArgs(f.positionals);
  if (!ra.ok) return { stdout: '', stderr: ra.error + '\n', exitCode: 1 };
  const sel = parseSelector(str(f, 'selector') ?? '');
  if (!sel.ok) return { stdout: '', stderr: sel.error + '\n', exitCode: 1 };
  const allNs = bool(f, 'all-namespaces');
  const ns = str(f, 'namespace') ?? 'default';
  const out: string[] = [];
  let stderr = ra.requests.some((r) => r.info.kind === 'Endpoints') ? ENDPOINTS_WARNING : '';
  for (const req of ra.requests) {
    const scope = req.info.namespaced ? (allNs ? undefined : ns) : undefined;
    let objs: KubeObject[] = [];
    if (req.names.length === 0) objs = ctx.cluster.list(req.info.kind, scope).filter((o) => sel.matches(o.metadata.labels));
    for (const name of req.names) {
      const exact = ctx.cluster.get(req.info.kind, scope ?? (req.info.namespaced ? ns : undefined), name);
      const found = exact ? [exact] : ctx.cluster.list(req.info.kind, scope).filter((o) => o.metadata.name.startsWith(name));
      if (found.length === 0) stderr += errorText(SimError.notFound(qualifiedResource(req.info), name)) + '\n';
      objs.push(...found);
    }
    for (const o of objs) out.push((DESCRIBERS[o.kind] ?? genericDescribe)(ctx.cluster, o));
  }
  const failed = stderr.replace(ENDPOINTS_WARNING, '') !== '';
  if (out.length === 0 && !failed) {
    stderr += allNs || !ra.requests.every((r) => r.info.namespaced) ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`;
    return { stdout: '', stderr, exitCode: 0 };
  }
  return { stdout: out.join('\n\n'), stderr, exitCode: failed ? 1 : 0 };
};
