import { describe, expect, it } from 'vitest';
import { replay, splitCommands, startLesson } from '../../src/lessons/index.js';

describe('splitting scripts into typed commands', () => {
  it('keeps heredocs and open quotes together, drops blank lines between commands, keeps an unfinished tail', () => {
    const { session } = startLesson({ setup: { commands: [] }, files: {} });
    expect(splitCommands(session, 'ls\n\n  \ncat <<EOF > a\none\n\ntwo\nEOF\necho "a\nb"\necho \'open')).toEqual(['ls', 'cat <<EOF > a\none\n\ntwo\nEOF', 'echo "a\nb"', "echo 'open"]);
    expect(splitCommands(session, 'a\r\nb\r\n')).toEqual(['a', 'b']);
  });
});

describe('starting a lesson', () => {
  it('builds the cluster the setup asks for, places files in the home directory, runs setup, and forgets setup’s actions', () => {
    const env = startLesson({ setup: { nodes: 2, networkPlugin: 'flannel', commands: ['kubectl apply -f app/pod.yaml'] }, files: { 'app/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n' } });
    expect(env.setup.map((s) => [s.prompt, s.text, s.result])).toEqual([['learner@laptop:~$ ', 'kubectl apply -f app/pod.yaml', { stdout: 'pod/p created\n', stderr: '', exitCode: 0 }]]);
    expect([env.cluster.nodes().map((n) => n.metadata.name), env.cluster.options.networkPlugin, env.session.actions]).toEqual([['minikube', 'minikube-m02'], 'flannel', []]);
    expect(replay(env.session, 'cat app/pod.yaml | head -n 2').map((s) => s.result.stdout)).toEqual(['apiVersion: v1\nkind: Pod\n']);
  });
});
