/** The simulated shell's public surface. */
export { ShellSession, HOME, type ShellOptions, type SessionSnapshot } from './session.js';
export { availableCommands } from './commands.js';
export { parse } from './parse.js';
export { parseManifests } from './manifest.js';
export { outputChunks } from './types.js';
export type { ActionRecord, CommandResult, Location, OutputChunk, UiRequest } from './types.js';
