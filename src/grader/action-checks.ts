/**
 * Checks on what the learner did: a command ran in a container (and printed what it should), a command ran at a
 * location, a file holds a text. Evidence comes from the shell's action records, never from guessing.
 */
import { matchesMap } from '../lib/labels.js';
import { containerFs, nodeDisk, type Cluster, type FileSystem, type Pod } from '../sim/index.js';
import type { ActionRecord } from '../shell/types.js';
import type { Check, CheckVerdict, GraderInput } from './types.js';
import { regexText } from './regex-text.js';
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

/** The command a goal asks for, in the learner's words: `curl … localhost`, or plain words when the regex is too clever. */
function commandText(source: string): string {
  return regexText(source) ?? 'the command this task asks for';
}

/** Why a command's output does not count: `it did not print "It works!"`, in plain words when the regex is too clever. */
function outputMiss(source: string): string {
  const text = regexText(source);
  return text ? `it did not print "${text}"` : 'its output is not what this task expects';
}

/** `pod duo`, with its namespace when not `default`. */
function podText(namespace: string, name: string): string {
  return `pod ${name}${inNs(namespace)}`;
}

/**
 * Where a command must run, naming the pod the selector picks, and how to get there:
 * `in container client of pod duo yet (kubectl exec duo -c client -- …)`.
 */
function whereYet(c: Cluster, check: Of<'ranInContainer'>): string {
  const container = check.container ? `container ${check.container} of ` : '';
  const flag = check.container ? ` -c ${check.container}` : '';
  if (!check.selector) return ` in ${container}a pod yet (kubectl exec POD${flag} -- …)`;
  const pod = c.list<Pod>('Pod').find((p) => !p.metadata.deletionTimestamp && matchesMap(check.selector!, p.metadata.labels));
  if (!pod) return ` in ${container}a pod labelled ${selectorText(check.selector)}: there is no such pod yet`;
  const ns = nsOf(pod.metadata.namespace);
  const nsFlag = ns === 'default' ? '' : ` -n ${ns}`;
  return ` in ${container}${podText(ns, pod.metadata.name)} yet (kubectl exec${nsFlag} ${pod.metadata.name}${flag} -- …)`;
}

/** Where an action ran: `in container client of pod duo`. */
function ranWhere(a: ActionRecord): string {
  if (a.location.type !== 'container') return '';
  return ` in container ${a.location.container} of ${podText(a.location.namespace, a.location.pod)}`;
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

/** The first action that printed what it should and exited as it should, or why the last one did not. */
function judge(ran: readonly ActionRecord[], check: { outputMatches?: string; exitCode?: number }): { good: ActionRecord } | { miss: string } {
  const out = check.outputMatches === undefined ? undefined : regex(check.outputMatches);
  const good = ran.find((a) => (!out || out.test(a.stdout + a.stderr)) && (check.exitCode === undefined || a.exitCode === check.exitCode));
  if (good) return { good };
  const last = ran[ran.length - 1]!;
  if (out && check.outputMatches !== undefined && !out.test(last.stdout + last.stderr)) return { miss: outputMiss(check.outputMatches) };
  return { miss: `it exited with status ${last.exitCode}, not ${check.exitCode}` };
}

/**
 * The learner ran a command in a container (chosen by pod labels and/or container name), with this output and exit
 * code. Messages name the command as a template and the pod the selector picks, never the regex.
 */
export function ranInContainer(c: Cluster, actions: readonly ActionRecord[], check: Of<'ranInContainer'>): CheckVerdict {
  const cmd = regex(check.command);
  const ran = actions.filter((a) => inContainer(c, a, check) && cmd.test(a.argv.join(' ')));
  if (ran.length === 0) return { ok: false, message: `You have not run ${commandText(check.command)}${whereYet(c, check)}` };
  const j = judge(ran, check);
  if ('good' in j) return { ok: true, message: `You ran ${j.good.argv.join(' ')}${ranWhere(j.good)}` };
  const last = ran[ran.length - 1]!;
  return { ok: false, message: `You ran ${last.argv.join(' ')}${ranWhere(last)}, but ${j.miss}` };
}

const LOCATION_TEXT = { host: 'on your machine', node: 'on a node', container: 'in a container' } as const;
const LOCATION_HOW = { host: '', node: ' (minikube ssh, then run it there)', container: ' (kubectl exec POD -- …)' } as const;

/** The learner ran a command at a location (host, node, container), with this output and exit code. */
export function ranCommand(actions: readonly ActionRecord[], check: Of<'ranCommand'>): CheckVerdict {
  const cmd = regex(check.command);
  const ran = actions.filter((a) => a.location.type === check.location && cmd.test(a.argv.join(' ')));
  const where = LOCATION_TEXT[check.location];
  if (ran.length === 0) return { ok: false, message: `You have not run ${commandText(check.command)} ${where} yet${LOCATION_HOW[check.location]}` };
  const j = judge(ran, check);
  if ('good' in j) return { ok: true, message: `You ran ${j.good.argv.join(' ')} ${where}` };
  const last = ran[ran.length - 1]!;
  return { ok: false, message: `You ran ${last.argv.join(' ')} ${where}, but ${j.miss}` };
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
