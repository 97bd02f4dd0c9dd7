/**
 * Grades a goal: runs each named check against the cluster and the learner's actions and returns verdicts in the
 * learner's terms. Pure with respect to the cluster: probes never change objects, time or randomness.
 */
import { fileContains, ranCommand, ranInContainer } from './action-checks.js';
import { celBindings, evalCel } from './cel.js';
import { connection, dnsResolves } from './network-checks.js';
import { objectExists, podsReady, serviceEndpoints } from './object-checks.js';
import type { Check, CheckVerdict, Goal, GoalVerdict, GraderInput } from './types.js';

/** Runs one check. `bindings` is the CEL environment, built at most once per goal. */
export function runCheck(check: Check, input: GraderInput, bindings: () => Record<string, unknown>): CheckVerdict {
  const c = input.cluster;
  let v: CheckVerdict;
  switch (check.type) {
    case 'objectExists':
      v = objectExists(c, check);
      break;
    case 'podsReady':
      v = podsReady(c, check);
      break;
    case 'serviceEndpoints':
      v = serviceEndpoints(c, check);
      break;
    case 'dnsResolves':
      v = dnsResolves(c, check);
      break;
    case 'connection':
      v = connection(c, check);
      break;
    case 'ranInContainer':
      v = ranInContainer(c, input.actions, check);
      break;
    case 'ranCommand':
      v = ranCommand(input.actions, check);
      break;
    case 'fileContains':
      v = fileContains(input, check);
      break;
    case 'cel': {
      const r = evalCel(check.expr, bindings());
      if (!r.ok) return { ok: false, message: `${check.message} (the check could not run: ${r.error})` };
      return { ok: r.value, message: r.value ? 'done' : check.message };
    }
  }
  return !v.ok && check.message ? { ok: false, message: check.message } : v;
}

/** What several goals graded against the same state can share: the CEL environment, built once. */
export interface GradeCache {
  cel?: Record<string, unknown>;
}

/**
 * Grades a goal: every check runs; ok when all pass; the message is the first failure, or the last success. Pass one
 * `cache` to all the goals graded against one unchanged state.
 */
export function checkGoal(goal: Goal, input: GraderInput, cache: GradeCache = {}): GoalVerdict {
  const bindings = (): Record<string, unknown> => (cache.cel ??= celBindings(input));
  const checks = goal.map((check) => runCheck(check, input, bindings));
  const failed = checks.find((v) => !v.ok);
  if (failed) return { ok: false, message: failed.message, checks };
  return { ok: true, message: checks[checks.length - 1]?.message ?? 'done', checks };
}
