/**
 * The CLI's commands. Each returns an exit code: 0 ok, 1 a check failed, 2 a usage or input problem.
 * Only this layer touches the real file system and the terminal.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Course } from '../lessons/types.js';
import { compiledCourse } from './course-cache.js';
import { builtInLessonsDir } from './paths.js';

export interface GlobalValues {
  lessons?: string;
  script?: string;
  json?: boolean;
  yes?: boolean;
  /** `check --task ID`: grade only these tasks. */
  task?: string[];
}

const out = (s: string): void => void process.stdout.write(s.endsWith('\n') || s === '' ? s : s + '\n');
const err = (s: string): void => void process.stderr.write(s.endsWith('\n') ? s : s + '\n');

async function readScript(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) {
    err("kube-net-tutor: --script FILE is required (use '-' to read the script from standard input)");
    return undefined;
  }
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (e) {
    err(`kube-net-tutor: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return undefined;
  }
}

/** Loads the course, printing every problem (file:line path: message) when it is broken. */
export async function loadCourseOrReport(dir: string | undefined): Promise<Course | undefined> {
  const courseDir = dir ? resolve(dir) : builtInLessonsDir();
  if (!dir) {
    const compiled = compiledCourse(courseDir);
    if (compiled) return compiled;
  }
  const { loadCourse, formatProblem } = await import('../lessons/index.js');
  const r = await loadCourse(courseDir);
  if (!r.ok) {
    err(`kube-net-tutor: the course in ${courseDir} has problems:`);
    for (const p of r.problems) err(`  ${formatProblem(p)}`);
    return undefined;
  }
  return r.course;
}

async function list(values: GlobalValues): Promise<number> {
  const course = await loadCourseOrReport(values.lessons);
  if (!course) return 2;
  const { confProgressStore } = await import('./progress-store.js');
  const progress = confProgressStore().load();
  const rows = course.lessons.map((l, i) => {
    const p = progress.lessons[l.id];
    const done = l.tasks.filter((t) => p?.tasksDone.includes(t.id)).length;
    const mark = p?.completed ? '✓' : done > 0 ? '◐' : '○';
    return { i: i + 1, id: l.id, title: l.title, done, total: l.tasks.length, mark };
  });
  if (values.json) {
    out(JSON.stringify({ title: course.title, lessons: rows.map(({ mark: _m, ...r }) => r) }, null, 2));
    return 0;
  }
  out(course.title);
  const idw = Math.max(...rows.map((r) => r.id.length));
  const tw = Math.max(...rows.map((r) => r.title.length));
  for (const r of rows) out(`  ${r.mark} ${String(r.i).padStart(2)}. ${r.id.padEnd(idw)}  ${r.title.padEnd(tw)}  ${r.done}/${r.total}`);
  return 0;
}

async function sandbox(values: GlobalValues): Promise<number> {
  const script = await readScript(values.script);
  if (script === undefined) return 2;
  const { runSandbox } = await import('../tutor/index.js');
  const r = runSandbox(script);
  out(r.output);
  return 0;
}

async function check(lessonId: string | undefined, values: GlobalValues): Promise<number> {
  if (!lessonId) {
    err('kube-net-tutor: check needs a lesson id (see `kube-net-tutor list`)');
    return 2;
  }
  const course = await loadCourseOrReport(values.lessons);
  if (!course) return 2;
  const lesson = course.lessons.find((l) => l.id === lessonId || l.folder === lessonId);
  if (!lesson) {
    err(`kube-net-tutor: no lesson "${lessonId}"; lessons: ${course.lessons.map((l) => l.id).join(', ')}`);
    return 2;
  }
  const script = await readScript(values.script);
  if (script === undefined) return 2;
  const { runScript, prepareLessons } = await import('../tutor/index.js');
  await prepareLessons([lesson]);
  const wanted = values.task ?? [];
  const unknown = wanted.filter((id) => !lesson.tasks.some((t) => t.id === id));
  if (unknown.length) {
    err(`kube-net-tutor: lesson ${lesson.id} has no task ${unknown.map((u) => `"${u}"`).join(', ')}; tasks: ${lesson.tasks.map((t) => t.id).join(', ')}`);
    return 2;
  }
  const r = runScript(lesson, script);
  const tasks = wanted.length ? r.tasks.filter((t) => wanted.includes(t.id)) : r.tasks;
  const allPassed = tasks.every((t) => t.done);
  if (values.json) out(JSON.stringify({ lesson: r.lessonId, allPassed, tasks }, null, 2));
  else {
    out(`${lesson.title}: ${tasks.filter((t) => t.done).length}/${tasks.length} tasks passed`);
    for (const t of tasks) out(`  ${t.done ? '✓' : '✗'} ${t.title}${t.message ? `\n      ${t.message}` : ''}`);
  }
  return allPassed ? 0 : 1;
}

async function lessonsCheck(dir: string | undefined, values: GlobalValues): Promise<number> {
  const { checkCourse, formatReport } = await import('../lessons/index.js');
  const courseDir = dir ? resolve(dir) : values.lessons ? resolve(values.lessons) : builtInLessonsDir();
  const report = await checkCourse(courseDir);
  if (values.json) out(JSON.stringify(report, null, 2));
  else out(formatReport(report));
  return report.ok ? 0 : 1;
}

async function reset(lessonId: string | undefined, values: GlobalValues): Promise<number> {
  if (!values.yes) {
    err(`kube-net-tutor: this forgets ${lessonId ? `your progress in ${lessonId}` : 'all your progress'}; run again with --yes to confirm`);
    return 2;
  }
  const { confProgressStore } = await import('./progress-store.js');
  const store = confProgressStore();
  const data = store.load();
  if (lessonId) {
    delete data.lessons[lessonId];
    if (data.currentLesson === lessonId) delete data.currentLesson;
  } else {
    data.lessons = {};
    delete data.currentLesson;
  }
  store.save(data);
  await store.flush();
  out(lessonId ? `Progress in ${lessonId} forgotten.` : 'All progress forgotten.');
  return 0;
}

/** Runs a CLI command (`undefined`: the interactive tutor). */
export async function runCommand(command: string | undefined, rest: string[], values: GlobalValues): Promise<number> {
  switch (command) {
    case undefined:
    case 'start': {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        err('kube-net-tutor needs an interactive terminal. To run commands from a file or a pipe, use: kube-net-tutor sandbox --script FILE (or - for stdin)');
        return 2;
      }
      // Read the course while the UI's modules load: both are on the path to the first frame.
      const course = loadCourseOrReport(values.lessons);
      const { interactive } = await import('./interactive.js');
      return interactive(course);
    }
    case 'list':
      return list(values);
    case 'sandbox':
      return sandbox(values);
    case 'check':
      return check(rest[0], values);
    case 'lessons':
      if (rest[0] === 'check') return lessonsCheck(rest[1], values);
      err(`kube-net-tutor: unknown lessons command "${rest[0] ?? ''}" (did you mean: lessons check [DIR]?)`);
      return 2;
    case 'reset':
      return reset(rest[0], values);
    default:
      err(`kube-net-tutor: unknown command "${command}"\nRun 'kube-net-tutor --help' for usage.`);
      return 2;
  }
}
