import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster, type Deployment } from '../../../src/sim/index.js';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

const editorSession = (c: Cluster): ShellSession => new ShellSession(c, { editor: true });

describe('kubectl edit', () => {
  it('asks the UI to edit the object, and the save step replaces it', () => {
    const c = new Cluster();
    const sh = editorSession(c);
    sh.run('kubectl create deployment web --image=nginx');
    expect(sh.run('kubectl edit deployment web')).toEqual(ok(''));
    const [req] = sh.takeUiRequests();
    expect(req?.type === 'edit' && { path: req.path, onSave: req.onSave, head: req.content.split('\n').slice(0, 6).join('\n') }).toEqual({
      path: '/tmp/kubectl-edit-1.yaml',
      onSave: 'kubectl edit --edited-file=/tmp/kubectl-edit-1.yaml',
      head: "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\nkind: Deployment",
    });
    expect(sh.run('kubectl edit --edited-file=/tmp/kubectl-edit-1.yaml')).toEqual(ok('Edit cancelled, no changes made.\n'));
    const text = req!.type === 'edit' ? req!.content.replace('replicas: 1', 'replicas: 2') : '';
    sh.homeFs.writeFile('/tmp/kubectl-edit-1.yaml', text);
    expect(sh.run('kubectl edit --edited-file=/tmp/kubectl-edit-1.yaml')).toEqual(ok('deployment.apps/web edited\n'));
    expect(c.get<Deployment>('Deployment', 'default', 'web')!.spec.replicas).toBe(2);
  });

  it('an emptied file cancels the edit, and an invalid change is refused', () => {
    const c = new Cluster();
    const sh = editorSession(c);
    sh.run('kubectl run p --image=nginx');
    sh.run('kubectl edit pod p');
    sh.homeFs.writeFile('/tmp/kubectl-edit-1.yaml', '# nothing\n');
    expect(sh.run('kubectl edit --edited-file=/tmp/kubectl-edit-1.yaml')).toEqual(ok('Edit cancelled, no changes made.\n'));
    sh.run('kubectl edit pod p');
    const [req] = sh.takeUiRequests().slice(-1);
    sh.homeFs.writeFile('/tmp/kubectl-edit-2.yaml', req!.type === 'edit' ? req!.content.replace('restartPolicy: Always', 'restartPolicy: Never') : '');
    expect(sh.run('kubectl edit --edited-file=/tmp/kubectl-edit-2.yaml')).toEqual(
      err(
        'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\nA copy of your changes has been stored to "/tmp/kubectl-edit-2.yaml"\nerror: Edit cancelled, no valid changes were saved.\n',
      ),
    );
  });

  it('says it needs an editor when there is no UI, and names what is missing', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('kubectl run p --image=nginx');
    expect(sh.run('kubectl edit pod p')).toEqual(err('error: kubectl edit needs an interactive editor, which is not available here; use kubectl apply -f, kubectl patch or kubectl set instead\n'));
    expect(sh.run('kubectl edit pod nope')).toEqual(err('Error from server (NotFound): pods "nope" not found\n'));
    expect(sh.run('kubectl edit pod p --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl edit --help' for usage.\n"));
  });
});

describe('kubectl replace', () => {
  it('replaces an object from a file, and fails on a missing one', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    sh.run('kubectl create deployment web --image=nginx');
    sh.run('kubectl get deployment web -o yaml > d.yaml');
    expect(sh.run('kubectl replace -f d.yaml')).toEqual(ok('deployment.apps/web replaced\n'));
    sh.run('kubectl delete deployment web');
    expect(sh.run('kubectl replace -f d.yaml')).toEqual(err('Error from server (NotFound): error when replacing "d.yaml": deployments.apps "web" not found\n'));
    expect(sh.run('kubectl replace')).toEqual(err('error: must specify one of -f and -k\n'));
    expect(sh.run('kubectl replace -f d.yaml --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl replace --help' for usage.\n"));
  });
});

describe('kubectl edit TYPE', () => {
  it('edits every object of a type as one List, and saves each change', () => {
    const c = new Cluster();
    const sh = editorSession(c);
    sh.run('kubectl create deployment a --image=nginx');
    sh.run('kubectl create deployment b --image=nginx');
    sh.run('kubectl edit deployments');
    const [req] = sh.takeUiRequests();
    const content = req?.type === 'edit' ? req.content : '';
    expect(content.split('\n').slice(4, 7)).toEqual(['apiVersion: v1', 'items:', '- apiVersion: apps/v1']);
    sh.homeFs.writeFile('/tmp/kubectl-edit-1.yaml', content.replace(/replicas: 1/g, 'replicas: 2'));
    expect(sh.run('kubectl edit --edited-file=/tmp/kubectl-edit-1.yaml')).toEqual(ok('deployment.apps/a edited\ndeployment.apps/b edited\n'));
    expect(editorSession(new Cluster()).run('kubectl edit services -n kube-public')).toEqual({ stdout: '', stderr: 'No resources found in kube-public namespace.\n', exitCode: 0 });
  });
});
