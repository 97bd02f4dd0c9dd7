/** The grader's public surface: goals in, verdicts with learner-facing messages out. */
export { checkGoal, runCheck, type GradeCache } from './grade.js';
export { loadCel, celLoaded, celSyntaxError, celBindings } from './cel.js';
export type { Check, CheckVerdict, ConnectionExpect, ConnectionFrom, ConnectionTo, Goal, GoalVerdict, GraderInput, Selector } from './types.js';
