/** `cat [FILE…]`: files at the current location, or stdin. */
import { FsError, fsErrorText, resolvePath } from '../../sim/index.js';
import type { CommandFn } from '../types.js';

export const cat: CommandFn = (ctx) => {
  const files = ctx.argv.slice(1).filter((a) => a !== '-');
  if (files.length === 0) return { stdout: ctx.stdin, stderr: '', exitCode: 0 };
  let out = '';
  let err = '';
  for (const f of files) {
    try {
      out += ctx.fs.readFile(resolvePath(ctx.cwd, f.replace(/^~(?=\/|$)/, ctx.env.get('HOME') ?? '/')));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      err += `cat: ${f}: ${fsErrorText(e.code)}\n`;
    }
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};
