import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster, type Pod } from '../../../src/sim/index.js';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

describe('kubectl label', () => {
  it('adds, refuses to overwrite, overwrites, removes', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    sh.run('kubectl run web --image=nginx --labels=app=web');
    expect(sh.run('kubectl label pod web tier=fe')).toEqual(ok('pod/web labeled\n'));
    expect(sh.run('kubectl label pod web app=api')).toEqual(err("error: 'app' already has a value (web), and --overwrite is false\n"));
    expect(sh.run('kubectl label pod web app=web')).toEqual(ok('pod/web not labeled\n'));
    expect(sh.run('kubectl label pods web app=api --overwrite')).toEqual(ok('pod/web labeled\n'));
    expect(sh.run('kubectl label pod/web tier-')).toEqual(ok('pod/web unlabeled\n'));
    expect(sh.run('kubectl label pod web nope-')).toEqual(ok('label "nope" not found.\npod/web not labeled\n'));
    expect(c.get<Pod>('Pod', 'default', 'web')!.metadata.labels).toEqual({ app: 'api' });
  });

  it('labels every match of a selector', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('kubectl run a --image=nginx --labels=app=web');
    sh.run('kubectl run b --image=nginx --labels=app=web');
    expect(sh.run('kubectl label pods -l app=web env=dev')).toEqual(ok('pod/a labeled\npod/b labeled\n'));
  });

  it('explains its errors', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('kubectl run web --image=nginx');
    expect(sh.run('kubectl label pod web')).toEqual(err('error: at least one label update is required\n'));
    expect(sh.run('kubectl label pod web a=b=c')).toEqual(err('error: invalid label spec: a=b=c\n'));
    expect(sh.run('kubectl label pod web a=b a-')).toEqual(err('error: can not both modify and remove a label in the same command\n'));
    expect(sh.run('kubectl label a=b')).toEqual(err('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'));
    expect(sh.run('kubectl label pod nope a=b')).toEqual(err('Error from server (NotFound): pods "nope" not found\n'));
    expect(sh.run('kubectl label pod web a=b --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl label --help' for usage.\n"));
  });
});
