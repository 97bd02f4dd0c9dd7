/** Where the built-in course lives: `lessons/` beside `dist/` in the package, or at the repository root from sources. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function builtInLessonsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'lessons');
    if (existsSync(join(candidate, 'course.yaml'))) return candidate;
    dir = dirname(dir);
  }
  return resolve('lessons');
}
