/**
 * Commands the tutor answers at the prompt, before the shell sees the line: `hint`, `help`, `tasks`, `undo`,
 * `reset` and `solution` (both ask for `--yes`), `next`, `menu`, `quit`. learnGitBranching's `undo`, `show solution`
 * with confirmation, and `reset`, for a cluster.
 */
import type { Engine } from './engine.js';
import { LessonRun } from './lesson-run.js';

const HELP = `**Tutor commands** (type them at the prompt)

- \`hint\` — the next hint for the current task (three, from a nudge to nearly the answer)
- \`tasks\` — the tasks of this lesson and what is still missing
- \`undo\` — go back to before your last command that changed something
- \`reset\` — start the lesson again from a fresh cluster
- \`solution\` — show the reference solution of the current task
- \`next\` — go to the next lesson
- \`menu\` — back to the lesson list
- \`quit\` — leave the tutor (your progress is saved)

Everything else runs in the simulated shell: \`kubectl\`, \`cat\`, \`ls\`, \`minikube\`…
Multi-line commands (heredocs like \`cat <<EOF > pod.yaml\`) continue at the \`> \` prompt until they are complete.`;

type Handler = (e: Engine, yes: boolean) => void;

const HANDLERS: Record<string, Handler> = {
  help: (e) => e.push({ type: 'info', tone: 'info', text: HELP, markdown: true }),

  hint: (e) => {
    const run = e.run!;
    const task = run.currentTask();
    if (!task) return e.push({ type: 'info', tone: 'info', text: 'Every task of this lesson is done. Type `next` for the next lesson.' });
    const { index, text } = run.nextHint(task);
    e.push({ type: 'hint', taskId: task.id, index: index + 1, total: task.hints.length, text });
  },

  tasks: (e) => {
    const run = e.run!;
    const lines = run.lesson.tasks.map((t, i) => {
      const s = run.status.get(t.id);
      return `${s?.done ? '✓' : '○'} ${i + 1}. ${t.title}${s?.done || !s?.message ? '' : ` — ${s.message}`}`;
    });
    e.push({ type: 'info', tone: 'info', text: lines.join('\n') });
  },

  undo: (e) => {
    const cmd = e.run!.undo();
    e.push(cmd === undefined ? { type: 'info', tone: 'warning', text: 'Nothing to undo: no command has changed the cluster or your files yet.' } : { type: 'info', tone: 'info', text: `Undid \`${cmd.split('\n')[0]}\`. Tasks you finished stay finished.` });
  },

  reset: (e, yes) => {
    const run = e.run!;
    if (!yes) return e.push({ type: 'info', tone: 'warning', text: 'This starts the lesson again from a fresh cluster and unticks its tasks. Type `reset --yes` to do it.' });
    e.run = new LessonRun(run.lesson, run.seed, [], run.editor);
    const { [run.lesson.id]: _dropped, ...rest } = e.progress.lessons;
    e.saveProgress({ ...e.progress, lessons: rest });
    e.push({ type: 'info', tone: 'info', text: 'The lesson starts again from a fresh cluster.' });
  },

  solution: (e, yes) => {
    const task = e.run!.currentTask();
    if (!task) return e.push({ type: 'info', tone: 'info', text: 'Every task of this lesson is done.' });
    if (!yes) return e.push({ type: 'info', tone: 'warning', text: `Try \`hint\` first? Type \`solution --yes\` to see the reference solution of "${task.title}".` });
    e.push({ type: 'solution', taskId: task.id, text: task.solution });
  },

  next: (e) => {
    const id = e.nextLessonId();
    if (!id) return e.push({ type: 'info', tone: 'info', text: 'This is the last lesson. Type `menu` to see them all.' });
    e.openLesson(id);
  },

  menu: (e) => e.backToMenu(),

  quit: (e) => e.request({ type: 'exit-tutor' }),
};

/** Handles a tutor command typed at `prompt`; false when the line is for the shell. */
export function tutorCommand(e: Engine, line: string, prompt: string): boolean {
  const m = /^\s*(help|hint|tasks|undo|reset|solution|next|menu|quit)(\s+--yes)?\s*$/.exec(line);
  if (!m || !e.run) return false;
  e.push({ type: 'command', prompt, text: line.trim() });
  HANDLERS[m[1]!]!(e, m[2] !== undefined);
  return true;
}

