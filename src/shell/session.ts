/**
 * A shell session over the simulated cluster: parses what the learner types, expands words, wires pipes, redirects
 * and heredocs, runs commands at the current location (host, container, node), and records every command as an
 * action for the grader. Never touches the real machine; every loop is bounded.
 */
import { COMMAND_TICK_MS, FsError, MemFs, fsErrorText, resolvePath, type Cluster, type FileSystem } from '../sim/index.js';
import { commandFor } from './commands.js';
import { HOME } from './home.js';
import { HOST_ETC_HOSTS, containerStartedAt, defaultEnv, fileSystemAt, promptFor, sameMachine, startCwd } from './locations.js';
import { expandText, expandWord, type Expander } from './expand.js';
import { expandHistory, literalOf, parse, type CommandList, type Pipeline, type Redirect, type SimpleCommand, type Word } from './parse.js';
import { openTarget, routeOutput, sinkFor, type Sink } from './redirect.js';
import { fail, fromChunks, outputChunks, type ActionRecord, type CommandContext, type CommandResult, type Location, type OutputChunk, type SessionApi, type UiRequest } from './types.js';

export { HOME };
const MAX_DEPTH = 8;
const MAX_OUTPUT = 1_000_000;

export interface ShellOptions {
  /** Files placed in the home directory (relative path → content). */
  files?: Record<string, string>;
  /** Extra environment variables on the host. */
  env?: Record<string, string>;
  /** When set, only these top-level commands may run (on the host). */
  allowed?: string[];
  /** Commands that are disabled in this lesson. */
  disabled?: string[];
  /** Set by a UI that handles `{type: 'edit'}` requests (opens $EDITOR, then calls `completeEdit`). */
  editor?: boolean;
}

/** What `enter(location, onLeave)` registered for a frame (kept out of Frame, which snapshots clone). */
type LeaveHook = () => string;

interface Frame {
  location: Location;
  cwd: string;
  env: Map<string, string>;
  exported: Set<string>;
  /** `alias` definitions of this shell. */
  aliases?: Map<string, string>;
  /** For a container shell: the container run it belongs to (a restart ends the shell, as it does in kubectl exec). */
  startedAt?: number;
}

/** The plain state of a session, for undo snapshots. */
export interface SessionSnapshot {
  home: MemFs['nodes'];
  stack: Frame[];
}

export class ShellSession implements SessionApi {
  readonly home = HOME;
  homeFs: MemFs;
  private stack: Frame[];
  private historyList: string[] = [];
  /** Every command run, oldest first. */
  readonly actions: ActionRecord[] = [];
  private uiRequests: UiRequest[] = [];
  private depth = 0;
  /** Hooks `enter(location, onLeave)` registered, and what they printed since the last command line ended. */
  private leaveHooks = new WeakMap<Frame, LeaveHook>();
  private leftOutput = '';
  private currentLine = '';
  /** Set by `exit`: the status the running script or shell ends with. */
  private pendingExit: number | undefined;
  /** Status of the last command substitution (what `X=$(false)` leaves in `$?`). */
  private lastSubExit = 0;
  lastExit = 0;
  /** What the last `run` printed, in terminal order. */
  private lastChunks: OutputChunk[] = [];

  constructor(
    readonly cluster: Cluster,
    readonly options: ShellOptions = {},
  ) {
    this.homeFs = new MemFs();
    const mtime = cluster.now();
    this.homeFs.mkdir(HOME, { parents: true, mtime });
    this.homeFs.mkdir('/tmp', { parents: true, mtime });
    this.homeFs.mkdir('/etc', { parents: true, mtime });
    this.homeFs.writeFile('/etc/hosts', HOST_ETC_HOSTS, { mtime });
    for (const [rel, content] of Object.entries(options.files ?? {})) {
      const p = resolvePath(HOME, rel);
      this.homeFs.mkdir(p.slice(0, p.lastIndexOf('/')) || '/', { parents: true, mtime });
      this.homeFs.writeFile(p, content, { mtime });
    }
    const env = new Map<string, string>([
      ['HOME', HOME],
      ['USER', 'learner'],
      ['PATH', '/usr/local/bin:/usr/bin:/bin'],
      ['SHELL', '/bin/bash'],
      ['EDITOR', 'nano'],
      ...Object.entries(options.env ?? {}),
    ]);
    this.stack = [{ location: { type: 'host' }, cwd: HOME, env, exported: new Set(env.keys()) }];
  }

  private get frame(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /** Where the next command runs. */
  location(): Location {
    return this.frame.location;
  }

  /** The prompt for the current location: `learner@laptop:~$ `, `root@test-pod:/# `, `/ # `, `docker@minikube:~$ `. */
  prompt(): string {
    return promptFor(this.cluster, this.frame.location, this.frame.cwd);
  }

  /** True when `input` is a complete command (no open quote or heredoc): the UI asks for more lines otherwise. */
  isComplete(input: string): boolean {
    const r = parse(input);
    return r.ok || !r.incomplete;
  }

  /** Requests queued for the UI since the last call (clear screen, open editor). */
  takeUiRequests(): UiRequest[] {
    const r = this.uiRequests;
    this.uiRequests = [];
    return r;
  }

  history(): string[] {
    return [...this.historyList];
  }

  request(r: UiRequest): void {
    this.uiRequests.push(r);
  }

  /** Runs what the learner typed (one line or a script). Advances simulated time once. */
  run(input: string): CommandResult {
    let text = input.replace(/\r\n?/g, '\n');
    let echo = '';
    if (this.shellName() !== 'sh') {
      const h = expandHistory(text, this.historyList[this.historyList.length - 1]);
      if (typeof h !== 'string') {
        this.cluster.advance(COMMAND_TICK_MS);
        return fail(`${this.shellName()}: ${h.event}: event not found`);
      }
      if (h !== text) echo = h.replace(/\n+$/, '') + '\n';
      text = h;
    }
    if (text.trim()) this.historyList.push(text.replace(/\n+$/, ''));
    this.currentLine = text.trim();
    this.pendingExit = undefined;
    let result: CommandResult;
    const ended = this.endDeadShells();
    if (ended) result = ended;
    else {
      const r = parse(text);
      if (!r.ok) result = fail(`${this.shellName()}: ${r.error}`, 2);
      else {
        result = this.execList(r.list, '');
        if (this.pendingExit !== undefined) result = this.leaveInteractive(result, this.pendingExit);
      }
    }
    let chunks = [{ fd: 1 as const, text: echo }, ...outputChunks(result), { fd: 1 as const, text: this.leftOutput }];
    this.leftOutput = '';
    this.pendingExit = undefined;
    this.cluster.advance(COMMAND_TICK_MS);
    const died = this.endDeadShells();
    if (died) chunks = [...chunks, { fd: 2, text: died.stderr }];
    result = fromChunks(chunks, died ? died.exitCode : result.exitCode);
    this.lastChunks = result.chunks ?? [];
    this.lastExit = result.exitCode;
    this.frame.env.set('?', String(result.exitCode));
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
  }

  /**
   * What the last `run` printed, stdout and stderr interleaved as a terminal shows them (a UI renders these; `run`'s
   * result keeps the two streams apart).
   */
  lastOutput(): OutputChunk[] {
    return this.lastChunks.map((c) => ({ ...c }));
  }

  /** `exit` typed at a prompt: leave the nested shell, printing what bash (`exit`) or a login shell (`logout`) prints. */
  private leaveInteractive(result: CommandResult, code: number): CommandResult {
    const loc = this.frame.location;
    if (!this.leave()) {
      this.request({ type: 'exit-tutor' });
      return fromChunks([...outputChunks(result), { fd: 1, text: 'exit\n' }], code);
    }
    const said = loc.type === 'node' ? 'logout\n' : loc.type === 'container' && loc.shell === 'sh' ? '' : 'exit\n';
    const tail = loc.type === 'container' && code !== 0 ? `command terminated with exit code ${code}\n` : '';
    return fromChunks([...outputChunks(result), { fd: 1, text: said }, { fd: 2, text: tail }], code);
  }

  /** A container shell whose container stopped or restarted ends, as `kubectl exec -it` does (exit code 137). */
  private endDeadShells(): CommandResult | undefined {
    let ended = false;
    for (let i = 0; i < MAX_DEPTH && this.stack.length > 1; i++) {
      const f = this.frame;
      if (f.location.type !== 'container' || containerStartedAt(this.cluster, f.location) === f.startedAt) break;
      this.stack.pop();
      ended = true;
    }
    return ended ? fail('command terminated with exit code 137', 137) : undefined;
  }

  // ---- SessionApi ---------------------------------------------------------------------------------------------

  runAt(location: Location, argv: string[], stdin: string, opts: { tty?: boolean } = {}): CommandResult {
    if (this.stack.length >= MAX_DEPTH * 2) return fail(`${this.shellName()}: maximum nesting depth exceeded`);
    this.stack.push(this.newFrame(location));
    try {
      return this.execArgv(argv, stdin, undefined, [], opts.tty);
    } finally {
      this.stack.pop();
      this.pendingExit = undefined;
    }
  }

  runScriptAt(location: Location, script: string, stdin: string): CommandResult {
    const r = parse(script);
    if (!r.ok) return fail(`${location.type === 'container' && location.shell === 'sh' ? 'sh' : 'bash'}: -c: ${r.error}`, 2);
    if (this.depth >= MAX_DEPTH || this.stack.length >= MAX_DEPTH * 2) return fail(`${this.shellName()}: maximum nesting depth exceeded`);
    const same = location === this.frame.location;
    if (!same) this.stack.push(this.newFrame(location));
    this.depth++;
    try {
      const result = this.execList(r.list, stdin);
      return this.pendingExit !== undefined ? { ...result, exitCode: this.pendingExit } : result;
    } finally {
      this.depth--;
      this.pendingExit = undefined;
      if (!same) this.stack.pop();
    }
  }

  enter(location: Location, onLeave?: () => string): void {
    if (this.stack.length >= MAX_DEPTH) return;
    const frame = this.newFrame(location);
    this.stack.push(frame);
    if (onLeave) this.leaveHooks.set(frame, onLeave);
  }

  leave(): boolean {
    if (this.stack.length <= 1) return false;
    const frame = this.stack.pop()!;
    const hook = this.leaveHooks.get(frame);
    if (hook) this.leftOutput += hook();
    return true;
  }

  requestExit(code: number): void {
    this.pendingExit = code;
  }

  runAsRoot(argv: string[], stdin: string): CommandResult {
    if (this.stack.length >= MAX_DEPTH * 2) return fail(`${this.shellName()}: maximum nesting depth exceeded`);
    const frame = this.newFrame(this.frame.location);
    frame.env.set('USER', 'root');
    frame.env.set('HOME', '/root');
    this.stack.push(frame);
    try {
      return this.execArgv(argv, stdin);
    } finally {
      this.stack.pop();
      this.pendingExit = undefined;
    }
  }

  aliases(): Map<string, string> {
    const f = this.frame;
    f.aliases ??= new Map();
    return f.aliases;
  }

  canEdit(): boolean {
    return this.options.editor === true;
  }

  /**
   * The UI's answer to an `edit` request: writes the edited content to the file at the location the editor was
   * opened from. Returns an error text when the file can no longer be written (e.g. the container restarted).
   */
  completeEdit(path: string, content: string): string | undefined {
    const fs = this.fsAt(this.frame.location);
    try {
      if (!fs) throw new FsError('ENOENT', path);
      fs.writeFile(path, content);
      return undefined;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      return `${path}: ${fsErrorText(e.code)}`;
    }
  }

  chdir(path: string): void {
    this.frame.cwd = path;
  }

  private newFrame(location: Location): Frame {
    const env = defaultEnv(this.cluster, location);
    const parent = this.frame;
    if (sameMachine(parent.location, location)) for (const k of parent.exported) if (parent.env.has(k)) env.set(k, parent.env.get(k)!);
    const frame: Frame = { location, cwd: sameMachine(parent.location, location) ? parent.cwd : startCwd(this.cluster, location, this.fsAt(location)), env, exported: new Set(env.keys()) };
    if (location.type === 'container') frame.startedAt = containerStartedAt(this.cluster, location);
    return frame;
  }

  // ---- snapshots ----------------------------------------------------------------------------------------------

  snapshot(): SessionSnapshot {
    return structuredClone({ home: this.homeFs.nodes, stack: this.stack });
  }

  restore(s: SessionSnapshot): void {
    const c = structuredClone(s);
    this.homeFs = new MemFs(c.home);
    this.stack = c.stack;
  }

  /** The file system at a location. A container that is not running has none. */
  fsAt(location: Location): FileSystem | undefined {
    return fileSystemAt(this.cluster, this.homeFs, location);
  }

  // ---- execution ----------------------------------------------------------------------------------------------

  private execList(list: CommandList, stdin: string): CommandResult {
    let out = '';
    let err = '';
    let code = 0;
    const chunks: OutputChunk[] = [];
    for (const item of list.items) {
      if (this.pendingExit !== undefined) break;
      if (item.op === '&&' && code !== 0) continue;
      if (item.op === '||' && code === 0) continue;
      const r = this.execPipeline(item.pipeline, stdin);
      out += r.stdout;
      err += r.stderr;
      code = r.exitCode;
      this.frame.env.set('?', String(code));
      if (out.length > MAX_OUTPUT || err.length > MAX_OUTPUT) return { stdout: out.slice(0, MAX_OUTPUT), stderr: err.slice(0, MAX_OUTPUT), exitCode: code };
      chunks.push(...outputChunks(r));
    }
    return fromChunks(chunks, code);
  }

  private execPipeline(p: Pipeline, stdin: string): CommandResult {
    let input = stdin;
    const chunks: OutputChunk[] = [];
    let last: CommandResult = { stdout: '', stderr: '', exitCode: 0 };
    for (const [i, cmd] of p.commands.entries()) {
      last = this.execSimple(cmd, input, i < p.commands.length - 1);
      // What earlier stages print to stderr reaches the terminal; their stdout feeds the next stage.
      chunks.push(...(i < p.commands.length - 1 ? [{ fd: 2 as const, text: last.stderr }] : outputChunks(last)));
      input = last.stdout;
    }
    const code = p.negate ? (last.exitCode === 0 ? 1 : 0) : last.exitCode;
    return fromChunks(chunks, code);
  }

  private expander(): Expander {
    const f = this.frame;
    return {
      lookup: (n) => this.lookupVar(n),
      assign: (n, v) => f.env.set(n, v),
      substitute: (s) => this.substitute(s),
      fs: this.fsAt(f.location),
      cwd: f.cwd,
      home: f.env.get('HOME') ?? HOME,
    };
  }

  private lookupVar(name: string): string | undefined {
    if (name === '?') return this.frame.env.get('?') ?? String(this.lastExit);
    if (name === '$') return '1';
    if (name === '#') return '0';
    if (name === '0') return this.shellName();
    if (name === 'PWD') return this.frame.cwd;
    return this.frame.env.get(name);
  }

  private substitute(source: string): string {
    if (this.depth >= MAX_DEPTH) return '';
    const r = parse(source);
    if (!r.ok) return '';
    this.depth++;
    try {
      const res = this.execList(r.list, '');
      this.lastSubExit = this.pendingExit ?? res.exitCode;
      return res.stdout.replace(/\n+$/, '');
    } finally {
      this.depth--;
      this.pendingExit = undefined;
    }
  }

  private execSimple(cmd: SimpleCommand, stdin: string, piped = false): CommandResult {
    const x = this.expander();
    this.lastSubExit = 0;
    let argv = cmd.words.flatMap((w) => expandWord(w, x));
    const alias = cmd.words[0] && literalOf(cmd.words[0]) === argv[0] && cmd.words[0].every((p) => !p.quoted) ? this.frame.aliases?.get(argv[0]!) : undefined;
    if (alias !== undefined) argv = [...alias.split(/\s+/).filter(Boolean), ...argv.slice(1)];
    // Assignments alone take effect one by one (`A=1 B=$A`); before a command they only reach its environment.
    const values = cmd.assignments.map((a) => {
      const v = { name: a.name, value: expandText(a.value, x) };
      if (argv.length === 0) this.frame.env.set(v.name, v.value);
      return v;
    });
    const fs = x.fs;
    let input = stdin;
    let fd1: Sink = { type: 'stdout' };
    let fd2: Sink = { type: 'stderr' };
    for (const r of cmd.redirects) {
      if (r.op === '<<') input = expandText(r.target, x);
      else if (r.op === '<<<') input = expandText(r.target, x) + '\n';
      else if (r.op === '>&') {
        if (r.fd === 2) fd2 = fd1;
        else fd1 = fd2;
      } else {
        const target = expandText(r.target, x);
        if (target === '') return fail(`${this.shellName()}: ${literalOf(r.target) ?? '$'}: ambiguous redirect`);
        const path = resolvePath(this.frame.cwd, target);
        if (r.op === '<') {
          const read = this.readFileAt(fs, path, target);
          if (typeof read !== 'string') return read;
          input = read;
          continue;
        }
        const sink = sinkFor(path, r.op === '>>', this.frame.location.type === 'container');
        const error = openTarget(fs, sink, target);
        if (error) return fail(`${this.shellName()}: ${error}`);
        if (r.both) fd1 = fd2 = sink;
        else if (r.fd === 2) fd2 = sink;
        else fd1 = sink;
      }
    }
    let result: CommandResult;
    if (argv.length === 0) {
      for (const v of values) this.frame.env.set(v.name, v.value);
      result = { stdout: '', stderr: '', exitCode: this.lastSubExit };
    } else {
      let env: Map<string, string> | undefined;
      if (values.length) {
        env = new Map(this.frame.env);
        for (const v of values) env.set(v.name, v.value);
      }
      result = this.execArgv(argv, input, env, values.map((v) => v.name), piped || fd1.type !== 'stdout' ? false : this.depth === 0 ? true : undefined);
    }
    return routeOutput(result, fd1, fd2, { fs, shell: this.shellName(), cluster: this.cluster, location: this.frame.location });
  }

  private shellName(): string {
    const l = this.frame.location;
    if (l.type === 'node') return '-bash';
    return l.type === 'container' && l.shell === 'sh' ? 'sh' : 'bash';
  }

  private readFileAt(fs: FileSystem | undefined, path: string, shown: string): string | CommandResult {
    if (path === '/dev/null') return '';
    try {
      if (!fs) throw new FsError('ENOENT', path);
      return fs.readFile(path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      return fail(`${this.shellName()}: ${shown}: ${fsErrorText(e.code)}`);
    }
  }

  /** Runs argv at the current location and records it. */
  execArgv(argv: string[], stdin: string, env?: Map<string, string>, extraExported: string[] = [], tty?: boolean): CommandResult {
    const location = this.frame.location;
    const fs = this.fsAt(location);
    const name = argv[0] ?? '';
    let result: CommandResult;
    if (!fs) result = fail(`error: unable to upgrade connection: container not found ("${location.type === 'container' ? location.container : ''}")`);
    else {
      const found = commandFor(this.cluster, location, name, this.options);
      if (typeof found !== 'function') result = found;
      else if (this.depth >= MAX_DEPTH) result = fail(`${this.shellName()}: maximum nesting depth exceeded`);
      else {
        const exported = extraExported.length ? new Set([...this.frame.exported, ...extraExported]) : this.frame.exported;
        const ctx: CommandContext = { argv, stdin, location, cluster: this.cluster, fs, cwd: this.frame.cwd, env: env ?? this.frame.env, exported, session: this, tty };
        this.depth++;
        try {
          result = found(ctx);
        } finally {
          this.depth--;
        }
      }
    }
    if (result.stdout.length > MAX_OUTPUT) result = { ...result, stdout: result.stdout.slice(0, MAX_OUTPUT) };
    this.actions.push({ line: this.currentLine, argv, location, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, time: this.cluster.now() });
    if (this.actions.length > 5000) this.actions.splice(0, this.actions.length - 5000);
    return result;
  }
}

export { literalOf };
export type { Redirect, Word };
