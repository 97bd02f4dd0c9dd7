/**
 * `describe.DescribePodTemplate` as `kubectl rollout history --revision=N` prints it: written through a plain
 * prefix writer, so the tabs stay tabs (kubectl does not align this block).
 */
import type { Container, PodTemplateSpec } from '../../../sim/index.js';

function sorted(m: Record<string, string> | undefined): [string, string][] {
  return Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function multiline(title: string, pairs: string[]): string {
  if (pairs.length === 0) return `${title}:\t<none>\n`;
  return `${title}:\t${pairs[0]}\n` + pairs.slice(1).map((p) => `\t${p}\n`).join('');
}

function container(c: Container): string {
  let s = `   ${c.name}:\n    Image:\t${c.image}\n`;
  const ports = c.ports ?? [];
  if (ports.length === 0) s += '    Port:\t<none>\n    Host Port:\t<none>\n';
  else {
    s += `    Port${ports.length > 1 ? 's' : ''}:\t${ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')}\n`;
    s += `    Host Port${ports.length > 1 ? 's' : ''}:\t${ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ')}\n`;
  }
  if (c.command?.length) s += '    Command:\n' + c.command.map((x) => `      ${x}\n`).join('');
  if (c.args?.length) s += '    Args:\n' + c.args.map((x) => `      ${x}\n`).join('');
  const env = c.env ?? [];
  s += env.length ? '    Environment:\n' + env.map((e) => `      ${e.name}:\t${e.value ?? ''}\n`).join('') : '    Environment:\t<none>\n';
  const mounts = c.volumeMounts ?? [];
  s += mounts.length ? '    Mounts:\n' + mounts.map((m) => `      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`).join('') : '    Mounts:\t<none>\n';
  return s;
}

/** The `Pod Template:` block; `changeCause` is shown as an annotation, as the history viewer adds it. */
export function podTemplateText(t: PodTemplateSpec, changeCause: string): string {
  let s = 'Pod Template:\n';
  s += multiline('  Labels', sorted(t.metadata?.labels).map(([k, v]) => `${k}=${v}`));
  const ann = { ...(t.metadata?.annotations ?? {}), ...(changeCause ? { 'kubernetes.io/change-cause': changeCause } : {}) };
  if (Object.keys(ann).length) s += multiline('  Annotations', sorted(ann).map(([k, v]) => `${k}: ${v}`));
  if (t.spec.serviceAccountName) s += `  Service Account:\t${t.spec.serviceAccountName}\n`;
  if (t.spec.initContainers?.length) s += '  Init Containers:\n' + t.spec.initContainers.map(container).join('');
  s += '  Containers:\n' + t.spec.containers.map(container).join('');
  const vols = t.spec.volumes ?? [];
  s += vols.length ? '  Volumes:\n' + vols.map((v) => `   ${v.name}:\n`).join('') : '  Volumes:\t<none>\n';
  s += multiline('  Node-Selectors', sorted(t.spec.nodeSelector).map(([k, v]) => `${k}=${v}`));
  s += '  Tolerations:\t<none>\n';
  return s;
}
