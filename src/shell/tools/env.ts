/** `env` / `printenv [NAME]`: the exported environment (in a container: HOSTNAME, KUBERNETES_SERVICE_HOST, the pod's `env`). */
import type { CommandFn } from '../types.js';

function exportedNames(ctx: Parameters<CommandFn>[0]): string[] {
  return [...ctx.env.keys()].filter((k) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && (!ctx.exported || ctx.exported.has(k)));
}

export const env: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--help') return { stdout: 'Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\nSet each NAME to VALUE in the environment and run COMMAND.\n', stderr: '', exitCode: 0 };
  if (args[0]?.startsWith('-')) return { stdout: '', stderr: `env: invalid option -- '${args[0].slice(1, 2)}'\nTry 'env --help' for more information.\n`, exitCode: 125 };
  if (args.length) return { stdout: '', stderr: 'env: running a command through env is not supported in this sandbox; use NAME=VALUE COMMAND\n', exitCode: 125 };
  return { stdout: exportedNames(ctx).map((k) => `${k}=${ctx.env.get(k)}\n`).join(''), stderr: '', exitCode: 0 };
};

export const printenv: CommandFn = (ctx) => {
  const names = ctx.argv.slice(1);
  if (!names.length) return env({ ...ctx, argv: ['env'] });
  const known = new Set(exportedNames(ctx));
  const found = names.filter((n) => known.has(n));
  return { stdout: found.map((n) => `${ctx.env.get(n)}\n`).join(''), stderr: '', exitCode: found.length === names.length ? 0 : 1 };
};
