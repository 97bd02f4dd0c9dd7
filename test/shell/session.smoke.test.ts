import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/index.js';
import { ShellSession } from '../../src/shell/index.js';

const POD = `apiVersion: v1
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
`;

describe('shell session: the walking skeleton', () => {
  it('prints kubectl\'s empty-namespace message', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl get pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('applies a heredoc manifest, and the two containers talk over localhost', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run(`cat <<EOF > pod.yaml\n${POD}EOF`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(sh.run('kubectl apply -f pod.yaml')).toEqual({ stdout: 'pod/test-pod created\n', stderr: '', exitCode: 0 });
    expect(sh.run('kubectl get pods')).toEqual({ stdout: 'NAME       READY   STATUS    RESTARTS   AGE\ntest-pod   2/2     Running   0          2s\n', stderr: '', exitCode: 0 });
    expect(sh.run('kubectl exec test-pod -c c01 -- curl localhost:80')).toEqual({
      stdout: '',
      stderr: 'error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n',
      exitCode: 1,
    });
    expect(sh.run('kubectl exec -it test-pod -c c0 -- bash')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(sh.prompt()).toBe('root@test-pod:/# ');
    expect(sh.run('curl localhost:80')).toEqual({ stdout: '', stderr: 'bash: curl: command not found\n', exitCode: 127 });
  });

  it('reports an open heredoc as incomplete', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.isComplete('cat <<EOF > x.yaml\na: 1')).toBe(false);
    expect(sh.isComplete('cat <<EOF > x.yaml\na: 1\nEOF')).toBe(true);
  });
});
