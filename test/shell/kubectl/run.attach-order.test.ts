import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster, type Service } from '../../../src/sim/index.js';

const NOTICE = "If you don't see a command prompt, try pressing enter.\n";

function withService(): { c: Cluster; sh: ShellSession } {
  const c = new Cluster();
  const sh = new ShellSession(c);
  sh.run('kubectl create deployment v2 --image=nginx');
  sh.run('kubectl expose deployment v2 --port=80');
  return { c, sh };
}

describe('kubectl run -it --rm: what a terminal shows, in order', () => {
  it('prints the notice, then the command output, then the deletion', () => {
    const { c, sh } = withService();
    const ip = c.get<Service>('Service', 'default', 'v2')!.spec.clusterIP;
    expect(sh.run('kubectl run -it --rm t --image=busybox --restart=Never -- nslookup v2')).toEqual({
      stdout: `${NOTICE}Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tv2.default.svc.cluster.local\nAddress: ${ip}\n\npod "t" deleted\n`,
      stderr: '',
      exitCode: 0,
    });
    expect(c.get('Pod', 'default', 't')).toBeUndefined();
  });

  it('a failing command: output, deletion, then the termination error with its exit code', () => {
    const { sh } = withService();
    expect(sh.run('kubectl run -it --rm t --image=busybox --restart=Never -- sh -c "echo hi; exit 3"')).toEqual({
      stdout: `${NOTICE}hi\npod "t" deleted\n`,
      stderr: 'pod default/t terminated (Error)\n',
      exitCode: 3,
    });
  });

  it('without --rm and restart Always, the session-ended message comes last', () => {
    const { sh } = withService();
    expect(sh.run('kubectl run -it t --image=busybox -- echo hi')).toEqual({
      stdout: `${NOTICE}hi\n`,
      stderr: "Session ended, resume using 'kubectl attach t -c t -i -t' command when the pod is running\n",
      exitCode: 0,
    });
  });

  it('when stdout is a pipe the notice stays on stderr, as kubectl writes it', () => {
    const { sh } = withService();
    expect(sh.run('kubectl run -it --rm t --image=busybox --restart=Never -- echo hi | cat')).toEqual({
      stdout: 'hi\npod "t" deleted\n',
      stderr: NOTICE,
      exitCode: 0,
    });
  });
});
