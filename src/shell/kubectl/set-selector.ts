/**
 * `kubectl set selector (TYPE NAME | TYPE/NAME | -f FILE) EXPRESSIONS`: replaces a Service's `spec.selector` with
 * the given equality-based selector (`app=web2,tier=fe`) and prints `service/web selector updated`
 * (kubectl `pkg/cmd/set/set_selector.go`). Set-based expressions are refused, as kubectl refuses them.
 */
import { SimError, type KubeObject } from '../../sim/index.js';
import type { CommandContext, CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, bool, parseFlags, str } from './flags.js';
import { SET_COMMON_FLAGS, dryRunOf, printObject } from './generators/output.js';
import { resolveObjects } from './generators/targets.js';
import { checkWriteFlags } from './generators/write.js';

type Expr = { key: string; op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values: string[] };

/** `metav1.ParseToLabelSelector`: equality terms become matchLabels, the rest match expressions. */
function parseToLabelSelector(text: string): { matchLabels: Record<string, string>; exprs: Expr[] } | string {
  const matchLabels: Record<string, string> = {};
  const exprs: Expr[] = [];
  const terms = text.match(/(?:[^,(]|\([^)]*\))+/g) ?? [];
  for (const raw of terms) {
    const term = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([^=!\s()]+)\s*(==?)\s*([^=!\s()]*)$/.exec(term))) matchLabels[m[1]!] = m[3]!;
    else if ((m = /^([^=!\s()]+)\s*!=\s*([^=!\s()]*)$/.exec(term))) exprs.push({ key: m[1]!, op: 'NotIn', values: [m[2]!] });
    else if ((m = /^([^=!\s()]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term))) exprs.push({ key: m[1]!, op: m[2] === 'in' ? 'In' : 'NotIn', values: m[3]!.split(',').map((v) => v.trim()) });
    else if ((m = /^!([^=!\s()]+)$/.exec(term))) exprs.push({ key: m[1]!, op: 'DoesNotExist', values: [] });
    else if (/^[^=!\s()]+$/.test(term)) exprs.push({ key: term, op: 'Exists', values: [] });
    else {
      const found = term.split(/\s+/)[1] ?? term;
      return `error: couldn't parse the selector string "${text}": unable to parse requirement: found '${found}', expected: in, notin, =, ==, !=, gt, lt`;
    }
  }
  return { matchLabels, exprs };
}

/** `kubectl set selector`. */
export function setSelector(ctx: CommandContext, args: string[]): CommandResult {
  const parsed = parseFlags(args, [
    { name: 'resource-version', type: 'string' },
    ...SET_COMMON_FLAGS,
  ]);
  if (!parsed.ok) return usageError('set selector', parsed.error);
  const f = parsed.flags;
  if (bool(f, 'local')) return { stdout: '', stderr: 'error: kubectl set selector --local is not available in this sandbox\n', exitCode: 1 };
  const words = f.positionals;
  if (words.length === 0) return { stdout: '', stderr: 'error: one selector is required\n', exitCode: 1 };
  const sel = parseToLabelSelector(words[words.length - 1]!);
  if (typeof sel === 'string') return { stdout: '', stderr: sel + '\n', exitCode: 1 };
  if (sel.exprs.length) {
    const shown = sel.exprs.map((e) => `{${e.key} ${e.op} [${e.values.join(' ')}]}`).join(' ');
    return { stdout: '', stderr: `error: match expression [${shown}] not supported on this object\n`, exitCode: 1 };
  }
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const dry = dryRunOf(f);
  const dryRun = dry.ok ? dry.value : 'none';
  const found = resolveObjects(ctx, words.slice(0, -1), { files: arr(f, 'filename'), recursive: bool(f, 'recursive'), namespace: str(f, 'namespace'), all: bool(f, 'all') });
  if (typeof found === 'string') return { stdout: '', stderr: found + '\n', exitCode: 1 };
  let stdout = '';
  const errors = [...found.errors];
  for (const obj of found.objects) {
    if (obj.kind !== 'Service') {
      errors.push('error: setting a selector is only supported for Services');
      continue;
    }
    const next: KubeObject = structuredClone(obj);
    const spec = (next.spec ?? {}) as { selector?: Record<string, string> };
    if (Object.keys(sel.matchLabels).length) spec.selector = { ...sel.matchLabels };
    else delete spec.selector;
    next.spec = spec;
    try {
      const stored = dryRun === 'none' ? ctx.cluster.update(next) : next;
      stdout += printObject(stored, f, 'selector updated', dryRun);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      errors.push(errorText(e));
    }
  }
  return { stdout, stderr: (dry.ok ? dry.warning : '') + errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}
