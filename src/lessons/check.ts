/**
 * The lesson check (`kube-net-tutor lessons check [DIR]`, and the course test): the course loads cleanly, every
 * task's goal fails on the state before the task and passes after its reference solution, every alternative solution
 * passes, every deliberately wrong attempt fails with the message it lists. rustlings' `dev check` and
 * learnGitBranching's replayed solutions, for a simulated cluster.
 */
import { checkGoal } from '../grader/grade.js';
import type { GoalVerdict } from '../grader/types.js';
import { formatProblem, loadCourse } from './load.js';
import { replay, startLesson, type LessonEnv, type ReplayStep } from './runtime.js';
import type { CheckFailure, CourseReport, Lesson, Task } from './types.js';

/** Content rules of the curriculum (issue 5): tasks, hints and quiz questions per lesson. */
export const MIN_TASKS = 4;
export const HINTS = 3;
export const MIN_QUIZ = 10;

interface Saved {
  cluster: ReturnType<LessonEnv['cluster']['snapshot']>;
  session: ReturnType<LessonEnv['session']['snapshot']>;
  actions: number;
}

function save(env: LessonEnv): Saved {
  return { cluster: env.cluster.snapshot(), session: env.session.snapshot(), actions: env.session.actions.length };
}

function restore(env: LessonEnv, s: Saved): void {
  env.cluster.restore(s.cluster);
  env.session.restore(s.session);
  env.session.actions.length = s.actions;
}

function grade(env: LessonEnv, task: Task): GoalVerdict {
  return checkGoal(task.goal, { cluster: env.cluster, actions: env.session.actions, home: env.session.homeFs });
}

/** The first command of a replay that failed, as a hint for the author. */
function firstError(steps: ReplayStep[]): string {
  const bad = steps.find((s) => s.result.exitCode !== 0);
  if (!bad) return '';
  const err = (bad.result.stderr || bad.result.stdout).trim().split('\n')[0] ?? '';
  return ` (command \`${bad.text.split('\n')[0]}\` exited ${bad.result.exitCode}: ${err})`;
}

/** Content rules: enough tasks, three hints each, enough quiz questions. */
function contentFailures(lesson: Lesson): CheckFailure[] {
  const out: CheckFailure[] = [];
  if (lesson.tasks.length < MIN_TASKS) out.push({ lesson: lesson.id, stage: 'content', message: `has ${lesson.tasks.length} tasks; a lesson needs at least ${MIN_TASKS}` });
  for (const t of lesson.tasks) {
    if (t.hints.length !== HINTS) out.push({ lesson: lesson.id, task: t.id, stage: 'content', message: `has ${t.hints.length} hints; a task needs ${HINTS}, from a nudge to nearly the answer` });
  }
  if (lesson.quiz.length < MIN_QUIZ) out.push({ lesson: lesson.id, stage: 'content', message: `has ${lesson.quiz.length} quiz questions; a lesson needs at least ${MIN_QUIZ}` });
  return out;
}

/** Replays one lesson's tasks in order, checking each stage. */
export function checkLesson(lesson: Lesson, options: { content?: boolean } = {}): { failures: CheckFailure[]; tasks: { id: string; ok: boolean }[] } {
  const failures: CheckFailure[] = options.content === false ? [] : contentFailures(lesson);
  const env = startLesson(lesson);
  const bad = env.setup.find((s) => s.result.exitCode !== 0);
  if (bad) failures.push({ lesson: lesson.id, stage: 'setup', message: `\`${bad.text}\` exited ${bad.result.exitCode}: ${(bad.result.stderr || bad.result.stdout).trim()}` });
  const tasks: { id: string; ok: boolean }[] = [];
  for (const task of lesson.tasks) {
    const before = failures.length;
    const fail = (stage: string, message: string): void => void failures.push({ lesson: lesson.id, task: task.id, stage, message });
    const start = save(env);
    const initial = grade(env, task);
    if (initial.ok) fail('start', `the goal already passes before the task: ${initial.message}`);
    task.alternatives.forEach((alt, i) => {
      restore(env, start);
      const steps = replay(env.session, alt);
      const v = grade(env, task);
      if (!v.ok) fail(`alternative ${i + 1}`, `${v.message}${firstError(steps)}`);
    });
    task.wrong.forEach((w, i) => {
      restore(env, start);
      replay(env.session, w.script);
      const v = grade(env, task);
      if (v.ok) fail(`wrong ${i + 1}`, 'the goal passes, but this attempt must fail');
      else if (w.message !== undefined && v.message !== w.message) fail(`wrong ${i + 1}`, `the message is "${v.message}", expected "${w.message}"`);
      else if (w.contains !== undefined && !v.message.includes(w.contains)) fail(`wrong ${i + 1}`, `the message "${v.message}" does not contain "${w.contains}"`);
    });
    restore(env, start);
    const steps = replay(env.session, task.solution);
    const v = grade(env, task);
    if (!v.ok) fail('solution', `${v.message}${firstError(steps)}`);
    tasks.push({ id: task.id, ok: failures.length === before });
  }
  return { failures, tasks };
}

/** Loads a course folder and checks every lesson. */
export async function checkCourse(dir: string, options: { content?: boolean } = {}): Promise<CourseReport> {
  const loaded = await loadCourse(dir);
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map(formatProblem), failures: [], lessons: [] };
  const failures: CheckFailure[] = [];
  const lessons: CourseReport['lessons'] = [];
  for (const lesson of loaded.course.lessons) {
    const r = checkLesson(lesson, options);
    failures.push(...r.failures);
    lessons.push({ id: lesson.id, tasks: r.tasks });
  }
  return { ok: failures.length === 0, problems: [], failures, lessons };
}

/** The report as the CLI prints it: one line per lesson, one per failure, and a summary. */
export function formatReport(report: CourseReport): string {
  if (report.problems.length) return `${report.problems.join('\n')}\n${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} found\n`;
  const lines: string[] = [];
  for (const l of report.lessons) {
    const own = report.failures.filter((f) => f.lesson === l.id);
    lines.push(`${own.length ? '✗' : '✓'} ${l.id} (${l.tasks.length} task${l.tasks.length === 1 ? '' : 's'})`);
    for (const f of own) lines.push(`    ${f.task ? `${f.task} ` : ''}${f.stage}: ${f.message}`);
  }
  const tasks = report.lessons.reduce((n, l) => n + l.tasks.length, 0);
  lines.push(report.ok ? `${report.lessons.length} lessons, ${tasks} tasks: all checks passed` : `${report.lessons.length} lessons, ${tasks} tasks: ${report.failures.length} failed`);
  return lines.join('\n') + '\n';
}
