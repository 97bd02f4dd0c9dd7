/**
 * `kubectl`: dispatches to one file per verb. Each verb declares its flags and usage; unknown verbs and flags get
 * kubectl's own wording. https://kubernetes.io/docs/reference/kubectl/
 */
import type { CommandContext, CommandFn, CommandResult } from '../types.js';
import { apply } from './apply.js';
import { create } from './create.js';
import { exec } from './exec.js';
import { expose } from './expose.js';
import { get } from './get.js';
import { run } from './run.js';

/** A kubectl verb: receives the args after the verb. */
export type Verb = (ctx: CommandContext, args: string[]) => CommandResult;

/** Verbs by name. */
export const VERBS: Record<string, Verb> = { apply, get, exec, create, run, expose };

export const kubectl: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const verbIndex = args.findIndex((a) => !a.startsWith('-'));
  if (verbIndex < 0) return { stdout: 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n', stderr: '', exitCode: 0 };
  const name = args[verbIndex]!;
  const verb = VERBS[name];
  if (!verb) return { stdout: '', stderr: `error: unknown command "${name}" for "kubectl"\n\nDid you mean this?\n\tget\n`, exitCode: 1 };
  return verb(ctx, [...args.slice(0, verbIndex), ...args.slice(verbIndex + 1)]);
};
