/**
 * The tutor engine: lesson menu, the open lesson, the transcript, and the commands typed at the prompt. No React:
 * a UI reads `getSnapshot()` through `useSyncExternalStore` and calls the actions. State changes replace the
 * snapshot object; reading it twice without a change gives the same object.
 */
import { celLoaded, loadCel } from '../grader/cel.js';
import { usesCel } from '../lessons/runtime.js';
import { emptyProgress, markLessonCompleted, markTaskDone, normalizeProgress } from '../progress/data.js';
import type { ProgressData } from '../progress/types.js';
import type { UiRequest } from '../shell/types.js';
import { complete } from './complete.js';
import { lessonSummaries } from './menu.js';
import { LessonRun } from './lesson-run.js';
import { tutorCommand } from './tutor-commands.js';
import type { HistoryItem, NewHistoryItem, Tutor, TutorOptions, TutorSnapshot } from './types.js';

const MAX_HISTORY = 500;
/** The prompt while a multi-line command (heredoc, open quote) is being collected. */
export const CONTINUATION_PROMPT = '> ';

/** The engine's mutable state; tutor commands act on it through `Engine`. */
export interface Engine {
  readonly options: TutorOptions;
  run?: LessonRun;
  progress: ProgressData;
  push(item: NewHistoryItem): void;
  request(r: UiRequest): void;
  saveProgress(next: ProgressData): void;
  openLesson(id: string): boolean;
  backToMenu(): void;
  /** The lesson after the open one in course order. */
  nextLessonId(): string | undefined;
}

/** Creates a tutor over a loaded course and a progress store. */
export function createTutor(options: TutorOptions): Tutor {
  const { course } = options;
  const listeners = new Set<() => void>();
  let transcript: HistoryItem[] = [];
  let nextId = 1;
  let pending: string[] = [];
  let history: string[] = [];
  let uiRequests: UiRequest[] = [];
  let screen: TutorSnapshot['screen'] = 'menu';
  let snapshot: TutorSnapshot | undefined;
  let loaded: ProgressData;
  try {
    loaded = normalizeProgress(options.progress.load());
  } catch {
    loaded = emptyProgress();
  }

  const engine: Engine = {
    options,
    progress: loaded,
    push(item) {
      // Append-only within a lesson (Ink's <Static> renders new items by position); opening a lesson starts afresh.
      transcript = [...transcript, { ...item, id: nextId++ } as HistoryItem];
    },
    request(r) {
      uiRequests = [...uiRequests, r];
    },
    saveProgress(next) {
      engine.progress = next;
      try {
        options.progress.save(next);
      } catch {
        // A progress file that cannot be written must not stop the lesson; the next save tries again.
      }
    },
    openLesson(id) {
      const lesson = course.lessons.find((l) => l.id === id);
      if (!lesson) return false;
      const done = engine.progress.lessons[id]?.tasksDone ?? [];
      engine.run = new LessonRun(lesson, options.seed ?? 42, done, options.editor !== false);
      engine.run.announced = engine.run.allDone();
      screen = 'lesson';
      pending = [];
      transcript = [];
      engine.push({ type: 'lesson-intro', lessonId: lesson.id, title: lesson.title, markdown: lesson.intro });
      const restored = engine.run.restoredCount;
      if (restored > 0) {
        engine.push({ type: 'info', tone: 'info', text: `Welcome back. Your cluster was rebuilt with the reference solutions of the ${restored} task${restored === 1 ? '' : 's'} you finished.` });
      }
      engine.saveProgress({ ...engine.progress, currentLesson: id });
      if (!celLoaded() && usesCel([lesson])) {
        const run = engine.run;
        loadCel().then(
          () => {
            if (engine.run !== run) return;
            afterCommand();
            changed();
          },
          () => undefined,
        );
      }
      return true;
    },
    backToMenu() {
      screen = 'menu';
      pending = [];
    },
    nextLessonId() {
      const i = course.lessons.findIndex((l) => l.id === engine.run?.lesson.id);
      return i >= 0 ? course.lessons[i + 1]?.id : undefined;
    },
  };

  const changed = (): void => {
    snapshot = undefined;
    for (const l of [...listeners]) l();
  };

  function afterCommand(): void {
    const run = engine.run;
    if (!run) return;
    for (const t of run.grade()) {
      engine.push({ type: 'task-passed', taskId: t.id, title: t.title, message: run.status.get(t.id)?.message ?? '' });
      engine.saveProgress(markTaskDone(engine.progress, run.lesson.id, t.id));
    }
    if (run.allDone() && !run.announced) {
      run.announced = true;
      const next = engine.nextLessonId();
      engine.push({ type: 'lesson-complete', lessonId: run.lesson.id, title: run.lesson.title, debrief: run.lesson.debrief, ...(next ? { nextLessonId: next } : {}) });
      engine.saveProgress(markLessonCompleted(engine.progress, run.lesson.id));
    }
  }

  function runShell(text: string): void {
    const run = engine.run!;
    const prompt = run.env.session.prompt();
    engine.push({ type: 'command', prompt, text });
    if (text.trim()) history = [...history, text].slice(-MAX_HISTORY);
    const r = run.run(text);
    if (r.stdout || r.stderr) {
      // Chunks only when the terminal order is not simply stdout then stderr (a warning before a table).
      const chunks = run.env.session.lastOutput();
      const interleaved = chunks.length > 2 || (chunks.length === 2 && chunks[0]!.fd === 2);
      engine.push({ type: 'output', stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, ...(interleaved ? { chunks } : {}) });
    }
    for (const req of run.env.session.takeUiRequests()) engine.request(req);
    afterCommand();
  }

  function submit(line: string): void {
    const run = engine.run;
    if (screen !== 'lesson' || !run) {
      engine.push({ type: 'info', tone: 'warning', text: 'Open a lesson first.' });
      return changed();
    }
    if (pending.length) {
      pending = [...pending, line];
      const text = pending.join('\n');
      if (run.env.session.isComplete(text)) {
        pending = [];
        runShell(text);
      }
      return changed();
    }
    const prompt = run.env.session.prompt();
    if (tutorCommand(engine, line, prompt)) {
      if (line.trim()) history = [...history, line.trim()].slice(-MAX_HISTORY);
      if (engine.run) afterCommand();
      return changed();
    }
    if (!run.env.session.isComplete(line)) pending = [line];
    else runShell(line);
    changed();
  }

  function build(): TutorSnapshot {
    const run = engine.run;
    const base: TutorSnapshot = {
      screen,
      courseTitle: course.title,
      lessons: lessonSummaries(course, engine.progress),
      transcript,
      prompt: pending.length ? CONTINUATION_PROMPT : (run?.env.session.prompt() ?? ''),
      pendingInput: pending.join('\n'),
      history,
      uiRequests: uiRequests.length,
    };
    const selected = run?.lesson.id ?? engine.progress.currentLesson;
    if (selected) base.selectedLessonId = selected;
    if (run && screen === 'lesson') {
      const l = run.lesson;
      const current = run.currentTask();
      base.lesson = {
        id: l.id,
        title: l.title,
        summary: l.summary,
        intro: l.intro,
        tasks: l.tasks.map((t) => ({
          id: t.id,
          title: t.title,
          prose: t.prose,
          done: run.status.get(t.id)?.done ?? false,
          message: run.status.get(t.id)?.message ?? '',
          hintsShown: run.hints.get(t.id) ?? 0,
          hintsTotal: t.hints.length,
        })),
        ...(current ? { currentTaskId: current.id } : {}),
        completed: run.allDone(),
      };
    }
    return base;
  }

  if (options.initialLesson) engine.openLesson(options.initialLesson);

  return {
    getSnapshot: () => (snapshot ??= build()),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    openLesson(id) {
      const ok = engine.openLesson(id);
      if (ok) changed();
      return ok;
    },
    backToMenu() {
      engine.backToMenu();
      changed();
    },
    submit,
    cancelInput() {
      const run = engine.run;
      if (!pending.length || !run) return;
      engine.push({ type: 'command', prompt: run.env.session.prompt(), text: `${pending.join('\n')}^C` });
      pending = [];
      changed();
    },
    complete(partialLine) {
      const run = engine.run;
      if (!run || pending.length) return { start: partialLine.length, candidates: [] };
      return complete(run.env.session, partialLine);
    },
    completeEdit(request, content) {
      const run = engine.run;
      if (!run) return;
      const session = run.env.session;
      const fs = session.fsAt(session.location());
      try {
        fs?.writeFile(request.path, content);
      } catch (e) {
        engine.push({ type: 'info', tone: 'error', text: `Could not save ${request.path}: ${(e as Error).message}` });
        return changed();
      }
      engine.push({ type: 'info', tone: 'info', text: `Saved ${request.path}.` });
      if (request.onSave) runShell(request.onSave);
      else afterCommand();
      changed();
    },
    takeUiRequests() {
      const r = uiRequests;
      if (r.length === 0) return r;
      uiRequests = [];
      changed();
      return r;
    },
  };
}
