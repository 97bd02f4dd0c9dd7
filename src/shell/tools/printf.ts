/** `printf FORMAT [ARG…]`: `%s`, `%d`, `%b`, `%%` and backslash escapes; the format is reused while arguments remain. */
import type { CommandFn } from '../types.js';

function escapes(s: string): string {
  return s.replace(/\\(n|t|r|\\|0[0-7]{0,3}|")/g, (_m, e: string) => (e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '\\' ? '\\' : e === '"' ? '"' : String.fromCharCode(parseInt(e, 8))));
}

export const printf: CommandFn = (ctx) => {
  const [format, ...args] = ctx.argv.slice(1);
  if (format === undefined) return { stdout: '', stderr: 'printf: usage: printf [-v var] format [arguments]\n', exitCode: 2 };
  if (format === '--help') return { stdout: 'Usage: printf FORMAT [ARGUMENT]...\n', stderr: '', exitCode: 0 };
  let out = '';
  let err = '';
  let i = 0;
  for (let round = 0; round < 1000; round++) {
    let used = 0;
    out += escapes(format).replace(/%(-?\d*)([sdbi%])/g, (_m, width: string, conv: string) => {
      if (conv === '%') return '%';
      const a = args[i++] ?? '';
      used++;
      let v = a;
      if (conv === 'd' || conv === 'i') {
        if (a !== '' && !/^-?\d+$/.test(a)) err += `${ctx.location.type === 'container' && ctx.location.shell === 'sh' ? 'sh' : 'bash'}: printf: ${a}: invalid number\n`;
        v = String(parseInt(a, 10) || 0);
      } else if (conv === 'b') v = escapes(a);
      const w = Number(width);
      return w > 0 ? v.padStart(w) : w < 0 ? v.padEnd(-w) : v;
    });
    if (!used || i >= args.length) break;
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};
