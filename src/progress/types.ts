/**
 * Progress as data, keyed by lesson and task ids (never by position), so reordering or adding lessons keeps what the
 * learner has done. An unreadable or foreign file means a fresh start, never a crash (rustlings' rule).
 */

/** The current format version. */
export const PROGRESS_VERSION = 1;

/** What is saved for one lesson. */
export interface LessonProgress {
  tasksDone: string[];
  completed: boolean;
}

/** Everything saved between runs. */
export interface ProgressData {
  version: number;
  lessons: { [lessonId: string]: LessonProgress };
  currentLesson?: string;
}

/** Where progress lives: a `conf` file in the CLI, memory in tests. `load` never throws. */
export interface ProgressStore {
  load(): ProgressData;
  save(data: ProgressData): void;
}
