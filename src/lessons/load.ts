/**
 * Loads a course folder: `course.yaml`, then each lesson's `lesson.yaml`, `intro.md` and `files/`. Every problem is
 * collected and reported at once as `file:line path: message` (rustlings' and learnGitBranching's lesson: content is
 * data, and an author fixes all mistakes in one pass). Loads the CEL evaluator only when a goal uses CEL.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { celSyntaxError, loadCel } from '../grader/cel.js';
import type { Check } from '../grader/types.js';
import { parseManifests } from '../shell/manifest.js';
import { courseSchema, issuesOf, lessonSchema, parseCheck, parseQuizItem, taskSchema, type Issue } from './schema.js';
import type { Course, Lesson, LoadProblem, LoadResult, QuizQuestion, Task, WrongAttempt } from './types.js';
import { lineOf, parseYaml, type YamlSource } from './yaml-lines.js';

/** `02-intra-pod/lesson.yaml:12 tasks.0.hints: needs at least 2 items`. */
export function formatProblem(p: LoadProblem): string {
  return `${p.file}:${p.line}${p.path ? ` ${p.path}` : ''}: ${p.message}`;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Every file under a folder, relative paths sorted (bounded depth). */
async function listFiles(dir: string, depth = 0): Promise<string[]> {
  if (depth > 8 || !(await isDir(dir))) return [];
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), depth + 1)).map((f) => `${e.name}/${f}`));
    else if (e.isFile()) out.push(e.name);
  }
  return out;
}

/** Collects problems for one YAML file. */
class Reporter {
  constructor(
    readonly problems: LoadProblem[],
    readonly file: string,
    readonly src?: YamlSource,
  ) {}

  add(path: readonly (string | number)[], message: string): void {
    this.problems.push({ file: this.file, line: this.src ? lineOf(this.src, path) : 1, path: path.join('.'), message });
  }

  issues(prefix: readonly (string | number)[], issues: Issue[]): void {
    for (const i of issues) this.add([...prefix, ...i.path], i.message);
  }
}

/** Whether a string is a valid JavaScript regular expression. */
function regexError(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** `/…/` in a short answer's `accept` is a regular expression. */
export function acceptRegex(a: string): string | undefined {
  return a.length > 2 && a.startsWith('/') && a.endsWith('/') ? a.slice(1, -1) : undefined;
}

function checkRegexes(check: Check, at: (string | number)[], r: Reporter): void {
  const fields: [string, string | undefined][] =
    check.type === 'ranInContainer' ? [['command', check.command], ['outputMatches', check.outputMatches]] : check.type === 'ranCommand' ? [['command', check.command], ['outputMatches', check.outputMatches]] : [];
  for (const [field, source] of fields) {
    const err = source === undefined ? undefined : regexError(source);
    if (err) r.add([...at, check.type, field], `is not a valid regular expression: ${err}`);
  }
}

function parseTask(raw: unknown, at: (string | number)[], r: Reporter, usesCel: { value: boolean }): Task | undefined {
  const parsed = taskSchema.safeParse(raw);
  if (!parsed.success) {
    r.issues(at, issuesOf(parsed.error));
    return undefined;
  }
  const t = parsed.data;
  const goal: Check[] = [];
  t.goal.forEach((item, i) => {
    const res = parseCheck(item);
    if ('issues' in res) r.issues([...at, 'goal', i], res.issues);
    else {
      goal.push(res.check);
      if (res.check.type === 'cel') usesCel.value = true;
      checkRegexes(res.check, [...at, 'goal', i], r);
    }
  });
  const wrong: WrongAttempt[] = [];
  t.wrong.forEach((w, i) => {
    if (w.contains === undefined && w.message === undefined) r.add([...at, 'wrong', i], 'needs "contains" (a part of the expected message) or "message" (the exact message)');
    wrong.push({ script: w.script, ...(w.contains !== undefined ? { contains: w.contains } : {}), ...(w.message !== undefined ? { message: w.message } : {}) });
  });
  if (goal.length !== t.goal.length) return undefined;
  return { id: t.id, title: t.title, prose: t.prose, hints: t.hints, solution: t.solution, alternatives: t.alternatives, wrong, goal };
}

function parseQuiz(raw: unknown[], r: Reporter): QuizQuestion[] {
  const out: QuizQuestion[] = [];
  raw.forEach((item, i) => {
    const res = parseQuizItem(item);
    if ('issues' in res) return r.issues(['quiz', i], res.issues);
    if (res.type === 'choice') out.push({ type: 'choice', ...(res.value as Omit<Extract<QuizQuestion, { type: 'choice' }>, 'type'>) });
    else {
      const v = res.value as Omit<Extract<QuizQuestion, { type: 'short' }>, 'type'>;
      v.accept.forEach((a, j) => {
        const re = acceptRegex(a);
        const err = re === undefined ? undefined : regexError(re);
        if (err) r.add(['quiz', i, 'accept', j], `is not a valid regular expression: ${err}`);
      });
      out.push({ type: 'short', ...v });
    }
  });
  return out;
}

/** `-f FILE` arguments of setup commands that are not in `files/`. */
function missingSetupFiles(commands: string[], files: Record<string, string>): { index: number; file: string }[] {
  const out: { index: number; file: string }[] = [];
  commands.forEach((cmd, index) => {
    const re = /(?:^|\s)(?:-f|--filename)(?:\s+|=)(\S+)/g;
    for (let m = re.exec(cmd); m; m = re.exec(cmd)) {
      const f = m[1]!.replace(/^~\//, '').replace(/^\.\//, '');
      if (f === '-' || /^https?:/.test(f)) continue;
      if (!(f in files) && !Object.keys(files).some((k) => k.startsWith(`${f.replace(/\/$/, '')}/`))) out.push({ index, file: m[1]! });
    }
  });
  return out;
}

async function loadLesson(courseDir: string, id: string, folder: string, problems: LoadProblem[], usesCel: { value: boolean }): Promise<Lesson | undefined> {
  const dir = join(courseDir, folder);
  const file = `${folder}/lesson.yaml`;
  const text = await readText(join(dir, 'lesson.yaml'));
  if (text === undefined) {
    problems.push({ file, line: 1, path: '', message: 'file is missing' });
    return undefined;
  }
  const src = parseYaml(text);
  const r = new Reporter(problems, file, src);
  if (src.errors.length) {
    for (const e of src.errors) problems.push({ file, line: e.line, path: '', message: `YAML syntax: ${e.message}` });
    return undefined;
  }
  const parsed = lessonSchema.safeParse(src.doc.toJS());
  if (!parsed.success) {
    r.issues([], issuesOf(parsed.error));
    return undefined;
  }
  const l = parsed.data;
  if (l.id !== id) r.add(['id'], `is "${l.id}" but course.yaml lists this folder as "${id}"`);
  const tasks: Task[] = [];
  const seen = new Set<string>();
  l.tasks.forEach((raw, i) => {
    const t = parseTask(raw, ['tasks', i], r, usesCel);
    if (!t) return;
    if (seen.has(t.id)) r.add(['tasks', i, 'id'], `duplicate task id "${t.id}"`);
    seen.add(t.id);
    tasks.push(t);
  });
  const quiz = parseQuiz(l.quiz, r);
  const intro = await readText(join(dir, 'intro.md'));
  if (intro === undefined) problems.push({ file: `${folder}/intro.md`, line: 1, path: '', message: 'file is missing' });
  const files: Record<string, string> = {};
  for (const rel of await listFiles(join(dir, 'files'))) {
    const content = (await readText(join(dir, 'files', rel))) ?? '';
    files[rel] = content;
    if (/\.(ya?ml|json)$/.test(rel) && !/\.broken\.(ya?ml|json)$/.test(rel)) {
      const m = parseManifests(content, rel);
      if (!m.ok) problems.push({ file: `${folder}/files/${rel}`, line: Number(/line (\d+)/.exec(m.error)?.[1] ?? 1), path: '', message: m.error });
    }
  }
  for (const miss of missingSetupFiles(l.setup.commands, files)) r.add(['setup', 'commands', miss.index], `refers to ${miss.file}, which is not in ${folder}/files/`);
  return {
    id: l.id,
    folder,
    dir,
    title: l.title,
    summary: l.summary,
    intro: intro ?? '',
    setup: { ...l.setup, commands: l.setup.commands },
    files,
    tasks,
    debrief: l.debrief,
    quiz,
  };
}

/** Checks CEL expressions for syntax once the evaluator is loaded. */
function celProblems(course: Course, problems: LoadProblem[], sources: Map<string, YamlSource>): void {
  for (const lesson of course.lessons) {
    lesson.tasks.forEach((t, ti) =>
      t.goal.forEach((c, ci) => {
        if (c.type !== 'cel') return;
        const err = celSyntaxError(c.expr);
        const file = `${lesson.folder}/lesson.yaml`;
        const src = sources.get(file);
        const path = ['tasks', ti, 'goal', ci, 'cel'];
        if (err) problems.push({ file, line: src ? lineOf(src, path) : 1, path: path.join('.'), message: `CEL syntax error: ${err}` });
      }),
    );
  }
}

/** How `loadCourse` treats CEL: `load` (default) loads the evaluator and checks expressions' syntax; `lazy` leaves both
 * for later (fast start: the tutor loads CEL when a lesson that uses it opens). */
export interface LoadOptions {
  cel?: 'load' | 'lazy';
}

/** Loads and validates a course folder. Never throws for bad content: every problem is in the result. */
export async function loadCourse(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const problems: LoadProblem[] = [];
  const text = await readText(join(dir, 'course.yaml'));
  if (text === undefined) return { ok: false, problems: [{ file: 'course.yaml', line: 1, path: '', message: `file is missing (is ${dir} a course folder?)` }] };
  const src = parseYaml(text);
  if (src.errors.length) return { ok: false, problems: src.errors.map((e) => ({ file: 'course.yaml', line: e.line, path: '', message: `YAML syntax: ${e.message}` })) };
  const r = new Reporter(problems, 'course.yaml', src);
  const parsed = courseSchema.safeParse(src.doc.toJS());
  if (!parsed.success) {
    r.issues([], issuesOf(parsed.error));
    return { ok: false, problems };
  }
  const lessons: Lesson[] = [];
  const ids = new Set<string>();
  const usesCel = { value: false };
  const sources = new Map<string, YamlSource>();
  for (const [i, entry] of parsed.data.lessons.entries()) {
    if (ids.has(entry.id)) r.add(['lessons', i, 'id'], `duplicate lesson id "${entry.id}"`);
    ids.add(entry.id);
    if (!(await isDir(join(dir, entry.folder)))) {
      r.add(['lessons', i, 'folder'], `folder ${entry.folder} does not exist`);
      continue;
    }
    const lesson = await loadLesson(dir, entry.id, entry.folder, problems, usesCel);
    if (lesson) {
      lessons.push(lesson);
      const t = await readText(join(dir, entry.folder, 'lesson.yaml'));
      if (t !== undefined) sources.set(`${entry.folder}/lesson.yaml`, parseYaml(t));
    }
  }
  const course: Course = { title: parsed.data.title, dir, lessons };
  if (usesCel.value && options.cel !== 'lazy') {
    await loadCel();
    celProblems(course, problems, sources);
  }
  if (problems.length) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, course };
}

function sortProblems(problems: LoadProblem[]): LoadProblem[] {
  return [...problems].sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line));
}

