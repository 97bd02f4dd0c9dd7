/**
 * `kubectl describe TYPE [NAME_PREFIX | -l selector]`: one describer per kind, separated by blank lines as kubectl
 * prints several. A name that matches no object exactly describes every object whose name starts with it, as
 * kubectl's `DescribeMatchingResources` does; none at all gives the apiserver's NotFound. Every object shows its
 * Events (kubectl's DescriberSettings has ShowEvents true for all of them) unless `--show-events=false`.
 */
import { SimError, qualifiedResource, type Cluster, type ConfigMap, type Deployment, type EndpointSlice, type Endpoints, type Ingress, type KubeObject, type Namespace, type NetworkPolicy, type Node, type Pod, type ReplicaSet, type ReplicationController, type Secret, type Service } from '../../sim/index.js';
import type { CommandResult } from '../types.js';
import { describeConfigMap, describeNamespace, describeNode, describeSecret } from './describe-cluster.js';
import { describeEndpointSlice, describeEndpoints, describeIngress, describeNetworkPolicy, describeService } from './describe-network.js';
import { describeGeneric, describeIngressClass, describeServiceAccount } from './describe-generic.js';
import { describePod } from './describe-pod.js';
import { describeDeployment, describeReplicaSet, describeReplicationController } from './describe-workloads.js';
import { errorText, usageError } from './errors.js';
import { ENDPOINTS_WARNING, warningFirst } from './get.js';
import { arr, bool, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';
import { parseFileArgs, parseResourceArgs } from './resource-args.js';
import { parseSelector } from './selector.js';

type Describer = (c: Cluster, o: KubeObject, events: boolean) => string;

/** Describers by kind. */
export const DESCRIBERS: Record<string, Describer> = {
  Pod: (c, o, e) => describePod(c, o as Pod, e),
  Service: (c, o, e) => describeService(c, o as Service, e),
  Endpoints: (c, o, e) => describeEndpoints(c, o as Endpoints, e),
  EndpointSlice: (c, o, e) => describeEndpointSlice(c, o as EndpointSlice, e),
  Ingress: (c, o, e) => describeIngress(c, o as Ingress, e),
  NetworkPolicy: (c, o) => describeNetworkPolicy(c, o as NetworkPolicy),
  Deployment: (c, o, e) => describeDeployment(c, o as Deployment, e),
  ReplicaSet: (c, o, e) => describeReplicaSet(c, o as ReplicaSet, e),
  ReplicationController: (c, o, e) => describeReplicationController(c, o as ReplicationController, e),
  Namespace: (c, o) => describeNamespace(c, o as Namespace),
  Node: (c, o, e) => describeNode(c, o as Node, e),
  ConfigMap: (c, o, e) => describeConfigMap(c, o as ConfigMap, e),
  Secret: (c, o) => describeSecret(c, o as Secret),
  IngressClass: describeIngressClass,
  ServiceAccount: describeServiceAccount,
};

/** `kubectl describe`: see the file comment above. */
export const describe: Verb = (ctx, args) => warningFirst(describeObjects(ctx, args));

const describeObjects: Verb = (ctx, args): CommandResult => {
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
  const files = arr(f, 'filename');
  if (f.positionals.length === 0 && files.length === 0) {
    return {
      stdout: '',
      stderr: `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n`,
      exitCode: 1,
    };
  }
  const ra = files.length > 0 ? parseFileArgs(ctx, files) : parseResourceArgs(f.positionals);
  if (!ra.ok) return { stdout: '', stderr: ra.error + '\n', exitCode: 1 };
  const sel = parseSelector(str(f, 'selector') ?? '');
  if (!sel.ok) return { stdout: '', stderr: sel.error + '\n', exitCode: 1 };
  const allNs = bool(f, 'all-namespaces');
  const ns = str(f, 'namespace') ?? 'default';
  const warning = ra.requests.some((r) => r.info.kind === 'Endpoints') ? ENDPOINTS_WARNING : '';
  const infos: KubeObject[] = [];
  const errors: string[] = [];
  for (const req of ra.requests) {
    const scope = req.info.namespaced ? (allNs ? undefined : ns) : undefined;
    if (req.names.length === 0) infos.push(...ctx.cluster.list(req.info.kind, scope).filter((o) => sel.matches(o.metadata.labels)));
    for (const name of req.names) {
      const o = ctx.cluster.get(req.info.kind, req.info.namespaced ? (req.namespace ?? ns) : undefined, name);
      if (o) infos.push(o);
      else errors.push(errorText(SimError.notFound(qualifiedResource(req.info), name)));
    }
  }
  const explicit = f.values.get('show-events');
  const describeOne = (o: KubeObject, events: boolean): string => (DESCRIBERS[o.kind] ?? describeGeneric)(ctx.cluster, o, events);
  // kubectl's DescribeMatchingResources: `describe TYPE PREFIX` with no exact match describes every name with that prefix.
  if (errors.length > 0 && f.positionals.length === 2 && !f.positionals[0]!.includes('/')) {
    const req = ra.requests[0]!;
    const matches = ctx.cluster.list(req.info.kind, req.info.namespaced ? ns : undefined).filter((o) => o.metadata.name.startsWith(f.positionals[1]!));
    if (matches.length === 0) return { stdout: '', stderr: warning + errors.join('\n') + '\n', exitCode: 1 };
    return { stdout: matches.map((o) => describeOne(o, explicit !== false) + '\n').join(''), stderr: warning, exitCode: 0 };
  }
  const events = explicit !== false;
  const stdout = infos.map((o) => describeOne(o, events)).join('\n\n');
  let stderr = warning + errors.map((e) => e + '\n').join('');
  if (infos.length === 0 && errors.length === 0) stderr += allNs ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`;
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
};
