/**
 * Output redirection as bash applies it: redirections are processed left to right over a table of file descriptors
 * (`> f 2>&1` sends both to `f`; `2>&1 > f` sends only stdout), targets are opened (truncated) before the command runs,
 * and the special files `/dev/null`, `/dev/stdout`, `/dev/stderr` and, inside a container, `/proc/1/fd/1` (PID 1's
 * stdout: what `kubectl logs` shows) behave as on Linux.
 */
import { FsError, fsErrorText, type Cluster, type FileSystem, type Pod } from '../sim/index.js';
import { fromChunks, outputChunks, type CommandResult, type Location, type OutputChunk } from './types.js';

/** Where file descriptor 1 or 2 writes. */
export type Sink = { type: 'stdout' } | { type: 'stderr' } | { type: 'null' } | { type: 'file'; path: string; append: boolean } | { type: 'pid1' };

/** A file a redirect opened, by its resolved path and as typed (for error messages). */
export interface OpenTarget {
  path: string;
  shown: string;
  append: boolean;
}

/** The sink for a redirect target path. */
export function sinkFor(path: string, append: boolean, inContainer: boolean): Sink {
  if (path === '/dev/null') return { type: 'null' };
  if (path === '/dev/stdout' || path === '/proc/self/fd/1') return { type: 'stdout' };
  if (path === '/dev/stderr' || path === '/proc/self/fd/2') return { type: 'stderr' };
  if (inContainer && /^\/proc\/1\/fd\/[12]$/.test(path)) return { type: 'pid1' };
  return { type: 'file', path, append };
}

/** Opens (creates or truncates) a redirect target before the command runs; returns the error text on failure. */
export function openTarget(fs: FileSystem | undefined, sink: Sink, shown: string): string | undefined {
  if (sink.type !== 'file') return undefined;
  try {
    if (!fs) throw new FsError('ENOENT', sink.path);
    if (fs.isDir(sink.path)) throw new FsError('EISDIR', sink.path);
    if (!sink.append || !fs.exists(sink.path)) fs.writeFile(sink.path, '');
    return undefined;
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    return `${shown}: ${fsErrorText(e.code)}`;
  }
}

/** Where routed output lands: the location's files, its shell's name (for errors), and PID 1's log in a container. */
export interface RouteTarget {
  fs: FileSystem | undefined;
  shell: string;
  cluster: Cluster;
  location: Location;
}

/** Sends a command's stdout and stderr where its redirections point; returns what still reaches the terminal. */
export function routeOutput(result: CommandResult, fd1: Sink, fd2: Sink, t: RouteTarget): CommandResult {
  const shown: OutputChunk[] = [];
  const emit = (sink: Sink, text: string): void => {
    if (!text) return;
    if (sink.type === 'stdout') shown.push({ fd: 1, text });
    else if (sink.type === 'stderr') shown.push({ fd: 2, text });
    else if (sink.type === 'pid1') appendPid1(t, text);
    else if (sink.type === 'file') {
      try {
        t.fs?.writeFile(sink.path, text, { append: true });
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        shown.push({ fd: 2, text: `${t.shell}: ${sink.path}: ${fsErrorText(e.code)}\n` });
      }
    }
  };
  for (const c of outputChunks(result)) emit(c.fd === 1 ? fd1 : fd2, c.text);
  return fromChunks(shown, result.exitCode);
}

/** `echo … >> /proc/1/fd/1` in a container: lines appear in the container's log (`kubectl logs`). */
function appendPid1(t: RouteTarget, text: string): void {
  const loc = t.location;
  if (loc.type !== 'container') return;
  const pod = t.cluster.get<Pod>('Pod', loc.namespace, loc.pod);
  const cr = pod ? t.cluster.state.runtime.get(pod.metadata.uid!)?.containers.get(loc.container) : undefined;
  if (!cr || pod?.spec.shareProcessNamespace) return;
  for (const line of text.replace(/\n$/, '').split('\n')) cr.logs.push({ time: t.cluster.now(), line });
  t.cluster.touch();
}
