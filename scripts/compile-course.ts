// Compiles the built-in course (lessons/) into dist/course.json at build time, so the tutor's first frame does not
// parse YAML, validate schemas or load CEL: the same loader, run ahead of time. Exits non-zero on any problem.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblem, loadCourse } from '../src/lessons/index.js';

const [lessonsDir, out] = process.argv.slice(2);
if (!lessonsDir || !out) throw new Error('usage: compile-course LESSONS_DIR OUT_JSON');
const r = await loadCourse(lessonsDir);
if (!r.ok) {
  for (const p of r.problems) console.error(formatProblem(p));
  process.exit(1);
}
const course = {
  ...r.course,
  dir: '.',
  lessons: r.course.lessons.map((l) => ({ ...l, dir: relative(r.course.dir, l.dir) })),
};
writeFileSync(out, JSON.stringify(course));
console.log(`compiled ${course.lessons.length} lessons into ${join(out)}`);
