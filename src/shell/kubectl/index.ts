/**
 * `kubectl`: dispatches to one file per verb. Each verb declares its flags and usage; unknown verbs and flags get
 * kubectl's own wording. https://kubernetes.io/docs/reference/kubectl/
 */
import type { CommandContext, CommandFn, CommandResult } from '../types.js';
import { annotate } from './annotate.js';
import { apply } from './apply.js';
import { create } from './create.js';
import { del } from './delete.js';
import { edit } from './edit.js';
import { exec } from './exec.js';
import { expose } from './expose.js';
import { get } from './get.js';
import { apiResources } from './api-resources.js';
import { clusterInfo } from './cluster-info.js';
import { config } from './config.js';
import { describe } from './describe.js';
import { dispatch } from './dispatch.js';
import { events } from './events.js';
import { explain } from './explain.js';
import { logs } from './logs.js';
import { patch } from './patch.js';
import { version } from './version.js';
import { wait } from './wait.js';
import { label } from './label.js';
import { replace } from './replace.js';
import { rollout } from './rollout.js';
import { run } from './run.js';
import { scale } from './scale.js';
import { set } from './set.js';

/** A kubectl verb: receives the args after the verb. */
export type Verb = (ctx: CommandContext, args: string[]) => CommandResult;

/** Verbs by name. */
export const VERBS: Record<string, Verb> = { apply, get, exec, create, run, expose, describe, logs, explain, 'api-resources': apiResources, 'cluster-info': clusterInfo, version, wait, delete: del, scale, label, annotate, set, rollout, edit, replace, patch, events, config };

/** The `kubectl` command: routing, `--help` and unknown verbs live in dispatch.ts. */
export const kubectl: CommandFn = (ctx) => dispatch(ctx, VERBS);
