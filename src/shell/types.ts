/**
 * The shell's contracts: what a command receives and returns, where it runs, and what the session records for the
 * grader. User mistakes are return values (`exitCode` ≠ 0 with kubectl's or bash's wording); an exception is a bug.
 */
import type { Cluster, FileSystem } from '../sim/index.js';

/** A piece of output on one file descriptor (1 stdout, 2 stderr), in the order a terminal shows it. */
export interface OutputChunk {
  fd: 1 | 2;
  text: string;
}

/** What one command (or a whole line) produced. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * stdout and stderr interleaved as a terminal shows them (kubectl's `Warning:` before its table; in `a; b`, a's
   * error before b's output). Optional: read it through `outputChunks`, which falls back to stdout then stderr.
   */
  chunks?: OutputChunk[];
}

/**
 * The output of a result in terminal order. Chunks that disagree with `stdout`/`stderr` (a caller appended text to
 * one of them) are kept as far as they match, and what was appended follows: stdout's, then stderr's.
 */
export function outputChunks(r: CommandResult): OutputChunk[] {
  const out: OutputChunk[] = [];
  let o = 0;
  let e = 0;
  for (const c of r.chunks ?? []) {
    const [whole, at] = c.fd === 1 ? [r.stdout, o] : [r.stderr, e];
    if (!c.text || !whole.startsWith(c.text, at)) break;
    out.push({ fd: c.fd, text: c.text });
    if (c.fd === 1) o += c.text.length;
    else e += c.text.length;
  }
  if (o < r.stdout.length) out.push({ fd: 1, text: r.stdout.slice(o) });
  if (e < r.stderr.length) out.push({ fd: 2, text: r.stderr.slice(e) });
  return merge(out);
}

/** Joins neighbouring chunks on the same descriptor. */
function merge(chunks: OutputChunk[]): OutputChunk[] {
  const out: OutputChunk[] = [];
  for (const c of chunks) {
    const last = out[out.length - 1];
    if (last && last.fd === c.fd) last.text += c.text;
    else if (c.text) out.push({ ...c });
  }
  return out;
}

/** A result whose stdout, stderr and chunks are built from chunks in order. */
export function fromChunks(chunks: OutputChunk[], exitCode: number): CommandResult {
  const merged = merge(chunks);
  return { stdout: merged.filter((c) => c.fd === 1).map((c) => c.text).join(''), stderr: merged.filter((c) => c.fd === 2).map((c) => c.text).join(''), exitCode, chunks: merged };
}

/** Where a command runs: the learner's machine, inside a container (`kubectl exec -it`), or on a node (`minikube ssh`). */
export type Location =
  | { type: 'host' }
  | { type: 'container'; namespace: string; pod: string; container: string; shell: string }
  | { type: 'node'; node: string };

/** One command the learner ran, with its outcome: the grader's evidence for "ran X in container Y and saw Z". */
export interface ActionRecord {
  /** The line as typed (for a pipeline, the whole line). */
  line: string;
  /** argv of this simple command after expansion. */
  argv: string[];
  /** Where it ran; for `kubectl exec POD -- CMD`, the container where CMD ran. */
  location: Location;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Simulated time. */
  time: number;
}

/** Requests a command makes of the UI (the shell never does I/O itself). */
export type UiRequest =
  | { type: 'clear' }
  /** `onSave`: a command line the UI runs in the session after the editor saved the file (`kubectl edit` re-applies with `kubectl replace -f …`). */
  | { type: 'edit'; path: string; content: string; onSave?: string }
  | { type: 'exit-tutor' };

/** Everything a command can see and change. */
export interface CommandContext {
  /** argv[0] is the command name. */
  argv: string[];
  stdin: string;
  location: Location;
  cluster: Cluster;
  /** The file system of `location` (home directory, container or node disk). */
  fs: FileSystem;
  cwd: string;
  env: Map<string, string>;
  /**
   * Whether stdout is the learner's terminal (false: a pipe, a file or `$(…)`; undefined: not known, as for
   * `kubectl exec` without `-t`). `ls` prints columns only on a terminal; curl shows its meter only off one.
   */
  tty?: boolean;
  /** Names of `env` that are exported (what `env` prints and child processes inherit); all of them when absent. */
  exported?: Set<string>;
  session: SessionApi;
}

/** What commands may ask of the session. */
export interface SessionApi {
  /**
   * Runs a nested command at a location (e.g. `kubectl exec POD -- sh -c '…'`), recording actions there. `tty`: its
   * stdout is a terminal (`kubectl exec -t`), which decides e.g. whether `ls` prints columns and curl its meter.
   */
  runAt(location: Location, argv: string[], stdin: string, opts?: { tty?: boolean }): CommandResult;
  /** Parses and runs a script at a location (`sh -c '…'`, `minikube ssh -- 'cmd'`). */
  runScriptAt(location: Location, script: string, stdin: string): CommandResult;
  /** Enters an interactive shell at a location (`kubectl exec -it … -- bash`, `minikube ssh`). */
  /** `onLeave` runs when the learner leaves that shell; its text is printed (`kubectl run --rm -it` deletes the pod: `pod "tmp" deleted`). */
  enter(location: Location, onLeave?: () => string): void;
  /** Leaves the innermost nested shell (`exit`). Returns false at the outermost (host) level. */
  leave(): boolean;
  /**
   * `exit N`: ends the running script (`sh -c`, `$(…)`) with status N, or, typed at a prompt, leaves the nested shell
   * (or the tutor at the host). The rest of the command line does not run.
   */
  requestExit(code: number): void;
  /** Runs argv at the current location as root (`sudo`). */
  runAsRoot?(argv: string[], stdin: string): CommandResult;
  /** The current shell's aliases (`alias k=kubectl`), name → text. */
  aliases?(): Map<string, string>;
  /** Whether a UI will open an editor for an `edit` request (false in scripts and tests). */
  canEdit?(): boolean;
  /** Sets the working directory of the current location. */
  chdir(path: string): void;
  /** Commands typed so far (for `history`). */
  history(): string[];
  /** Queues a request for the UI. */
  request(r: UiRequest): void;
  /** The learner's home directory, `/home/learner` on the host. */
  readonly home: string;
}

/** A command implementation. */
export type CommandFn = (ctx: CommandContext) => CommandResult;

/** Helpers to build results. */
export const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr: stderr.endsWith('\n') || stderr === '' ? stderr : stderr + '\n', exitCode });
