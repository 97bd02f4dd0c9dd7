import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster, type Service } from '../../../src/sim/index.js';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

describe('kubectl expose', () => {
  it('exposes a Deployment as a NodePort Service that selects its pods', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    sh.run('kubectl create deployment web --image=nginx --port=80');
    expect(sh.run('kubectl expose deployment web --type=NodePort --port=80')).toEqual(ok('service/web exposed\n'));
    const svc = c.get<Service>('Service', 'default', 'web')!;
    expect({ type: svc.spec.type, selector: svc.spec.selector, port: svc.spec.ports?.[0]?.port, target: svc.spec.ports?.[0]?.targetPort }).toEqual({ type: 'NodePort', selector: { app: 'web' }, port: 80, target: 80 });
    expect(sh.run('kubectl expose deployment web --port=80')).toEqual(err('Error from server (AlreadyExists): services "web" already exists\n'));
  });

  it('needs labels, a port, and an existing object', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('kubectl run bare --image=nginx --labels=');
    sh.run('kubectl create deployment noport --image=nginx');
    expect(sh.run('kubectl expose deployment noport')).toEqual(err("error: couldn't find port via --port flag or introspection\n"));
    expect(sh.run('kubectl expose deployment nope --port=80')).toEqual(err('Error from server (NotFound): deployments.apps "nope" not found\n'));
    expect(sh.run('kubectl expose')).toEqual(
      err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"),
    );
    expect(sh.run('kubectl expose deployment noport --port=80 --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl expose --help' for usage.\n"));
  });

  it('refuses a pod without labels', () => {
    const sh = new ShellSession(new Cluster(), { files: { 'p.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lonely\nspec:\n  containers:\n  - name: c\n    image: nginx\n' } });
    sh.run('kubectl apply -f p.yaml');
    expect(sh.run('kubectl expose pod lonely --port=80')).toEqual(err("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n"));
  });
});
