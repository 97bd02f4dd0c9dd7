import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster, type Deployment, type Secret } from '../../../src/sim/index.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
`;
const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, stdout = '') => ({ stdout, stderr, exitCode: 1 });

describe('kubectl create -f', () => {
  it('creates, then refuses an existing object with the file named', () => {
    const sh = new ShellSession(new Cluster(), { files: { 'pod.yaml': POD } });
    expect(sh.run('kubectl create -f pod.yaml')).toEqual(ok('pod/web created\n'));
    expect(sh.run('kubectl create -f pod.yaml')).toEqual(err('Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n'));
  });

  it('needs -f, and an existing path', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl create')).toEqual(err('error: must specify one of -f and -k\n'));
    expect(sh.run('kubectl create -f x.yaml')).toEqual(err('error: the path "x.yaml" does not exist\n'));
    expect(sh.run('kubectl create foo')).toEqual(err("error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n"));
  });
});

describe('kubectl create generators against the simulated apiserver', () => {
  it('creates a Deployment whose pods run, and wraps AlreadyExists as create deployment does', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    expect(sh.run('kubectl create deployment web --image=nginx --replicas=2')).toEqual(ok('deployment.apps/web created\n'));
    expect(sh.run('kubectl create deployment web --image=nginx')).toEqual(err('error: failed to create deployment: deployments.apps "web" already exists\n'));
    expect(c.get<Deployment>('Deployment', 'default', 'web')!.status.readyReplicas).toBe(2);
  });

  it('creates each Service type, with the apiserver errors wrapped', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl create service nodeport web --tcp=80:8080')).toEqual(ok('service/web created\n'));
    expect(sh.run('kubectl create service clusterip web --tcp=80')).toEqual(err('error: failed to create ClusterIP service: services "web" already exists\n'));
    expect(sh.run('kubectl create service nodeport bad --tcp=80 --node-port=80')).toEqual(
      err('error: failed to create NodePort service: Service "bad" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n'),
    );
    expect(sh.run('kubectl create service externalname ext --external-name=example.com')).toEqual(ok('service/ext created\n'));
    expect(sh.run('kubectl create service loadbalancer lb --tcp=80')).toEqual(ok('service/lb created\n'));
  });

  it('creates namespaces, config maps, secrets and ingresses', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    expect(sh.run('kubectl create namespace dev')).toEqual(ok('namespace/dev created\n'));
    expect(sh.run('kubectl create ns dev')).toEqual(err('Error from server (AlreadyExists): namespaces "dev" already exists\n'));
    expect(sh.run('kubectl create configmap cfg --from-literal=a=1 -n dev')).toEqual(ok('configmap/cfg created\n'));
    expect(sh.run('kubectl create secret generic s --from-literal=password=abc')).toEqual(ok('secret/s created\n'));
    expect(c.get<Secret>('Secret', 'default', 's')!.data).toEqual({ password: 'YWJj' });
    expect(sh.run('kubectl create ingress web --rule=/=web:80')).toEqual(ok('ingress.networking.k8s.io/web created\n'));
    expect(sh.run('kubectl create deployment web --image=nginx -n nope')).toEqual(err('error: failed to create deployment: namespaces "nope" not found\n'));
  });

  it('names the kind with its group in a wrapped Invalid error', () => {
    expect(new ShellSession(new Cluster()).run('kubectl create deployment Web --image=nginx')).toEqual(
      err(
        'error: failed to create deployment: Deployment.apps "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n',
      ),
    );
  });

  it('prints a name with -o name', () => {
    expect(new ShellSession(new Cluster()).run('kubectl create deployment web --image=nginx -o name')).toEqual(ok('deployment.apps/web\n'));
  });

  it('rejects unknown flags on every generator', () => {
    const sh = new ShellSession(new Cluster());
    for (const [cmd, path] of [
      ['create deployment web --image=nginx --bogus', 'create deployment'],
      ['create service clusterip web --tcp=80 --bogus', 'create service clusterip'],
      ['create namespace dev --bogus', 'create namespace'],
      ['create ingress web --rule=/=a:80 --bogus', 'create ingress'],
      ['create configmap c --bogus', 'create configmap'],
      ['create secret generic s --bogus', 'create secret generic'],
      ['create -f x.yaml --bogus', 'create'],
    ] as const) {
      expect(sh.run(`kubectl ${cmd}`)).toEqual(err(`error: unknown flag: --bogus\nSee 'kubectl ${path} --help' for usage.\n`));
    }
  });
});

describe('--dry-run=server', () => {
  it('checks against the cluster but stores nothing', () => {
    const c = new Cluster();
    const sh = new ShellSession(c, { files: { 'pod.yaml': POD } });
    expect(sh.run('kubectl create -f pod.yaml --dry-run=server')).toEqual(ok('pod/web created (server dry run)\n'));
    expect(sh.run('kubectl run web --image=nginx --dry-run=server')).toEqual(ok('pod/web created (server dry run)\n'));
    expect(sh.run('kubectl create deployment web --image=nginx --dry-run=server')).toEqual(ok('deployment.apps/web created (server dry run)\n'));
    expect(c.get('Pod', 'default', 'web')).toBeUndefined();
    sh.run('kubectl create -f pod.yaml');
    expect(sh.run('kubectl create -f pod.yaml --dry-run=server')).toEqual(err('Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n'));
    expect(sh.run('kubectl run web --image=nginx --dry-run=server')).toEqual(err('Error from server (AlreadyExists): pods "web" already exists\n'));
  });
});

describe('global flags before the verb', () => {
  it('finds the subcommand after -n NS', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('kubectl create namespace dev');
    expect(sh.run('kubectl -n dev create deployment web --image=nginx')).toEqual(ok('deployment.apps/web created\n'));
    expect(sh.run('kubectl -n dev create service clusterip web --tcp=80')).toEqual(ok('service/web created\n'));
    expect(sh.run('kubectl -n dev create secret generic s --from-literal=a=b')).toEqual(ok('secret/s created\n'));
    expect(sh.run('kubectl -n dev set image deploy/web nginx=nginx:1.25')).toEqual(ok('deployment.apps/web image updated\n'));
    expect(sh.run('kubectl -n dev rollout restart deploy/web')).toEqual(ok('deployment.apps/web restarted\n'));
    expect(sh.run('kubectl create -n dev configmap c')).toEqual(ok('configmap/c created\n'));
  });
});
