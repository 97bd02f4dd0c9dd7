/**
 * The engine without a terminal, for the CLI: `check LESSON --script FILE` (run a script from the lesson's start and
 * grade every task) and `sandbox --script FILE` (a fresh cluster, each command echoed after its prompt, then its
 * output). Scripts are split into commands as a learner would type them; heredocs stay one command.
 */
import { splitCommands, startSandbox } from '../lessons/runtime.js';
import type { Lesson } from '../lessons/types.js';
import type { ShellSession } from '../shell/session.js';
import { CONTINUATION_PROMPT } from './engine.js';
import { LessonRun } from './lesson-run.js';
import type { SandboxRun, ScriptRun } from './types.js';

/** A command as the terminal shows it: the prompt, the first line, continuation lines after `> `. */
export function echoCommand(prompt: string, text: string): string {
  const [first, ...rest] = text.split('\n');
  return [`${prompt}${first}`, ...rest.map((l) => `${CONTINUATION_PROMPT}${l}`)].join('\n') + '\n';
}

/** What the terminal showed for the last command: stdout and stderr in the order they were written. */
function outputText(session: ShellSession): string {
  return session.lastOutput().map((c) => c.text).join('');
}

/** Runs a script from the lesson's initial state; every task is graded after every command (a pass sticks). */
export function runScript(lesson: Lesson, script: string, seed = 42): ScriptRun {
  const run = new LessonRun(lesson, seed);
  let transcript = '';
  for (const text of splitCommands(run.env.session, script)) {
    const prompt = run.env.session.prompt();
    run.run(text);
    transcript += echoCommand(prompt, text) + outputText(run.env.session);
    run.env.session.takeUiRequests();
    run.grade();
  }
  const tasks = lesson.tasks.map((t) => {
    const s = run.status.get(t.id)!;
    return { id: t.id, title: t.title, done: s.done, message: s.message };
  });
  return { lessonId: lesson.id, tasks, allPassed: tasks.every((t) => t.done), transcript };
}

/** Runs a script on a fresh cluster, echoing each command after its prompt, then its output. */
export function runSandbox(script: string, seed = 42): SandboxRun {
  const { session } = startSandbox(seed);
  let output = '';
  let exitCode = 0;
  for (const text of splitCommands(session, script)) {
    const prompt = session.prompt();
    const r = session.run(text);
    output += echoCommand(prompt, text) + outputText(session);
    exitCode = r.exitCode;
    session.takeUiRequests();
  }
  return { output, exitCode };
}

/** `✓ title — message` / `✗ title — message` lines, as `check` prints them. */
export function formatScriptRun(r: ScriptRun): string {
  return r.tasks.map((t) => `${t.done ? '✓' : '✗'} ${t.title} — ${t.message}`).join('\n') + '\n';
}
