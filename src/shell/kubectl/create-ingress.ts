/** `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]] [--class] [--default-backend] [--annotation]`. */
import type { CommandContext, CommandResult } from '../types.js';
import { CREATE_COMMON, oneName } from './create.js';
import { usageError } from './errors.js';
import { arr, parseFlags, str } from './flags.js';
import { ingressObject, validateIngressFlags } from './generators/ingress.js';
import { checkWriteFlags, createGenerated } from './generators/write.js';

export function createIngress(ctx: CommandContext, args: string[]): CommandResult {
  const cmd = 'create ingress';
  const parsed = parseFlags(args, [{ name: 'rule', type: 'array' }, { name: 'class', type: 'string' }, { name: 'default-backend', type: 'string' }, { name: 'annotation', type: 'array' }, ...CREATE_COMMON]);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  const f = parsed.flags;
  const name = oneName(f.positionals, cmd);
  if (typeof name !== 'string') return name;
  const rules = arr(f, 'rule');
  const annotations = arr(f, 'annotation');
  const invalid = validateIngressFlags(rules, str(f, 'default-backend'), annotations);
  if (invalid) return { stdout: '', stderr: invalid + '\n', exitCode: 1 };
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const ns = str(f, 'namespace');
  const obj = ingressObject({ name, namespace: ns, rules, className: str(f, 'class'), defaultBackend: str(f, 'default-backend'), annotations });
  return createGenerated(ctx, f, obj, ns ?? 'default', 'failed to create ingress: ');
}
