/**
 * The composition root: parses argv, wires the real file system and `conf`, and either runs a non-interactive
 * command or renders the Ink TUI. Heavy modules (the simulator, Ink, markdown) load only when a command needs them,
 * so `--version` and `--help` start as fast as Node itself.
 */
import { parseArgs } from 'node:util';
import { HELP } from './help.js';
import { version } from './version.js';

/** Exit codes: 0 ok, 1 a check failed, 2 usage error. */
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        lessons: { type: 'string' },
        script: { type: 'string', short: 's' },
        json: { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        task: { type: 'string', short: 't', multiple: true },
      },
    });
  } catch (e) {
    process.stderr.write(`kube-net-tutor: ${(e as Error).message}\nRun 'kube-net-tutor --help' for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(version() + '\n');
    return 0;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [command, ...rest] = positionals;
  const { runCommand } = await import('./commands.js');
  return runCommand(command, rest, values);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kube-net-tutor: internal error: ${(e as Error)?.message ?? String(e)}\nPlease report this with the command you ran.\n`);
    process.exitCode = 70;
  },
);
