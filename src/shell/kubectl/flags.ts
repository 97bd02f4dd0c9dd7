/**
 * kubectl-style flag parsing (spf13/pflag semantics): `--flag=value`, `--flag value`, `-n value`, `-nvalue`,
 * combined booleans `-it`, `--` ending flags. Unknown flags are errors in kubectl's wording.
 */

/** One flag a verb accepts. */
export interface FlagSpec {
  name: string;
  short?: string;
  /** 'bool' takes no value (but accepts `--x=false`); 'string' one value; 'array' repeats. */
  type: 'bool' | 'string' | 'array';
  default?: string;
  /** pflag's NoOptDefVal: the value `--flag` takes when written without `=value` (`--dry-run` means `unchanged`). */
  noOptDefVal?: string;
}

export interface ParsedFlags {
  values: Map<string, string | boolean | string[]>;
  positionals: string[];
  /** Words after `--` (the command for exec/run). */
  rest: string[] | undefined;
}

export type FlagResult = { ok: true; flags: ParsedFlags } | { ok: false; error: string };

/** Flags every kubectl verb accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
  { name: 'v', short: 'v', type: 'string' },
  { name: 'request-timeout', type: 'string' },
];

/** Parses `args` against `specs` (plus the global flags). */
export function parseFlags(args: string[], specs: FlagSpec[]): FlagResult {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, string | boolean | string[]>();
  const positionals: string[] = [];
  let rest: string[] | undefined;
  const set = (spec: FlagSpec, v: string | boolean): void => {
    if (spec.type === 'array') values.set(spec.name, [...((values.get(spec.name) as string[] | undefined) ?? []), String(v)]);
    else values.set(spec.name, v);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest = args.slice(i + 1);
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `error: unknown flag: --${name}` };
      if (spec.type === 'bool') {
        const v = eq >= 0 ? a.slice(eq + 1) : 'true';
        if (v !== 'true' && v !== 'false') return { ok: false, error: `error: invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax` };
        set(spec, v === 'true');
      } else if (eq >= 0) set(spec, a.slice(eq + 1));
      else if (spec.noOptDefVal !== undefined) set(spec, spec.noOptDefVal);
      else {
        if (i + 1 >= args.length) return { ok: false, error: `error: flag needs an argument: --${name}` };
        set(spec, args[++i]!);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && a !== '-') {
      const chars = a.slice(1);
      for (let j = 0; j < chars.length; j++) {
        const ch = chars[j]!;
        const spec = byShort.get(ch);
        if (!spec) return { ok: false, error: `error: unknown shorthand flag: '${ch}' in ${a}` };
        if (spec.type === 'bool') {
          set(spec, true);
          continue;
        }
        let v = chars.slice(j + 1);
        if (v.startsWith('=')) v = v.slice(1);
        if (!v) {
          if (i + 1 >= args.length) return { ok: false, error: `error: flag needs an argument: '${ch}' in -${ch}` };
          v = args[++i]!;
        }
        set(spec, v);
        break;
      }
      continue;
    }
    positionals.push(a);
  }
  return { ok: true, flags: { values, positionals, rest } };
}

/** A string flag's value. */
export function str(f: ParsedFlags, name: string): string | undefined {
  const v = f.values.get(name);
  return typeof v === 'string' ? v : Array.isArray(v) ? v[v.length - 1] : undefined;
}

/** A boolean flag's value. */
export function bool(f: ParsedFlags, name: string): boolean {
  return f.values.get(name) === true;
}

/** A repeatable flag's values. */
export function arr(f: ParsedFlags, name: string): string[] {
  const v = f.values.get(name);
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
