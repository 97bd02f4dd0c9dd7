import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { helpText } from '../../../src/shell/kubectl/help/index.js';
import { Cluster, type KubeObject } from '../../../src/sim/index.js';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

describe('kubectl create job', () => {
  it('stores a valid Job', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    expect(sh.run('kubectl create job hello --image=busybox -- echo hi')).toEqual(ok('job.batch/hello created\n'));
    const job = c.get<KubeObject & { spec: { template: { spec: unknown } } }>('Job', 'default', 'hello')!;
    expect(job.spec.template.spec).toEqual({ containers: [{ name: 'hello', image: 'busybox', command: ['echo', 'hi'], resources: {} }], restartPolicy: 'Never' });
    expect(sh.run('kubectl create job hello --image=busybox')).toEqual(err('error: failed to create job: jobs.batch "hello" already exists\n'));
  });

  it('words its mistakes as kubectl does', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl create job j --image=busybox --from=cronjob/x')).toEqual(err('error: either --image or --from must be specified\n'));
    expect(sh.run('kubectl create job j --from=cronjob/nightly')).toEqual(err('error: the server doesn\'t have a resource type "cronjob"\n'));
    expect(sh.run('kubectl create job j --image=busybox --restart=Never')).toEqual(err("error: unknown flag: --restart\nSee 'kubectl create job --help' for usage.\n"));
    expect(sh.run('kubectl create job --help')).toEqual(ok(helpText('create job')!));
  });
});

describe('kubectl create cronjob', () => {
  it('prints the manifest with --dry-run=client, and says plainly that the sandbox cannot run it', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl create cronjob tick --image=busybox --schedule "*/1 * * * *" --dry-run=client -o name')).toEqual(ok('cronjob.batch/tick\n'));
    expect(sh.run('kubectl create cronjob tick --image=busybox --schedule "*/1 * * * *"')).toEqual(
      err('error: kubectl create cronjob is not available in this sandbox: the simulated cluster has no CronJob controller (--dry-run=client -o yaml prints the manifest)\n'),
    );
    expect(sh.run('kubectl create cj tick --image=busybox --schedule "*/1 * * * *" --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl create cronjob --help' for usage.\n"));
    expect(sh.run('kubectl create cronjob --help')).toEqual(ok(helpText('create cronjob')!));
  });
});
