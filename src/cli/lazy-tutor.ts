/**
 * A tutor whose engine (the simulator, shell and grader) loads after the first frame: until it has, the snapshot is
 * the lesson menu built from the course and saved progress alone. Actions taken before it is ready (opening a lesson,
 * the resume of the last one) are replayed on the engine as soon as it loads.
 */
import type { Course } from '../lessons/types.js';
import type { ProgressStore } from '../progress/types.js';
import { lessonSummaries } from '../tutor/menu.js';
import type { Tutor, TutorOptions, TutorSnapshot } from '../tutor/types.js';

export interface LazyTutor extends Tutor {
  /** Resolves when the engine has loaded. */
  readonly ready: Promise<void>;
}

export function lazyTutor(
  course: Course,
  progress: ProgressStore,
  options: { initialLesson?: string },
  load: () => Promise<{ createTutor(o: TutorOptions): Tutor }>,
): LazyTutor {
  const listeners = new Set<() => void>();
  const saved = progress.load();
  let real: Tutor | undefined;
  let wantLesson = options.initialLesson;
  const menu: TutorSnapshot = {
    screen: 'menu',
    courseTitle: course.title,
    lessons: lessonSummaries(course, saved),
    ...(saved.currentLesson ? { selectedLessonId: saved.currentLesson } : {}),
    transcript: [],
    prompt: '',
    pendingInput: '',
    history: [],
    uiRequests: 0,
  };
  const notify = (): void => {
    for (const l of [...listeners]) l();
  };
  const ready = load().then(({ createTutor }) => {
    real = createTutor({ course, progress, ...(wantLesson ? { initialLesson: wantLesson } : {}) });
    real.subscribe(notify);
    notify();
  });
  return {
    ready,
    getSnapshot: () => (real ? real.getSnapshot() : menu),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    openLesson(id) {
      if (real) return real.openLesson(id);
      if (!course.lessons.some((l) => l.id === id)) return false;
      wantLesson = id;
      return true;
    },
    backToMenu: () => real?.backToMenu(),
    submit: (line) => real?.submit(line),
    complete: (line) => (real ? real.complete(line) : { start: line.length, candidates: [] }),
    takeUiRequests: () => (real ? real.takeUiRequests() : []),
    completeEdit: (request, content) => real?.completeEdit(request, content),
    cancelInput: () => real?.cancelInput(),
  };
}
