/** The lesson menu's rows, from the course and saved progress alone (no simulator): shared by the engine and the CLI's first frame. */
import type { Course } from '../lessons/types.js';
import type { ProgressData } from '../progress/types.js';
import type { LessonSummary } from './types.js';

export function lessonSummaries(course: Course, progress: ProgressData): LessonSummary[] {
  return course.lessons.map((l) => {
    const p = progress.lessons[l.id];
    const done = l.tasks.filter((t) => p?.tasksDone.includes(t.id)).length;
    return { id: l.id, title: l.title, summary: l.summary, tasksTotal: l.tasks.length, tasksDone: done, completed: p?.completed ?? false };
  });
}
