import { beforeAll, describe, expect, it } from 'vitest';
import { formatScriptRun, runSandbox, runScript } from '../../src/tutor/index.js';
import type { Course } from '../../src/lessons/types.js';
import { goodCourse } from './helpers.js';

let course: Course;
beforeAll(async () => {
  course = await goodCourse();
});

describe('runSandbox', () => {
  it('prints stdout and stderr in the order they were written', () => {
    expect(runSandbox('ls nope; echo after\n').output).toBe(
      "learner@laptop:~$ ls nope; echo after\nls: cannot access 'nope': No such file or directory\nafter\n",
    );
  });

  it('echoes each command after its prompt, then its output; heredocs stay one command', () => {
    const r = runSandbox('kubectl get pods\n\ncat <<EOF > a.txt\nline one\nEOF\ncat a.txt\nkubectl get nope\n');
    expect(r).toEqual({
      output: [
        'learner@laptop:~$ kubectl get pods',
        'No resources found in default namespace.',
        'learner@laptop:~$ cat <<EOF > a.txt',
        '> line one',
        '> EOF',
        'learner@laptop:~$ cat a.txt',
        'line one',
        'learner@laptop:~$ kubectl get nope',
        'error: the server doesn\'t have a resource type "nope"',
        '',
      ].join('\n'),
      exitCode: 1,
    });
  });

  it('shows where each command ran', () => {
    const r = runSandbox('kubectl run box --image=busybox -- sleep infinity\nkubectl exec -it box -- sh\nhostname\nexit\n');
    expect(r.output).toBe(
      ['learner@laptop:~$ kubectl run box --image=busybox -- sleep infinity', 'pod/box created', 'learner@laptop:~$ kubectl exec -it box -- sh', '/ # hostname', 'box', '/ # exit', ''].join('\n'),
    );
  });
});

describe('runScript', () => {
  it('grades every task after a script: a full solution passes, an empty script says what is missing', () => {
    const web = course.lessons[0]!;
    const good = runScript(web, 'kubectl apply -f web.yaml\nkubectl exec web -- curl -s localhost\n');
    expect([good.allPassed, good.tasks]).toEqual([
      true,
      [
        { id: 'run', title: 'Run the web pod', done: true, message: 'Pod web is Ready' },
        { id: 'curl', title: 'Curl it from inside', done: true, message: 'You ran curl -s localhost in container nginx of pod web' },
      ],
    ]);
    expect(formatScriptRun(good)).toBe('✓ Run the web pod — Pod web is Ready\n✓ Curl it from inside — You ran curl -s localhost in container nginx of pod web\n');
    expect(good.transcript.split('\n').slice(0, 3)).toEqual(['learner@laptop:~$ kubectl apply -f web.yaml', 'pod/web created', 'learner@laptop:~$ kubectl exec web -- curl -s localhost']);
    const empty = runScript(web, '');
    expect(empty).toEqual({
      lessonId: 'web',
      allPassed: false,
      transcript: '',
      tasks: [
        { id: 'run', title: 'Run the web pod', done: false, message: 'No pod has labels app=web' },
        { id: 'curl', title: 'Curl it from inside', done: false, message: 'You have not run curl in a pod labelled app=web: there is no such pod yet' },
      ],
    });
    expect(formatScriptRun(empty)).toBe(
      '✗ Run the web pod — No pod has labels app=web\n✗ Curl it from inside — You have not run curl in a pod labelled app=web: there is no such pod yet\n',
    );
  });

  it('keeps a task passed once its goal was met, even if the cluster changes later', () => {
    const r = runScript(course.lessons[0]!, 'kubectl apply -f web.yaml\nkubectl delete pod web\n');
    expect(r.tasks[0]).toEqual({ id: 'run', title: 'Run the web pod', done: true, message: 'Pod web is Ready' });
  });
});
