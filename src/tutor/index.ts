/** The tutor engine (no React): the store a UI renders, and the headless runners the CLI uses. */
export { createTutor, CONTINUATION_PROMPT } from './engine.js';
export { runScript, runSandbox, echoCommand, formatScriptRun } from './headless.js';
export { TUTOR_COMMANDS } from './complete.js';
export type * from './types.js';
export { prepareLessons } from '../lessons/runtime.js';
