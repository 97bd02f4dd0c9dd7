/** The command tables for each location. Each tool is one file in this folder. */
import type { CommandFn } from '../types.js';
import { cat } from './cat.js';
import { curl } from './curl.js';
import { echo } from './echo.js';
import { ls } from './ls.js';
import { shellC } from './sh.js';

/** Commands on the learner's machine (kubectl is added by commands.ts). */
export const HOST_TOOLS: Record<string, CommandFn> = { ls, cat, echo, curl };

/** Commands inside containers; a container only has those its image ships (see `ImageInfo.tools`). */
export const CONTAINER_TOOLS: Record<string, CommandFn> = { ls, cat, echo, curl, sh: shellC, bash: shellC };

/** Commands on a node (`minikube ssh`). */
export const NODE_TOOLS: Record<string, CommandFn> = { ls, cat, echo, curl };
