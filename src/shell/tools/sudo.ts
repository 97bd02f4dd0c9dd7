/** `sudo CMD…`: runs CMD as root at the same location (no password in the sandbox). */
import type { CommandFn } from '../types.js';

export const sudo: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    const a = args[i]!;
    if (a === '-h' || a === '--help') return { stdout: 'usage: sudo -h | -K | -k | -V\nusage: sudo [-AbEHknPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [command [arg ...]]\n', stderr: '', exitCode: 0 };
    if (a === '-i' || a === '-s' || a === 'su') return { stdout: '', stderr: 'sudo: a root shell is not supported in this sandbox; prefix each command with sudo\n', exitCode: 1 };
    if (a !== '-E' && a !== '-n' && a !== '--') return { stdout: '', stderr: `sudo: invalid option -- '${a.replace(/^-+/, '').slice(0, 1)}'\nusage: sudo -h | -K | -k | -V\n`, exitCode: 1 };
  }
  const cmd = args.slice(i);
  if (!cmd.length) return { stdout: '', stderr: 'usage: sudo -h | -K | -k | -V\nusage: sudo -v [-AknS] [-g group] [-h host] [-p prompt] [-u user]\n', exitCode: 1 };
  if (cmd[0] === 'su' || cmd[0] === 'bash' || cmd[0] === 'sh') if (cmd.length === 1) return { stdout: '', stderr: 'sudo: a root shell is not supported in this sandbox; prefix each command with sudo\n', exitCode: 1 };
  return ctx.session.runAsRoot ? ctx.session.runAsRoot(cmd, ctx.stdin) : ctx.session.runAt(ctx.location, cmd, ctx.stdin);
};
