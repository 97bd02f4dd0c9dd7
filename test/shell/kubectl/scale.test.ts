import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster, type Pod } from '../../../src/sim/index.js';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

describe('kubectl scale', () => {
  it('scales a Deployment and the controllers follow', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    sh.run('kubectl create deployment web --image=nginx');
    expect(sh.run('kubectl scale deployment web --replicas=3')).toEqual(ok('deployment.apps/web scaled\n'));
    sh.run('sleep 5');
    expect(c.list<Pod>('Pod', 'default').length).toBe(3);
    expect(sh.run('kubectl scale deploy/web --replicas=1 --current-replicas=2')).toEqual(err('error: Expected replicas to be 2, was 3\n'));
    expect(sh.run('kubectl scale deploy/web --replicas=1 --dry-run=client')).toEqual(ok('deployment.apps/web scaled (dry run)\n'));
  });

  it('explains its errors', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl scale deployment web')).toEqual(err('error: required flag(s) "replicas" not set\n'));
    expect(sh.run('kubectl scale deployment web --replicas=-1')).toEqual(err('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n'));
    expect(sh.run('kubectl scale deployment web --replicas=2')).toEqual(err('error: no objects passed to scale deployments.apps "web" not found\n'));
    expect(sh.run('kubectl scale deployment web --replicas=2 --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl scale --help' for usage.\n"));
  });
});
