import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryProgress } from '../../src/progress/index.js';
import { createTutor } from '../../src/tutor/index.js';
import type { Course } from '../../src/lessons/types.js';
import { goodCourse } from './helpers.js';

let course: Course;
beforeAll(async () => {
  course = await goodCourse();
});

describe('tutor: output order', () => {
  it('keeps the terminal order of stdout and stderr in the output item when they interleave', () => {
    const t = createTutor({ course, progress: createMemoryProgress() });
    t.openLesson('web');
    const from = t.getSnapshot().transcript.length;
    t.submit('cat nope; echo after');
    expect(t.getSnapshot().transcript.slice(from).map(({ id: _id, ...rest }) => rest)).toEqual([
      { type: 'command', prompt: 'learner@laptop:~$ ', text: 'cat nope; echo after' },
      { type: 'output', stdout: 'after\n', stderr: 'cat: nope: No such file or directory\n', exitCode: 0, chunks: [{ fd: 2, text: 'cat: nope: No such file or directory\n' }, { fd: 1, text: 'after\n' }] },
    ]);
  });
});
