import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/index.js';
import { scriptOutput, statements } from '../../src/sim/shell-script.js';
import { createPod, logs, pod, row } from './lifecycle.helpers.js';

describe('main process output', () => {
  it('a shell loop logs what its echo statements print before the loop, and keeps running', () => {
    const c = new Cluster();
    createPod(c, 'worker', [{ name: 'worker', image: 'busybox', command: ['sh', '-c', 'echo worker ready; while true; do sleep 5; done'] }]);
    c.advance(2_000);
    expect({ row: row(c, 'worker'), logs: logs(c, pod(c, 'worker'), 'worker') }).toEqual({ row: '1/1 Running 0', logs: ['worker ready'] });
  });

  it("bash -c with printf and other statements: only the output is modelled, the rest ignored", () => {
    const c = new Cluster();
    createPod(c, 'w', [{ name: 'w', image: 'ubuntu', command: ['bash', '-c', 'mkdir -p /data && printf "%s=%d\\n" port 8080; echo "a; b"; sleep infinity'] }]);
    c.advance(2_000);
    expect({ row: row(c, 'w'), logs: logs(c, pod(c, 'w'), 'w') }).toEqual({ row: '1/1 Running 0', logs: ['port=8080', 'a; b'] });
  });

  it("sh -c 'echo hi' logs hi and exits 0 (Completed)", () => {
    const c = new Cluster();
    createPod(c, 'once', [{ name: 'once', image: 'busybox', command: ['sh', '-c', 'echo hi'] }], { restartPolicy: 'Never' });
    c.advance(4_000);
    expect({ row: row(c, 'once'), logs: logs(c, pod(c, 'once'), 'once'), exit: pod(c, 'once').status.containerStatuses![0]!.state.terminated?.exitCode }).toEqual({ row: '0/1 Completed 0', logs: ['hi'], exit: 0 });
  });

  it('parses statements and stops at the first loop', () => {
    expect(statements(`echo 'x;y' && echo z\nwhile true; do echo never; done`)).toEqual(["echo 'x;y'", 'echo z', 'while true', 'do echo never', 'done']);
    expect(scriptOutput(['/bin/sh', '-c', 'echo -n "a "; echo b; until false; do echo loop; done'])).toEqual(['a b']);
    expect(scriptOutput(['nginx', '-g', 'daemon off;'])).toEqual([]);
  });
});
