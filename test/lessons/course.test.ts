import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLesson, formatProblem, loadCourse } from '../../src/lessons/index.js';

const lessons = join(import.meta.dirname, '..', '..', 'lessons');
const loaded = await loadCourse(lessons);

describe('the real course', () => {
  it('loads without a single problem', () => {
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
  });

  it('keeps the published ids of intra-pod (progress is keyed by them)', () => {
    const l = loaded.ok ? loaded.course.lessons.find((x) => x.id === 'intra-pod') : undefined;
    expect([l?.folder, l?.tasks.map((t) => t.id)]).toEqual(['02-intra-pod', ['run-pod', 'curl-localhost', 'fix-clash', 'signal-across', 'logs-pid1']]);
  });

  for (const lesson of loaded.ok ? loaded.course.lessons : []) {
    it(`${lesson.folder}: every goal fails before its task and passes after its solution and alternatives; wrong attempts fail as listed`, () => {
      expect(checkLesson(lesson)).toEqual({ failures: [], tasks: lesson.tasks.map((t) => ({ id: t.id, ok: true })) });
    }, 60_000);
  }
});
