/** Shell builtins that exist at every location: `cd`, `pwd`, `export`, `exit`, `true`, `false`, `history`, `clear`, `unset`. */
import { resolvePath } from '../sim/index.js';
import { fail, ok, type CommandFn } from './types.js';

export const BUILTINS: Record<string, CommandFn> = {
  cd: (ctx) => {
    const target = ctx.argv[1] === undefined || ctx.argv[1] === '~' ? (ctx.env.get('HOME') ?? '/') : ctx.argv[1].replace(/^~(?=\/)/, ctx.env.get('HOME') ?? '');
    const path = resolvePath(ctx.cwd, target);
    if (!ctx.fs.exists(path)) return fail(`bash: cd: ${ctx.argv[1]}: No such file or directory`);
    if (!ctx.fs.isDir(path)) return fail(`bash: cd: ${ctx.argv[1]}: Not a directory`);
    ctx.session.chdir(path);
    return ok();
  },
  pwd: (ctx) => ok(ctx.cwd + '\n'),
  export: (ctx) => {
    for (const a of ctx.argv.slice(1)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
      if (!m) return fail(`bash: export: \`${a}': not a valid identifier`);
      if (m[2] !== undefined) ctx.env.set(m[1]!, m[2]);
    }
    return ok();
  },
  unset: (ctx) => {
    for (const a of ctx.argv.slice(1)) ctx.env.delete(a);
    return ok();
  },
  exit: (ctx) => {
    if (!ctx.session.leave()) ctx.session.request({ type: 'exit-tutor' });
    return ok(ctx.location.type === 'host' ? '' : 'exit\n');
  },
  logout: (ctx) => {
    if (!ctx.session.leave()) ctx.session.request({ type: 'exit-tutor' });
    return ok('logout\n');
  },
  true: () => ok(),
  false: () => ({ stdout: '', stderr: '', exitCode: 1 }),
  ':': () => ok(),
  history: (ctx) => ok(ctx.session.history().map((h, i) => `${String(i + 1).padStart(5)}  ${h}\n`).join('')),
  clear: (ctx) => {
    ctx.session.request({ type: 'clear' });
    return ok();
  },
};
