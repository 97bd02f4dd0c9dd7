/** Turns simulator errors into kubectl's exact wording: `Error from server (NotFound): pods "x" not found`. */
import { SimError, formatFieldError, resourceForKind } from '../../sim/index.js';
import type { CommandResult } from '../types.js';

/** kubectl's text for an apiserver error; `file` adds the `error when creating "f.yaml": ` prefix apply/create use. */
export function errorText(e: SimError, opts: { file?: string; verb?: 'creating' | 'applying' | 'patching' | 'retrieving' | 'deleting' | 'replacing' } = {}): string {
  if (e.code === 'Invalid') {
    const causes = e.data.causes ?? [];
    const head = `The ${e.data.kind} "${e.data.name}" is invalid: `;
    const body = causes.length === 1 ? head + formatFieldError(causes[0]!) : head + '\n' + causes.map((c) => `* ${formatFieldError(c)}`).join('\n');
    return opts.file ? `Error from server (Invalid): error when ${opts.verb ?? 'creating'} "${opts.file}": ${body}` : body;
  }
  const prefix = opts.file ? `error when ${opts.verb ?? 'creating'} "${opts.file}": ` : '';
  return `Error from server (${e.code}): ${prefix}${e.message}`;
}

/** Runs `fn`, turning a SimError into kubectl's error result (exit 1). Other exceptions are bugs and propagate. */
export function guard(fn: () => CommandResult): CommandResult {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SimError) return { stdout: '', stderr: errorText(e) + '\n', exitCode: 1 };
    throw e;
  }
}

/** `error: …\nSee 'kubectl VERB --help' for usage.` */
export function usageError(verb: string, message: string): CommandResult {
  return { stdout: '', stderr: `${message}\nSee 'kubectl ${verb} --help' for usage.\n`, exitCode: 1 };
}

/** cmdutil.UsageErrorf: `error: …\nSee 'kubectl create deployment -h' for help and examples`. */
export function usageErrorf(cmdPath: string, message: string): CommandResult {
  return { stdout: '', stderr: `error: ${message}\nSee 'kubectl ${cmdPath} -h' for help and examples\n`, exitCode: 1 };
}

/** A plain `error: …` line, exit 1 (cmdutil.CheckErr on a non-API error). */
export function plainError(message: string): CommandResult {
  return { stdout: '', stderr: `error: ${message}\n`, exitCode: 1 };
}

/**
 * `StatusError.Error()`: the apiserver's message, where an Invalid error names the kind with its group
 * (`Deployment.apps "Web" is invalid: …`), as wrapped errors (`failed to create deployment: …`) show it.
 */
export function apiMessage(e: SimError): string {
  if (e.code !== 'Invalid' || !e.data.kind) return e.message;
  const group = resourceForKind(e.data.kind)?.group;
  return group && e.message.startsWith(`${e.data.kind} "`) ? `${e.data.kind}.${group}${e.message.slice(e.data.kind.length)}` : e.message;
}
