/**
 * The objects kubectl's imperative commands build, field for field and in Go struct order (so `-o json` matches):
 * `create deployment` (kubectl `pkg/cmd/create/create_deployment.go`), `create service` (`create_service.go`),
 * `create namespace|configmap|secret generic`, `run` (`pkg/generate/versioned/run.go`) and `expose`
 * (`pkg/cmd/expose/expose.go`). `creationTimestamp: null` and the empty `status`/`resources`/`strategy` are there
 * because kubectl serialises the typed Go structs.
 */
import type { KubeObject } from '../../../sim/index.js';

type Obj = Record<string, unknown>;

function meta(name: string, namespace: string | undefined, labels?: Record<string, string>, annotations?: Record<string, string>): Obj {
  const m: Obj = { name };
  if (namespace) m.namespace = namespace;
  m.creationTimestamp = null;
  if (labels && Object.keys(labels).length) m.labels = labels;
  if (annotations && Object.keys(annotations).length) m.annotations = annotations;
  return m;
}

/** The container name `create deployment` derives from an image: last path element without tag or digest. */
export function containerNameForImage(image: string, suffix: () => string): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0]!.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${suffix()}`;
  return name;
}

/** `kubectl create deployment NAME --image=I [--image=…] [--replicas=N] [--port=P] [-- COMMAND]`. */
export function deploymentObject(o: { name: string; namespace?: string; images: string[]; replicas: number; port?: number; command: string[]; suffix: () => string }): KubeObject {
  const labels = { app: o.name };
  const containers = o.images.map((image, i) => {
    const c: Obj = { name: containerNameForImage(image, o.suffix), image };
    if (o.command.length) c.command = o.command;
    if (o.port !== undefined && i === 0) c.ports = [{ containerPort: o.port }];
    c.resources = {};
    return c;
  });
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta(o.name, o.namespace, labels) as unknown as KubeObject['metadata'],
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/** One `--tcp=port[:targetPort]` of `create service`. */
export interface TcpPort {
  spec: string;
  port: number;
  targetPort: number | string;
}

/** `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME …`. */
export function serviceObject(o: { name: string; namespace?: string; type: string; tcp: TcpPort[]; nodePort?: number; clusterIP?: string; externalName?: string }): KubeObject {
  const ports = o.tcp.map((t) => {
    const p: Obj = { name: t.spec.replace(/:/g, '-'), protocol: 'TCP', port: t.port, targetPort: t.targetPort };
    if (o.nodePort) p.nodePort = o.nodePort;
    return p;
  });
  const spec: Obj = {};
  if (ports.length) spec.ports = ports;
  spec.selector = { app: o.name };
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  spec.type = o.type;
  if (o.externalName) spec.externalName = o.externalName;
  return { kind: 'Service', apiVersion: 'v1', metadata: meta(o.name, o.namespace, { app: o.name }) as unknown as KubeObject['metadata'], spec, status: { loadBalancer: {} } };
}

/** `kubectl create namespace NAME`. */
export function namespaceObject(name: string): KubeObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: meta(name, undefined) as unknown as KubeObject['metadata'], spec: {}, status: {} };
}

/** `kubectl create serviceaccount NAME`. */
export function serviceAccountObject(name: string, namespace: string | undefined): KubeObject {
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: meta(name, namespace) as unknown as KubeObject['metadata'] };
}

/** `kubectl create configmap NAME --from-literal=k=v…`. */
export function configMapObject(name: string, namespace: string | undefined, data: Record<string, string>): KubeObject {
  const o: KubeObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name, namespace) as unknown as KubeObject['metadata'] };
  if (Object.keys(data).length) o.data = data;
  return o;
}

/** `kubectl create secret generic NAME --from-literal=k=v…` (values base64-encoded into `data`). */
export function secretObject(name: string, namespace: string | undefined, literal: Record<string, string>, type?: string): KubeObject {
  const o: KubeObject = { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, namespace) as unknown as KubeObject['metadata'] };
  const data = Object.fromEntries(Object.entries(literal).map(([k, v]) => [k, base64(v)]));
  if (Object.keys(data).length) o.data = data;
  if (type) o.type = type;
  return o;
}

/** Base64 of a UTF-8 string, without node:buffer. */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]! + (i + 1 < bytes.length ? abc[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? abc[n & 63]! : '=');
  }
  return out;
}

/** What `kubectl run` puts in the pod. */
export interface RunOptions {
  name: string;
  namespace?: string;
  image: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  port?: number;
  env: { name: string; value: string }[];
  command: boolean;
  argv: string[];
  restart: 'Always' | 'OnFailure' | 'Never';
  stdin: boolean;
  tty: boolean;
  imagePullPolicy?: string;
}

/** `kubectl run NAME --image=I …`: a Pod labelled `run=NAME` unless `--labels` says otherwise. */
export function runPodObject(o: RunOptions): KubeObject {
  const c: Obj = { name: o.name, image: o.image };
  if (o.argv.length) c[o.command ? 'command' : 'args'] = o.argv;
  if (o.port !== undefined) c.ports = [{ containerPort: o.port }];
  if (o.env.length) c.env = o.env;
  c.resources = {};
  if (o.imagePullPolicy) c.imagePullPolicy = o.imagePullPolicy;
  if (o.stdin) {
    c.stdin = true;
    c.stdinOnce = true;
  }
  if (o.tty) c.tty = true;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: meta(o.name, o.namespace, o.labels ?? { run: o.name }, o.annotations) as unknown as KubeObject['metadata'],
    spec: { containers: [c], restartPolicy: o.restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

/** One port of an exposed Service before target ports are filled in. */
export interface ExposePort {
  name?: string;
  protocol: string;
  port: number;
}

/** `kubectl expose`: the Service `createService` builds (selector, ports, target ports, type, clusterIP). */
export function exposeServiceObject(o: {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  selector: Record<string, string>;
  ports: ExposePort[];
  targetPort?: number | string;
  type?: string;
  clusterIP?: string;
  externalIP?: string;
  sessionAffinity?: string;
}): KubeObject {
  const ports = o.ports.map((p) => {
    const sp: Obj = {};
    if (p.name) sp.name = p.name;
    sp.protocol = p.protocol;
    sp.port = p.port;
    sp.targetPort = o.targetPort ?? p.port;
    return sp;
  });
  const spec: Obj = {};
  if (ports.length) spec.ports = ports;
  spec.selector = o.selector;
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (o.type) spec.type = o.type;
  if (o.externalIP) spec.externalIPs = [o.externalIP];
  if (o.sessionAffinity) spec.sessionAffinity = o.sessionAffinity;
  return { kind: 'Service', apiVersion: 'v1', metadata: meta(o.name, o.namespace, o.labels) as unknown as KubeObject['metadata'], spec, status: { loadBalancer: {} } };
}
