/**
 * Lessons as data (STYLE.md "Lessons are data"): a course is an ordered list of lesson folders; a lesson is a
 * `lesson.yaml` with tasks, hints, solutions and goals, an `intro.md`, and `files/` placed in the learner's home.
 * Adding a lesson never needs a code change. The on-disk format is documented in `lessons/README.md`.
 */
import type { Goal } from '../grader/types.js';

export type { Goal };

/** The network plugins a lesson may ask for (see `ClusterOptions.networkPlugin`). */
export type NetworkPlugin = 'calico' | 'cilium' | 'kindnet' | 'flannel' | 'bridge';

/** How the lesson's cluster starts and what runs before the learner types anything. */
export interface LessonSetup {
  /** Number of nodes (default 1: `minikube`). */
  nodes?: number;
  networkPlugin?: NetworkPlugin;
  /** minikube addons enabled from the start (`ingress`). */
  addons?: string[];
  /** Shell commands run on the host before the learner starts (`kubectl apply -f files/app.yaml`); may use heredocs. */
  commands: string[];
  /** When set, the only commands the learner may run on the host (e.g. `[kubectl, cat, ls]`); setup is not limited. */
  allowed?: string[];
  /** Host commands the learner may not use in this lesson (e.g. `[minikube]`); setup is not limited. */
  disabled?: string[];
}

/** An attempt that must NOT pass the task's goal, and the message the learner should see. */
export interface WrongAttempt {
  /** Commands, as typed (one or more lines). */
  script: string;
  /** The goal's failure message must contain this. */
  contains?: string;
  /** The goal's failure message must be exactly this. */
  message?: string;
}

/** One task of a lesson. */
export interface Task {
  /** Progress key: never renamed once published. */
  id: string;
  title: string;
  /** What to do and what "done" looks like (markdown). */
  prose: string;
  /** Three hints, from a nudge to nearly the answer. */
  hints: string[];
  /** The reference solution: command lines, as typed (heredocs allowed). */
  solution: string;
  /** Other solutions that must also pass. */
  alternatives: string[];
  /** Attempts that must fail, with the expected message. */
  wrong: WrongAttempt[];
  goal: Goal;
}

/** A multiple-choice quiz question; `answer` is the index into `choices`. */
export interface ChoiceQuestion {
  type: 'choice';
  question: string;
  choices: string[];
  answer: number;
  explanation: string;
}

/** A short-answer quiz question; an answer is accepted when it equals (case-insensitively, trimmed) a string or matches a `/regex/`. */
export interface ShortQuestion {
  type: 'short';
  question: string;
  accept: string[];
  explanation: string;
}

export type QuizQuestion = ChoiceQuestion | ShortQuestion;

/** One lesson, loaded and validated. */
export interface Lesson {
  id: string;
  /** Folder name inside the course (`02-intra-pod`). */
  folder: string;
  /** Absolute path of the lesson folder. */
  dir: string;
  title: string;
  summary: string;
  /** `intro.md` (markdown). */
  intro: string;
  setup: LessonSetup;
  /** Files placed in the learner's home: path relative to home → content (from `files/`). */
  files: Record<string, string>;
  tasks: Task[];
  /** What just happened and the interview questions it answers (markdown). */
  debrief: string;
  quiz: QuizQuestion[];
}

/** A course: a title and its lessons in order. */
export interface Course {
  title: string;
  /** Absolute path of the course folder. */
  dir: string;
  lessons: Lesson[];
}

/** One problem found while loading: `file:line path: message`. */
export interface LoadProblem {
  /** Path relative to the course folder (`02-intra-pod/lesson.yaml`). */
  file: string;
  line: number;
  /** Dotted path inside the file (`tasks.0.hints`), empty for the whole file. */
  path: string;
  message: string;
}

/** Loading a course either gives the course or every problem found. */
export type LoadResult = { ok: true; course: Course } | { ok: false; problems: LoadProblem[] };

/** One failed expectation of the lesson check. */
export interface CheckFailure {
  lesson: string;
  task?: string;
  /** What was being checked: `schema`, `start`, `solution`, `alternative 1`, `wrong 2`, `files`. */
  stage: string;
  message: string;
}

/** The structured report of `checkCourse(dir)`; `lessons check` prints it. */
export interface CourseReport {
  ok: boolean;
  /** Load problems (schema, files, manifests), formatted `file:line path: message`. */
  problems: string[];
  failures: CheckFailure[];
  /** Per lesson, per task: whether each stage held. */
  lessons: { id: string; tasks: { id: string; ok: boolean }[] }[];
}
