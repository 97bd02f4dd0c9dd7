/**
 * The interactive tutor: the conf-backed progress, the tutor engine, and the Ink app with a host that owns the
 * terminal: clearing it and opening the learner's $EDITOR on a temporary file (the only process the tutor starts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { render } from 'ink';
import { App, type UiHost } from '../ui/App.js';
import type { Course } from '../lessons/types.js';
import { lazyTutor } from './lazy-tutor.js';
import { confProgressStore } from './progress-store.js';

/** Opens `$VISUAL`/`$EDITOR` (else nano, else vi) on the content; the new content, or undefined when unchanged. */
function editWithEditor(path: string, content: string, pause: () => void, resume: () => void): string | undefined {
  const editor = process.env.VISUAL || process.env.EDITOR || 'nano';
  const dir = mkdtempSync(join(tmpdir(), 'kube-net-tutor-'));
  const file = join(dir, basename(path) || 'file.yaml');
  writeFileSync(file, content);
  pause();
  try {
    let r = spawnSync(editor, [file], { stdio: 'inherit', shell: /\s/.test(editor) });
    if (r.error && !process.env.VISUAL && !process.env.EDITOR) r = spawnSync('vi', [file], { stdio: 'inherit' });
    if (r.error || r.status !== 0) return undefined;
    const next = readFileSync(file, 'utf8');
    return next === content ? undefined : next;
  } finally {
    resume();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function interactive(loading: Promise<Course | undefined>): Promise<number> {
  const course = await loading;
  if (!course) return 2;
  const progress = confProgressStore();
  const saved = progress.load();
  const initialLesson = saved.currentLesson && course.lessons.some((l) => l.id === saved.currentLesson) ? saved.currentLesson : undefined;
  const tutor = lazyTutor(course, progress, initialLesson ? { initialLesson } : {}, () => import('../tutor/index.js'));
  const clearScreen = (): void => void process.stdout.write('\x1b[2J\x1b[3J\x1b[H');
  let instance: ReturnType<typeof render> | undefined;
  let remount = false;
  const host: UiHost = {
    // Ink prints <Static> items once and skips identical frames, so a clean redraw is a fresh mount.
    clear: () => {
      remount = true;
      setImmediate(() => instance?.unmount());
    },
    edit: async (path, content) => editWithEditor(path, content, () => process.stdin.setRawMode?.(false), () => process.stdin.setRawMode?.(true)),
  };
  for (let mounts = 0; mounts < 100_000; mounts++) {
    remount = false;
    instance = render(<App tutor={tutor} host={host} onEdited={(_path, content, request) => tutor.completeEdit(request, content)} />, { exitOnCtrlC: false });
    await instance.waitUntilExit();
    if (!remount) break;
    clearScreen();
  }
  await progress.flush();
  process.stdout.write('\nProgress saved. Run kube-net-tutor again to pick up where you left off.\n');
  return 0;
}
