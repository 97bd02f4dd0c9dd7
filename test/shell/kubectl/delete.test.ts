import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

const ok = (stdout: string, stderr = '') => ({ stdout, stderr, exitCode: 0 });
const err = (stderr: string, stdout = '') => ({ stdout, stderr, exitCode: 1 });
const POD = (name: string, app: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: ${app}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;

function withPods(): ShellSession {
  const sh = new ShellSession(new Cluster(), { files: { 'pods.yaml': `${POD('a', 'web')}---\n${POD('b', 'web')}---\n${POD('c', 'db')}` } });
  sh.run('kubectl apply -f pods.yaml');
  return sh;
}

describe('kubectl delete', () => {
  it('deletes by name, several names, and reports the missing ones after', () => {
    const sh = withPods();
    expect(sh.run('kubectl delete pod a')).toEqual(ok('pod "a" deleted\n'));
    expect(sh.run('kubectl delete pods b nope c')).toEqual(err('Error from server (NotFound): pods "nope" not found\n', 'pod "b" deleted\npod "c" deleted\n'));
  });

  it('deletes by label, by type/name, and everything with --all', () => {
    const sh = withPods();
    expect(sh.run('kubectl delete pods -l app=web')).toEqual(ok('pod "a" deleted\npod "b" deleted\n'));
    expect(sh.run('kubectl delete pod/c')).toEqual(ok('pod "c" deleted\n'));
    expect(sh.run('kubectl delete pods --all')).toEqual(ok('No resources found\n'));
  });

  it('deletes what a file describes, and a Deployment takes its pods with it', () => {
    const sh = withPods();
    expect(sh.run('kubectl delete -f pods.yaml')).toEqual(ok('pod "a" deleted\npod "b" deleted\npod "c" deleted\n'));
    expect(sh.run('kubectl delete -f pods.yaml')).toEqual(
      err(
        'Error from server (NotFound): error when deleting "pods.yaml": pods "a" not found\nError from server (NotFound): error when deleting "pods.yaml": pods "b" not found\nError from server (NotFound): error when deleting "pods.yaml": pods "c" not found\n',
      ),
    );
    sh.run('kubectl create deployment web --image=nginx --replicas=2');
    expect(sh.run('kubectl delete deployment web')).toEqual(ok('deployment.apps "web" deleted\n'));
    expect(sh.run('kubectl get pods')).toEqual(ok('', 'No resources found in default namespace.\n'));
  });

  it('force-deletes with a warning, dry-runs, and prints names', () => {
    const sh = withPods();
    expect(sh.run('kubectl delete pod a --dry-run=client')).toEqual(ok('pod "a" deleted (dry run)\n'));
    expect(sh.run('kubectl delete pod a --force --grace-period=0')).toEqual(
      ok('pod "a" force deleted\n', 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'),
    );
    expect(sh.run('kubectl delete pod b -o name')).toEqual(ok('pod/b\n'));
    expect(sh.run('kubectl delete pod nope --ignore-not-found')).toEqual(ok(''));
  });

  it('explains what is missing', () => {
    const sh = withPods();
    expect(sh.run('kubectl delete')).toEqual(
      err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"),
    );
    expect(sh.run('kubectl delete pods')).toEqual(err('error: resource(s) were provided, but no name was specified\n'));
    expect(sh.run('kubectl delete pods a --all')).toEqual(err('error: name cannot be provided when a selector is specified\n'));
    expect(sh.run('kubectl delete foos x')).toEqual(err('error: the server doesn\'t have a resource type "foos"\n'));
    expect(sh.run('kubectl delete pod a --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl delete --help' for usage.\n"));
  });

  it('the kubernetes Service comes back after delete all --all', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    expect(sh.run('kubectl delete all --all')).toEqual(ok('service "kubernetes" deleted\n'));
    expect(c.get('Service', 'default', 'kubernetes')).toBeDefined();
  });
});
