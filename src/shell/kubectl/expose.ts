/**
 * `kubectl expose (-f FILE | TYPE NAME | TYPE/NAME) [--port=P] [--target-port=T] [--type=T] [--name=N]
 * [--selector=k=v] [--protocol=P] [--cluster-ip=None]`: a Service for a Deployment, Pod, ReplicaSet,
 * ReplicationController or Service, with the selector and ports read from the object when not given
 * (kubectl `pkg/cmd/expose/expose.go`). Prints `service/web exposed`.
 */
import { SimError, type Deployment, type KubeObject, type Pod, type ReplicaSet, type ReplicationController, type Service } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, bool, parseFlags, str, type ParsedFlags } from './flags.js';
import { formatVisitErrors, readManifestArgs } from './generators/files.js';
import { exposeServiceObject, type ExposePort } from './generators/objects.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG, PRINT_FLAGS } from './generators/output.js';
import { checkWriteFlags, createGenerated } from './generators/write.js';
import type { Verb } from './index.js';
import { parseResourceArgs } from './resource-args.js';

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

function kv(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return `unexpected label spec: ${part}`;
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/** `MapBasedSelectorForObject`: the selector a Service for this object needs. */
function selectorFor(obj: KubeObject): Record<string, string> | string {
  switch (obj.kind) {
    case 'Pod': {
      const l = obj.metadata.labels ?? {};
      return Object.keys(l).length ? l : 'the pod has no labels and cannot be exposed';
    }
    case 'Service': {
      const s = (obj as Service).spec.selector ?? {};
      return Object.keys(s).length ? s : 'the service has no pod selector set';
    }
    case 'ReplicationController':
      return (obj as ReplicationController).spec.selector ?? (obj as ReplicationController).spec.template.metadata?.labels ?? {};
    default: {
      const sel = (obj as Deployment | ReplicaSet).spec.selector;
      if (sel.matchExpressions?.length) return `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`;
      return sel.matchLabels ?? {};
    }
  }
}

/** `PortsForObject` and `ProtocolsForObject`: the container ports (or Service ports) with their protocols. */
function portsFor(obj: KubeObject): { port: number; protocol: string }[] {
  if (obj.kind === 'Service') return ((obj as Service).spec.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  const spec = obj.kind === 'Pod' ? (obj as Pod).spec : (obj as Deployment).spec.template.spec;
  return spec.containers.flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })));
}

function exposeOne(ctx: CommandContext, f: ParsedFlags, obj: KubeObject, namespace: string): CommandResult {
  if (!EXPOSABLE.has(obj.kind)) return { stdout: '', stderr: `error: cannot expose a ${obj.kind}\n`, exitCode: 1 };
  const selText = str(f, 'selector');
  const selector = selText !== undefined ? kv(selText) : selectorFor(obj);
  if (typeof selector === 'string') return { stdout: '', stderr: `error: couldn't retrieve selectors via --selector flag or introspection: ${selector}\n`, exitCode: 1 };
  if (Object.keys(selector).length === 0) return { stdout: '', stderr: 'error: selector must be specified\n', exitCode: 1 };
  const headless = str(f, 'cluster-ip') === 'None';
  const portText = str(f, 'port');
  const introspected = portsFor(obj);
  let ports: ExposePort[];
  const protocol = str(f, 'protocol');
  if (portText !== undefined) {
    if (!/^\d+$/.test(portText)) return { stdout: '', stderr: `error: strconv.Atoi: parsing ${JSON.stringify(portText)}: invalid syntax\n`, exitCode: 1 };
    const known = introspected.filter((p) => p.port === Number(portText)).map((p) => p.protocol);
    ports = [{ protocol: protocol ?? (known.length === 1 ? known[0]! : 'TCP'), port: Number(portText) }];
  } else {
    const unique = [...new Set(introspected.map((p) => p.port))];
    if (unique.length === 0 && !headless) return { stdout: '', stderr: "error: couldn't find port via --port flag or introspection\n", exitCode: 1 };
    ports = [];
    unique.forEach((port, i) => {
      const protos = [...new Set(introspected.filter((p) => p.port === port).map((p) => p.protocol))];
      const name = unique.length > 1 ? `port-${i + 1}` : str(f, 'port-name');
      if (!protocol && protos.length > 1) for (const p of protos) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port });
      else ports.push({ name, protocol: protocol ?? protos[0] ?? 'TCP', port });
    });
  }
  const labelsText = str(f, 'labels');
  const labels = labelsText !== undefined ? kv(labelsText) : obj.metadata.labels;
  if (typeof labels === 'string') return { stdout: '', stderr: `error: ${labels}\n`, exitCode: 1 };
  const targetText = str(f, 'target-port');
  const targetPort = targetText === undefined ? undefined : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  const affinity = str(f, 'session-affinity');
  if (affinity !== undefined && affinity !== 'None' && affinity !== 'ClientIP') return { stdout: '', stderr: `error: unknown session affinity: ${affinity}\n`, exitCode: 1 };
  const svc = exposeServiceObject({
    name: (str(f, 'name') ?? obj.metadata.name).slice(0, 63),
    namespace: str(f, 'namespace'),
    labels,
    selector,
    ports,
    targetPort,
    type: str(f, 'type'),
    clusterIP: str(f, 'cluster-ip'),
    externalIP: str(f, 'external-ip'),
    sessionAffinity: affinity,
  });
  return createGenerated(ctx, f, svc, namespace, undefined, 'exposed');
}

export const expose: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'port', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'protocol', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'labels', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'port-name', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'field-manager', type: 'string' },
    { name: 'override-type', type: 'string' },
    { name: 'overrides', type: 'string' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    ...PRINT_FLAGS,
  ]);
  if (!parsed.ok) return usageError('expose', parsed.error);
  const f = parsed.flags;
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const ns = str(f, 'namespace') ?? 'default';
  const files = arr(f, 'filename');
  const targets: KubeObject[] = [];
  if (files.length) {
    const r = readManifestArgs(ctx, files, bool(f, 'recursive'));
    if (r.errors.length) return { stdout: '', stderr: formatVisitErrors(r.errors), exitCode: 1 };
    targets.push(...r.objects.map((o) => o.obj));
  } else {
    if (f.positionals.length === 0) {
      return {
        stdout: '',
        stderr: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
        exitCode: 1,
      };
    }
    const ra = parseResourceArgs(f.positionals);
    if (!ra.ok) return { stdout: '', stderr: ra.error + '\n', exitCode: 1 };
    if (!ra.byName) return { stdout: '', stderr: 'error: resource(s) were provided, but no name was specified\n', exitCode: 1 };
    for (const req of ra.requests) {
      for (const name of req.names) {
        try {
          targets.push(ctx.cluster.mustGet(req.info.kind, ns, name));
        } catch (e) {
          if (!(e instanceof SimError)) throw e;
          return { stdout: '', stderr: errorText(e) + '\n', exitCode: 1 };
        }
      }
    }
  }
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const t of targets) {
    const r = exposeOne(ctx, f, t, ns);
    stdout += r.stdout;
    stderr += r.stderr;
    if (r.exitCode) {
      exitCode = r.exitCode;
      break;
    }
  }
  return { stdout, stderr, exitCode };
};
