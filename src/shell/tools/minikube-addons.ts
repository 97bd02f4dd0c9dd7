/**
 * `minikube addons list|enable|disable NAME`: the addon table and messages as minikube v1.37 prints them. Enabling
 * `ingress` records it in the cluster state, where the ingress controller (src/sim/controllers/ingress.ts) installs
 * ingress-nginx; simulated time moves on while minikube waits for the controller (`Verifying ingress addon...`).
 */
import type { CommandContext, CommandResult } from '../types.js';

const ADDONS: [string, string][] = [
  ['ambassador', '3rd party (Ambassador)'],
  ['dashboard', 'Kubernetes'],
  ['default-storageclass', 'Kubernetes'],
  ['ingress', 'Kubernetes'],
  ['ingress-dns', 'minikube'],
  ['metallb', '3rd party (MetalLB)'],
  ['metrics-server', 'Kubernetes'],
  ['registry', 'minikube'],
  ['storage-provisioner', 'minikube'],
];
const ALWAYS_ON = new Set(['default-storageclass', 'storage-provisioner']);
const SUPPORTED = new Set(['ingress', ...ALWAYS_ON]);

function isOn(ctx: CommandContext, name: string): boolean {
  return ALWAYS_ON.has(name) || ctx.cluster.state.addons.has(name);
}

function list(ctx: CommandContext): string {
  const rows = [['ADDON NAME', 'PROFILE', 'STATUS', 'MAINTAINER'], ...ADDONS.map(([n, m]) => [n, 'minikube', isOn(ctx, n) ? 'enabled ✅' : 'disabled', m])];
  const widths = [27, 8, 12, 22];
  const width = (s: string): number => [...s].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) >= 0x2600 ? 2 : 1), 0);
  const w = rows[0]!.map((_, i) => Math.max(widths[i]!, ...rows.map((r) => width(r[i]!))));
  const sep = '|' + w.map((x) => '-'.repeat(x + 2)).join('|') + '|\n';
  const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
  const center = (s: string, n: number): string => ' '.repeat(Math.floor((n - s.length) / 2)) + s + ' '.repeat(n - s.length - Math.floor((n - s.length) / 2));
  return sep + '|' + rows[0]!.map((c, i) => ` ${center(c, w[i]!)} `).join('|') + '|\n' + sep + rows.slice(1).map((r) => '|' + r.map((c, i) => ` ${pad(c, w[i]!)} `).join('|') + '|\n').join('') + sep;
}

export function addons(ctx: CommandContext, args: string[]): CommandResult {
  const [verb, name, ...extra] = args;
  const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
  if (verb === undefined) return ok('addons modifies minikube addons files using subcommands like "minikube addons enable dashboard"\n\nAvailable Commands:\n  disable     Disables the addon w/ADDON_NAME within minikube (example: minikube addons disable dashboard). For a list of available addons use: minikube addons list\n  enable      Enables the addon w/ADDON_NAME within minikube. For a list of available addons use: minikube addons list\n  list        Lists all available minikube addons as well as their current statuses (enabled/disabled)\n');
  if (verb === 'list') return ok(list(ctx));
  if (verb !== 'enable' && verb !== 'disable') return { stdout: '', stderr: `Error: unknown command "${verb}" for "minikube addons"\nRun 'minikube addons --help' for usage.\n`, exitCode: 64 };
  if (name === undefined || extra.length) return { stdout: '', stderr: `❌  Exiting due to MK_USAGE: usage: minikube addons ${verb} ADDON_NAME\n`, exitCode: 64 };
  if (!ADDONS.some(([n]) => n === name)) return { stdout: '', stderr: `\n❌  Exiting due to MK_ADDON_${verb.toUpperCase()}: ${verb} failed: run callbacks: ${name} is not a valid addon\n\n`, exitCode: 69 };
  if (verb === 'disable') {
    if (ALWAYS_ON.has(name)) return { stdout: '', stderr: `❌  '${name}' cannot be disabled in this sandbox\n`, exitCode: 1 };
    if (!ctx.cluster.state.addons.has(name)) return ok(`🌑  "The '${name}' addon is disabled"\n`);
    ctx.cluster.state.addons.delete(name);
    ctx.cluster.touch();
    ctx.cluster.reconcile();
    return ok(`🌑  "The '${name}' addon is disabled"\n`);
  }
  if (isOn(ctx, name)) return ok(`🌟  The '${name}' addon is enabled\n`);
  if (!SUPPORTED.has(name)) return { stdout: '', stderr: `❌  The '${name}' addon is not available in this sandbox (only ingress)\n`, exitCode: 1 };
  ctx.cluster.state.addons.add(name);
  ctx.cluster.touch();
  ctx.cluster.reconcile();
  ctx.cluster.advance(30_000);
  return ok(
    `💡  ${name} is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.\nYou can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS\n` +
      '    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.5.2\n    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.5.2\n    ▪ Using image registry.k8s.io/ingress-nginx/controller:v1.12.1\n' +
      `🔎  Verifying ${name} addon...\n🌟  The '${name}' addon is enabled\n`,
  );
}
