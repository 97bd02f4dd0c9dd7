/** Integer flags as pflag parses them, with its error wording (`invalid argument "x" for "-r, --replicas" flag: …`). */
import type { CommandResult } from '../../types.js';
import { usageError } from '../errors.js';
import { str, type ParsedFlags } from '../flags.js';

/** The flag's integer value, `fallback` when absent, or the usage error result. */
export function intFlag(f: ParsedFlags, name: string, shown: string, fallback: number, cmdPath: string): number | CommandResult {
  const v = str(f, name);
  if (v === undefined) return fallback;
  if (!/^[-+]?\d+$/.test(v)) return usageError(cmdPath, `error: invalid argument "${v}" for "${shown}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`);
  return Number(v);
}
