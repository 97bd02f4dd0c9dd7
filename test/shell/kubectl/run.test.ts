import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster, type Pod } from '../../../src/sim/index.js';

const ok = (stdout: string, stderr = '') => ({ stdout, stderr, exitCode: 0 });
const err = (stderr: string, stdout = '') => ({ stdout, stderr, exitCode: 1 });
const WELCOME_START = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>';
const END = '</body>\n</html>\npod "tmp" deleted\n';

describe('kubectl run', () => {
  it('creates a pod labelled run=NAME, and refuses a second one', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    expect(sh.run('kubectl run web --image=nginx --port=80')).toEqual(ok('pod/web created\n'));
    expect(c.get<Pod>('Pod', 'default', 'web')!.metadata.labels).toEqual({ run: 'web' });
    expect(sh.run('kubectl run web --image=nginx')).toEqual(err('Error from server (AlreadyExists): pods "web" already exists\n'));
  });

  it('takes --labels, and an empty --labels keeps the default run=NAME', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    expect(sh.run('kubectl run a --image=nginx --labels=app=web,tier=fe')).toEqual(ok('pod/a created\n'));
    expect(sh.run('kubectl run b --image=nginx --labels=')).toEqual(ok('pod/b created\n'));
    expect([c.get<Pod>('Pod', 'default', 'a')!.metadata.labels, c.get<Pod>('Pod', 'default', 'b')!.metadata.labels]).toEqual([{ app: 'web', tier: 'fe' }, { run: 'b' }]);
  });

  it('creates the pod and a Service with --expose', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl run web --image=nginx --port=80 --expose')).toEqual(ok('pod/web created\nservice/web created\n'));
  });

  it('--rm -i runs a command, prints its output, and deletes the pod', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    sh.run('kubectl create deployment web --image=nginx');
    sh.run('kubectl expose deployment web --port=80');
    const r = sh.run('kubectl run tmp --rm -i --image=busybox --restart=Never -- wget -qO- http://web');
    expect({ start: r.stdout.slice(0, WELCOME_START.length), end: r.stdout.slice(-END.length), stderr: r.stderr, exitCode: r.exitCode }).toEqual({
      start: WELCOME_START,
      end: END,
      stderr: '',
      exitCode: 0,
    });
    expect(c.get('Pod', 'default', 'tmp')).toBeUndefined();
  });

  it('--rm -it -- sh enters the container; exit deletes the pod', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    expect(sh.run('kubectl run tmp --rm -it --image=busybox -- sh')).toEqual(ok('', "If you don't see a command prompt, try pressing enter.\n"));
    expect(sh.prompt()).toBe('/ # ');
    expect(sh.run('hostname')).toEqual(ok('tmp\n'));
    expect(sh.run('exit')).toEqual(ok("Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\npod \"tmp\" deleted\n"));
    expect(sh.prompt()).toBe('learner@laptop:~$ ');
    expect(c.get('Pod', 'default', 'tmp')).toBeUndefined();
  });

  it('explains its usage errors', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl run x')).toEqual(err('error: required flag(s) "image" not set\n'));
    expect(sh.run('kubectl run --image=nginx')).toEqual(err("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"));
    expect(sh.run('kubectl run x --image=nginx --rm')).toEqual(err("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n"));
    expect(sh.run('kubectl run x --image=nginx -t')).toEqual(err("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n"));
    expect(sh.run('kubectl run x --image=nginx --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl run --help' for usage.\n"));
  });
});
