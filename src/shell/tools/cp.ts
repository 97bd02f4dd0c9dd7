/** `cp [-r] SRC… DEST` and the copy used by `mv`. */
import { FsError, fsErrorText, resolvePath, type FileSystem } from '../../sim/index.js';
import type { CommandContext, CommandFn, CommandResult } from '../types.js';
import { getopt, help, isBusybox, isResult, pathOf } from './util.js';

const USAGE = 'Usage: cp [OPTION]... [-T] SOURCE DEST';
const MAX_ENTRIES = 10_000;

/** Copies a file or a directory tree (bounded). */
export function copyTree(fs: FileSystem, from: string, to: string): void {
  if (!fs.isDir(from)) {
    fs.writeFile(to, fs.readFile(from));
    return;
  }
  const queue: [string, string][] = [[from, to]];
  for (let n = 0; n < MAX_ENTRIES && queue.length; n++) {
    const [src, dst] = queue.shift()!;
    if (fs.isDir(src)) {
      if (!fs.exists(dst)) fs.mkdir(dst, { parents: true });
      for (const name of fs.readdir(src)) queue.push([resolvePath(src, name), resolvePath(dst, name)]);
    } else fs.writeFile(dst, fs.readFile(src));
  }
}

/** Shared by cp and mv: checks operands and works out each destination. */
export function transfer(ctx: CommandContext, tool: 'cp' | 'mv', operands: string[], recursive: boolean, act: (from: string, to: string) => void): CommandResult {
  if (operands.length === 0) return { stdout: '', stderr: `${tool}: missing file operand\nTry '${tool} --help' for more information.\n`, exitCode: 1 };
  if (operands.length === 1) return { stdout: '', stderr: `${tool}: missing destination file operand after '${operands[0]}'\nTry '${tool} --help' for more information.\n`, exitCode: 1 };
  const dest = operands[operands.length - 1]!;
  const destPath = pathOf(ctx, dest);
  const destIsDir = ctx.fs.isDir(destPath);
  const sources = operands.slice(0, -1);
  if (sources.length > 1 && !destIsDir) return { stdout: '', stderr: `${tool}: target '${dest}': ${ctx.fs.exists(destPath) ? 'Not a directory' : 'No such file or directory'}\n`, exitCode: 1 };
  let err = '';
  for (const s of sources) {
    const from = pathOf(ctx, s);
    if (!ctx.fs.exists(from)) {
      err += isBusybox(ctx) ? `${tool}: ${tool === 'cp' ? "can't stat" : "can't rename"} '${s}': No such file or directory\n` : `${tool}: cannot stat '${s}': No such file or directory\n`;
      continue;
    }
    if (ctx.fs.isDir(from) && !recursive) {
      err += isBusybox(ctx) ? `cp: omitting directory '${s}'\n` : `cp: -r not specified; omitting directory '${s}'\n`;
      continue;
    }
    const to = destIsDir ? resolvePath(destPath, from.slice(from.lastIndexOf('/') + 1)) : destPath;
    if (to === from || to.startsWith(from + '/')) {
      err += `${tool}: cannot ${tool === 'cp' ? 'copy' : 'move'} '${s}' to a subdirectory of itself, '${dest}'\n`;
      continue;
    }
    const parent = to.slice(0, to.lastIndexOf('/')) || '/';
    if (!ctx.fs.isDir(parent)) {
      err += `${tool}: cannot create regular file '${dest}': No such file or directory\n`;
      continue;
    }
    if (ctx.fs.isDir(to) && !ctx.fs.isDir(from)) {
      err += `${tool}: cannot overwrite directory '${to}' with non-directory\n`;
      continue;
    }
    try {
      act(from, to);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      err += `${tool}: cannot create ${ctx.fs.isDir(from) ? 'directory' : 'regular file'} '${dest}': ${fsErrorText(e.code)}\n`;
    }
  }
  return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
}

export const cp: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'rRfapvi', long: { recursive: 'r', force: 'f', archive: 'a', verbose: 'v' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\n  or:  cp [OPTION]... SOURCE... DIRECTORY\nCopy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.\n\n  -r, -R, --recursive          copy directories recursively\n      --help        display this help and exit`);
  const recursive = p.opts.has('r') || p.opts.has('R') || p.opts.has('a');
  return transfer(ctx, 'cp', p.operands, recursive, (from, to) => copyTree(ctx.fs, from, to));
};
