import { describe, expect, it } from 'vitest';
import { err, out, session } from './fixtures.js';

describe('ls -l follows the simulated clock', () => {
  it('stamps files when written, owns home files as learner, and counts GNU blocks (an empty file has none)', () => {
    const sh = session();
    sh.run('sleep 300');
    expect(sh.run('echo hello > a; touch empty; mkdir d; ls -l')).toEqual(
      out('total 8\n-rw-r--r-- 1 learner learner    6 Jan  1 12:26 a\ndrwxr-xr-x 2 learner learner 4096 Jan  1 12:26 d\n-rw-r--r-- 1 learner learner    0 Jan  1 12:26 empty\n'),
    );
    sh.run('sleep 3600');
    expect(sh.run('echo more >> a; ls -l a empty')).toEqual(out('-rw-r--r-- 1 learner learner 11 Jan  1 13:26 a\n-rw-r--r-- 1 learner learner  0 Jan  1 12:26 empty\n'));
  });

  it('lists container files as root, busybox in its own columns', () => {
    const sh = session({ pods: true });
    sh.run('kubectl exec bb -- touch /tmp/x');
    expect(sh.run('kubectl exec bb -- ls -l /tmp')).toEqual(out('total 0\n-rw-r--r--    1 root     root             0 Jan  1 12:21 x\n'));
    sh.run('kubectl exec test-pod -c c0 -- touch /tmp/x');
    expect(sh.run('kubectl exec test-pod -c c0 -- ls -l /tmp')).toEqual(out('total 0\n-rw-r--r-- 1 root root 0 Jan  1 12:21 x\n'));
  });
});

describe('ls without a terminal, printenv', () => {
  it('prints one name per line through kubectl exec without -t', () => {
    const sh = session({ pods: true });
    expect(sh.run('kubectl exec test-pod -c c0 -- ls /etc')).toEqual(out('hostname\nhosts\nos-release\nresolv.conf\n'));
    expect(sh.run('kubectl exec bb -- ls /etc')).toEqual(out('hostname\nhosts\nresolv.conf\n'));
  });

  it('printenv prints the environment or a variable, exit 1 when unset', () => {
    const sh = session({ pods: true });
    expect(sh.run('kubectl exec bb -- printenv HOSTNAME')).toEqual(out('bb\n'));
    expect(sh.run('kubectl exec test-pod -c c0 -- printenv HOSTNAME KUBERNETES_SERVICE_PORT')).toEqual(out('test-pod\n443\n'));
    expect(sh.run('kubectl exec bb -- printenv NOPE')).toEqual(err('command terminated with exit code 1\n'));
    expect(sh.run('printenv USER; printenv NOPE; echo $?')).toEqual(out('learner\n1\n'));
  });
});
