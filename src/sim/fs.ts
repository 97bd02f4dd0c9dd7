/**
 * An in-memory file system: plain data (a Map of absolute paths), so a cluster snapshot is a structured clone.
 * Used for the learner's home directory, each container's root file system, each node's disk and each volume.
 * Never touches the real disk.
 */
export type FsNode = { type: 'dir'; mtime: number } | { type: 'file'; content: string; mtime: number; mode?: number };

/** Error codes as a POSIX shell reports them (`No such file or directory`, …). */
export type FsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EROFS';

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
    this.name = 'FsError';
  }
}

/** The text a coreutils tool prints for an error code. */
export function fsErrorText(code: FsErrorCode): string {
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EEXIST':
      return 'File exists';
    case 'ENOTEMPTY':
      return 'Directory not empty';
    case 'EROFS':
      return 'Read-only file system';
  }
}

/** Normalises `path` against `cwd`: resolves `.`, `..`, duplicate slashes; `~` is not expanded here. */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** A file system tree. All paths given to its methods must be absolute (use `resolvePath`). */
export class MemFs {
  readonly nodes: Map<string, FsNode>;
  constructor(nodes?: Map<string, FsNode>) {
    this.nodes = nodes ?? new Map([['/', { type: 'dir', mtime: 0 }]]);
  }

  stat(path: string): FsNode | undefined {
    return this.nodes.get(path);
  }

  exists(path: string): boolean {
    return this.nodes.has(path);
  }

  isDir(path: string): boolean {
    return this.nodes.get(path)?.type === 'dir';
  }

  readFile(path: string): string {
    const n = this.nodes.get(path);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    return n.content;
  }

  /** Writes (or appends to) a file; the parent directory must exist. */
  writeFile(path: string, content: string, opts: { append?: boolean; mtime?: number } = {}): void {
    const parent = this.nodes.get(parentOf(path));
    if (!parent) throw new FsError('ENOENT', path);
    if (parent.type !== 'dir') throw new FsError('ENOTDIR', path);
    const n = this.nodes.get(path);
    if (n?.type === 'dir') throw new FsError('EISDIR', path);
    const prev = opts.append && n?.type === 'file' ? n.content : '';
    this.nodes.set(path, { type: 'file', content: prev + content, mtime: opts.mtime ?? 0 });
  }

  /** Creates a directory; with `parents`, like `mkdir -p`. */
  mkdir(path: string, opts: { parents?: boolean; mtime?: number } = {}): void {
    const n = this.nodes.get(path);
    if (n) {
      if (opts.parents && n.type === 'dir') return;
      throw new FsError('EEXIST', path);
    }
    const parent = parentOf(path);
    const p = this.nodes.get(parent);
    if (!p) {
      if (!opts.parents) throw new FsError('ENOENT', path);
      this.mkdir(parent, opts);
    } else if (p.type !== 'dir') throw new FsError('ENOTDIR', path);
    this.nodes.set(path, { type: 'dir', mtime: opts.mtime ?? 0 });
  }

  /** Names directly inside a directory, sorted. */
  readdir(path: string): string[] {
    const n = this.nodes.get(path);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    const prefix = path === '/' ? '/' : path + '/';
    const names: string[] = [];
    for (const k of this.nodes.keys()) {
      if (k !== path && k.startsWith(prefix) && !k.slice(prefix.length).includes('/')) names.push(k.slice(prefix.length));
    }
    return names.sort();
  }

  /** Removes a file, or a directory with `recursive`. */
  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const n = this.nodes.get(path);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type === 'dir') {
      const children = this.readdir(path);
      if (children.length && !opts.recursive) throw new FsError(opts.recursive === undefined ? 'EISDIR' : 'ENOTEMPTY', path);
      const prefix = path + '/';
      for (const k of [...this.nodes.keys()]) if (k.startsWith(prefix)) this.nodes.delete(k);
    }
    if (path !== '/') this.nodes.delete(path);
  }
}
