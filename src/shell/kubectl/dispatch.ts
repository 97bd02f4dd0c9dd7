/**
 * How the `kubectl` command line is routed, as cobra does it for kubectl: global flags may come before the verb,
 * `--help`/`-h` anywhere (before `--`) prints that command's usage, `kubectl help VERB` too, `kubectl` alone prints
 * the top-level help, and an unknown verb gets cobra's message with its "Did you mean this?" suggestions
 * (Levenshtein distance ≤ 2 or a prefix match, in kubectl's command order).
 */
import type { CommandContext, CommandResult } from '../types.js';
import { TOP_HELP, helpPath, helpText } from './help/index.js';

/** Every kubectl command, in the order kubectl registers them (the order suggestions come out in). */
export const KUBECTL_COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon',
  'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch',
  'replace', 'wait', 'kustomize', 'label', 'annotate', 'completion', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options',
];

/** Global flags that take a value (so the word after them is not the verb). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as', '--as-group', '--request-timeout', '-v', '--v', '--cache-dir', '--certificate-authority', '--client-certificate', '--client-key', '--tls-server-name', '--username', '--password', '--profile', '--profile-output', '--log-flush-frequency', '--vmodule']);

/** Global flags that take no value. */
const GLOBAL_BOOL_FLAGS = new Set(['-h', '--help', '--insecure-skip-tls-verify', '--match-server-version', '--warnings-as-errors', '--disable-compression']);

function levenshtein(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** cobra's `SuggestionsFor`. */
export function suggestionsFor(typed: string): string[] {
  const t = typed.toLowerCase();
  return KUBECTL_COMMANDS.filter((c) => levenshtein(t, c) <= 2 || c.startsWith(t));
}

/** kubectl's message for an unknown command. */
export function unknownCommand(name: string): CommandResult {
  const s = suggestionsFor(name);
  const tail = s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '\n';
  return { stdout: '', stderr: `error: unknown command "${name}" for "kubectl"${tail}`, exitCode: 1 };
}

/** Where the verb is in kubectl's arguments (skipping global flags and their values), or -1. */
export function verbIndex(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return -1;
    if (!a.startsWith('-') || a === '-') return i;
    if (VALUE_FLAGS.has(a)) i++;
  }
  return -1;
}

const help = (text: string): CommandResult => ({ stdout: text, stderr: '', exitCode: 0 });

/** Routes a kubectl command line to a verb (or to a usage text). */
export function dispatch(ctx: CommandContext, verbs: Record<string, (ctx: CommandContext, args: string[]) => CommandResult>): CommandResult {
  const args = ctx.argv.slice(1);
  const vi = verbIndex(args);
  const dashdash = args.indexOf('--');
  const before = dashdash >= 0 ? args.slice(0, dashdash) : args;
  const wantsHelp = before.some((a) => a === '--help' || a === '-h' || a === '--help=true');
  if (vi < 0) {
    const unknown = before.find((a) => a.startsWith('-') && !GLOBAL_BOOL_FLAGS.has(a.split('=')[0]!) && !VALUE_FLAGS.has(a.split('=')[0]!));
    const last = before[before.length - 1];
    if (last !== undefined && VALUE_FLAGS.has(last)) return { stdout: '', stderr: `error: flag needs an argument: ${last.startsWith('--') ? last : `'${last[1]}' in ${last}`}\nSee 'kubectl --help' for usage.\n`, exitCode: 1 };
    if (unknown) return { stdout: '', stderr: `error: unknown ${unknown.startsWith('--') ? `flag: ${unknown.split('=')[0]}` : `shorthand flag: '${unknown[1]}' in ${unknown}`}\nSee 'kubectl --help' for usage.\n`, exitCode: 1 };
    return help(TOP_HELP);
  }
  const name = args[vi]!;
  const rest = [...args.slice(0, vi), ...args.slice(vi + 1)];
  if (name === 'help') {
    const words = args.slice(vi + 1).filter((a) => !a.startsWith('-'));
    if (words.length === 0) return help(TOP_HELP);
    const path = helpPath(words);
    if (!path) return { stdout: `Unknown help topic [\`${words[0]}\`]\n${TOP_HELP}`, stderr: '', exitCode: 0 };
    return help(helpText(path)!);
  }
  if (wantsHelp && KUBECTL_COMMANDS.includes(name)) {
    const words = [name, ...args.slice(vi + 1).filter((a, i, all) => !a.startsWith('-') && !VALUE_FLAGS.has(all[i - 1] ?? ''))];
    const path = helpPath(words);
    const text = path ? helpText(path) : undefined;
    if (text) return help(text);
  }
  const verb = Object.hasOwn(verbs, name) ? verbs[name] : undefined;
  if (verb) return verb(ctx, rest);
  if (KUBECTL_COMMANDS.includes(name)) {
    return { stdout: '', stderr: `error: "kubectl ${name}" is not available in this simulated cluster\n`, exitCode: 1 };
  }
  return unknownCommand(name);
}
