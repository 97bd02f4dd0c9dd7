/** Reading saved progress defensively: anything unreadable becomes a fresh start, never a crash. */
import { PROGRESS_VERSION, type LessonProgress, type ProgressData } from './types.js';

/** Progress of a learner who has done nothing yet. */
export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, lessons: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Normalizes whatever was read from disk: a foreign version or shape gives a fresh start; inside a good file,
 * malformed lesson entries are dropped and task ids deduplicated.
 */
export function normalizeProgress(raw: unknown): ProgressData {
  if (!isRecord(raw) || raw.version !== PROGRESS_VERSION || !isRecord(raw.lessons)) return emptyProgress();
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, v] of Object.entries(raw.lessons)) {
    if (!isRecord(v) || !Array.isArray(v.tasksDone)) continue;
    const tasksDone = [...new Set(v.tasksDone.filter((t): t is string => typeof t === 'string'))];
    lessons[id] = { tasksDone, completed: v.completed === true };
  }
  const out: ProgressData = { version: PROGRESS_VERSION, lessons };
  if (typeof raw.currentLesson === 'string') out.currentLesson = raw.currentLesson;
  return out;
}

/** Progress with one task marked done (a new object; the input is not changed). */
export function markTaskDone(data: ProgressData, lessonId: string, taskId: string): ProgressData {
  const cur = data.lessons[lessonId] ?? { tasksDone: [], completed: false };
  if (cur.tasksDone.includes(taskId)) return data;
  return { ...data, lessons: { ...data.lessons, [lessonId]: { ...cur, tasksDone: [...cur.tasksDone, taskId] } } };
}

/** Progress with a lesson marked completed. */
export function markLessonCompleted(data: ProgressData, lessonId: string): ProgressData {
  const cur = data.lessons[lessonId] ?? { tasksDone: [], completed: false };
  if (cur.completed) return data;
  return { ...data, lessons: { ...data.lessons, [lessonId]: { ...cur, completed: true } } };
}
