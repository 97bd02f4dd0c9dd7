/**
 * The tutor engine's public contract (no React): a store with `getSnapshot()`/`subscribe()` that a UI reads with
 * `useSyncExternalStore`, and actions that change it. The snapshot object is replaced only when something changed.
 */
import type { CommandResult, UiRequest } from '../shell/types.js';
import type { Course, Lesson } from '../lessons/types.js';
import type { ProgressStore } from '../progress/types.js';

export type { UiRequest };

/** One entry of the transcript (rendered once, in order, e.g. in Ink's `<Static>`). `id` is a stable React key. */
export type HistoryItem =
  | { type: 'lesson-intro'; id: number; lessonId: string; title: string; markdown: string }
  /** What the learner typed, with the prompt it was typed at (several lines for a heredoc). */
  | { type: 'command'; id: number; prompt: string; text: string }
  /** `chunks`: the same output interleaved as a terminal shows it (kubectl's warning before its table); absent when that is stdout then stderr. */
  | { type: 'output'; id: number; stdout: string; stderr: string; exitCode: number; chunks?: { fd: 1 | 2; text: string }[] }
  /** A tutor message; `tone` picks the colour. `markdown` when the text is markdown (help, task list). */
  | { type: 'info'; id: number; text: string; tone: 'info' | 'warning' | 'error'; markdown?: boolean }
  /** `index` is 1-based: the first hint is `1`. */
  /** `index` counts from 1 (hint 2 of 3). */
  | { type: 'hint'; id: number; taskId: string; index: number; total: number; text: string }
  | { type: 'solution'; id: number; taskId: string; text: string }
  | { type: 'task-passed'; id: number; taskId: string; title: string; message: string }
  | { type: 'lesson-complete'; id: number; lessonId: string; title: string; debrief: string; nextLessonId?: string };

/** A transcript item before the engine numbers it. */
export type NewHistoryItem = HistoryItem extends infer T ? (T extends HistoryItem ? Omit<T, 'id'> : never) : never;

/** A task's state as the checklist shows it. */
export interface TaskView {
  id: string;
  title: string;
  prose: string;
  done: boolean;
  /** The grader's message: what is still missing, or what passed. */
  message: string;
  hintsShown: number;
  hintsTotal: number;
}

/** A lesson as the menu shows it. */
export interface LessonSummary {
  id: string;
  title: string;
  summary: string;
  tasksTotal: number;
  tasksDone: number;
  completed: boolean;
}

/** The open lesson. */
export interface LessonView {
  id: string;
  title: string;
  summary: string;
  intro: string;
  tasks: TaskView[];
  /** The first task not done yet; undefined when every task is done. */
  currentTaskId?: string;
  completed: boolean;
}

/** Everything a UI needs to draw a frame. */
export interface TutorSnapshot {
  screen: 'menu' | 'lesson';
  courseTitle: string;
  lessons: LessonSummary[];
  /** The lesson the menu should highlight (the current or last opened one). */
  selectedLessonId?: string;
  lesson?: LessonView;
  transcript: HistoryItem[];
  /** The prompt to show: the shell's (`learner@laptop:~$ `) or `> ` while a multi-line command is being collected. */
  prompt: string;
  /** Lines collected so far of an incomplete multi-line command ('' when none). */
  pendingInput: string;
  /** Commands typed in this session, oldest first (for ↑/↓). */
  history: string[];
  /** Number of UI requests waiting in `takeUiRequests()`. */
  uiRequests: number;
}

/** Tab completion: replace `line.slice(start)` with one of `candidates`. */
export interface Completion {
  start: number;
  candidates: string[];
}

/** The tutor engine. */
export interface Tutor {
  getSnapshot(): TutorSnapshot;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Opens a lesson by id (fresh cluster from its setup); unknown ids leave the state unchanged and return false. */
  openLesson(id: string): boolean;
  backToMenu(): void;
  /** One line the learner typed at the prompt: a shell command, a tutor command, or a line of a multi-line command. */
  submit(line: string): void;
  /** Abandons a multi-line command being collected (Ctrl-C at the `> ` prompt); no-op otherwise. */
  cancelInput(): void;
  /** Completion candidates for the word under the cursor at the end of `partialLine`. */
  complete(partialLine: string): Completion;
  /** UI requests (clear screen, open an editor, exit) since the last call. */
  takeUiRequests(): UiRequest[];
  /**
   * The UI saved an `edit` request's file: writes `content` at `request.path` in the file system where the command
   * ran, then runs `request.onSave` (e.g. `kubectl replace -f …` for `kubectl edit`) as if typed.
   */
  completeEdit(request: Extract<UiRequest, { type: 'edit' }>, content: string): void;
}

/** What `createTutor` needs. */
export interface TutorOptions {
  course: Course;
  progress: ProgressStore;
  /** Seed for every lesson's cluster (default 42). */
  seed?: number;
  /** Open this lesson right away (the CLI's resume). */
  initialLesson?: string;
  /** Whether the UI answers `edit` requests (`nano FILE`, `kubectl edit`) with `completeEdit`. Default true. */
  editor?: boolean;
}

/** The verdict of one task after a headless run. */
export interface TaskVerdict {
  id: string;
  title: string;
  done: boolean;
  message: string;
}

/** What `runScript` returns: every task's verdict and the transcript as text (prompts, commands, outputs). */
export interface ScriptRun {
  lessonId: string;
  tasks: TaskVerdict[];
  allPassed: boolean;
  transcript: string;
}

/** What `runSandbox` returns: the echoed transcript and the last command's exit code. */
export interface SandboxRun {
  output: string;
  exitCode: number;
}

export type { Course, Lesson, CommandResult };
