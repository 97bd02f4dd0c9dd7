/**
 * The built-in course as compiled at build time (`dist/course.json`), used when it is at least as new as every file
 * under `lessons/`; otherwise (a lesson edited since the build) the caller loads the YAML as usual.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Course } from '../lessons/types.js';

function newestMtime(dir: string, depth = 0): number {
  let t = statSync(dir).mtimeMs;
  if (depth > 6) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p, depth + 1) : statSync(p).mtimeMs);
  }
  return t;
}

/** The compiled course for `lessonsDir`, or undefined when there is none or it is stale. */
export function compiledCourse(lessonsDir: string): Course | undefined {
  const file = join(dirname(lessonsDir), 'dist', 'course.json');
  if (!existsSync(file)) return undefined;
  try {
    if (statSync(file).mtimeMs < newestMtime(lessonsDir)) return undefined;
    const c = JSON.parse(readFileSync(file, 'utf8')) as Course;
    return { ...c, dir: lessonsDir, lessons: c.lessons.map((l) => ({ ...l, dir: join(lessonsDir, l.dir) })) };
  } catch {
    return undefined;
  }
}
