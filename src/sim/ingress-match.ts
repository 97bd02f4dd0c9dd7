/**
 * Ingress request matching as ingress-nginx does it, following the Kubernetes Ingress spec: every Ingress of one class
 * is merged into one set of virtual servers (one per rule host, plus the catch-all server `_` for rules without a
 * host), each with its locations (paths). A request picks a server by its Host header (exact host first, then a
 * wildcard `*.foo.com` covering exactly one DNS label, then `_`), then the longest matching path (Exact beats Prefix on
 * a tie). Unmatched requests go to the server's root location: the Ingress `defaultBackend` where ingress-nginx uses
 * one, otherwise the controller's own default backend, which answers 404.
 *
 * Pure: no cluster, just Ingress objects in, a verdict with its reason out.
 * https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types
 * https://github.com/kubernetes/ingress-nginx/blob/main/internal/ingress/controller/controller.go (createServers,
 * getBackendServers)
 */
import type { HTTPIngressPath, Ingress, IngressBackend } from './types.js';

/** The name ingress-nginx gives the catch-all server (rules without a host, and Host headers nothing else matches). */
export const CATCH_ALL_SERVER = '_';

export type PathType = HTTPIngressPath['pathType'];

/** An Ingress by namespace and name. */
export interface IngressRef {
  namespace: string;
  name: string;
}

/** A Service backend: the Service name and the port, by number or by name, exactly as the Ingress wrote it. */
export interface IngressServiceBackend {
  name: string;
  port: { number?: number; name?: string };
}

/** One location (path) of a virtual server. */
export interface IngressLocation {
  path: string;
  pathType: PathType;
  /** The Service it proxies to; undefined for the controller's default backend (404). */
  backend?: IngressServiceBackend;
  /** The Ingress that defined it. */
  ingress?: IngressRef;
  /** The root location every server starts with; a rule path `/` replaces it. */
  isDefault: boolean;
  /** Where the path came from (`spec.rules[0].http.paths[1]`), or `defaultBackend`. */
  source: string;
}

/** One virtual server (an nginx `server` block): a host and its locations. */
export interface IngressServer {
  hostname: string;
  locations: IngressLocation[];
}

/** How a request was matched. */
export type IngressMatch =
  | {
      type: 'backend';
      backend: IngressServiceBackend;
      ingress: IngressRef;
      /** `path`: a rule path matched; `defaultBackend`: the Ingress's defaultBackend caught it. */
      via: 'path' | 'defaultBackend';
      server: string;
      path?: string;
      pathType?: PathType;
      reason: string;
    }
  | { type: 'default'; server: string; reason: string };

function refOf(ing: Ingress): IngressRef {
  return { namespace: ing.metadata.namespace ?? 'default', name: ing.metadata.name };
}

function refText(r: IngressRef | undefined): string {
  return r ? `${r.namespace}/${r.name}` : '?';
}

function serviceBackend(b: IngressBackend | undefined): IngressServiceBackend | undefined {
  if (!b?.service?.name) return undefined;
  const port: IngressServiceBackend['port'] = {};
  if (b.service.port?.number !== undefined) port.number = b.service.port.number;
  if (b.service.port?.name !== undefined) port.name = b.service.port.name;
  return { name: b.service.name, port };
}

/** The order ingress-nginx processes Ingresses in: oldest first, then by namespace/name. */
export function sortIngresses(ingresses: readonly Ingress[]): Ingress[] {
  const key = (i: Ingress): string => `${i.metadata.namespace ?? 'default'}/${i.metadata.name}`;
  return [...ingresses].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  });
}

/** ImplementationSpecific is matched like Prefix (ingress-nginx without the regex annotation). */
function effectiveType(t: PathType): 'Exact' | 'Prefix' {
  return t === 'Exact' ? 'Exact' : 'Prefix';
}

function rootLocation(backend: IngressServiceBackend | undefined, ingress: IngressRef | undefined, source: string): IngressLocation {
  const loc: IngressLocation = { path: '/', pathType: 'Prefix', isDefault: true, source };
  if (backend) loc.backend = backend;
  if (ingress) loc.ingress = ingress;
  return loc;
}

/**
 * Builds ingress-nginx's virtual servers from the Ingresses of its class. The first Ingress (oldest) to name a host
 * creates its server, whose root location is that Ingress's `defaultBackend` (or the controller's default). An Ingress
 * with a `defaultBackend` and no rules configures the catch-all server `_`. A path already defined with the same type
 * on a server is kept (first Ingress wins); a rule path `/` replaces a default root location.
 */
export function buildServers(ingresses: readonly Ingress[]): Map<string, IngressServer> {
  const sorted = sortIngresses(ingresses);
  const servers = new Map<string, IngressServer>();
  servers.set(CATCH_ALL_SERVER, { hostname: CATCH_ALL_SERVER, locations: [rootLocation(undefined, undefined, 'controller')] });
  for (const ing of sorted) {
    const def = serviceBackend(ing.spec?.defaultBackend);
    const rules = ing.spec?.rules ?? [];
    const root = servers.get(CATCH_ALL_SERVER)!.locations[0]!;
    if (def && rules.length === 0 && root.isDefault && !root.backend) {
      Object.assign(root, { backend: def, ingress: refOf(ing), isDefault: false, source: 'defaultBackend' });
    }
    for (const rule of rules) {
      const host = rule.host || CATCH_ALL_SERVER;
      if (servers.has(host)) continue;
      servers.set(host, { hostname: host, locations: [rootLocation(def, def ? refOf(ing) : undefined, def ? 'defaultBackend' : 'controller')] });
    }
  }
  for (const ing of sorted) {
    (ing.spec?.rules ?? []).forEach((rule, ri) => {
      const server = servers.get(rule.host || CATCH_ALL_SERVER)!;
      (rule.http?.paths ?? []).forEach((p, pi) => {
        const backend = serviceBackend(p.backend);
        if (!backend) return;
        const path = p.path || '/';
        const source = `spec.rules[${ri}].http.paths[${pi}]`;
        const same = server.locations.find((l) => l.path === path && effectiveType(l.pathType) === effectiveType(p.pathType));
        if (same) {
          if (same.isDefault) Object.assign(same, { backend, ingress: refOf(ing), isDefault: false, pathType: p.pathType, source });
          return;
        }
        server.locations.push({ path, pathType: p.pathType, backend, ingress: refOf(ing), isDefault: false, source });
      });
    });
  }
  return servers;
}

/** The Host header as nginx compares it: lower case, without a port. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/** The request path without query string or fragment; empty means `/`. */
export function normalizeRequestPath(path: string): string {
  const p = path.replace(/[?#].*$/, '');
  if (p === '') return '/';
  return p.startsWith('/') ? p : `/${p}`;
}

/** Path elements: the labels between `/` separators (empty ones dropped, so trailing slashes do not count). */
function elements(path: string): string[] {
  return path.split('/').filter((e) => e !== '');
}

/**
 * Whether a rule path matches a request path. Exact: equal, case-sensitive. Prefix (and ImplementationSpecific):
 * the rule's path elements are an element-wise prefix of the request's (`/aaa/bb` does not match `/aaa/bbb`; a
 * trailing slash on either side is ignored).
 */
export function pathMatches(ruleType: PathType, rulePath: string, requestPath: string): boolean {
  if (effectiveType(ruleType) === 'Exact') return rulePath === requestPath;
  const want = elements(rulePath);
  const got = elements(requestPath);
  if (want.length > got.length) return false;
  return want.every((e, i) => got[i] === e);
}

/** The length that decides "longest match": the path without a trailing slash for Prefix. */
function matchLength(loc: IngressLocation): number {
  if (effectiveType(loc.pathType) === 'Exact') return loc.path.length;
  return loc.path.replace(/\/+$/, '').length;
}

/**
 * Picks the server for a Host header: an exact rule host, else the wildcard rule host covering exactly one more
 * label (`*.foo.com` for `bar.foo.com`, never for `baz.bar.foo.com` or `foo.com`), else the catch-all server.
 */
export function selectServer(servers: Map<string, IngressServer>, hostHeader: string): { server: IngressServer; how: string } {
  const host = normalizeHost(hostHeader);
  const exact = host ? servers.get(host) : undefined;
  if (exact && host !== CATCH_ALL_SERVER) return { server: exact, how: `host "${host}" matched the rule host "${host}"` };
  const dot = host.indexOf('.');
  if (dot > 0 && dot < host.length - 1) {
    const wildcard = `*.${host.slice(dot + 1)}`;
    const w = servers.get(wildcard);
    if (w) return { server: w, how: `host "${host}" matched the wildcard rule host "${wildcard}"` };
  }
  const named = [...servers.keys()].filter((h) => h !== CATCH_ALL_SERVER);
  const list = named.length ? ` (rule hosts: ${named.map((h) => `"${h}"`).join(', ')})` : '';
  const how = host ? `host "${host}" matched no rule host${list}, so the catch-all server applies` : `no Host header, so the catch-all server applies`;
  return { server: servers.get(CATCH_ALL_SERVER)!, how };
}

function describeLocations(server: IngressServer): string {
  const paths = server.locations.filter((l) => !l.isDefault && l.source !== 'defaultBackend' && l.source !== 'controller');
  return paths.length ? paths.map((l) => `${l.pathType} ${l.path}`).join(', ') : 'none';
}

/**
 * Matches one request against the Ingresses of a class: the server by Host, then the longest matching path, Exact
 * before Prefix on a tie. Returns the backend and why, or the controller's default backend (404) and why.
 */
export function matchIngressRequest(ingresses: readonly Ingress[], hostHeader: string, requestPath: string): IngressMatch {
  return matchInServers(buildServers(ingresses), hostHeader, requestPath);
}

/** `matchIngressRequest` over servers already built (route many requests without rebuilding). */
export function matchInServers(servers: Map<string, IngressServer>, hostHeader: string, requestPath: string): IngressMatch {
  const { server, how } = selectServer(servers, hostHeader);
  const path = normalizeRequestPath(requestPath);
  let best: IngressLocation | undefined;
  for (const loc of server.locations) {
    if (!pathMatches(loc.pathType, loc.path, path)) continue;
    if (!best) {
      best = loc;
      continue;
    }
    const lb = matchLength(best);
    const ll = matchLength(loc);
    const exactTie = ll === lb && effectiveType(loc.pathType) === 'Exact' && effectiveType(best.pathType) !== 'Exact';
    const defaultTie = ll === lb && best.isDefault && !loc.isDefault;
    if (ll > lb || exactTie || defaultTie) best = loc;
  }
  const name = server.hostname;
  if (best && !best.isDefault && best.source !== 'defaultBackend' && best.backend && best.ingress) {
    const tie = server.locations.some(
      (l) => l !== best && !l.isDefault && effectiveType(l.pathType) === 'Prefix' && matchLength(l) === matchLength(best!) && pathMatches(l.pathType, l.path, path),
    );
    const note = effectiveType(best.pathType) === 'Exact' && tie ? ' (Exact wins over Prefix on a tie)' : '';
    return {
      type: 'backend',
      backend: best.backend,
      ingress: best.ingress,
      via: 'path',
      server: name,
      path: best.path,
      pathType: best.pathType,
      reason: `${how}; path "${path}" matched ${best.pathType} "${best.path}" of ingress ${refText(best.ingress)} (${best.source})${note}`,
    };
  }
  const noPath = server.locations.some((l) => !l.isDefault && l.source !== 'defaultBackend' && l.source !== 'controller')
    ? `no path matched "${path}" (paths: ${describeLocations(server)})`
    : `no rule path covers "${path}"`;
  if (best?.backend && best.ingress) {
    const whose = name === CATCH_ALL_SERVER ? ` (it has no rules, so it is the catch-all)` : '';
    return {
      type: 'backend',
      backend: best.backend,
      ingress: best.ingress,
      via: 'defaultBackend',
      server: name,
      reason: `${how}; ${noPath}, so the defaultBackend of ingress ${refText(best.ingress)} answers${whose}`,
    };
  }
  return { type: 'default', server: name, reason: `${how}; ${noPath}, so the controller's default backend answers 404` };
}
