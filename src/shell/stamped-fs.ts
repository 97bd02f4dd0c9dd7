/**
 * A file system view that stamps every write and `mkdir` with the simulated time, as the kernel sets a file's mtime
 * when it is written; `ls -l` shows it. Reads pass through; `stat` is offered where the file system has one.
 */
import type { FileSystem } from '../sim/index.js';

/** A file's metadata as `ls -l` needs it. */
export interface FileStat {
  mtime: number;
}

/** A FileSystem that may answer `stat` (MemFs does: the home directory and node disks). */
export type StatFs = FileSystem & { stat?(path: string): FileStat | undefined };

/** Wraps `fs` so writes carry `mtime: now()`. */
export function stamped(fs: StatFs, now: () => number): StatFs {
  type Timed = { append?: boolean; parents?: boolean; mtime?: number };
  const writeFile = fs.writeFile.bind(fs) as (p: string, c: string, o?: Timed) => void;
  const mkdir = fs.mkdir.bind(fs) as (p: string, o?: Timed) => void;
  return {
    exists: (p) => fs.exists(p),
    isDir: (p) => fs.isDir(p),
    readFile: (p) => fs.readFile(p),
    writeFile: (p, c, o = {}) => writeFile(p, c, { ...o, mtime: now() }),
    mkdir: (p, o = {}) => mkdir(p, { ...o, mtime: now() }),
    readdir: (p) => fs.readdir(p),
    remove: (p, o) => fs.remove(p, o),
    ...(fs.stat ? { stat: (p: string) => fs.stat!(p) } : {}),
  };
}
