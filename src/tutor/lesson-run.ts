/**
 * One open lesson: its cluster and shell, the tasks' status (a passed task stays passed), hints shown, and the undo
 * stack. Grading runs after every command; the engine turns what changed into transcript items.
 */
import { checkGoal } from '../grader/grade.js';
import { replay, startLesson, type LessonEnv } from '../lessons/runtime.js';
import type { Lesson, Task } from '../lessons/types.js';
import { fingerprint } from './fingerprint.js';

const MAX_UNDO = 50;

interface UndoEntry {
  command: string;
  cluster: ReturnType<LessonEnv['cluster']['snapshot']>;
  session: ReturnType<LessonEnv['session']['snapshot']>;
}

/** A task's live status. */
export interface TaskStatus {
  done: boolean;
  message: string;
}

export class LessonRun {
  env: LessonEnv;
  readonly status = new Map<string, TaskStatus>();
  readonly hints = new Map<string, number>();
  private undoStack: UndoEntry[] = [];
  announced = false;

  constructor(
    readonly lesson: Lesson,
    readonly seed: number,
    done: readonly string[] = [],
    readonly editor = false,
  ) {
    this.env = startLesson(lesson, seed, { editor });
    this.restoreDone(done);
  }

  /**
   * Marks tasks done from saved progress, and rebuilds the cluster the learner left by replaying the reference
   * solutions of the leading finished tasks (later tasks build on earlier ones).
   */
  private restoreDone(done: readonly string[]): void {
    for (const t of this.lesson.tasks) {
      if (!done.includes(t.id)) break;
      replay(this.env.session, t.solution);
    }
    this.env.session.actions.length = 0;
    for (const t of this.lesson.tasks) this.status.set(t.id, { done: done.includes(t.id), message: done.includes(t.id) ? 'done' : '' });
    this.grade();
  }

  /** Tasks rebuilt from progress (for the welcome-back message). */
  get restoredCount(): number {
    let n = 0;
    for (const t of this.lesson.tasks) {
      if (!this.status.get(t.id)?.done) break;
      n++;
    }
    return n;
  }

  /** The first task not done. */
  currentTask(): Task | undefined {
    return this.lesson.tasks.find((t) => !this.status.get(t.id)?.done);
  }

  allDone(): boolean {
    return this.lesson.tasks.every((t) => this.status.get(t.id)?.done);
  }

  /** Re-checks every task not done yet; returns the tasks that just passed. */
  grade(): Task[] {
    const passed: Task[] = [];
    const input = { cluster: this.env.cluster, actions: this.env.session.actions, home: this.env.session.homeFs };
    const cache = {};
    for (const t of this.lesson.tasks) {
      const cur = this.status.get(t.id);
      if (cur?.done) continue;
      const v = checkGoal(t.goal, input, cache);
      this.status.set(t.id, { done: v.ok, message: v.message });
      if (v.ok) passed.push(t);
    }
    return passed;
  }

  /** Runs one command; remembers the state before it when it changed something (for `undo`). */
  run(text: string): ReturnType<LessonEnv['session']['run']> {
    const before = fingerprint(this.env);
    const entry: UndoEntry = { command: text, cluster: this.env.cluster.snapshot(), session: this.env.session.snapshot() };
    const result = this.env.session.run(text);
    if (fingerprint(this.env) !== before) {
      this.undoStack.push(entry);
      if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
    }
    return result;
  }

  /** Restores the state before the last state-changing command; returns that command, or undefined. */
  undo(): string | undefined {
    const e = this.undoStack.pop();
    if (!e) return undefined;
    this.env.cluster.restore(e.cluster);
    this.env.session.restore(e.session);
    return e.command;
  }

  /** The next hint for a task: its index and text; the last one repeats once all are shown. */
  nextHint(task: Task): { index: number; text: string } {
    const shown = this.hints.get(task.id) ?? 0;
    const index = Math.min(shown, task.hints.length - 1);
    this.hints.set(task.id, Math.min(shown + 1, task.hints.length));
    return { index, text: task.hints[index]! };
  }
}
