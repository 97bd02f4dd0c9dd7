import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

const ok = (stdout: string, stderr = '') => ({ stdout, stderr, exitCode: 0 });
const err = (stderr: string, exitCode = 1) => ({ stdout: '', stderr, exitCode });

function withWeb(): ShellSession {
  const sh = new ShellSession(new Cluster());
  sh.run('kubectl create deployment web --image=nginx --replicas=2 --port=80');
  sh.run('kubectl expose deployment web --port=80');
  sh.run('kubectl run box --image=busybox -- sleep 3600');
  sh.run('sleep 5');
  return sh;
}

describe('kubectl exec', () => {
  it('runs a command in a pod, a Deployment\'s pod or a Service\'s pod', () => {
    const sh = withWeb();
    expect(sh.run('kubectl exec box -- hostname')).toEqual(ok('box\n'));
    expect(sh.run('kubectl exec deploy/web -- hostname')).toEqual(sh.run('kubectl exec svc/web -- hostname'));
    expect(sh.run('kubectl exec pod/box -- cat /etc/resolv.conf')).toEqual(ok('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'));
  });

  it('reports a failing command with its exit code, and a missing tool as the runtime does', () => {
    const sh = withWeb();
    expect(sh.run("kubectl exec box -- sh -c 'exit 3'")).toEqual(err('command terminated with exit code 3\n', 3));
    expect(sh.run('kubectl exec box -- curl http://web')).toEqual(
      err(
        'error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n',
      ),
    );
  });

  it('names a missing absolute path as the runtime does', () => {
    const sh = withWeb();
    expect(sh.run('kubectl exec -it box -- /bin/bash')).toEqual(
      err(
        'error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown\n',
      ),
    );
  });

  it('-t gives the command a terminal: curl prints no progress meter', () => {
    const sh = withWeb();
    const r = sh.run('kubectl exec -t deploy/web -- curl localhost');
    expect({ title: /<title>(.*)<\/title>/.exec(r.stdout)?.[1], stderr: r.stderr, exitCode: r.exitCode }).toEqual({ title: 'Welcome to nginx!', stderr: '', exitCode: 0 });
    expect(sh.run('kubectl exec deploy/web -- curl localhost').stderr.startsWith('  % Total')).toBe(true);
  });

  it('-it with a shell moves the prompt into the container', () => {
    const sh = withWeb();
    expect(sh.run('kubectl exec -it box -- sh')).toEqual(ok(''));
    expect(sh.prompt()).toBe('/ # ');
  });

  it('explains its usage errors', () => {
    const sh = withWeb();
    expect(sh.run('kubectl exec box ls')).toEqual(err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"));
    expect(sh.run('kubectl exec')).toEqual(err('error: pod, type/name or --filename must be specified\n'));
    expect(sh.run('kubectl exec box')).toEqual(err('error: you must specify at least one command for the container\n'));
    expect(sh.run('kubectl exec nope -- ls')).toEqual(err('Error from server (NotFound): pods "nope" not found\n'));
    expect(sh.run('kubectl exec box -c nope -- ls')).toEqual(err('error: unable to upgrade connection: container not found ("nope")\n'));
    expect(sh.run('kubectl exec box --bogus -- ls')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl exec --help' for usage.\n"));
  });
});
