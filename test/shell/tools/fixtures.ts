/** Shared set-up for the tool tests: a cluster with a few pods, a session, and a one-line runner. */
import { Cluster, nodeDisk } from '../../../src/sim/index.js';
import { NGINX_WELCOME } from '../../../src/sim/images/web.js';
import { ShellSession, type CommandResult } from '../../../src/shell/index.js';

export const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: test-pod
spec:
  containers:
  - name: c0
    image: ubuntu
    command: ["/bin/bash", "-c", "while true; do sleep 5; done"]
  - name: c01
    image: httpd
    ports:
    - containerPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: bb
spec:
  containers:
  - name: bb
    image: busybox:1.36
    command: ["sleep", "3600"]
---
apiVersion: v1
kind: Pod
metadata:
  name: old
spec:
  containers:
  - name: old
    image: busybox:1.28
    command: ["sleep", "3600"]
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: nginx
    image: nginx
    volumeMounts: [{name: d, mountPath: /usr/share/nginx/html}]
  volumes: [{name: d, hostPath: {path: /data/web, type: DirectoryOrCreate}}]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, nodePort: 31341}]
`;

/** A session over a fresh cluster; with `pods`, the PODS manifest applied and running. */
export function session(opts: { pods?: boolean; nodes?: number } = {}): ShellSession {
  const cluster = new Cluster({ nodes: opts.nodes ?? 1 });
  const sh = new ShellSession(cluster, { files: opts.pods ? { 'pods.yaml': PODS } : {} });
  if (opts.pods) {
    // The hostPath mounted over nginx's html directory holds its welcome page (an empty one would answer 403).
    for (const node of cluster.nodes()) nodeDisk(cluster, node.metadata.name).mkdir('/data/web', { parents: true });
    for (const node of cluster.nodes()) nodeDisk(cluster, node.metadata.name).writeFile('/data/web/index.html', NGINX_WELCOME);
    const r = sh.run('kubectl apply -f pods.yaml');
    if (r.exitCode !== 0) throw new Error(r.stderr);
    sh.run('sleep 5');
  }
  return sh;
}

export const out = (stdout: string, exitCode = 0): CommandResult => ({ stdout, stderr: '', exitCode });
export const err = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr, exitCode });

/** The IP of a pod or the ClusterIP of a Service. */
export function ipOf(sh: ShellSession, kind: 'pod' | 'svc', name: string): string {
  if (kind === 'pod') return (sh.cluster.get('Pod', 'default', name) as { status: { podIP?: string } } | undefined)?.status.podIP ?? '';
  return (sh.cluster.get('Service', 'default', name) as { spec: { clusterIP?: string } } | undefined)?.spec.clusterIP ?? '';
}
