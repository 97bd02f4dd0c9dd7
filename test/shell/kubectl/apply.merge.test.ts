import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster, type Deployment, type Service } from '../../../src/sim/index.js';

const DEPLOY = (image: string, labels = '    tier: fe\n'): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
${labels}spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`;
const NODEPORT = (port: number): string => `apiVersion: v1
kind: Service
metadata:
  name: np
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: ${port}
    targetPort: 80
    nodePort: 30080
`;

const write = (sh: ShellSession, name: string, text: string): void => void sh.run(`cat > ${name} <<'EOF'\n${text}EOF`);

describe('kubectl apply: the three-way merge', () => {
  it('keeps what the server set (clusterIP, node port) and changes only what the file changed', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    write(sh, 'np.yaml', NODEPORT(80));
    expect(sh.run('kubectl apply -f np.yaml')).toEqual({ stdout: 'service/np created\n', stderr: '', exitCode: 0 });
    const ip = c.get<Service>('Service', 'default', 'np')!.spec.clusterIP;
    expect(sh.run('kubectl apply -f np.yaml')).toEqual({ stdout: 'service/np unchanged\n', stderr: '', exitCode: 0 });
    write(sh, 'np.yaml', NODEPORT(8080));
    expect(sh.run('kubectl apply -f np.yaml')).toEqual({ stdout: 'service/np configured\n', stderr: '', exitCode: 0 });
    const svc = c.get<Service>('Service', 'default', 'np')!;
    expect({ ip: svc.spec.clusterIP, ports: svc.spec.ports }).toEqual({ ip, ports: [{ port: 8080, targetPort: 80, nodePort: 30080, protocol: 'TCP' }] });
  });

  it('rolls a Deployment to a new image, and removing a label from the file removes it', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    write(sh, 'd.yaml', DEPLOY('nginx'));
    sh.run('kubectl apply -f d.yaml');
    write(sh, 'd.yaml', DEPLOY('nginx:1.25', ''));
    expect(sh.run('kubectl apply -f d.yaml')).toEqual({ stdout: 'deployment.apps/web configured\n', stderr: '', exitCode: 0 });
    const d = c.get<Deployment>('Deployment', 'default', 'web')!;
    expect({ labels: d.metadata.labels, image: d.spec.template.spec.containers[0]!.image, generation: d.metadata.generation }).toEqual({ labels: { app: 'web' }, image: 'nginx:1.25', generation: 2 });
  });

  it('applies a generated manifest twice (its status: {} stays the server\'s)', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    sh.run('kubectl run web --image=nginx --port=80 --dry-run=client -o yaml > pod.yaml');
    expect(sh.run('kubectl apply -f pod.yaml')).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 });
    expect(sh.run('kubectl apply -f pod.yaml')).toEqual({ stdout: 'pod/web unchanged\n', stderr: '', exitCode: 0 });
    sh.run('sleep 3');
    expect(sh.run('kubectl get pod web')).toEqual({ stdout: 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          9s\n', stderr: '', exitCode: 0 });
  });

  it('refuses to change an immutable selector', () => {
    const sh = new ShellSession(new Cluster());
    write(sh, 'd.yaml', DEPLOY('nginx'));
    sh.run('kubectl apply -f d.yaml');
    write(sh, 'd.yaml', DEPLOY('nginx').replace(/app: web/g, 'app: web2'));
    expect(sh.run('kubectl apply -f d.yaml')).toEqual({
      stdout: '',
      stderr:
        'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
      exitCode: 1,
    });
  });

  it('stores the applied configuration as kubectl does', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    write(sh, 'np.yaml', NODEPORT(80));
    sh.run('kubectl apply -f np.yaml');
    expect(c.get<Service>('Service', 'default', 'np')!.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration':
        '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"np","namespace":"default"},"spec":{"ports":[{"nodePort":30080,"port":80,"targetPort":80}],"selector":{"app":"web"},"type":"NodePort"}}\n',
    });
  });

  it('warns when the object was made with kubectl create, then patches it', () => {
    const sh = new ShellSession(new Cluster());
    write(sh, 'np.yaml', NODEPORT(80));
    sh.run('kubectl create -f np.yaml');
    expect(sh.run('kubectl apply -f np.yaml')).toEqual({
      stdout: 'service/np configured\n',
      stderr:
        'Warning: resource services/np is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      exitCode: 0,
    });
  });
});
