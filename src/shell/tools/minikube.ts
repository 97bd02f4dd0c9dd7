/**
 * `minikube` on the learner's machine, over the simulated cluster: `ip`, `ssh [-n NODE] [-- CMD]`, `status`,
 * `service NAME [--url] [-n NS]` / `service list`, `addons list|enable|disable NAME`, `tunnel`, `node list`,
 * `version`, `kubectl -- ARGS`. Wording follows minikube v1.37. https://minikube.sigs.k8s.io/docs/commands/
 */
import type { Node, Service } from '../../sim/index.js';
import type { CommandContext, CommandFn, CommandResult } from '../types.js';
import { addons } from './minikube-addons.js';

const HELP = `minikube provisions and manages local Kubernetes clusters optimized for development workflows.

Basic Commands:
  start            Starts a local Kubernetes cluster
  status           Gets the status of a local Kubernetes cluster
  stop             Stops a running local Kubernetes cluster
  delete           Deletes a local Kubernetes cluster
  dashboard        Access the Kubernetes dashboard running within the minikube cluster

Images Commands:
  docker-env       Provides instructions to point your terminal's docker-cli to the Docker Engine inside minikube

Configuration and Management Commands:
  addons           Enable or disable a minikube addon
  node             Add, remove, or list additional nodes

Networking and Connectivity Commands:
  service          Returns a URL to connect to a service
  tunnel           Connect to LoadBalancer services

Advanced Commands:
  ssh              Log into the minikube environment (for debugging)
  kubectl          Run a kubectl binary matching the cluster version
  ip               Retrieves the IP address of the specified node

Other Commands:
  version          Print the version of minikube

Use "minikube <command> --help" for more information about a given command.
`;

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr, exitCode });

/** `-n NODE` / `--node=NODE` (ip, ssh) or `-n NS` / `--namespace=NS` (service): the value and the other args. */
function take(args: string[], short: string, long: string): { value?: string; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === short || a === `--${long}`) value = args[++i];
    else if (a.startsWith(`--${long}=`)) value = a.slice(long.length + 3);
    else if (a.startsWith(short) && a.length > 2 && short.length === 2) value = a.slice(2);
    else rest.push(a);
  }
  return { value, rest };
}

function findNode(ctx: CommandContext, name: string | undefined): { node: Node } | CommandResult {
  const nodes = ctx.cluster.nodes();
  if (name === undefined) return { node: nodes[0]! };
  const n = nodes.find((x) => x.metadata.name === name);
  return n ? { node: n } : err(`\n❌  Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node ${name}\n\n`, 85);
}

function status(ctx: CommandContext): CommandResult {
  return ok(
    ctx.cluster
      .nodes()
      .map((n, i) => (i === 0 ? `${n.metadata.name}\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n` : `${n.metadata.name}\ntype: Worker\nhost: Running\nkubelet: Running\n\n`))
      .join(''),
  );
}

function ssh(ctx: CommandContext, args: string[]): CommandResult {
  const { value, rest } = take(args, '-n', 'node');
  const found = findNode(ctx, value);
  if ('exitCode' in found) return found;
  const node = found.node;
  const bad = rest.find((a) => a.startsWith('-') && a !== '--');
  const dd = rest.indexOf('--');
  if (bad && (dd < 0 || rest.indexOf(bad) < dd)) return err(`Error: ${bad.startsWith('--') ? `unknown flag: ${bad}` : `unknown shorthand flag: '${bad.slice(1, 2)}' in ${bad}`}\nSee 'minikube ssh --help' for usage.\n`, 64);
  const cmd = dd >= 0 ? rest.slice(dd + 1) : rest;
  const location = { type: 'node' as const, node: node.metadata.name };
  if (cmd.length === 0) {
    ctx.session.enter(location);
    return ok('');
  }
  return ctx.session.runScriptAt(location, cmd.join(' '), ctx.stdin);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const sep = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|\n';
  const center = (s: string, w: number): string => {
    const left = Math.floor((w - s.length) / 2);
    return ' '.repeat(left) + s + ' '.repeat(w - s.length - left);
  };
  const line = (r: string[], head: boolean): string => '|' + r.map((c, i) => ` ${head ? center(c, widths[i]!) : /^\d+$/.test(c) || c === 'No node port' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)} `).join('|') + '|\n';
  return sep + line(rows[0]!, true) + sep + rows.slice(1).map((r) => line(r, false)).join('') + sep;
}

function service(ctx: CommandContext, args: string[]): CommandResult {
  const { value: ns0, rest: r1 } = take(args, '-n', 'namespace');
  const ns = ns0 ?? 'default';
  const url = r1.includes('--url');
  const rest = r1.filter((a) => a !== '--url' && a !== '--https');
  const bad = rest.find((a) => a.startsWith('-'));
  if (bad) return err(`Error: unknown flag: ${bad}\nSee 'minikube service --help' for usage.\n`, 64);
  const ip = ctx.cluster.nodeIP(ctx.cluster.nodes()[0]!);
  if (rest[0] === 'list') {
    const svcs = ctx.cluster.list<Service>('Service', ns0);
    const rows = [['NAMESPACE', 'NAME', 'TARGET PORT', 'URL']];
    for (const s of svcs) {
      const ports = (s.spec.ports ?? []).filter((p) => p.nodePort);
      if (!ports.length) rows.push([s.metadata.namespace ?? 'default', s.metadata.name, 'No node port', '']);
      for (const p of ports) rows.push([s.metadata.namespace ?? 'default', s.metadata.name, `${p.name ? `${p.name}/` : ''}${p.port}`, `http://${ip}:${p.nodePort}`]);
    }
    return ok(table(rows));
  }
  const name = rest[0];
  if (name === undefined) return err('\n❌  Exiting due to MK_USAGE: You must specify service name(s) or --all\n\n', 64);
  const svc = ctx.cluster.get<Service>('Service', ns, name);
  if (!svc) return err(`\n❌  Exiting due to SVC_NOT_FOUND: Service '${name}' was not found in '${ns}' namespace.\nYou may select another namespace by using 'minikube service ${name} -n <namespace>'. Or list out all the services using 'minikube service list'\n\n`, 89);
  const ports = (svc.spec.ports ?? []).filter((p) => p.nodePort);
  if (!ports.length) return err(`😿  service ${ns}/${name} has no node port\n❗  Services [${ns}/${name}] have type "${svc.spec.type ?? 'ClusterIP'}" not meant to be exposed; use a NodePort or LoadBalancer Service, or kubectl port-forward\n`, 0);
  const urls = ports.map((p) => `http://${ip}:${p.nodePort}`);
  if (url) return ok(urls.map((u) => u + '\n').join(''));
  const rows = [['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], ...ports.map((p, i) => [ns, name, `${p.name ? `${p.name}/` : ''}${p.port}`, urls[i]!])];
  return { stdout: table(rows), stderr: `🎉  Opening service ${ns}/${name} in default browser...\n👉  No browser in this sandbox: use curl ${urls[0]}\n`, exitCode: 0 };
}

function tunnel(ctx: CommandContext, args: string[]): CommandResult {
  const bad = args.find((a) => a.startsWith('-') && !['--cleanup', '-c', '--bind-address'].includes(a));
  if (bad) return err(`Error: unknown flag: ${bad}\nSee 'minikube tunnel --help' for usage.\n`, 64);
  const already = ctx.cluster.state.tunnel;
  ctx.cluster.state.tunnel = true;
  ctx.cluster.touch();
  ctx.cluster.reconcile();
  const lbs = ctx.cluster.list<Service>('Service').filter((s) => s.spec.type === 'LoadBalancer');
  const started = lbs.map((s) => `🏃  Starting tunnel for service ${s.metadata.name}.\n`).join('');
  if (already) return ok(`✅  Tunnel is already running in the background in this sandbox.\n${started}`);
  return ok(`✅  Tunnel successfully started\n\n📌  NOTE: Please do not close this terminal as this process must stay alive for the tunnel to be accessible ...\n\n${started}(sandbox: the tunnel keeps running in the background and you get your prompt back; it assigns EXTERNAL-IPs to LoadBalancer Services)\n`);
}

export const minikube: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const [cmd, ...rest] = args;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') return ok(HELP);
  if (rest.includes('--help') || rest.includes('-h')) return ok(`${HELP.split('\n')[0]}\n\nUsage:\n  minikube ${cmd} [flags] [options]\n`);
  switch (cmd) {
    case 'ip': {
      const { value, rest: more } = take(rest, '-n', 'node');
      if (more.length) return err(more[0]!.startsWith('-') ? `Error: unknown flag: ${more[0]}\nSee 'minikube ip --help' for usage.\n` : `Error: unknown command "${more[0]}" for "minikube ip"\n`, 64);
      const found = findNode(ctx, value);
      return 'exitCode' in found ? found : ok(ctx.cluster.nodeIP(found.node) + '\n');
    }
    case 'status':
      return rest.length ? err(`Error: unknown flag: ${rest[0]}\nSee 'minikube status --help' for usage.\n`, 64) : status(ctx);
    case 'ssh':
      return ssh(ctx, rest);
    case 'service':
      return service(ctx, rest);
    case 'addons':
      return addons(ctx, rest);
    case 'tunnel':
      return tunnel(ctx, rest);
    case 'node':
      if (rest[0] === 'list') return ok(ctx.cluster.nodes().map((n) => `${n.metadata.name}\t${ctx.cluster.nodeIP(n)}\n`).join(''));
      return err(`❌  minikube node ${rest[0] ?? ''}: only 'minikube node list' is available in this sandbox (the cluster's nodes are set by the lesson)\n`, 1);
    case 'version':
      return ok('minikube version: v1.37.0\ncommit: 65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3\n');
    case 'kubectl': {
      const dd = rest.indexOf('--');
      return ctx.session.runAt(ctx.location, ['kubectl', ...(dd >= 0 ? rest.slice(dd + 1) : rest)], ctx.stdin);
    }
    case 'start':
      return ok('😄  minikube v1.37.0 on Ubuntu 24.04\n✨  Using the docker driver based on existing profile\n👍  Starting "minikube" primary control-plane node in "minikube" cluster\n🏃  Updating the running docker "minikube" container ...\n🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default\n');
    case 'stop':
    case 'delete':
    case 'pause':
    case 'dashboard':
    case 'mount':
    case 'docker-env':
    case 'image':
      return err(`❌  'minikube ${cmd}' is not available in this sandbox: the lesson's cluster keeps running.\n`, 1);
    default:
      return err(`Error: unknown command "${cmd}" for "minikube"\nRun 'minikube --help' for usage.\n`, 64);
  }
};
