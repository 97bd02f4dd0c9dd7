/**
 * Helpers shared by the tools: GNU-style option parsing (clustered short flags, `-n5`, `--long=value`, `--`), paths
 * with `~`, and reading files or stdin with coreutils' error wording.
 */
import { FsError, fsErrorText, lookupImage, resolvePath, type Pod } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';

/** A tool's options: short flags without a value, short flags with one, long names mapped to a short letter. */
export interface OptSpec {
  /** Short flags without a value, e.g. `'ivcnEow'`. */
  flags?: string;
  /** Short flags that take a value, e.g. `'nk'`. */
  values?: string;
  /** Long option → short letter (or a long-only key). A value-taking long option ends with `=`: `'lines=': 'n'`. */
  long?: Record<string, string>;
  /** Whether `-5` means `-n 5` (head, tail). */
  numericShort?: string;
  /** The usage line printed after an invalid option (`Usage: grep [OPTION]... PATTERNS [FILE]...`). */
  usage: string;
  /** Exit code for a usage error (grep, ls: 2; most: 1). */
  usageExit?: number;
  /** Whether a bad option also prints the usage line (grep does; most coreutils only say `Try 'X --help'`). */
  usageOnError?: boolean;
}

export interface Parsed {
  /** Each option by short letter (or long key): the last value, or `''` for flags. */
  opts: Map<string, string>;
  /** Values of repeatable options, in order. */
  all: Map<string, string[]>;
  operands: string[];
  help: boolean;
}

/** GNU's lines for a bad option: the error and `Try 'X --help'…` (grep also prints its usage line between them). */
export function badOption(tool: string, first: string, spec: Pick<OptSpec, 'usage' | 'usageExit' | 'usageOnError'>): CommandResult {
  return { stdout: '', stderr: `${tool}: ${first}\n${spec.usageOnError ? `${spec.usage}\n` : ''}Try '${tool} --help' for more information.\n`, exitCode: spec.usageExit ?? 1 };
}

/** Parses argv[1..] against a spec. Errors are returned in GNU's wording. */
export function getopt(ctx: CommandContext, spec: OptSpec): Parsed | CommandResult {
  const tool = ctx.argv[0]!.split('/').pop()!;
  const args = ctx.argv.slice(1);
  const opts = new Map<string, string>();
  const all = new Map<string, string[]>();
  const operands: string[] = [];
  const set = (k: string, v: string): void => {
    opts.set(k, v);
    all.set(k, [...(all.get(k) ?? []), v]);
  };
  const flags = spec.flags ?? '';
  const values = spec.values ?? '';
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a === '--help') {
      help = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const withValue = spec.long?.[`${name}=`];
      const flag = spec.long?.[name];
      if (withValue !== undefined) {
        const v = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return badOption(tool, `option '--${name}' requires an argument`, spec);
        set(withValue, v);
      } else if (flag !== undefined && eq < 0) set(flag, '');
      else return badOption(tool, `unrecognized option '${a}'`, spec);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numericShort && /^-\d+$/.test(a)) {
        set(spec.numericShort, a.slice(1));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        if (values.includes(ch)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return badOption(tool, `option requires an argument -- '${ch}'`, spec);
          set(ch, v);
          break;
        }
        if (!flags.includes(ch)) return badOption(tool, `invalid option -- '${ch}'`, spec);
        set(ch, '');
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, all, operands, help };
}

export function isResult(x: unknown): x is CommandResult {
  return typeof x === 'object' && x !== null && 'exitCode' in x;
}

/** An absolute path for an operand, with `~` expanded. */
export function pathOf(ctx: CommandContext, p: string): string {
  return resolvePath(ctx.cwd, p.replace(/^~(?=\/|$)/, ctx.env.get('HOME') ?? '/'));
}

/** Busybox applets that say `can't open 'f'` where GNU says `f:`. */
const CANT_OPEN = new Set(['cat', 'tail']);

/** The contents of each file operand (stdin for none or `-`), collecting `tool: f: No such file or directory`. */
export function readInputs(ctx: CommandContext, tool: string, files: string[]): { inputs: { name: string; text: string }[]; err: string } {
  if (files.length === 0) return { inputs: [{ name: '(standard input)', text: ctx.stdin }], err: '' };
  const inputs: { name: string; text: string }[] = [];
  let err = '';
  for (const f of files) {
    if (f === '-') {
      inputs.push({ name: '(standard input)', text: ctx.stdin });
      continue;
    }
    try {
      inputs.push({ name: f, text: ctx.fs.readFile(pathOf(ctx, f)) });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      err += isBusybox(ctx) && CANT_OPEN.has(tool) ? `${tool}: can't open '${f}': ${fsErrorText(e.code)}\n` : `${tool}: ${f}: ${fsErrorText(e.code)}\n`;
    }
  }
  return { inputs, err };
}

/** Splits text into lines, dropping the empty piece after a final newline. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}

/** A `--help` result. */
export function help(text: string): CommandResult {
  return { stdout: text.endsWith('\n') ? text : text + '\n', stderr: '', exitCode: 0 };
}

/** Whether the command runs in a busybox-based container (busybox, alpine), whose applets word errors their own way. */
export function isBusybox(ctx: Pick<CommandContext, 'location' | 'cluster'>): boolean {
  const loc = ctx.location;
  if (loc.type !== 'container') return false;
  const pod = ctx.cluster.get<Pod>('Pod', loc.namespace, loc.pod);
  const spec = pod?.spec.containers.find((x) => x.name === loc.container);
  const os = spec ? lookupImage(spec.image)?.os : undefined;
  return os === 'busybox' || os === 'alpine' || os === 'none';
}
