/** `sh -c 'SCRIPT'` / `bash -c 'SCRIPT'` inside a container; a bare `sh`/`bash` enters an interactive shell there. */
import { fail, ok, type CommandFn } from '../types.js';

export const shellC: CommandFn = (ctx) => {
  const name = ctx.argv[0]!.split('/').pop()!;
  const i = ctx.argv.indexOf('-c');
  if (i >= 0) {
    const script = ctx.argv[i + 1];
    if (script === undefined) return fail(`${name}: -c: option requires an argument`, 2);
    return ctx.session.runScriptAt(ctx.location.type === 'container' ? { ...ctx.location, shell: name } : ctx.location, script, ctx.stdin);
  }
  if (ctx.argv.length > 1) return fail(`${name}: ${ctx.argv[1]}: No such file or directory`, 127);
  if (ctx.location.type === 'container') ctx.session.enter({ ...ctx.location, shell: name });
  return ok();
};
