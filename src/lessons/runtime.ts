/**
 * A lesson's starting state and replaying typed commands: the cluster its setup asks for, the learner's home with
 * the lesson's files, the setup commands already run. Scripts are split into the commands a learner would type one
 * at a time (a heredoc stays one command), so simulated time passes between them as it does at the prompt.
 */
import { loadCel } from '../grader/cel.js';
import { ShellSession, type ShellOptions } from '../shell/session.js';
import type { CommandResult } from '../shell/types.js';
import { Cluster } from '../sim/cluster.js';
import type { Lesson } from './types.js';

/** A running lesson environment. */
export interface LessonEnv {
  cluster: Cluster;
  session: ShellSession;
}

/** One replayed command: the prompt it was typed at, the text, and what it printed. */
export interface ReplayStep {
  prompt: string;
  text: string;
  result: CommandResult;
}

const MAX_COMMANDS = 2000;

/**
 * Splits a script into commands as they would be typed: lines are joined while the shell says the command is
 * incomplete (open quote, heredoc, trailing `\`). Blank lines between commands are dropped.
 */
export function splitCommands(session: Pick<ShellSession, 'isComplete'>, script: string): string[] {
  const out: string[] = [];
  let acc: string[] = [];
  for (const line of script.replace(/\r\n?/g, '\n').split('\n')) {
    if (acc.length === 0 && line.trim() === '') continue;
    acc.push(line);
    const text = acc.join('\n');
    if (session.isComplete(text)) {
      out.push(text);
      acc = [];
    }
    if (out.length >= MAX_COMMANDS) break;
  }
  if (acc.length && acc.join('\n').trim()) out.push(acc.join('\n'));
  return out;
}

/** Runs a script command by command, as if typed. */
export function replay(session: ShellSession, script: string): ReplayStep[] {
  return splitCommands(session, script).map((text) => {
    const prompt = session.prompt();
    return { prompt, text, result: session.run(text) };
  });
}

/**
 * The cluster and shell a lesson starts from, its setup commands already run (their steps returned). `shell` adds
 * shell options (`editor: true` when a UI answers edit requests).
 */
export function startLesson(lesson: Pick<Lesson, 'setup' | 'files'>, seed = 42, shell: Omit<ShellOptions, 'files'> = {}): LessonEnv & { setup: ReplayStep[] } {
  const s = lesson.setup;
  const cluster = new Cluster({
    seed,
    ...(s.nodes !== undefined ? { nodes: s.nodes } : {}),
    ...(s.networkPlugin !== undefined ? { networkPlugin: s.networkPlugin } : {}),
    ...(s.addons !== undefined ? { addons: s.addons } : {}),
  });
  const session = new ShellSession(cluster, { ...shell, files: lesson.files });
  const setup = s.commands.flatMap((cmd) => replay(session, cmd));
  // What setup ran is not the learner's doing: goals about commands see only what the learner types.
  session.actions.length = 0;
  // The lesson's command limits apply to the learner (and to the solutions the lesson check replays), not to setup.
  if (s.allowed) session.options.allowed = s.allowed;
  if (s.disabled) session.options.disabled = s.disabled;
  return { cluster, session, setup };
}

/** A fresh sandbox: one node, no lesson files. */
export function startSandbox(seed = 42): LessonEnv {
  const cluster = new Cluster({ seed });
  return { cluster, session: new ShellSession(cluster) };
}

/** Whether any goal of the lessons uses the CEL escape hatch. */
export function usesCel(lessons: readonly Pick<Lesson, 'tasks'>[]): boolean {
  return lessons.some((l) => l.tasks.some((t) => t.goal.some((c) => c.type === 'cel')));
}

/**
 * Loads what grading needs ahead of time: the CEL evaluator when a goal uses CEL. Call it before `runScript` or
 * `checkLesson` on lessons that did not come from `loadCourse` (a compiled course.json, `cel: 'lazy'`).
 */
export async function prepareLessons(lessons: readonly Pick<Lesson, 'tasks'>[]): Promise<void> {
  if (usesCel(lessons)) await loadCel();
}
