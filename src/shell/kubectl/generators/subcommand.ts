/**
 * Finds a subcommand (`create deployment`, `rollout status`, `create service nodeport`) the way cobra does: the first
 * word that is neither a flag nor the value of a flag written as `-n dev` (global flags may come before the verb:
 * `kubectl -n dev create deployment …`).
 */

/** Flags whose value may follow as the next word. */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as', '--as-group', '--request-timeout', '-v', '--v', '--cache-dir', '-f', '--filename', '-o', '--output', '-l', '--selector', '-c', '--container']);

/** The subcommand and the other arguments, in order. */
export function splitSubcommand(args: string[]): { sub: string | undefined; rest: string[] } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (VALUE_FLAGS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-') && a !== '-') continue;
    return { sub: a, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
  }
  return { sub: undefined, rest: args };
}
