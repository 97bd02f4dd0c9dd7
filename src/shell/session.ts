/**
 * A shell session over the simulated cluster: parses what the learner types, expands words, wires pipes, redirects
 * and heredocs, runs commands at the current location (host, container, node), and records every command as an
 * action for the grader. Never touches the real machine; every loop is bounded.
 */
import { COMMAND_TICK_MS, FsError, MemFs, containerFs, fsErrorText, nodeDisk, resolvePath, type Cluster, type FileSystem, type Pod } from '../sim/index.js';
import { commandFor } from './commands.js';
import { literalOf, parse, type CommandList, type Pipeline, type Redirect, type SimpleCommand, type Word } from './parse.js';
import { fail, type ActionRecord, type CommandContext, type CommandResult, type Location, type SessionApi, type UiRequest } from './types.js';

/** The learner's home directory on the simulated host. */
export const HOME = '/home/learner';
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
}

interface Frame {
  location: Location;
  cwd: string;
  env: Map<string, string>;
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
  private currentLine = '';
  lastExit = 0;

  constructor(
    readonly cluster: Cluster,
    readonly options: ShellOptions = {},
  ) {
    this.homeFs = new MemFs();
    this.homeFs.mkdir(HOME, { parents: true });
    this.homeFs.mkdir('/tmp', { parents: true });
    for (const [rel, content] of Object.entries(options.files ?? {})) {
      const p = resolvePath(HOME, rel);
      this.homeFs.mkdir(p.slice(0, p.lastIndexOf('/')) || '/', { parents: true });
      this.homeFs.writeFile(p, content);
    }
    const env = new Map<string, string>([
      ['HOME', HOME],
      ['USER', 'learner'],
      ['PATH', '/usr/local/bin:/usr/bin:/bin'],
      ['SHELL', '/bin/bash'],
      ...Object.entries(options.env ?? {}),
    ]);
    this.stack = [{ location: { type: 'host' }, cwd: HOME, env }];
  }

  private get frame(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /** Where the next command runs. */
  location(): Location {
    return this.frame.location;
  }

  /** The prompt for the current location: `learner@laptop:~$ `, `root@test-pod:/# `, `docker@minikube:~$ `. */
  prompt(): string {
    const f = this.frame;
    const loc = f.location;
    if (loc.type === 'host') return `learner@laptop:${f.cwd.startsWith(HOME) ? '~' + f.cwd.slice(HOME.length) : f.cwd}$ `;
    if (loc.type === 'node') return `docker@${loc.node}:${f.cwd === '/home/docker' ? '~' : f.cwd}$ `;
    if (loc.shell === 'sh') return `${f.cwd} # `;
    return `root@${loc.pod}:${f.cwd}# `;
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
    const text = input.replace(/\r\n?/g, '\n');
    if (text.trim()) this.historyList.push(text.replace(/\n+$/, ''));
    this.currentLine = text.trim();
    const r = parse(text);
    let result: CommandResult;
    if (!r.ok) {
      const shell = this.frame.location.type === 'container' && this.frame.location.shell === 'sh' ? 'sh' : 'bash';
      result = fail(`${shell}: ${r.error}`, 2);
    } else {
      result = this.execList(r.list, '');
    }
    this.lastExit = result.exitCode;
    this.cluster.advance(COMMAND_TICK_MS);
    return result;
  }

  // ---- SessionApi ---------------------------------------------------------------------------------------------

  runAt(location: Location, argv: string[], stdin: string): CommandResult {
    this.stack.push({ location, cwd: defaultCwd(location), env: defaultEnv(this.cluster, location) });
    try {
      return this.execArgv(argv, stdin);
    } finally {
      this.stack.pop();
    }
  }

  runScriptAt(location: Location, script: string, stdin: string): CommandResult {
    const r = parse(script);
    if (!r.ok) return fail(`${location.type === 'container' && location.shell === 'sh' ? 'sh' : 'bash'}: -c: ${r.error}`, 2);
    if (this.depth >= MAX_DEPTH) return fail('bash: maximum nesting depth exceeded');
    const same = location === this.frame.location;
    if (!same) this.stack.push({ location, cwd: defaultCwd(location), env: defaultEnv(this.cluster, location) });
    this.depth++;
    try {
      return this.execList(r.list, stdin);
    } finally {
      this.depth--;
      if (!same) this.stack.pop();
    }
  }

  enter(location: Location): void {
    if (this.stack.length < MAX_DEPTH) this.stack.push({ location, cwd: defaultCwd(location), env: defaultEnv(this.cluster, location) });
  }

  leave(): boolean {
    if (this.stack.length <= 1) return false;
    this.stack.pop();
    return true;
  }

  chdir(path: string): void {
    this.frame.cwd = path;
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

  // ---- file systems -------------------------------------------------------------------------------------------

  /** The file system at a location. A container that is not running has none. */
  fsAt(location: Location): FileSystem | undefined {
    if (location.type === 'host') return this.homeFs;
    if (location.type === 'node') return nodeDisk(this.cluster, location.node);
    const pod = this.cluster.get<Pod>('Pod', location.namespace, location.pod);
    return pod ? containerFs(this.cluster, pod, location.container) : undefined;
  }

  // ---- execution ----------------------------------------------------------------------------------------------

  private execList(list: CommandList, stdin: string): CommandResult {
    let out = '';
    let err = '';
    let code = 0;
    for (const item of list.items) {
      if (item.op === '&&' && code !== 0) continue;
      if (item.op === '||' && code === 0) continue;
      const r = this.execPipeline(item.pipeline, stdin);
      out += r.stdout;
      err += r.stderr;
      code = r.exitCode;
      this.frame.env.set('?', String(code));
      if (out.length > MAX_OUTPUT) out = out.slice(0, MAX_OUTPUT);
    }
    return { stdout: out, stderr: err, exitCode: code };
  }

  private execPipeline(p: Pipeline, stdin: string): CommandResult {
    let input = stdin;
    let err = '';
    let last: CommandResult = { stdout: '', stderr: '', exitCode: 0 };
    p.commands.forEach((cmd, i) => {
      last = this.execSimple(cmd, i === 0 ? input : input, i < p.commands.length - 1);
      err += last.stderr;
      input = last.stdout;
    });
    const code = p.negate ? (last.exitCode === 0 ? 1 : 0) : last.exitCode;
    return { stdout: last.stdout, stderr: err, exitCode: code };
  }

  /** Expands one word: variables, command substitution; unquoted expansions are split on blanks. */
  private expandWord(w: Word): string[] {
    const fields: string[] = [];
    let cur = '';
    let has = false;
    for (const part of w) {
      let text: string;
      if (part.type === 'lit') text = part.text;
      else if (part.type === 'var') text = this.lookupVar(part.name);
      else text = this.substitute(part.source);
      if (part.type === 'lit' || part.quoted) {
        cur += text;
        has = true;
        continue;
      }
      const pieces = text.split(/[ \t\n]+/);
      pieces.forEach((piece, i) => {
        if (i > 0) {
          if (has || cur) fields.push(cur);
          cur = '';
          has = false;
        }
        if (piece) {
          cur += piece;
          has = true;
        }
      });
    }
    if (has || cur) fields.push(cur);
    return fields;
  }

  private lookupVar(name: string): string {
    if (name === '?') return String(this.lastExitInList());
    if (name === '$') return '1';
    if (name === '#') return '0';
    if (name === '0') return 'bash';
    return this.frame.env.get(name) ?? '';
  }

  private lastExitInList(): number {
    return Number(this.frame.env.get('?') ?? this.lastExit);
  }

  private substitute(source: string): string {
    if (this.depth >= MAX_DEPTH) return '';
    const r = parse(source);
    if (!r.ok) return '';
    this.depth++;
    try {
      return this.execList(r.list, '').stdout.replace(/\n+$/, '');
    } finally {
      this.depth--;
    }
  }

  private expandText(w: Word): string {
    return w.map((p) => (p.type === 'lit' ? p.text : p.type === 'var' ? this.lookupVar(p.name) : this.substitute(p.source))).join('');
  }

  private execSimple(cmd: SimpleCommand, stdin: string, piped: boolean): CommandResult {
    const argv = cmd.words.flatMap((w) => this.expandWord(w));
    if (argv.length === 0) {
      for (const a of cmd.assignments) this.frame.env.set(a.name, this.expandText(a.value));
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    let input = stdin;
    let outTarget: { path: string; append: boolean } | undefined;
    let errTarget: { path: string; append: boolean } | undefined;
    let errToOut = false;
    const fs = this.fsAt(this.frame.location);
    for (const r of cmd.redirects) {
      if (r.op === '<<') input = this.expandText(r.target);
      else if (r.op === '>&') {
        if (r.fd === 2) errToOut = true;
      } else {
        const target = this.expandText(r.target);
        const path = resolvePath(this.frame.cwd, target.replace(/^~(?=\/|$)/, this.frame.env.get('HOME') ?? HOME));
        if (r.op === '<') {
          const read = this.readFileAt(fs, path, target);
          if (typeof read !== 'string') return read;
          input = read;
        } else if (r.fd === 2) errTarget = { path, append: r.op === '>>' };
        else outTarget = { path, append: r.op === '>>' };
      }
    }
    const env = new Map(this.frame.env);
    for (const a of cmd.assignments) env.set(a.name, this.expandText(a.value));
    let result = this.execArgv(argv, input, env);
    void piped;
    if (errToOut) result = { ...result, stdout: result.stdout + result.stderr, stderr: '' };
    if (outTarget || errTarget) {
      if (!fs) return fail('bash: cannot write: container is not running');
      for (const [t, key] of [[outTarget, 'stdout'], [errTarget, 'stderr']] as const) {
        if (!t) continue;
        try {
          fs.writeFile(t.path, result[key], { append: t.append });
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          return { stdout: '', stderr: `${this.shellName()}: ${t.path}: ${fsErrorText(e.code)}\n`, exitCode: 1 };
        }
        result = { ...result, [key]: '' };
      }
    }
    return result;
  }

  private shellName(): string {
    const l = this.frame.location;
    return l.type === 'container' && l.shell === 'sh' ? 'sh' : 'bash';
  }

  private readFileAt(fs: FileSystem | undefined, path: string, shown: string): string | CommandResult {
    try {
      if (!fs) throw new FsError('ENOENT', path);
      return fs.readFile(path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      return fail(`${this.shellName()}: ${shown}: ${fsErrorText(e.code)}`);
    }
  }

  /** Runs argv at the current location and records it. */
  execArgv(argv: string[], stdin: string, env?: Map<string, string>): CommandResult {
    const location = this.frame.location;
    const fs = this.fsAt(location);
    if (!fs) return fail(`error: unable to upgrade connection: container not found ("${location.type === 'container' ? location.container : ''}")`);
    const name = argv[0]!;
    const found = commandFor(this.cluster, location, name, this.options);
    let result: CommandResult;
    if (typeof found !== 'function') result = found;
    else {
      const ctx: CommandContext = { argv, stdin, location, cluster: this.cluster, fs, cwd: this.frame.cwd, env: env ?? this.frame.env, session: this };
      if (this.depth >= MAX_DEPTH) result = fail(`${this.shellName()}: maximum nesting depth exceeded`);
      else {
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

function defaultCwd(location: Location): string {
  if (location.type === 'host') return HOME;
  if (location.type === 'node') return '/home/docker';
  return '/';
}

function defaultEnv(c: Cluster, location: Location): Map<string, string> {
  if (location.type === 'node') return new Map([['HOME', '/home/docker'], ['USER', 'docker'], ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
  if (location.type === 'host') return new Map([['HOME', HOME], ['USER', 'learner']]);
  const pod = c.get<Pod>('Pod', location.namespace, location.pod);
  const spec = pod?.spec.containers.find((x) => x.name === location.container);
  const env = new Map<string, string>([
    ['HOME', '/root'],
    ['HOSTNAME', pod?.spec.hostname ?? location.pod],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
    ['KUBERNETES_SERVICE_PORT', '443'],
    ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
  ]);
  for (const e of spec?.env ?? []) if (e.value !== undefined) env.set(e.name, e.value);
  return env;
}

export { literalOf };
export type { Redirect };
