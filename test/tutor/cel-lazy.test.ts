import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { celLoaded } from '../../src/grader/index.js';
import { formatProblem, loadCourse } from '../../src/lessons/index.js';
import { createMemoryProgress } from '../../src/progress/index.js';
import { createTutor } from '../../src/tutor/index.js';

describe('tutor: CEL is loaded only when a lesson that uses it opens', () => {
  it('loads a course lazily, then loads CEL on opening the lesson and re-checks the tasks', async () => {
    const r = await loadCourse(join(import.meta.dirname, '..', '..', 'lessons'), { cel: 'lazy' });
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(celLoaded()).toBe(false);
    const t = createTutor({ course: r.course, progress: createMemoryProgress() });
    let calls = 0;
    t.subscribe(() => calls++);
    t.openLesson('intra-pod');
    expect(calls).toBe(1);
    await vi.waitFor(() => expect(celLoaded()).toBe(true));
    await vi.waitFor(() => expect(calls).toBe(2));
    expect(t.getSnapshot().lesson?.tasks.find((x) => x.id === 'signal-across')?.message).toBe(
      'Send the signal from the shell container of pod shared (kubectl exec -it shared -c shell -- bash, then kill).',
    );
  });
});
