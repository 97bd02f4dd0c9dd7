import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadCourse } from '../../src/lessons/index.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'courses');

async function problems(name: string): Promise<string[]> {
  const r = await loadCourse(join(fixtures, name));
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('loading a course', () => {
  it('loads a good course: lessons in course order, files from files/, intro from intro.md, defaults filled in', async () => {
    const r = await loadCourse(join(fixtures, 'good'));
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const c = r.course;
    expect(c.title).toBe('A tiny course');
    expect(c.lessons.map((l) => [l.id, l.folder, l.tasks.map((t) => t.id)])).toEqual([
      ['web', '01-web', ['run', 'curl']],
      ['more', '02-more', ['db']],
    ]);
    const web = c.lessons[0]!;
    expect(web.intro).toBe('# Web\n\nRun nginx, then ask it for its page.\n');
    expect(Object.keys(web.files)).toEqual(['web.yaml']);
    expect(web.setup).toEqual({ commands: [] });
    expect(web.tasks[0]).toEqual({
      id: 'run',
      title: 'Run the web pod',
      prose: 'Apply web.yaml.',
      hints: ['Use kubectl.', 'kubectl apply -f FILE.', 'kubectl apply -f web.yaml'],
      solution: 'kubectl apply -f web.yaml',
      alternatives: [],
      wrong: [{ script: 'kubectl get pods', message: 'No pod has labels app=web' }],
      goal: [{ type: 'podsReady', selector: { app: 'web' } }],
    });
    expect(web.tasks[1]!.goal).toEqual([{ type: 'ranInContainer', selector: { app: 'web' }, command: '^curl\\b', outputMatches: 'Welcome to nginx' }]);
    expect(web.quiz).toEqual([{ type: 'choice', question: 'Which port does nginx serve?', choices: ['80', '8080'], answer: 0, explanation: 'Its default config listens on 80.' }]);
    expect(c.lessons[1]!.quiz).toEqual([]);
  });

  it('reports a missing course.yaml', async () => {
    expect(await problems('does-not-exist')).toEqual([`course.yaml:1: file is missing (is ${join(fixtures, 'does-not-exist')} a course folder?)`]);
  });

  it('reports YAML syntax errors with their line', async () => {
    expect(await problems('bad-yaml')).toEqual(['course.yaml:4: YAML syntax: Sequence item without - indicator']);
  });

  it('reports every problem of course.yaml at once: unknown fields, duplicate ids, missing folders', async () => {
    expect(await problems('broken-course')).toEqual([
      'course.yaml:2 colour: unknown field "colour"',
      'course.yaml:6 lessons.1.id: duplicate lesson id "one"',
      'course.yaml:9 lessons.2.folder: folder 02-missing does not exist',
    ]);
  });

  it('reports every problem of a lesson at once, each as file:line path: message', async () => {
    expect(await problems('broken-lesson')).toEqual([
      '01-bad/files/app.yaml:5: error parsing app.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context',
      '01-bad/intro.md:1: file is missing',
      '01-bad/lesson.yaml:1 title: is required',
      '01-bad/lesson.yaml:4 setup.networkPlugin: must be one of "calico", "cilium", "kindnet", "flannel", "bridge"',
      '01-bad/lesson.yaml:6 setup.commands.0: refers to missing.yaml, which is not in 01-bad/files/',
      '01-bad/lesson.yaml:11 tasks.0.hints: needs at least 2 items',
      '01-bad/lesson.yaml:14 tasks.0.goal.0.podReady: unknown check "podReady" (known: objectExists, podsReady, serviceEndpoints, dnsResolves, connection, ranInContainer, ranCommand, fileContains, cel)',
      '01-bad/lesson.yaml:15 tasks.1.id: duplicate task id "first"',
      '01-bad/lesson.yaml:21 tasks.1.wrong.0: needs "contains" (a part of the expected message) or "message" (the exact message)',
      '01-bad/lesson.yaml:23 tasks.1.goal.0.ranInContainer.command: is not a valid regular expression: Invalid regular expression: /(unclosed/: Unterminated group',
      '01-bad/lesson.yaml:24 tasks.1.goal.1.cel: CEL syntax error: <input>:1:5: found . but expecting end of input',
      '01-bad/lesson.yaml:26 tasks.1.goal.2.message: is required: a cel check needs the message the learner sees when it fails',
      '01-bad/lesson.yaml:27 tasks.1.goal.3.connection.expect: must be one of "allowed", "denied", "refused", "timeout"',
      '01-bad/lesson.yaml:32 quiz.0.answer: must be the index of one of the 2 choices (0–1)',
      '01-bad/lesson.yaml:35 quiz.1.accept.0: is not a valid regular expression: Invalid regular expression: /[/: Unterminated character class',
      '01-bad/lesson.yaml:37 quiz.2.accept: is required',
      '01-bad/lesson.yaml:37 quiz.2.explanation: is required',
    ]);
  });

  it('with cel: lazy, skips loading CEL and its syntax check', async () => {
    const r = await loadCourse(join(fixtures, 'broken-lesson'), { cel: 'lazy' });
    expect(r.ok ? [] : r.problems.map(formatProblem).filter((p) => p.includes('CEL'))).toEqual([]);
  });
});
