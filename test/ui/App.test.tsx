import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/index.js';
import type { Course } from '../../src/lessons/types.js';
import { createMemoryProgress } from '../../src/progress/index.js';
import { createTutor } from '../../src/tutor/index.js';
import { App, type UiHost } from '../../src/ui/App.js';
import { loadMarkdown } from '../../src/ui/markdown.js';

let course: Course;
beforeAll(async () => {
  const r = await loadCourse(join(import.meta.dirname, '../fixtures/courses/good'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  course = r.course;
  await loadMarkdown();
});

/** Lets React 19 flush and Ink re-render after input (Shopify cli-kit's trick). */
const tick = () => new Promise((r) => setTimeout(r, 15));
async function type(stdin: { write(s: string): void }, text: string): Promise<void> {
  stdin.write(text);
  await tick();
  await tick();
}

const frame = (f: string | undefined): string => stripVTControlCharacters(f ?? '').split('\n').map((l) => l.trimEnd()).join('\n');

function setup(progress = createMemoryProgress()) {
  const tutor = createTutor({ course, progress });
  const clears: number[] = [];
  const host: UiHost = { clear: () => void clears.push(1), edit: async () => undefined };
  const ui = render(<App tutor={tutor} host={host} onEdited={(_p, content, r) => tutor.completeEdit(r, content)} />);
  return { tutor, ui, clears, progress };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('App', () => {
  it('shows the lesson menu with progress marks', async () => {
    const { ui } = setup(createMemoryProgress({ version: 1, lessons: { web: { tasksDone: ['run'], completed: false } } }));
    cleanup = ui.unmount;
    await tick();
    expect(frame(ui.lastFrame())).toMatchInlineSnapshot(`
      " A tiny course
       Pick a lesson. Everything runs in a simulated cluster: nothing touches your machine.

       ▸ ◐  1. A web pod     1/2
         ○  2. One more pod  0/1

       Run nginx and curl it.

       ↑/↓ choose · Enter open · q quit"
    `);
  });

  it('moves the selection with the arrow keys and shows that lesson\'s summary', async () => {
    const { ui } = setup();
    cleanup = ui.unmount;
    await tick();
    await type(ui.stdin, '\u001B[B');
    expect(frame(ui.lastFrame())).toMatchInlineSnapshot(`
      " A tiny course
       Pick a lesson. Everything runs in a simulated cluster: nothing touches your machine.

         ○  1. A web pod     0/2
       ▸ ○  2. One more pod  0/1

       Run a second pod.

       ↑/↓ choose · Enter open · q quit"
    `);
  });

  it('opens a lesson, runs a command, and ticks the task the moment its goal is met', async () => {
    const { ui, clears, progress } = setup();
    cleanup = ui.unmount;
    await tick();
    await type(ui.stdin, '\r');
    expect(clears.length).toBe(1);
    await type(ui.stdin, 'kubectl apply -f web.yaml');
    await type(ui.stdin, '\r');
    const f = frame(ui.lastFrame());
    expect(f).toContain('learner@laptop:~$ kubectl apply -f web.yaml\npod/web created\n');
    expect(f).toContain('✓ Task done: Run the web pod');
    expect(f.slice(f.indexOf('╭'))).toMatchInlineSnapshot(`
      "╭─────────────────────────────────────────────────────────────────────────────────────────────────╮
      │ A web pod  1/2 tasks  ✓ ▸                                                                       │
      │ Task 2: Curl it from inside                                                                     │
      │ Curl localhost from the nginx container.                                                        │
      │ ✗ You have not run curl in pod web yet (kubectl exec web -- …)                                  │
      ╰─────────────────────────────────────────────────────────────────────────────────────────────────╯

      learner@laptop:~$
      ↑/↓ history · Tab complete · Esc lessons · Ctrl-C twice quits · type "hint" or "help""
    `);
    expect(progress.load().lessons.web?.tasksDone).toEqual(['run']);
  });

  it('numbers hints from 1', async () => {
    const { ui } = setup();
    cleanup = ui.unmount;
    await tick();
    await type(ui.stdin, '\r');
    await type(ui.stdin, 'hint');
    await type(ui.stdin, '\r');
    expect(frame(ui.lastFrame())).toContain(' Hint 1/3\n Use kubectl.\n');
  });

  it('recalls the previous command with the up arrow', async () => {
    const { ui } = setup();
    cleanup = ui.unmount;
    await tick();
    await type(ui.stdin, '\r');
    await type(ui.stdin, 'ls');
    await type(ui.stdin, '\r');
    await type(ui.stdin, '\u001B[A');
    expect(frame(ui.lastFrame()).split('\n').filter((l) => l.startsWith('learner@laptop:~$')).pop()).toBe('learner@laptop:~$ ls');
  });
});
