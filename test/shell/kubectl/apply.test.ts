import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
`;
const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

const shell = (files: Record<string, string> = {}): ShellSession => new ShellSession(new Cluster(), { files });
const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, stdout = '') => ({ stdout, stderr, exitCode: 1 });

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured', () => {
    const sh = shell({ 'pod.yaml': POD });
    expect(sh.run('kubectl apply -f pod.yaml')).toEqual(ok('pod/web created\n'));
    expect(sh.run('kubectl apply -f pod.yaml')).toEqual(ok('pod/web unchanged\n'));
    sh.run(`cat > pod.yaml <<'EOF'\n${POD.replace('app: web', 'app: web\n    tier: fe')}EOF`);
    expect(sh.run('kubectl apply -f pod.yaml')).toEqual(ok('pod/web configured\n'));
  });

  it('applies every manifest of a directory, and a Service twice is unchanged', () => {
    const sh = shell({ 'app/pod.yaml': POD, 'app/svc.yaml': SVC, 'app/notes.txt': 'x' });
    expect(sh.run('kubectl apply -f app/')).toEqual(ok('pod/web created\nservice/web created\n'));
    expect(sh.run('kubectl apply -f app')).toEqual(ok('pod/web unchanged\nservice/web unchanged\n'));
  });

  it('reads stdin with -f -', () => {
    const sh = shell();
    expect(sh.run(`kubectl apply -f - <<'EOF'\n${SVC}EOF`)).toEqual(ok('service/web created\n'));
  });

  it('refuses a change to an immutable Pod field with the apiserver message', () => {
    const sh = shell({ 'pod.yaml': POD });
    sh.run('kubectl apply -f pod.yaml');
    sh.run(`cat > pod.yaml <<'EOF'\n${POD.replace('containerPort: 80', 'containerPort: 8080')}EOF`);
    expect(sh.run('kubectl apply -f pod.yaml')).toEqual(
      err(
        'The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n',
      ),
    );
  });

  it('says a missing path does not exist, and needs -f', () => {
    const sh = shell();
    expect(sh.run('kubectl apply -f nope.yaml')).toEqual(err('error: the path "nope.yaml" does not exist\n'));
    expect(sh.run('kubectl apply')).toEqual(err('error: must specify one of -f and -k\n'));
  });

  it('refuses a namespace that contradicts the manifest', () => {
    const sh = shell({ 'pod.yaml': POD.replace('  name: web\n', '  name: web\n  namespace: dev\n') });
    sh.run('kubectl create namespace other');
    expect(sh.run('kubectl apply -f pod.yaml -n other')).toEqual(
      err('error: the namespace from the provided object "dev" does not match the namespace "other". You must pass \'--namespace=dev\' to perform this operation.\n'),
    );
  });

  it('prints successes before the errors of other objects', () => {
    const sh = shell({ 'all.yaml': `${SVC}---\n${SVC.replace('port: 80', 'port: 80\n    nodePort: 80').replace('spec:\n', 'spec:\n  type: NodePort\n').replace('name: web', 'name: np')}` });
    expect(sh.run('kubectl apply -f all.yaml')).toEqual(
      err(
        'The Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
        'service/web created\n',
      ),
    );
  });

  it('prints the object with --dry-run=client -o yaml and creates nothing', () => {
    const sh = shell({ 'svc.yaml': SVC });
    expect(sh.run('kubectl apply -f svc.yaml --dry-run=client')).toEqual(ok('service/web created (dry run)\n'));
    expect(sh.run('kubectl get svc web')).toEqual(err('Error from server (NotFound): services "web" not found\n'));
  });

  it('rejects an unknown flag', () => {
    expect(shell().run('kubectl apply -f x.yaml --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl apply --help' for usage.\n"));
  });
});
