/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port[:targetPort]…]`: a Service
 * labelled and selecting `app=NAME`, each `--tcp` a port named after its spec (`80-8080`)
 * (kubectl `pkg/cmd/create/create_service.go`).
 */
import type { CommandContext, CommandResult } from '../types.js';
import { CREATE_COMMON, oneName } from './create.js';
import { usageError } from './errors.js';
import { arr, parseFlags, str, type FlagSpec } from './flags.js';
import { intFlag } from './generators/int-flag.js';
import { serviceObject, type TcpPort } from './generators/objects.js';
import { splitSubcommand } from './generators/subcommand.js';
import { checkWriteFlags, createGenerated } from './generators/write.js';
import { helpText } from './help/index.js';

const TYPES: Record<string, { type: string; flags: FlagSpec[] }> = {
  clusterip: { type: 'ClusterIP', flags: [{ name: 'tcp', type: 'array' }, { name: 'clusterip', type: 'string' }] },
  nodeport: { type: 'NodePort', flags: [{ name: 'tcp', type: 'array' }, { name: 'node-port', type: 'string' }] },
  loadbalancer: { type: 'LoadBalancer', flags: [{ name: 'tcp', type: 'array' }] },
  externalname: { type: 'ExternalName', flags: [{ name: 'tcp', type: 'array' }, { name: 'external-name', type: 'string' }] },
};

/** `--tcp=80:8080` → port 80, targetPort 8080 (a name when not a number), as `parsePorts` reads it. */
export function parseTcp(spec: string): TcpPort | string {
  const [p, t] = spec.split(':');
  if (!/^\d+$/.test(p!)) return `strconv.ParseUint: parsing ${JSON.stringify(p)}: invalid syntax`;
  const port = Number(p);
  if (port < 1 || port > 65535) return `port ${JSON.stringify(p)} out of range`;
  if (t === undefined) return { spec, port, targetPort: port };
  if (/^-?\d+$/.test(t)) {
    const n = Number(t);
    if (n < 1 || n > 65535) return 'must be between 1 and 65535, inclusive';
    return { spec, port, targetPort: n };
  }
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(t) || t.length > 15 || !/[a-z]/.test(t)) return 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';
  return { spec, port, targetPort: t };
}

export function createService(ctx: CommandContext, args: string[]): CommandResult {
  const { sub: typeWord, rest } = splitSubcommand(args);
  const t = typeWord && Object.hasOwn(TYPES, typeWord) ? TYPES[typeWord] : undefined;
  if (!typeWord || !t) {
    if (typeWord) return { stdout: '', stderr: `error: unknown command "${typeWord}" for "kubectl create service"\n`, exitCode: 1 };
    return { stdout: '', stderr: helpText('create service') ?? 'Create a service using a specified subcommand.\n', exitCode: 1 };
  }
  const cmd = `create service ${typeWord}`;
  const parsed = parseFlags(rest, [...t.flags, ...CREATE_COMMON]);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  const f = parsed.flags;
  if (typeWord === 'externalname' && str(f, 'external-name') === undefined) return { stdout: '', stderr: 'error: required flag(s) "external-name" not set\n', exitCode: 1 };
  const nodePort = intFlag(f, 'node-port', '--node-port', 0, cmd);
  if (typeof nodePort !== 'number') return nodePort;
  const name = oneName(f.positionals, cmd);
  if (typeof name !== 'string') return name;
  const tcpSpecs = arr(f, 'tcp');
  if (tcpSpecs.length === 0 && typeWord !== 'externalname' && !(typeWord === 'clusterip' && str(f, 'clusterip') === 'None')) {
    return { stdout: '', stderr: 'error: at least one tcp port specifier must be provided\n', exitCode: 1 };
  }
  const tcp: TcpPort[] = [];
  for (const s of tcpSpecs) {
    const p = parseTcp(s);
    if (typeof p === 'string') return { stdout: '', stderr: `error: ${p}\n`, exitCode: 1 };
    tcp.push(p);
  }
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const ns = str(f, 'namespace');
  const obj = serviceObject({ name, namespace: ns, type: t.type, tcp, nodePort: nodePort || undefined, clusterIP: str(f, 'clusterip'), externalName: str(f, 'external-name') });
  return createGenerated(ctx, f, obj, ns ?? 'default', `failed to create ${t.type} service: `);
}
