/** `sleep N[s|m|h]`: simulated time moves forward by N seconds (pods start, back-offs expire); returns at once. */
import type { CommandFn } from '../types.js';
import { help } from './util.js';

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const sleep: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--help') return help('Usage: sleep NUMBER[SUFFIX]...\nPause for NUMBER seconds.  SUFFIX may be \'s\' for seconds (the default),\n\'m\' for minutes, \'h\' for hours or \'d\' for days.\n      --help        display this help and exit');
  if (!args.length) return { stdout: '', stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 };
  let seconds = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return { stdout: '', stderr: "sleep: 'infinity' never ends; not supported in this sandbox\n", exitCode: 1 };
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      if (a.startsWith('-') && a.length > 1) return { stdout: '', stderr: `sleep: invalid option -- '${a[1]}'\nTry 'sleep --help' for more information.\n`, exitCode: 1 };
      return { stdout: '', stderr: `sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`, exitCode: 1 };
    }
    seconds += Number(m[1]) * UNITS[m[2]!]!;
  }
  ctx.cluster.advance(Math.min(seconds, 7 * 86400) * 1000);
  return { stdout: '', stderr: '', exitCode: 0 };
};
