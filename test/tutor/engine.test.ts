import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryProgress } from '../../src/progress/index.js';
import { createTutor } from '../../src/tutor/index.js';
import type { Course } from '../../src/lessons/types.js';
import type { HistoryItem, Tutor } from '../../src/tutor/types.js';
import { goodCourse } from './helpers.js';

let course: Course;
beforeAll(async () => {
  course = await goodCourse();
});

/** The transcript without ids, from the n-th item on. */
const items = (t: Tutor, from = 0): unknown[] => t.getSnapshot().transcript.slice(from).map(({ id: _id, ...rest }: HistoryItem) => rest);

describe('tutor: menu and snapshots', () => {
  it('starts on the menu with progress marks; the snapshot object changes only when state does', () => {
    const progress = createMemoryProgress({ version: 1, lessons: { web: { tasksDone: ['run'], completed: false } } });
    const t = createTutor({ course, progress });
    const s = t.getSnapshot();
    expect(s).toEqual({
      screen: 'menu',
      courseTitle: 'A tiny course',
      lessons: [
        { id: 'web', title: 'A web pod', summary: 'Run nginx and curl it.', tasksTotal: 2, tasksDone: 1, completed: false },
        { id: 'more', title: 'One more pod', summary: 'Run a second pod.', tasksTotal: 1, tasksDone: 0, completed: false },
      ],
      transcript: [],
      prompt: '',
      pendingInput: '',
      history: [],
      uiRequests: 0,
    });
    expect(t.getSnapshot()).toBe(s);
    let calls = 0;
    const off = t.subscribe(() => calls++);
    expect(t.openLesson('nope')).toBe(false);
    expect([t.getSnapshot(), calls]).toEqual([s, 0]);
    expect(t.openLesson('more')).toBe(true);
    expect(calls).toBe(1);
    expect(t.getSnapshot()).not.toBe(s);
    off();
    t.backToMenu();
    expect(calls).toBe(1);
    expect(t.getSnapshot().screen).toBe('menu');
    expect(t.getSnapshot().selectedLessonId).toBe('more');
    expect(progress.load().currentLesson).toBe('more');
  });

  it('survives a progress store that throws', () => {
    const t = createTutor({ course, progress: { load: () => { throw new Error('disk on fire'); }, save: () => { throw new Error('still on fire'); } } });
    expect(t.openLesson('web')).toBe(true);
    t.submit('kubectl apply -f web.yaml');
    expect(t.getSnapshot().lesson?.tasks.map((x) => x.done)).toEqual([true, false]);
  });
});

describe('tutor: a lesson', () => {
  it('runs commands, ticks tasks the moment their goal is met, saves progress, and announces the end with the debrief', () => {
    const progress = createMemoryProgress();
    const t = createTutor({ course, progress, initialLesson: 'web' });
    const s = t.getSnapshot();
    expect(s.screen).toBe('lesson');
    expect(s.prompt).toBe('learner@laptop:~$ ');
    expect(s.lesson).toEqual({
      id: 'web',
      title: 'A web pod',
      summary: 'Run nginx and curl it.',
      intro: '# Web\n\nRun nginx, then ask it for its page.\n',
      tasks: [
        { id: 'run', title: 'Run the web pod', prose: 'Apply web.yaml.', done: false, message: 'No pod has labels app=web', hintsShown: 0, hintsTotal: 3 },
        { id: 'curl', title: 'Curl it from inside', prose: 'Curl localhost from the nginx container.', done: false, message: 'You have not run curl in a pod labelled app=web: there is no such pod yet', hintsShown: 0, hintsTotal: 3 },
      ],
      currentTaskId: 'run',
      completed: false,
    });
    t.submit('kubectl apply -f web.yaml');
    expect(items(t)).toEqual([
      { type: 'lesson-intro', lessonId: 'web', title: 'A web pod', markdown: '# Web\n\nRun nginx, then ask it for its page.\n' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'kubectl apply -f web.yaml' },
      { type: 'output', stdout: 'pod/web created\n', stderr: '', exitCode: 0 },
      { type: 'task-passed', taskId: 'run', title: 'Run the web pod', message: 'Pod web is Ready' },
    ]);
    expect(progress.load()).toEqual({ version: 1, currentLesson: 'web', lessons: { web: { tasksDone: ['run'], completed: false } } });
    t.submit('kubectl exec web -- curl -s localhost');
    expect(items(t, 4).map((i) => (i as { type: string }).type)).toEqual(['command', 'output', 'task-passed', 'lesson-complete']);
    expect(items(t, 7)).toEqual([{ type: 'lesson-complete', lessonId: 'web', title: 'A web pod', debrief: 'Well done.', nextLessonId: 'more' }]);
    expect(progress.load().lessons.web).toEqual({ tasksDone: ['run', 'curl'], completed: true });
    expect(t.getSnapshot().lesson?.completed).toBe(true);
    expect(t.getSnapshot().lesson?.currentTaskId).toBeUndefined();
    expect(t.getSnapshot().history).toEqual(['kubectl apply -f web.yaml', 'kubectl exec web -- curl -s localhost']);
  });

  it('collects a multi-line command behind a continuation prompt', () => {
    const t = createTutor({ course, progress: createMemoryProgress(), initialLesson: 'web' });
    t.submit('cat <<EOF > note.txt');
    expect([t.getSnapshot().prompt, t.getSnapshot().pendingInput]).toEqual(['> ', 'cat <<EOF > note.txt']);
    t.submit('hello');
    t.submit('EOF');
    t.submit('cat note.txt');
    expect(items(t, 1)).toEqual([
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'cat <<EOF > note.txt\nhello\nEOF' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'cat note.txt' },
      { type: 'output', stdout: 'hello\n', stderr: '', exitCode: 0 },
    ]);
    expect([t.getSnapshot().prompt, t.getSnapshot().pendingInput]).toEqual(['learner@laptop:~$ ', '']);
    t.submit('echo "open quote');
    const before = t.getSnapshot();
    t.cancelInput();
    expect(items(t).at(-1)).toEqual({ type: 'command', prompt: 'learner@laptop:~$ ', text: 'echo "open quote^C' });
    expect([t.getSnapshot().prompt, t.getSnapshot().pendingInput]).toEqual(['learner@laptop:~$ ', '']);
    expect(t.getSnapshot()).not.toBe(before);
    const after = t.getSnapshot();
    t.cancelInput();
    expect(t.getSnapshot()).toBe(after);
  });

  it('gives hints one by one for the current task, then repeats the last', () => {
    const t = createTutor({ course, progress: createMemoryProgress(), initialLesson: 'web' });
    for (let i = 0; i < 4; i++) t.submit('hint');
    expect(items(t, 1).filter((i) => (i as { type: string }).type === 'hint')).toEqual([
      { type: 'hint', taskId: 'run', index: 1, total: 3, text: 'Use kubectl.' },
      { type: 'hint', taskId: 'run', index: 2, total: 3, text: 'kubectl apply -f FILE.' },
      { type: 'hint', taskId: 'run', index: 3, total: 3, text: 'kubectl apply -f web.yaml' },
      { type: 'hint', taskId: 'run', index: 3, total: 3, text: 'kubectl apply -f web.yaml' },
    ]);
    expect(t.getSnapshot().lesson?.tasks[0]?.hintsShown).toBe(3);
  });

  it('undoes the last command that changed something, and only such commands', () => {
    const t = createTutor({ course, progress: createMemoryProgress(), initialLesson: 'web' });
    t.submit('undo');
    t.submit('kubectl apply -f web.yaml');
    t.submit('kubectl get nothing');
    t.submit('kubectl get pods -o name');
    t.submit('undo');
    t.submit('kubectl get pods');
    expect(items(t, 1)).toEqual([
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'undo' },
      { type: 'info', tone: 'warning', text: 'Nothing to undo: no command has changed the cluster or your files yet.' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'kubectl apply -f web.yaml' },
      { type: 'output', stdout: 'pod/web created\n', stderr: '', exitCode: 0 },
      { type: 'task-passed', taskId: 'run', title: 'Run the web pod', message: 'Pod web is Ready' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'kubectl get nothing' },
      { type: 'output', stdout: '', stderr: 'error: the server doesn\'t have a resource type "nothing"\n', exitCode: 1 },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'kubectl get pods -o name' },
      { type: 'output', stdout: 'pod/web\n', stderr: '', exitCode: 0 },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'undo' },
      { type: 'info', tone: 'info', text: 'Undid `kubectl apply -f web.yaml`. Tasks you finished stay finished.' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'kubectl get pods' },
      { type: 'output', stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 },
    ]);
    expect(t.getSnapshot().lesson?.tasks[0]?.done).toBe(true);
    t.submit('echo hi > note.txt');
    t.submit('undo');
    t.submit('cat note.txt');
    expect(items(t).slice(-3)).toEqual([
      { type: 'info', tone: 'info', text: 'Undid `echo hi > note.txt`. Tasks you finished stay finished.' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'cat note.txt' },
      { type: 'output', stdout: '', stderr: 'cat: note.txt: No such file or directory\n', exitCode: 1 },
    ]);
  });

  it('asks before reset and solution, lists tasks, and shows help', () => {
    const progress = createMemoryProgress();
    const t = createTutor({ course, progress, initialLesson: 'web' });
    t.submit('kubectl apply -f web.yaml');
    const n = t.getSnapshot().transcript.length;
    t.submit('tasks');
    t.submit('solution');
    t.submit('solution --yes');
    t.submit('reset');
    t.submit('reset --yes');
    expect(items(t, n)).toEqual([
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'tasks' },
      { type: 'info', tone: 'info', text: '✓ 1. Run the web pod\n○ 2. Curl it from inside — You have not run curl in pod web yet (kubectl exec web -- …)' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'solution' },
      { type: 'info', tone: 'warning', text: 'Try `hint` first? Type `solution --yes` to see the reference solution of "Curl it from inside".' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'solution --yes' },
      { type: 'solution', taskId: 'curl', text: 'kubectl exec web -- curl -s localhost' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'reset' },
      { type: 'info', tone: 'warning', text: 'This starts the lesson again from a fresh cluster and unticks its tasks. Type `reset --yes` to do it.' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'reset --yes' },
      { type: 'info', tone: 'info', text: 'The lesson starts again from a fresh cluster.' },
    ]);
    expect(t.getSnapshot().lesson?.tasks.map((x) => [x.id, x.done])).toEqual([['run', false], ['curl', false]]);
    expect(progress.load()).toEqual({ version: 1, currentLesson: 'web', lessons: {} });
    t.submit('help');
    const help = items(t).at(-1) as { type: string; markdown: boolean; text: string };
    expect([help.type, help.markdown, help.text.split('\n')[0]]).toEqual(['info', true, '**Tutor commands** (type them at the prompt)']);
  });

  it('moves to the next lesson, says when there is none, and passes quit to the UI', () => {
    const t = createTutor({ course, progress: createMemoryProgress(), initialLesson: 'web' });
    t.submit('next');
    expect(t.getSnapshot().lesson?.id).toBe('more');
    t.submit('next');
    t.submit('quit');
    expect(items(t, 1)).toEqual([
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'next' },
      { type: 'info', tone: 'info', text: 'This is the last lesson. Type `menu` to see them all.' },
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'quit' },
    ]);
    expect(t.getSnapshot().uiRequests).toBe(1);
    expect(t.takeUiRequests()).toEqual([{ type: 'exit-tutor' }]);
    expect([t.getSnapshot().uiRequests, t.takeUiRequests()]).toEqual([0, []]);
    t.submit('clear');
    expect(t.takeUiRequests()).toEqual([{ type: 'clear' }]);
    t.submit('menu');
    expect(t.getSnapshot().screen).toBe('menu');
    t.submit('kubectl get pods');
    expect(items(t).at(-1)).toEqual({ type: 'info', tone: 'warning', text: 'Open a lesson first.' });
  });

  it('resumes where the learner left off: finished tasks ticked and their solutions replayed into the cluster', () => {
    const progress = createMemoryProgress({ version: 1, currentLesson: 'web', lessons: { web: { tasksDone: ['run'], completed: false } } });
    const t = createTutor({ course, progress, initialLesson: 'web' });
    expect(items(t, 1)).toEqual([{ type: 'info', tone: 'info', text: 'Welcome back. Your cluster was rebuilt with the reference solutions of the 1 task you finished.' }]);
    expect(t.getSnapshot().lesson?.currentTaskId).toBe('curl');
    t.submit('kubectl get pods -o name');
    expect(items(t).at(-1)).toEqual({ type: 'output', stdout: 'pod/web\n', stderr: '', exitCode: 0 });
    expect(t.getSnapshot().history).toEqual(['kubectl get pods -o name']);
  });
});

describe('tutor: editing files', () => {
  it('asks the UI to open an editor and writes back what it saved; without a UI editor, nano explains', () => {
    const t = createTutor({ course, progress: createMemoryProgress(), initialLesson: 'web' });
    t.submit('nano note.txt');
    const [req] = t.takeUiRequests();
    expect(req).toEqual({ type: 'edit', path: '/home/learner/note.txt', content: '' });
    t.completeEdit(req as Extract<typeof req, { type: 'edit' }>, 'edited\n');
    t.submit('cat note.txt');
    expect(items(t).at(-1)).toEqual({ type: 'output', stdout: 'edited\n', stderr: '', exitCode: 0 });
    const plain = createTutor({ course, progress: createMemoryProgress(), initialLesson: 'web', editor: false });
    plain.submit('nano note.txt');
    expect(items(plain).at(-1)).toEqual({ type: 'output', stdout: '', stderr: 'nano: no editor is available here (no terminal); write the file with: cat <<EOF > note.txt\n', exitCode: 1 });
  });
});

describe('tutor: completion', () => {
  it('completes tutor and shell commands, kubectl verbs, kinds, names, flags and files', () => {
    const t = createTutor({ course, progress: createMemoryProgress(), initialLesson: 'web' });
    t.submit('kubectl apply -f web.yaml');
    expect(t.complete('hi')).toEqual({ start: 0, candidates: ['hint', 'history'] });
    expect(t.complete('kubectl ap')).toEqual({ start: 8, candidates: ['api-resources', 'apply'] });
    expect(t.complete('kubectl get po')).toEqual({ start: 12, candidates: ['po', 'pods'] });
    expect(t.complete('kubectl get pods w')).toEqual({ start: 17, candidates: ['web'] });
    expect(t.complete('kubectl exec ')).toEqual({ start: 13, candidates: ['web'] });
    expect(t.complete('kubectl exec web -c ')).toEqual({ start: 20, candidates: ['nginx'] });
    expect(t.complete('kubectl get pods -o w')).toEqual({ start: 20, candidates: ['wide'] });
    expect(t.complete('kubectl get pods --na')).toEqual({ start: 17, candidates: ['--namespace'] });
    expect(t.complete('kubectl apply -f w')).toEqual({ start: 17, candidates: ['web.yaml'] });
    expect(t.complete('cat w')).toEqual({ start: 4, candidates: ['web.yaml'] });
  });
});
