import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

describe('tee', () => {
  it('copies stdin to stdout and to files, appending with -a', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('echo one | tee a.txt b.txt')).toEqual({ stdout: 'one\n', stderr: '', exitCode: 0 });
    expect(sh.run('echo two | tee -a a.txt > /dev/null')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(sh.run('cat a.txt b.txt')).toEqual({ stdout: 'one\ntwo\none\n', stderr: '', exitCode: 0 });
  });

  it('reports a file it cannot write and still copies to stdout', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('echo x | tee /nope/f')).toEqual({ stdout: 'x\n', stderr: 'tee: /nope/f: No such file or directory\n', exitCode: 1 });
    expect(sh.run('tee --bogus')).toEqual({ stdout: '', stderr: "tee: unrecognized option '--bogus'\nTry 'tee --help' for more information.\n", exitCode: 1 });
  });

  it('the learner machine has an /etc/hosts to append to', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('head -2 /etc/hosts')).toEqual({ stdout: '127.0.0.1\tlocalhost\n127.0.1.1\tlaptop\n', stderr: '', exitCode: 0 });
  });
});
