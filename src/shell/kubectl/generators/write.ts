/**
 * The common tail of the generator verbs (`create deployment`, `create service …`, `run`, `expose`): honour
 * `--dry-run`, send the object to the simulated apiserver, and print it as `-o` asks. Errors are worded as each
 * kubectl command wraps them (`error: failed to create deployment: deployments.apps "web" already exists`).
 */
import { SimError, type KubeObject } from '../../../sim/index.js';
import type { CommandContext, CommandResult } from '../../types.js';
import { apiMessage, errorText } from '../errors.js';
import { bool, type ParsedFlags } from '../flags.js';
import { toCompactJson } from './json.js';
import { dryRunOf, forServer, outputError, printObject } from './output.js';

/** Checks `--dry-run` and `-o` up front; returns the error result, or undefined when both are fine. */
export function checkWriteFlags(f: ParsedFlags): CommandResult | undefined {
  const d = dryRunOf(f);
  if (!d.ok) return { stdout: '', stderr: d.error + '\n', exitCode: 1 };
  const o = outputError(f);
  if (o) return { stdout: '', stderr: o + '\n', exitCode: 1 };
  return undefined;
}

/** `--save-config`: the object as sent, in `kubectl.kubernetes.io/last-applied-configuration` (so apply can merge later). */
export function withSavedConfig(obj: KubeObject): KubeObject {
  const text = toCompactJson(obj) + '\n';
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), 'kubectl.kubernetes.io/last-applied-configuration': text } } };
}

/**
 * Creates `obj` (or only prints it with `--dry-run=client`). `failPrefix` is the text kubectl puts before an
 * apiserver error (`failed to create deployment: `); without it the error is printed as `Error from server (…)`.
 */
export function createGenerated(ctx: CommandContext, f: ParsedFlags, obj: KubeObject, namespace: string, failPrefix?: string, operation = 'created'): CommandResult {
  const d = dryRunOf(f);
  if (!d.ok) return { stdout: '', stderr: d.error + '\n', exitCode: 1 };
  // kubectl 1.32's create service subcommands print no annotation with --save-config under --dry-run=client.
  if (bool(f, 'save-config') && !(obj.kind === 'Service' && d.value === 'client')) obj = withSavedConfig(obj);
  if (d.value === 'client') return { stdout: printObject(obj, f, operation, 'client'), stderr: d.warning, exitCode: 0 };
  try {
    const sent = forServer(obj);
    if (d.value === 'server') {
      if (ctx.cluster.get(sent.kind, namespace, sent.metadata.name)) ctx.cluster.create(sent, namespace);
      return { stdout: printObject(obj, f, operation, 'server'), stderr: d.warning, exitCode: 0 };
    }
    const stored = ctx.cluster.create(sent, namespace);
    return { stdout: printObject(stored, f, operation, 'none'), stderr: d.warning, exitCode: 0 };
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    const text = failPrefix ? `error: ${failPrefix}${apiMessage(e)}` : errorText(e);
    return { stdout: '', stderr: d.warning + text + '\n', exitCode: 1 };
  }
}
