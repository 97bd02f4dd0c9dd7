import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster, type Deployment } from '../../../src/sim/index.js';

const ok = (stdout: string, stderr = '') => ({ stdout, stderr, exitCode: 0 });
const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

describe('kubectl set image', () => {
  it('updates the image of a Deployment (a new rollout) and of a Pod', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    sh.run('kubectl create deployment web --image=nginx');
    expect(sh.run('kubectl set image deployment/web nginx=nginx:1.25')).toEqual(ok('deployment.apps/web image updated\n'));
    expect(c.get<Deployment>('Deployment', 'default', 'web')!.spec.template.spec.containers[0]!.image).toBe('nginx:1.25');
    expect(sh.run('kubectl set image deployment/web nginx=nginx:1.25')).toEqual(ok(''));
    sh.run('kubectl run p --image=nginx');
    expect(sh.run('kubectl set image pod p p=nginx:1.25')).toEqual(ok('pod/p image updated\n'));
  });

  it('records the change cause with the deprecated --record', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    sh.run('kubectl create deployment web --image=nginx');
    expect(sh.run('kubectl set image deploy/web nginx=nginx:1.25 --record')).toEqual(
      ok('deployment.apps/web image updated\n', 'Flag --record has been deprecated, --record will be removed in the future\n'),
    );
    expect(c.get<Deployment>('Deployment', 'default', 'web')!.metadata.annotations?.['kubernetes.io/change-cause']).toBe('kubectl set image deploy/web nginx=nginx:1.25 --record=true');
  });

  it('explains its errors', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('kubectl create deployment web --image=nginx');
    expect(sh.run('kubectl set image deployment/web nope=nginx:1.25')).toEqual(err('error: unable to find container named "nope"\n'));
    expect(sh.run('kubectl set image deployment/web')).toEqual(err('error: at least one image update is required\n'));
    expect(sh.run('kubectl set image deployment/nope nginx=x')).toEqual(err('Error from server (NotFound): deployments.apps "nope" not found\n'));
    expect(sh.run('kubectl set image deployment/web nginx=x --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl set image --help' for usage.\n"));
  });
});
