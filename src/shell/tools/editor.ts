/**
 * `nano FILE`, `vi FILE`, `vim FILE`, `edit FILE`: asks the UI to open the learner's `$EDITOR` on the virtual file
 * (the UI spawns it and writes the result back with `ShellSession.completeEdit`). Without a UI (scripts, tests) it
 * says so and suggests a heredoc.
 */
import type { CommandFn } from '../types.js';
import { pathOf } from './util.js';

export const editor: CommandFn = (ctx) => {
  const tool = ctx.argv[0]!.split('/').pop()!;
  const file = ctx.argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (ctx.argv.includes('--help')) return { stdout: `Usage: ${tool} [OPTIONS] FILE\nOpens FILE in your editor ($EDITOR); save and quit to return to the tutor.\n`, stderr: '', exitCode: 0 };
  if (file === undefined) return { stdout: '', stderr: `${tool}: a file name is required in this sandbox (e.g. ${tool} pod.yaml)\n`, exitCode: 1 };
  const path = pathOf(ctx, file);
  if (ctx.fs.isDir(path)) return { stdout: '', stderr: `${tool}: ${file}: Is a directory\n`, exitCode: 1 };
  if (!ctx.session.canEdit?.()) {
    return { stdout: '', stderr: `${tool}: no editor is available here (no terminal); write the file with: cat <<EOF > ${file}\n`, exitCode: 1 };
  }
  const content = ctx.fs.exists(path) ? ctx.fs.readFile(path) : '';
  ctx.session.request({ type: 'edit', path, content });
  return { stdout: '', stderr: '', exitCode: 0 };
};
