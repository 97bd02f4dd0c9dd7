/**
 * Usage texts for `kubectl VERB --help`, recorded from real kubectl into kubectl-help.json (data, written by
 * scripts/record-kubectl-help.mjs), and the
 * lookup from a command line (`kubectl create svc nodeport -h`) to its text, following subcommand aliases.
 */
import recorded from './kubectl-help.json' with { type: 'json' };

/** Command path (`create service nodeport`) → usage text, in the order kubectl lists its commands. */
const ALL = Object.entries(recorded.commands as Record<string, string>);
const TEXTS = new Map<string, string>(ALL);

/** Subcommand aliases, read from each text's `Aliases:` section (`create service` is also `create svc`). */
const ALIASES = new Map<string, string>();
for (const [path, text] of ALL) {
  const m = /^Aliases:\n(.*)$/m.exec(text);
  if (!m) continue;
  const parent = path.split(' ').slice(0, -1).join(' ');
  for (const a of m[1]!.split(',').map((s) => s.trim())) ALIASES.set(parent ? `${parent} ${a}` : a, path);
}

/** `kubectl --help` (and `kubectl` alone). */
export const TOP_HELP: string = recorded.top;

/** The full command path (`create service nodeport`) the words after `kubectl` name, or undefined. */
export function helpPath(words: string[]): string | undefined {
  let path: string | undefined;
  for (const w of words) {
    const candidate = path ? `${path} ${w}` : w;
    const resolved = TEXTS.has(candidate) ? candidate : ALIASES.get(candidate);
    if (!resolved) break;
    path = resolved;
  }
  return path;
}

/** The usage text for a command path, or undefined for commands we have none for. */
export function helpText(path: string): string | undefined {
  return TEXTS.get(path);
}

/** Every command path with a usage text (tab completion, tests). */
export function helpPaths(): string[] {
  return [...TEXTS.keys()];
}

/** The flags a command's usage text lists under `Options:` (`--output`, `-o`, …), for tab completion. */
export function helpFlags(path: string): string[] {
  const text = TEXTS.get(path) ?? '';
  const start = text.indexOf('\nOptions:\n');
  if (start < 0) return [];
  const end = text.indexOf('\nUsage:\n', start);
  const out: string[] = [];
  for (const m of text.slice(start, end < 0 ? undefined : end).matchAll(/^\s+(?:(-\w), )?(--[\w-]+)=/gm)) {
    if (m[1]) out.push(m[1]);
    out.push(m[2]!);
  }
  return out;
}
