/**
 * Checks on what the learner did: a command ran in a container (and printed what it should), a command ran at a
 * location, a file holds a text. Evidence comes from the shell's action records, never from guessing.
 */
import { matchesMap } from '../lib/labels.js';
import { containerFs, nodeDisk, type Cluster, type FileSystem, type Pod } from '../sim/index.js';
import type { ActionRecord } from '../shell/types.js';
import type { Check, CheckVerdict, GraderInput } from './types.js';
import { inNs, nsOf, runningPod, selectorText } from './util.js';

type Of<T extends Check['type']> = Extract<Check, { type: T }>;

/** A regular expression from goal text; an invalid one never matches (the lesson check reports it). */
export function regex(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    return /(?!)/;
  }
}

function where(check: Of<'ranInContainer'>): string {
  const container = check.container ? `container ${check.container}` : 'a container';
  return check.selector ? ` in ${container} of a pod with labels ${selectorText(check.selector)}` : ` in ${container}`;
}

function inContainer(c: Cluster, a: ActionRecord, check: Of<'ranInContainer'>): boolean {
  if (a.location.type !== 'container') return false;
  if (check.container && a.location.container !== check.container) return false;
  if (check.selector) {
    const pod = c.get<Pod>('Pod', a.location.namespace, a.location.pod);
    if (!pod || !matchesMap(check.selector, pod.metadata.labels)) return false;
  }
  return true;
}

/** The learner ran a command in a container (chosen by pod labels and/or container name), with this output and exit code. */
export function ranInContainer(c: Cluster, actions: readonly ActionRecord[], check: Of<'ranInContainer'>): CheckVerdict {
  const cmd = regex(check.command);
  const ran = actions.filter((a) => inContainer(c, a, check) && cmd.test(a.argv.join(' ')));
  const shown = `"${check.command}"`;
  if (ran.length === 0) return { ok: false, message: `You have not run a command matching ${shown}${where(check)} yet` };
  const out = check.outputMatches === undefined ? undefined : regex(check.outputMatches);
  const good = ran.find((a) => (!out || out.test(a.stdout + a.stderr)) && (check.exitCode === undefined || a.exitCode === check.exitCode));
  const last = ran[ran.length - 1]!;
  const what = `${last.argv.join(' ')} ran in container ${last.location.type === 'container' ? last.location.container : ''}`;
  if (good) return { ok: true, message: `${good.argv.join(' ')} ran in container ${good.location.type === 'container' ? good.location.container : ''}` };
  if (out && !out.test(last.stdout + last.stderr)) return { ok: false, message: `${what}, but its output did not match "${check.outputMatches}"` };
  return { ok: false, message: `${what}, but it exited with ${last.exitCode}, not ${check.exitCode}` };
}

const LOCATION_TEXT = { host: 'on your machine', node: 'on a node', container: 'in a container' } as const;

/** The learner ran a command matching a regex at a location (host, node, container), with this output and exit code. */
export function ranCommand(actions: readonly ActionRecord[], check: Of<'ranCommand'>): CheckVerdict {
  const cmd = regex(check.command);
  const ran = actions.filter((a) => a.location.type === check.location && cmd.test(a.argv.join(' ')));
  const where = LOCATION_TEXT[check.location];
  if (ran.length === 0) return { ok: false, message: `You have not run a command matching "${check.command}" ${where} yet` };
  const out = check.outputMatches === undefined ? undefined : regex(check.outputMatches);
  const good = ran.find((a) => (!out || out.test(a.stdout + a.stderr)) && (check.exitCode === undefined || a.exitCode === check.exitCode));
  if (good) return { ok: true, message: `You ran ${good.argv.join(' ')} ${where}` };
  const last = ran[ran.length - 1]!;
  if (out && !out.test(last.stdout + last.stderr)) return { ok: false, message: `${last.argv.join(' ')} ran ${where}, but its output did not match "${check.outputMatches}"` };
  return { ok: false, message: `${last.argv.join(' ')} ran ${where}, but it exited with ${last.exitCode}, not ${check.exitCode}` };
}

/** A file at a location (your home, a node's disk, a container) contains a text. */
export function fileContains(input: GraderInput, check: Of<'fileContains'>): CheckVerdict {
  const c = input.cluster;
  let fs: FileSystem | undefined;
  let place: string;
  const loc = check.location;
  if (loc === 'host') {
    fs = input.home;
    place = 'on your machine';
  } else if ('node' in loc) {
    fs = c.get('Node', undefined, loc.node) ? nodeDisk(c, loc.node) : undefined;
    place = `on node ${loc.node}`;
  } else {
    const ns = nsOf(loc.namespace);
    const pod = runningPod(c, loc.pod, ns);
    if (!pod) return { ok: false, message: `No running pod with labels ${selectorText(loc.pod)}${inNs(ns)}` };
    const container = loc.container ?? pod.spec.containers[0]!.name;
    fs = containerFs(c, pod, container);
    place = `in container ${container} of pod ${pod.metadata.name}`;
  }
  if (!fs || !fs.exists(check.path) || fs.isDir(check.path)) return { ok: false, message: `There is no file ${check.path} ${place}` };
  if (!fs.readFile(check.path).includes(check.text)) return { ok: false, message: `${check.path} ${place} does not contain "${check.text}"` };
  return { ok: true, message: `${check.path} ${place} contains "${check.text}"` };
}
