import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster, type Pod } from '../../../src/sim/index.js';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

describe('kubectl annotate', () => {
  it('adds, refuses to overwrite, overwrites, removes', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    sh.run('kubectl run web --image=nginx');
    expect(sh.run('kubectl annotate pod web owner=team-a "description=the web pod"')).toEqual(ok('pod/web annotated\n'));
    expect(sh.run('kubectl annotate pod web owner=team-b')).toEqual(err("error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (team-a)\n"));
    expect(sh.run('kubectl annotate pod web owner=team-b --overwrite')).toEqual(ok('pod/web annotated\n'));
    expect(sh.run('kubectl annotate pod web description-')).toEqual(ok('pod/web annotated\n'));
    expect(c.get<Pod>('Pod', 'default', 'web')!.metadata.annotations).toEqual({ owner: 'team-b' });
  });

  it('explains its errors', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl annotate pod web')).toEqual(err('error: at least one annotation update is required\n'));
    expect(sh.run('kubectl annotate pod web a=b --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl annotate --help' for usage.\n"));
  });
});
