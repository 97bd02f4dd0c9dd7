/**
 * `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]] [--class=C] [--default-backend=svc:port]
 * [--annotation=k=v]`, as kubectl `pkg/cmd/create/create_ingress.go` builds it: a path ending in `*` is a Prefix path,
 * any other is Exact; rules with the same host share one rule; TLS hosts group by secret.
 */
import type { KubeObject } from '../../../sim/index.js';

const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

type Obj = Record<string, unknown>;

function backend(svc: string): Obj {
  const [name, port] = svc.split(':') as [string, string];
  return { service: { name, port: /^-?\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/** kubectl's validation message for the first bad flag, or undefined. */
export function validateIngressFlags(rules: string[], defaultBackend: string | undefined, annotations: string[]): string | undefined {
  if (!defaultBackend && rules.length === 0) {
    return 'error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)';
  }
  for (const r of rules) if (!RULE.test(r)) return `error: rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`;
  for (const a of annotations) if (!a.includes('=')) return `error: annotation ${a} is invalid and should be in format key=[value]`;
  if (defaultBackend && defaultBackend.split(':').length !== 2) return 'error: default-backend should be in format servicename:serviceport';
  return undefined;
}

/** The Ingress `create ingress` builds (flags already validated). */
export function ingressObject(o: { name: string; namespace?: string; rules: string[]; className?: string; defaultBackend?: string; annotations: string[] }): KubeObject {
  const metadata: Obj = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  metadata.creationTimestamp = null;
  const ann = Object.fromEntries(o.annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  if (Object.keys(ann).length) metadata.annotations = ann;
  const spec: Obj = {};
  if (o.className) spec.ingressClassName = o.className;
  if (o.defaultBackend) spec.defaultBackend = backend(o.defaultBackend);
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const seen = new Set<string>();
  for (const rule of o.rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0]!;
    const secret = parts[1]!.split('=')[1] ?? '';
    if (seen.has(host)) continue;
    const idx = tls.findIndex((t) => (t.secretName ?? '') === secret);
    seen.add(host);
    if (idx > -1) {
      tls[idx]!.hosts = [...(tls[idx]!.hosts ?? []), host];
      continue;
    }
    const t: { hosts?: string[]; secretName?: string } = {};
    if (host) t.hosts = [host];
    if (secret) t.secretName = secret;
    if (t.hosts || t.secretName) tls.push(t);
  }
  if (tls.length) spec.tls = tls;
  const rules: { host?: string; http: { paths: Obj[] } }[] = [];
  for (const rule of o.rules) {
    const noTls = rule.split(',')[0]!;
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const [pathPart, svc] = noTls.slice(slash + 1).split('=') as [string, string];
    let path = '/' + pathPart;
    let pathType = 'Exact';
    if (path.endsWith('*')) {
      pathType = 'Prefix';
      path = path.slice(0, -1);
    }
    const p = { path, pathType, backend: backend(svc) };
    const existing = rules.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(p);
    else rules.push(host ? { host, http: { paths: [p] } } : { http: { paths: [p] } });
  }
  if (rules.length) spec.rules = rules;
  return { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata: metadata as unknown as KubeObject['metadata'], spec, status: { loadBalancer: {} } };
}
