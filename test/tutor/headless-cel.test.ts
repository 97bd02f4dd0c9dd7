import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { celLoaded } from '../../src/grader/index.js';
import { formatProblem, loadCourse } from '../../src/lessons/index.js';
import { prepareLessons, runScript } from '../../src/tutor/index.js';

describe('runScript on a course loaded without CEL (compiled or lazy)', () => {
  it('prepareLessons loads CEL first, so CEL goals grade as they should', async () => {
    const r = await loadCourse(join(import.meta.dirname, '..', '..', 'lessons'), { cel: 'lazy' });
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const lesson = r.course.lessons.find((l) => l.id === 'intra-pod')!;
    const script = lesson.tasks.map((t) => t.solution).join('\n');
    expect(celLoaded()).toBe(false);
    expect(runScript(lesson, script).tasks.find((t) => t.id === 'signal-across')).toEqual({
      id: 'signal-across',
      title: 'Send a signal across containers',
      done: false,
      message: 'Apache in container web of pod shared has not received a HUP signal yet (its log has no "SIGHUP received"). (the check could not run: the CEL evaluator is not loaded)',
    });
    await prepareLessons([lesson]);
    const run = runScript(lesson, script);
    expect([run.allPassed, run.tasks.map((t) => t.done)]).toEqual([true, [true, true, true, true, true]]);
  });
});
