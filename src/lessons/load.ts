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

/** A CEL expression met while loading, checked once the evaluator is loaded. */
interface CelRef {
  expr: string;
  reporter: Reporter;
  path: (string | number)[];
}

function parseGoal(raw: unknown, at: (string | number)[], r: Reporter, cels: CelRef[]): Check[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const goal: Check[] = [];
  raw.forEach((item: unknown, i) => {
    const res = parseCheck(item);
    if ('issues' in res) return r.issues([...at, 'goal', i], res.issues);
    goal.push(res.check);
    if (res.check.type === 'cel') cels.push({ expr: res.check.expr, reporter: r, path: [...at, 'goal', i, 'cel'] });
    checkRegexes(res.check, [...at, 'goal', i], r);
  });
  return goal.length === raw.length ? goal : undefined;
}

function parseTask(raw: unknown, at: (string | number)[], r: Reporter, cels: CelRef[]): Task | undefined {
  const parsed = taskSchema.safeParse(raw);
  if (!parsed.success) r.issues(at, issuesOf(parsed.error));
  const goal = parseGoal((raw as Record<string, unknown> | null)?.goal, at, r, cels);
  if (!parsed.success) return undefined;
  const t = parsed.data;
  const wrong: WrongAttempt[] = [];
  t.wrong.forEach((w, i) => {
    if (w.contains === undefined && w.message === undefined) r.add([...at, 'wrong', i], 'needs "contains" (a part of the expected message) or "message" (the exact message)');
    wrong.push({ script: w.script, ...(w.contains !== undefined ? { contains: w.contains } : {}), ...(w.message !== undefined ? { message: w.message } : {}) });
  });
  if (!goal) return undefined;
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

async function loadLesson(courseDir: string, id: string, folder: string, problems: LoadProblem[], cels: CelRef[]): Promise<Lesson | undefined> {
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
  const raw: unknown = src.doc.toJS();
  const parsed = lessonSchema.safeParse(raw);
  if (!parsed.success) r.issues([], issuesOf(parsed.error));
  // Keep validating the parts that can be read, so the author sees every problem in one pass.
  const rec = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (parsed.success && parsed.data.id !== id) r.add(['id'], `is "${parsed.data.id}" but course.yaml lists this folder as "${id}"`);
  const tasks: Task[] = [];
  const seen = new Set<string>();
  (Array.isArray(rec.tasks) ? rec.tasks : []).forEach((item: unknown, i) => {
    const tid = (item as Record<string, unknown> | null)?.id;
    if (typeof tid === 'string') {
      if (seen.has(tid)) r.add(['tasks', i, 'id'], `duplicate task id "${tid}"`);
      seen.add(tid);
    }
    const t = parseTask(item, ['tasks', i], r, cels);
    if (t) tasks.push(t);
  });
  const quiz = parseQuiz(Array.isArray(rec.quiz) ? rec.quiz : [], r);
  const intro = await readText(join(dir, 'intro.md'));
  if (intro === undefined) problems.push({ file: `${folder}/intro.md`, line: 1, path: '', message: 'file is missing' });
  const files: Record<string, string> = {};
  for (const rel of await listFiles(join(dir, 'files'))) {
    const content = (await readText(join(dir, 'files', rel))) ?? '';
    files[rel] = content;
    if (/\.(ya?ml|json)$/.test(rel) && !/\.broken\.(ya?ml|json)$/.test(rel)) {
      const m = parseManifests(content, rel);
      // Only syntax is the author's mistake here: a file may be a deliberately incomplete manifest for the learner to fix.
      if (!m.ok && m.error.includes('error parsing')) problems.push({ file: `${folder}/files/${rel}`, line: Number(/line (\d+)/.exec(m.error)?.[1] ?? 1), path: '', message: m.error.replace(/^error: /, '') });
    }
  }
  const commands = (rec.setup as Record<string, unknown> | null)?.commands;
  const setupCommands = Array.isArray(commands) ? commands.filter((x): x is string => typeof x === 'string') : [];
  for (const miss of missingSetupFiles(setupCommands, files)) r.add(['setup', 'commands', miss.index], `refers to ${miss.file}, which is not in ${folder}/files/`);
  if (!parsed.success) return undefined;
  const l = parsed.data;
  return {
    id: l.id,
    folder,
    dir,
    title: l.title,
    summary: l.summary,
    intro: intro ?? '',
    setup: l.setup,
    files,
    tasks,
    debrief: l.debrief,
    quiz,
  };
}

/** The `{id, folder}` entries of course.yaml that can be read, with their index (even when the file has other problems). */
function lessonEntries(raw: unknown): [number, { id: string; folder: string }][] {
  const list = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).lessons : undefined;
  if (!Array.isArray(list)) return [];
  const out: [number, { id: string; folder: string }][] = [];
  list.forEach((e: unknown, i) => {
    const rec = (e ?? {}) as Record<string, unknown>;
    if (typeof rec.id === 'string' && typeof rec.folder === 'string' && rec.id && rec.folder) out.push([i, { id: rec.id, folder: rec.folder }]);
  });
  return out;
}

/** Reports CEL syntax errors once the evaluator is loaded. */
function celProblems(cels: CelRef[]): void {
  for (const c of cels) {
    const err = celSyntaxError(c.expr);
    if (err) c.reporter.add(c.path, `CEL syntax error: ${err}`);
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
  const raw: unknown = src.doc.toJS();
  const parsed = courseSchema.safeParse(raw);
  if (!parsed.success) r.issues([], issuesOf(parsed.error));
  const entries = lessonEntries(raw);
  const lessons: Lesson[] = [];
  const ids = new Set<string>();
  const cels: CelRef[] = [];
  for (const [i, entry] of entries) {
    if (ids.has(entry.id)) r.add(['lessons', i, 'id'], `duplicate lesson id "${entry.id}"`);
    ids.add(entry.id);
    if (!(await isDir(join(dir, entry.folder)))) {
      r.add(['lessons', i, 'folder'], `folder ${entry.folder} does not exist`);
      continue;
    }
    const lesson = await loadLesson(dir, entry.id, entry.folder, problems, cels);
    if (lesson) lessons.push(lesson);
  }
  if (cels.length && options.cel !== 'lazy') {
    await loadCel();
    celProblems(cels);
  }
  if (!parsed.success) return { ok: false, problems: sortProblems(problems) };
  const course: Course = { title: parsed.data.title, dir, lessons };
  if (problems.length) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, course };
}

function sortProblems(problems: LoadProblem[]): LoadProblem[] {
  return [...problems].sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line));
}

