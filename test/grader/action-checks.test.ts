import { describe, expect, it } from 'vitest';
import { loadCel } from '../../src/grader/index.js';
import { CLIENT, grade, sandbox, WEB } from './helpers.js';

describe('ranInContainer', () => {
  it('finds a command run in a container picked by labels and name, and checks what it printed and its exit code', () => {
    const env = sandbox(WEB + 'kubectl exec web -- curl -s localhost\nkubectl exec web -- cat /nope\n');
    const check = { type: 'ranInContainer', selector: { app: 'web' }, container: 'nginx', command: '^curl\\b' } as const;
    expect(grade(env, check).message).toBe('You ran curl -s localhost in container nginx of pod web');
    expect(grade(env, { ...check, outputMatches: 'Welcome to nginx!' }).ok).toBe(true);
    expect(grade(env, { ...check, outputMatches: 'It works!' }).message).toBe('You ran curl -s localhost in container nginx of pod web, but it did not print "It works!"');
    expect(grade(env, { ...check, command: '^cat\\b', exitCode: 0 }).message).toBe('You ran cat /nope in container nginx of pod web, but it exited with status 1, not 0');
    expect(grade(env, { ...check, container: 'sidecar' }).message).toBe('You have not run curl in container sidecar of pod web yet (kubectl exec web -c sidecar -- …)');
    expect(grade(env, { type: 'ranInContainer', command: '^wget' }).message).toBe('You have not run wget in a pod yet (kubectl exec POD -- …)');
  });

  it('names the pod a selector picks (with its namespace), or says there is none, and never shows the regex', () => {
    const env = sandbox('kubectl create namespace shop\n' + WEB.replace('name: web', 'name: web\n  namespace: shop') + 'kubectl exec -n shop web -- curl -s localhost\n');
    const check = { type: 'ranInContainer', selector: { app: 'web' }, command: '^wget\\b.*(localhost|127\\.0\\.0\\.1)' } as const;
    expect(grade(env, check).message).toBe('You have not run wget … localhost (or 127.0.0.1) in pod web in namespace shop yet (kubectl exec -n shop web -- …)');
    expect(grade(env, { ...check, command: '^curl\\b', outputMatches: 'It works!' }).message).toBe(
      'You ran curl -s localhost in container nginx of pod web in namespace shop, but it did not print "It works!"',
    );
    expect(grade(env, { ...check, command: '^curl\\b', outputMatches: 'It w[o]rks' }).message).toBe(
      'You ran curl -s localhost in container nginx of pod web in namespace shop, but its output is not what this task expects',
    );
    expect(grade(env, { ...check, selector: { app: 'duo' }, container: 'client' }).message).toBe(
      'You have not run wget … localhost (or 127.0.0.1) in container client of a pod labelled app=duo: there is no such pod yet',
    );
    expect(grade(env, { ...check, command: '^wget\\b(?=.*\\blocalhost\\b)' }).message).toBe(
      'You have not run the command this task asks for in pod web in namespace shop yet (kubectl exec -n shop web -- …)',
    );
  });

  it('counts commands typed inside an interactive shell in the container', () => {
    const env = sandbox(CLIENT + 'kubectl exec -it client -- sh\nwget -qO- http://10.96.0.1:443 || true\nexit\n');
    expect(grade(env, { type: 'ranInContainer', selector: { app: 'client' }, command: '^wget' }).ok).toBe(true);
  });
});

describe('ranCommand', () => {
  it('matches commands by location, output and exit code', () => {
    const env = sandbox('kubectl get pods\nkubectl get nodes\n');
    expect(grade(env, { type: 'ranCommand', location: 'host', command: 'get nodes', outputMatches: 'minikube' }).message).toBe('You ran kubectl get nodes on your machine');
    expect(grade(env, { type: 'ranCommand', location: 'host', command: 'get pods', outputMatches: 'web' }).message).toBe('You ran kubectl get pods on your machine, but it did not print "web"');
    expect(grade(env, { type: 'ranCommand', location: 'node', command: 'iptables' }).message).toBe('You have not run iptables on a node yet (minikube ssh, then run it there)');
  });
});

describe('fileContains', () => {
  it('reads the learner’s home, a node disk and a container', () => {
    const env = sandbox(WEB + 'echo hello > note.txt\nkubectl exec web -- sh -c "echo hi > /tmp/x"\n');
    expect(grade(env, { type: 'fileContains', location: 'host', path: '/home/learner/note.txt', text: 'hello' }).message).toBe('/home/learner/note.txt on your machine contains "hello"');
    expect(grade(env, { type: 'fileContains', location: 'host', path: '/home/learner/note.txt', text: 'bye' }).message).toBe('/home/learner/note.txt on your machine does not contain "bye"');
    expect(grade(env, { type: 'fileContains', location: { pod: { app: 'web' } }, path: '/tmp/x', text: 'hi' }).message).toBe('/tmp/x in container nginx of pod web contains "hi"');
    expect(grade(env, { type: 'fileContains', location: { node: 'minikube' }, path: '/data/x', text: 'hi' }).message).toBe('There is no file /data/x on node minikube');
  });
});

describe('cel', () => {
  it('evaluates over objects, pods, services and actions, with the author’s message on failure', async () => {
    await loadCel();
    const env = sandbox(WEB + 'kubectl get pods\n');
    const yes = { type: 'cel', expr: "pods.exists(p, p.labels.app == 'web' && p.ready && p.containers[0].name == 'nginx')", message: 'no' } as const;
    expect(grade(env, yes)).toEqual({ ok: true, message: 'done', checks: [{ ok: true, message: 'done' }] });
    expect(grade(env, { type: 'cel', expr: "objects.exists(o, o.kind == 'Pod' && o.metadata.name == 'web' && o.spec.containers[0].ports[0].containerPort == 80)", message: 'no' }).ok).toBe(true);
    expect(grade(env, { type: 'cel', expr: "actions.exists(a, a.location == 'host' && a.command == 'kubectl get pods')", message: 'no' }).ok).toBe(true);
    expect(grade(env, { type: 'cel', expr: "services.exists(s, s.name == 'kubernetes' && s.clusterIP == '10.96.0.1')", message: 'no' }).ok).toBe(true);
    expect(grade(env, { type: 'cel', expr: 'size(pods) == 0', message: 'Delete every pod.' }).message).toBe('Delete every pod.');
    expect(grade(env, { type: 'cel', expr: 'pods[0].nope', message: 'Broken.' }).message).toBe('Broken. (the check could not run: field not found: nope)');
    expect(grade(env, { type: 'cel', expr: '1 + 1', message: 'Not a condition.' }).message).toBe('Not a condition. (the check could not run: the expression gave 2, not true or false)');
  });
});
