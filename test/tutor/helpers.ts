import { join } from 'node:path';
import { formatProblem, loadCourse } from '../../src/lessons/index.js';
import type { Course } from '../../src/lessons/types.js';

/** The small fixture course (lessons `web` then `more`). */
export async function goodCourse(): Promise<Course> {
  const r = await loadCourse(join(import.meta.dirname, '..', 'fixtures', 'courses', 'good'));
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.course;
}
