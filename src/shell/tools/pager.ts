/**
 * `less FILE` / `more FILE`: the sandbox's terminal shows whole outputs (scroll back in the tutor), so a pager
 * prints the file or its input, as `less` does when its output is not a terminal. `watch CMD` would redraw forever:
 * it says so and suggests `kubectl get -w`, which ends.
 */
import type { CommandFn } from '../types.js';
import { readInputs } from './util.js';

export const pager: CommandFn = (ctx) => {
  const tool = ctx.argv[0]!.split('/').pop()!;
  const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (ctx.argv.includes('--help')) return { stdout: `Usage: ${tool} [FILE]...\nShows FILE (or its input); in this sandbox the whole text is printed.\n`, stderr: '', exitCode: 0 };
  if (!files.length && !ctx.stdin) return { stdout: '', stderr: `Missing filename ("${tool} --help" for help)\n`, exitCode: 1 };
  const { inputs, err } = readInputs(ctx, tool, files);
  return { stdout: inputs.map((i) => i.text).join(''), stderr: err, exitCode: err ? 1 : 0 };
};

export const watch: CommandFn = (ctx) => ({
  stdout: '',
  stderr: `watch: redrawing forever is not supported in this sandbox; run '${ctx.argv.slice(1).filter((a) => !a.startsWith('-')).join(' ') || 'the command'}' again, or use 'kubectl get pods -w' (it ends)\n`,
  exitCode: 1,
});
