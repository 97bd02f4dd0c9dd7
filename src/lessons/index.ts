/** Lessons as data: loading and validating a course folder, starting a lesson's cluster, and the lesson check. */
export { loadCourse, formatProblem, acceptRegex, type LoadOptions } from './load.js';
export { checkCourse, checkLesson, formatReport, MIN_TASKS, MIN_QUIZ, HINTS } from './check.js';
export { startLesson, startSandbox, replay, splitCommands, usesCel, prepareLessons, type LessonEnv, type ReplayStep } from './runtime.js';
export type * from './types.js';
