import { describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/index.js';

describe('a lesson can limit the commands a learner may use', () => {
  it('disabled commands answer plainly; setup is not limited', () => {
    const env = startLesson({ files: {}, setup: { commands: ['minikube addons enable ingress'], disabled: ['minikube'] } });
    expect(env.cluster.state.addons.has('ingress')).toBe(true);
    expect(env.session.run('minikube ip')).toEqual({ stdout: '', stderr: 'bash: minikube: this command is disabled in this lesson\n', exitCode: 126 });
    expect(env.session.run('kubectl get ns default -o name')).toEqual({ stdout: 'namespace/default\n', stderr: '', exitCode: 0 });
  });

  it('an allow-list admits only its commands', () => {
    const env = startLesson({ files: { 'a.txt': 'hi\n' }, setup: { commands: [], allowed: ['kubectl', 'cat'] } });
    expect(env.session.run('cat a.txt')).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 });
    expect(env.session.run('curl 192.168.49.2')).toEqual({ stdout: '', stderr: 'bash: curl: this command is disabled in this lesson\n', exitCode: 126 });
  });
});
