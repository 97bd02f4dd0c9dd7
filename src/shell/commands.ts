/**
 * Which command a name runs at a location. The host has kubectl, minikube and coreutils; a container has the tools
 * of its image (plus what `apt-get install` added); a node has the node tools. A missing tool answers as the
 * location's shell does (`bash: curl: command not found`, exit 127).
 */
import { lookupImage, type Cluster, type Pod } from '../sim/index.js';
import { BUILTINS } from './builtins.js';
import { kubectl } from './kubectl/index.js';
import { CONTAINER_TOOLS, HOST_TOOLS, NODE_TOOLS } from './tools/index.js';
import { fail, type CommandFn, type CommandResult, type Location } from './types.js';

/** Host commands besides the builtins. */
export function hostCommands(): Record<string, CommandFn> {
  return { ...HOST_TOOLS, kubectl, k: kubectl };
}

/** Names of the commands available at a location (tab completion, `help`). */
export function availableCommands(c: Cluster, location: Location): string[] {
  if (location.type === 'host') return [...Object.keys(BUILTINS), ...Object.keys(hostCommands())].sort();
  if (location.type === 'node') return [...Object.keys(BUILTINS), ...Object.keys(NODE_TOOLS)].sort();
  const tools = containerTools(c, location);
  return [...Object.keys(BUILTINS), ...tools.filter((t) => CONTAINER_TOOLS[t])].sort();
}

/** Base-image tools beyond what `ImageInfo.tools` lists: Debian's coreutils/apt, and busybox's applets. */
const DEBIAN_BASE = ['sed', 'tee', 'cut', 'tr', 'uniq', 'base64', 'printf', 'printenv', 'egrep', 'apt'];
const BUSYBOX_BASE = ['sed', 'tee', 'cut', 'tr', 'uniq', 'base64', 'printf', 'printenv', 'egrep', 'less', 'more'];

function containerTools(c: Cluster, location: Extract<Location, { type: 'container' }>): string[] {
  const pod = c.get<Pod>('Pod', location.namespace, location.pod);
  const spec = pod?.spec.containers.find((x) => x.name === location.container);
  const image = spec ? lookupImage(spec.image) : undefined;
  const rt = pod ? c.state.runtime.get(pod.metadata.uid!)?.containers.get(location.container) : undefined;
  const tools = image?.tools ?? [];
  const base = !tools.includes('sh') ? [] : image?.os === 'debian' || image?.os === 'ubuntu' ? DEBIAN_BASE : BUSYBOX_BASE;
  return [...tools, ...base, ...(rt?.installed ?? [])];
}

/** A table's own entry (typing `valueOf` or `constructor` must not find Object.prototype's). */
function own(table: Record<string, CommandFn>, name: string): CommandFn | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** The implementation for `name` at `location`, or the error result to return instead. */
export function commandFor(c: Cluster, location: Location, name: string, options: { allowed?: string[]; disabled?: string[] } = {}): CommandFn | CommandResult {
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  const builtin = own(BUILTINS, base);
  if (builtin) return builtin;
  if (location.type === 'host') {
    const cmds = hostCommands();
    const fn = own(cmds, base);
    if (!fn) return fail(`bash: ${name}: command not found`, 127);
    if (options.disabled?.includes(base) || (options.allowed && !options.allowed.includes(base))) {
      return fail(`bash: ${name}: this command is disabled in this lesson`, 126);
    }
    return fn;
  }
  if (location.type === 'node') {
    return own(NODE_TOOLS, base) ?? fail(`-bash: ${name}: command not found`, 127);
  }
  const tools = containerTools(c, location);
  const shell = location.shell === 'sh' ? 'sh' : 'bash';
  if (!tools.includes(base)) return fail(shell === 'sh' ? `sh: ${name}: not found` : `bash: ${name}: command not found`, 127);
  return own(CONTAINER_TOOLS, base) ?? fail(`${shell}: ${name}: not available in this sandbox`, 127);
}
