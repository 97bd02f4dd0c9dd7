import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lazyTutor } from '../../src/cli/lazy-tutor.js';
import { loadCourse } from '../../src/lessons/index.js';
import type { Course } from '../../src/lessons/types.js';
import { createMemoryProgress } from '../../src/progress/index.js';
import * as engine from '../../src/tutor/index.js';

let course: Course;
beforeAll(async () => {
  const r = await loadCourse(join(import.meta.dirname, '../fixtures/courses/good'));
  if (!r.ok) throw new Error('fixture course does not load');
  course = r.course;
});

describe('lazyTutor', () => {
  it('serves the menu from course and progress before the engine loads, then hands over', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const progress = createMemoryProgress({ version: 1, lessons: { web: { tasksDone: ['run'], completed: false } }, currentLesson: 'web' });
    const t = lazyTutor(course, progress, {}, async () => {
      await gate;
      return engine;
    });
    expect(t.getSnapshot()).toEqual({
      screen: 'menu',
      courseTitle: 'A tiny course',
      lessons: [
        { id: 'web', title: 'A web pod', summary: 'Run nginx and curl it.', tasksTotal: 2, tasksDone: 1, completed: false },
        { id: 'more', title: 'One more pod', summary: 'Run a second pod.', tasksTotal: 1, tasksDone: 0, completed: false },
      ],
      selectedLessonId: 'web',
      transcript: [],
      prompt: '',
      pendingInput: '',
      history: [],
      uiRequests: 0,
    });
    let notified = 0;
    t.subscribe(() => notified++);
    expect(t.openLesson('nope')).toBe(false);
    expect(t.openLesson('more')).toBe(true);
    release();
    await t.ready;
    expect(notified).toBeGreaterThan(0);
    expect(t.getSnapshot().screen).toBe('lesson');
    expect(t.getSnapshot().lesson?.id).toBe('more');
  });
});
