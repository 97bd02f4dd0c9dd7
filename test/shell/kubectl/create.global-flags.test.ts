import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('global flags before the verb (cobra skips a global flag and its value when finding the command)', () => {
  it('kubectl -n other create deployment creates in that namespace', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    expect(sh.run('kubectl create namespace other')).toEqual(ok('namespace/other created\n'));
    expect(sh.run('kubectl -n other create deployment web2 --image=httpd')).toEqual(ok('deployment.apps/web2 created\n'));
    expect(c.get('Deployment', 'other', 'web2')).toBeDefined();
    expect(c.get('Deployment', 'default', 'web2')).toBeUndefined();
  });

  it('-n x, --namespace=x, --namespace x and -nx all reach get in namespace x', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('kubectl create namespace x');
    const empty = { stdout: '', stderr: 'No resources found in x namespace.\n', exitCode: 0 };
    expect(sh.run('kubectl -n x get pods')).toEqual(empty);
    expect(sh.run('kubectl --namespace=x get pods')).toEqual(empty);
    expect(sh.run('kubectl --namespace x get pods')).toEqual(empty);
    expect(sh.run('kubectl -nx get pods')).toEqual(empty);
  });

  it('-v, --context and --kubeconfig before the verb, and subcommands after them', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    expect(sh.run('kubectl -v 6 create deployment a --image=nginx')).toEqual(ok('deployment.apps/a created\n'));
    expect(sh.run('kubectl -v=6 create deployment b --image=nginx')).toEqual(ok('deployment.apps/b created\n'));
    expect(sh.run('kubectl --context minikube create service clusterip s --tcp=80')).toEqual(ok('service/s created\n'));
    expect(sh.run('kubectl --kubeconfig /home/learner/.kube/config -n default set image deployment/a nginx=nginx:1.27')).toEqual(ok('deployment.apps/a image updated\n'));
    expect(sh.run('kubectl -n default expose deployment b --port=80')).toEqual(ok('service/b exposed\n'));
    expect(sh.run('kubectl -n default run p --image=nginx')).toEqual(ok('pod/p created\n'));
  });
});

describe('words that are Object.prototype members are not verbs or subcommands', () => {
  it('kubectl constructor, create constructor, create service __proto__ get kubectl errors', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl constructor')).toEqual({ stdout: '', stderr: 'error: unknown command "constructor" for "kubectl"\n', exitCode: 1 });
    expect(sh.run('kubectl create constructor x')).toEqual({ stdout: '', stderr: "error: Unexpected args: [constructor x]\nSee 'kubectl create -h' for help and examples\n", exitCode: 1 });
    expect(sh.run('kubectl create service __proto__ x')).toEqual({ stdout: '', stderr: 'error: unknown command "__proto__" for "kubectl create service"\n', exitCode: 1 });
  });
});
