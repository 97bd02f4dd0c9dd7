import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryProgress } from '../../src/progress/index.js';
import { createTutor } from '../../src/tutor/index.js';
import type { Course } from '../../src/lessons/types.js';
import { goodCourse } from './helpers.js';

let course: Course;
beforeAll(async () => {
  course = await goodCourse();
});

const line = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('hint', 'tasks', 'undo', 'reset', 'reset --yes', 'solution --yes', 'help', 'kubectl apply -f web.yaml', 'cat <<EOF > x', 'EOF', 'echo "', 'kubectl exec -it web -- bash', 'exit', 'kubectl delete pod web', ''),
);

describe('tutor: never throws', () => {
  it('whatever is typed, in whatever order, submit and complete return and the snapshot stays consistent', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const t = createTutor({ course, progress: createMemoryProgress(), initialLesson: 'web' });
        for (const l of lines) {
          t.submit(l);
          t.complete(l);
        }
        const s = t.getSnapshot();
        expect(s.screen === 'lesson' && s.lesson !== undefined).toBe(true);
        expect(s.prompt === '> ').toBe(s.pendingInput !== '');
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
