import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../src/shell/index.js';
import { Cluster } from '../../src/sim/index.js';

describe('a shell inside a container starts where and with what the kubelet gave it', () => {
  it('sees env values taken from a ConfigMap', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('kubectl create configmap app --from-literal=MODE=demo');
    sh.run(`cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: {name: envpod}
spec:
  containers:
  - name: c
    image: busybox
    command: ["sleep", "3600"]
    env:
    - name: MODE
      valueFrom: {configMapKeyRef: {name: app, key: MODE}}
EOF`);
    expect(sh.run('kubectl exec envpod -- printenv MODE')).toEqual({ stdout: 'demo\n', stderr: '', exitCode: 0 });
  });

  it("starts in the image's working directory (httpd: /usr/local/apache2)", () => {
    const sh = new ShellSession(new Cluster());
    sh.run('kubectl run web --image=httpd');
    expect(sh.run('kubectl exec -it web -- bash')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(sh.prompt()).toBe('root@web:/usr/local/apache2# ');
    expect(sh.run('cat htdocs/index.html')).toEqual({ stdout: '<html><body><h1>It works!</h1></body></html>\n', stderr: '', exitCode: 0 });
  });
});
