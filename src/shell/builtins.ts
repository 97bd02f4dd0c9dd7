/**
 * Shell builtins that exist at every location, with bash's wording: `cd`, `pwd`, `export`, `unset`, `exit`, `logout`,
 * `true`, `false`, `:`, `history`, `clear`, `source`/`.`, `which`, `type`, `set`.
 */
import { resolvePath } from '../sim/index.js';
import { availableCommands } from './commands.js';
import { fail, ok, type CommandContext, type CommandFn, type CommandResult } from './types.js';

/** `bash`, `-bash` (a login shell on a node) or `sh`, as the location's shell names itself in errors. */
export function shellOf(ctx: Pick<CommandContext, 'location'>): string {
  if (ctx.location.type === 'node') return '-bash';
  return ctx.location.type === 'container' && ctx.location.shell === 'sh' ? 'sh' : 'bash';
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function exitWith(ctx: CommandContext): CommandResult {
  const arg = ctx.argv[1];
  let code = Number(ctx.env.get('?') ?? 0);
  if (arg !== undefined) {
    if (!/^-?\d+$/.test(arg)) {
      ctx.session.requestExit(2);
      return fail(`${shellOf(ctx)}: ${ctx.argv[0]}: ${arg}: numeric argument required`, 2);
    }
    code = ((Number(arg) % 256) + 256) % 256;
  }
  ctx.session.requestExit(code);
  return { stdout: '', stderr: '', exitCode: code };
}

function which(ctx: CommandContext): CommandResult {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const known = new Set(availableCommands(ctx.cluster, ctx.location));
  let out = '';
  let code = 0;
  for (const n of names) {
    if (known.has(n) && !BUILTINS[n]) out += `/usr/bin/${n}\n`;
    else code = 1;
  }
  return { stdout: out, stderr: '', exitCode: names.length ? code : 1 };
}

function type(ctx: CommandContext): CommandResult {
  const known = new Set(availableCommands(ctx.cluster, ctx.location));
  let out = '';
  let err = '';
  for (const n of ctx.argv.slice(1)) {
    if (BUILTINS[n]) out += `${n} is a shell builtin\n`;
    else if (known.has(n)) out += `${n} is /usr/bin/${n}\n`;
    else err += `${shellOf(ctx)}: type: ${n}: not found\n`;
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
}

export const BUILTINS: Record<string, CommandFn> = {
  cd: (ctx) => {
    const home = ctx.env.get('HOME') ?? '/';
    const arg = ctx.argv[1];
    const target = arg === undefined || arg === '~' ? home : arg === '-' ? (ctx.env.get('OLDPWD') ?? ctx.cwd) : arg;
    const path = resolvePath(ctx.cwd, target);
    const sh = shellOf(ctx);
    const shown = arg ?? target;
    const bad = (why: string): CommandResult => fail(sh === 'sh' ? `sh: cd: can't cd to ${shown}: ${why}` : `${sh}: cd: ${shown}: ${why}`, sh === 'sh' ? 2 : 1);
    if (!ctx.fs.exists(path)) return bad('No such file or directory');
    if (!ctx.fs.isDir(path)) return bad('Not a directory');
    ctx.env.set('OLDPWD', ctx.cwd);
    ctx.session.chdir(path);
    return ok(arg === '-' ? path + '\n' : '');
  },
  pwd: (ctx) => ok(ctx.cwd + '\n'),
  export: (ctx) => {
    const args = ctx.argv.slice(1).filter((a) => a !== '-p');
    if (args.length === 0) {
      const names = [...ctx.env.keys()].filter((k) => IDENT.test(k) && (!ctx.exported || ctx.exported.has(k))).sort();
      return ok(names.map((k) => `declare -x ${k}="${(ctx.env.get(k) ?? '').replace(/(["\\$`])/g, '\\$1')}"\n`).join(''));
    }
    let err = '';
    for (const a of args) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
      if (!m) {
        err += `${shellOf(ctx)}: export: \`${a}': not a valid identifier\n`;
        continue;
      }
      if (m[2] !== undefined) ctx.env.set(m[1]!, m[2]);
      ctx.exported?.add(m[1]!);
    }
    return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
  },
  unset: (ctx) => {
    for (const a of ctx.argv.slice(1).filter((x) => x !== '-v' && x !== '-f')) {
      ctx.env.delete(a);
      ctx.exported?.delete(a);
    }
    return ok();
  },
  exit: exitWith,
  logout: (ctx) => {
    if (ctx.location.type !== 'node') return fail(`${shellOf(ctx)}: logout: not login shell: use \`exit'`);
    return exitWith(ctx);
  },
  true: () => ok(),
  false: () => ({ stdout: '', stderr: '', exitCode: 1 }),
  ':': () => ok(),
  history: (ctx) => {
    const all = ctx.session.history();
    const n = ctx.argv[1] !== undefined && /^\d+$/.test(ctx.argv[1]) ? Number(ctx.argv[1]) : all.length;
    return ok(all.map((h, i) => `${String(i + 1).padStart(5)}  ${h}\n`).slice(Math.max(0, all.length - n)).join(''));
  },
  clear: (ctx) => {
    ctx.session.request({ type: 'clear' });
    return ok();
  },
  source: (ctx) => sourceFile(ctx),
  '.': (ctx) => sourceFile(ctx),
  which,
  type,
  alias: (ctx) => {
    const table = ctx.session.aliases?.() ?? new Map<string, string>();
    const args = ctx.argv.slice(1).filter((a) => a !== '-p');
    const show = (n: string): string => `alias ${n}='${(table.get(n) ?? '').replace(/'/g, "'\\''")}'\n`;
    if (!args.length) return ok([...table.keys()].sort().map(show).join(''));
    let out = '';
    let err = '';
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) table.set(a.slice(0, eq), a.slice(eq + 1));
      else if (table.has(a)) out += show(a);
      else err += `${shellOf(ctx)}: alias: ${a}: not found\n`;
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  },
  unalias: (ctx) => {
    const table = ctx.session.aliases?.();
    let err = '';
    for (const a of ctx.argv.slice(1)) if (!table?.delete(a) && a !== '-a') err += `${shellOf(ctx)}: unalias: ${a}: not found\n`;
    if (ctx.argv.includes('-a')) table?.clear();
    return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
  },
  set: (ctx) => (ctx.argv.length === 1 ? ok() : fail(`${shellOf(ctx)}: set: shell options are not supported in this sandbox`, 2)),
};

function sourceFile(ctx: CommandContext): CommandResult {
  const file = ctx.argv[1];
  if (file === undefined) return fail(`${shellOf(ctx)}: ${ctx.argv[0]}: filename argument required`, 2);
  const path = resolvePath(ctx.cwd, file);
  if (!ctx.fs.exists(path) || ctx.fs.isDir(path)) return fail(`${shellOf(ctx)}: ${file}: ${ctx.fs.exists(path) ? 'Is a directory' : 'No such file or directory'}`);
  return ctx.session.runScriptAt(ctx.location, ctx.fs.readFile(path), ctx.stdin);
}
