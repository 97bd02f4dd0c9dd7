/** `ls [-a] [-l] [PATH…]`: names in columns-free form (one line, two spaces apart), as ls prints to a pipe-less TTY. */
import { resolvePath } from '../../sim/index.js';
import type { CommandFn } from '../types.js';

export const ls: CommandFn = (ctx) => {
  const flags = ctx.argv.slice(1).filter((a) => a.startsWith('-') && a.length > 1).join('');
  const paths = ctx.argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');
  const all = flags.includes('a');
  const long = flags.includes('l');
  const targets = paths.length ? paths : ['.'];
  let out = '';
  let err = '';
  targets.forEach((t, i) => {
    const p = resolvePath(ctx.cwd, t.replace(/^~(?=\/|$)/, ctx.env.get('HOME') ?? '/'));
    if (!ctx.fs.exists(p)) {
      err += `ls: cannot access '${t}': No such file or directory\n`;
      return;
    }
    if (!ctx.fs.isDir(p)) {
      out += long ? `-rw-r--r-- 1 root root ${String(ctx.fs.readFile(p).length).padStart(5)} ${t}\n` : `${t}\n`;
      return;
    }
    let names = ctx.fs.readdir(p).filter((n) => all || !n.startsWith('.'));
    if (all) names = ['.', '..', ...names];
    if (targets.length > 1) out += `${i ? '\n' : ''}${t}:\n`;
    if (long) {
      out += `total ${names.length * 4}\n`;
      for (const n of names) {
        const full = resolvePath(p, n);
        const dir = n === '.' || n === '..' || ctx.fs.isDir(full);
        const size = dir ? 4096 : ctx.fs.readFile(full).length;
        out += `${dir ? 'drwxr-xr-x' : '-rw-r--r--'} 1 root root ${String(size).padStart(5)} Jan  1 12:00 ${n}\n`;
      }
    } else if (names.length) out += names.join('  ') + '\n';
  });
  return { stdout: out, stderr: err, exitCode: err ? 2 : 0 };
};
