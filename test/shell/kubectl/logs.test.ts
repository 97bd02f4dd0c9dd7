import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/sim/index.js';
import type { ShellSession } from '../../../src/shell/index.js';
import { PODS, err, out, session } from './reading-helpers.js';

/** Replaces what a container's PID 1 wrote (this run and the previous one), as the runtime would have recorded it. */
function setLogs(sh: ShellSession, pod: string, container: string, logs: string[], previous: string[] = []): void {
  const p = sh.cluster.get<Pod>('Pod', 'default', pod)!;
  const rt = sh.cluster.state.runtime.get(p.metadata.uid!)!.containers.get(container)!;
  const t = Date.parse('2025-01-01T12:21:30Z');
  rt.logs = logs.map((line, i) => ({ time: t + i * 1000, line }));
  rt.previousLogs = previous.map((line, i) => ({ time: t - 60_000 + i * 1000, line }));
}

describe('kubectl logs', () => {
  it('prints what PID 1 wrote, with --tail, --timestamps and -f (which ends)', () => {
    const sh = session({ 'pods.yaml': PODS });
    sh.run('kubectl apply -f pods.yaml');
    sh.run('sleep 10');
    setLogs(sh, 'two', 'main', ['hello from main', 'second line', 'third line']);
    expect(sh.run('kubectl logs two -c main')).toEqual(out('hello from main\nsecond line\nthird line\n'));
    expect(sh.run('kubectl logs two -c main --tail=2')).toEqual(out('second line\nthird line\n'));
    expect(sh.run('kubectl logs two -c main --tail 1 --timestamps')).toEqual(out('2025-01-01T12:21:32.000000000Z third line\n'));
    expect(sh.run('kubectl logs -f two main --tail=1')).toEqual(out('third line\n'));
    expect(sh.run('kubectl logs pod/two -c main --tail=1 --prefix')).toEqual(out('[pod/two/main] third line\n'));
  });

  it('defaults to the first container of a multi-container pod, and says so', () => {
    const sh = session({ 'pods.yaml': PODS });
    sh.run('kubectl apply -f pods.yaml');
    sh.run('sleep 10');
    setLogs(sh, 'two', 'main', ['hello from main']);
    expect(sh.run('kubectl logs two')).toEqual({ stdout: 'hello from main\n', stderr: 'Defaulted container "main" out of: main, side\n', exitCode: 0 });
    expect(sh.run('kubectl logs two -c nope')).toEqual(err('error: container nope is not valid for pod two\n'));
  });

  it('shows the last run of a crashing container, and the one before with --previous', () => {
    const sh = session({ 'pods.yaml': PODS });
    sh.run('kubectl apply -f pods.yaml');
    sh.run('sleep 40');
    setLogs(sh, 'crash', 'app', [], ['starting', 'failing']);
    expect(sh.run('kubectl logs crash')).toEqual(out('starting\nfailing\n'));
    expect(sh.run('kubectl logs crash --previous')).toEqual(out('starting\nfailing\n'));
    expect(sh.run('kubectl logs two -c side -p')).toEqual(err('Error from server (BadRequest): previous terminated container "side" in pod "two" not found\n'));
  });

  it('repeats the kubelet when a container has not started', () => {
    const sh = session({ 'pods.yaml': PODS });
    sh.run('kubectl apply -f pods.yaml');
    sh.run('sleep 20');
    expect(sh.run('kubectl logs typo')).toEqual(err('Error from server (BadRequest): container "web" in pod "typo" is waiting to start: trying and failing to pull image\n'));
    expect(sh.run('kubectl logs nowhere')).toEqual(out(''));
  });

  it('picks a pod of a Deployment or Service, and reads several pods by label', () => {
    const sh = session();
    sh.run('sleep 10');
    const pods = sh.cluster.list<Pod>('Pod', 'default').map((p) => p.metadata.name);
    setLogs(sh, pods[0]!, 'nginx', ['GET / 200 (first)']);
    setLogs(sh, pods[1]!, 'nginx', ['GET / 200 (second)', 'GET /x 404 (second)']);
    expect(sh.run('kubectl logs deploy/web')).toEqual({ stdout: 'GET / 200 (first)\n', stderr: `Found 2 pods, using pod/${pods[0]}\n`, exitCode: 0 });
    expect(sh.run('kubectl logs svc/web --tail=1')).toEqual({ stdout: 'GET / 200 (first)\n', stderr: `Found 2 pods, using pod/${pods[0]}\n`, exitCode: 0 });
    expect(sh.run('kubectl logs -l app=web')).toEqual(out('GET / 200 (first)\nGET / 200 (second)\nGET /x 404 (second)\n'));
    expect(sh.run('kubectl logs -l app=web --prefix --tail=1')).toEqual(out(`[pod/${pods[0]}/nginx] GET / 200 (first)\n[pod/${pods[1]}/nginx] GET /x 404 (second)\n`));
    expect(sh.run('kubectl logs -l app=none')).toEqual(err('No resources found in default namespace.\n', 0));
  });

  it('answers mistakes in kubectl\'s words', () => {
    const sh = session();
    expect(sh.run('kubectl logs')).toEqual(
      err(`error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n`),
    );
    expect(sh.run('kubectl logs nope')).toEqual(err('Error from server (NotFound): pods "nope" not found\n'));
    expect(sh.run('kubectl logs deploy/nope')).toEqual(err('Error from server (NotFound): deployments.apps "nope" not found\n'));
    expect(sh.run('kubectl logs web -l app=web')).toEqual(err(`error: only one of a selector or a resource name may be specified\nSee 'kubectl logs -h' for help and examples\n`));
    expect(sh.run('kubectl logs web --tail=x')).toEqual(err(`error: invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee 'kubectl logs --help' for usage.\n`));
    expect(sh.run('kubectl logs web --bogus')).toEqual(err(`error: unknown flag: --bogus\nSee 'kubectl logs --help' for usage.\n`));
  });
});
