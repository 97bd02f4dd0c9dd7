/**
 * `sh -c 'SCRIPT'` / `bash -c 'SCRIPT'` (also `-ec`, `-lc`), `sh FILE`, and a bare `sh`/`bash`, which enters an
 * interactive shell at the same location (`exit` leaves it).
 */
import { fail, ok, type CommandFn, type Location } from '../types.js';
import { pathOf } from './util.js';

export const shellC: CommandFn = (ctx) => {
  const name = ctx.argv[0]!.split('/').pop()!;
  const args = ctx.argv.slice(1);
  const loc: Location = ctx.location.type === 'container' ? { ...ctx.location, shell: name === 'sh' ? 'sh' : 'bash' } : ctx.location;
  let i = 0;
  for (; i < args.length && /^-[A-Za-z]+$/.test(args[i]!); i++) {
    const flags = args[i]!;
    if (flags.includes('c')) {
      const script = args[i + 1];
      if (script === undefined) return fail(`${name}: -c: option requires an argument`, 2);
      return ctx.session.runScriptAt(loc, script, ctx.stdin);
    }
    if (!/^-[elixuv]+$/.test(flags)) return fail(`${name}: ${flags}: invalid option`, 2);
  }
  if (args[i] === '--help') return ok(`Usage:\t${name} [option] ...\n\t${name} [option] script-file ...\nShell options:\n\t-c command\n`);
  const file = args[i];
  if (file !== undefined) {
    const path = pathOf(ctx, file);
    if (!ctx.fs.exists(path)) return fail(`${name}: ${file}: No such file or directory`, 127);
    if (ctx.fs.isDir(path)) return fail(`${name}: ${file}: Is a directory`, 126);
    return ctx.session.runScriptAt(loc, ctx.fs.readFile(path), ctx.stdin);
  }
  if (ctx.stdin) return ctx.session.runScriptAt(loc, ctx.stdin, '');
  ctx.session.enter(loc);
  return ok();
};
