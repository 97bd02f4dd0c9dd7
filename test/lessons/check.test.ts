import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse, formatReport } from '../../src/lessons/index.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'courses');

describe('the lesson check', () => {
  it('catches a goal that passes at the start, a solution and an alternative that do not pass, and wrong attempts that pass or say something else', async () => {
    const report = await checkCourse(join(fixtures, 'failing-check'));
    expect(report).toEqual({
      ok: false,
      problems: [],
      failures: [
        { lesson: 'fail', stage: 'content', message: 'has 2 tasks; a lesson needs at least 4' },
        { lesson: 'fail', stage: 'content', message: 'has 0 quiz questions; a lesson needs at least 10' },
        { lesson: 'fail', stage: 'setup', message: '`kubectl get nope` exited 1: error: the server doesn\'t have a resource type "nope"' },
        { lesson: 'fail', task: 'passes-at-start', stage: 'start', message: 'the goal already passes before the task: Pod already exists' },
        { lesson: 'fail', task: 'bad-solution', stage: 'alternative 1', message: 'No pod has labels app=web' },
        { lesson: 'fail', task: 'bad-solution', stage: 'wrong 1', message: 'the goal passes, but this attempt must fail' },
        { lesson: 'fail', task: 'bad-solution', stage: 'wrong 2', message: 'the message is "No pod has labels app=web", expected "Wrong text"' },
        { lesson: 'fail', task: 'bad-solution', stage: 'wrong 3', message: 'the message "No pod has labels app=web" does not contain "Wrong text"' },
        { lesson: 'fail', task: 'bad-solution', stage: 'solution', message: 'No pod has labels app=web' },
      ],
      lessons: [{ id: 'fail', tasks: [{ id: 'passes-at-start', ok: false }, { id: 'bad-solution', ok: false }] }],
    });
    expect(formatReport(report)).toBe(
      [
        '✗ fail (2 tasks)',
        '    content: has 2 tasks; a lesson needs at least 4',
        '    content: has 0 quiz questions; a lesson needs at least 10',
        '    setup: `kubectl get nope` exited 1: error: the server doesn\'t have a resource type "nope"',
        '    passes-at-start start: the goal already passes before the task: Pod already exists',
        '    bad-solution alternative 1: No pod has labels app=web',
        '    bad-solution wrong 1: the goal passes, but this attempt must fail',
        '    bad-solution wrong 2: the message is "No pod has labels app=web", expected "Wrong text"',
        '    bad-solution wrong 3: the message "No pod has labels app=web" does not contain "Wrong text"',
        '    bad-solution solution: No pod has labels app=web',
        '1 lessons, 2 tasks: 9 failed',
        '',
      ].join('\n'),
    );
  });

  it('passes a good course when the content rules are off, and reports load problems instead of checking a broken one', async () => {
    expect(await checkCourse(join(fixtures, 'good'), { content: false })).toEqual({
      ok: true,
      problems: [],
      failures: [],
      lessons: [
        { id: 'web', tasks: [{ id: 'run', ok: true }, { id: 'curl', ok: true }] },
        { id: 'more', tasks: [{ id: 'db', ok: true }] },
      ],
    });
    const broken = await checkCourse(join(fixtures, 'broken-course'));
    expect(broken).toEqual({
      ok: false,
      problems: [
        'course.yaml:2 colour: unknown field "colour"',
        'course.yaml:6 lessons.1.id: duplicate lesson id "one"',
        'course.yaml:9 lessons.2.folder: folder 02-missing does not exist',
      ],
      failures: [],
      lessons: [],
    });
    expect(formatReport(broken)).toBe(
      'course.yaml:2 colour: unknown field "colour"\ncourse.yaml:6 lessons.1.id: duplicate lesson id "one"\ncourse.yaml:9 lessons.2.folder: folder 02-missing does not exist\n3 problems found\n',
    );
  });
});
