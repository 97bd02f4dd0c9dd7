/** Tab completion at the prompt: tutor commands, the commands of the current location, kubectl verbs, kinds, flags and object names, file names. */
import { availableCommands } from '../shell/commands.js';
import { VERBS } from '../shell/kubectl/index.js';
import { RESOURCES, resolvePath, resolveResource, type Cluster, type MemFs } from '../sim/index.js';
import type { ShellSession } from '../shell/session.js';
import type { Completion } from './types.js';

/** Commands the tutor itself answers at the prompt. */
export const TUTOR_COMMANDS = ['hint', 'help', 'tasks', 'undo', 'reset', 'solution', 'next', 'menu', 'quit'];

const KUBECTL_FLAGS = ['--namespace', '--output', '--filename', '--selector', '--container', '--all-namespaces', '--show-labels', '--watch', '-n', '-o', '-f', '-l', '-c', '-A', '-it'];
const OUTPUT_FORMATS = ['wide', 'yaml', 'json', 'name', 'jsonpath=', 'custom-columns='];
const KIND_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'scale', 'expose', 'rollout', 'create', 'patch']);
const POD_VERBS = new Set(['exec', 'logs', 'port-forward', 'attach', 'cp']);

function words(line: string): { done: string[]; partial: string; start: number } {
  const m = /(\S*)$/.exec(line)!;
  const start = line.length - m[1]!.length;
  return { done: line.slice(0, start).trim().split(/\s+/).filter(Boolean), partial: m[1]!, start };
}

function names(c: Cluster, kind: string, namespace: string): string[] {
  return c.list(kind, resolveResource(kind)?.namespaced ? namespace : undefined).map((o) => o.metadata.name);
}

function kubectlCandidates(c: Cluster, done: string[], partial: string): string[] {
  const args = done.slice(1);
  const prev = args[args.length - 1];
  if (prev === '-o' || prev === '--output') return OUTPUT_FORMATS;
  const nsIdx = args.findIndex((a) => a === '-n' || a === '--namespace');
  const namespace = nsIdx >= 0 ? (args[nsIdx + 1] ?? 'default') : 'default';
  if (prev === '-n' || prev === '--namespace') return names(c, 'Namespace', '');
  const positional = args.filter((a, i) => !a.startsWith('-') && !['-n', '--namespace', '-o', '--output', '-c', '--container', '-l', '-f'].includes(args[i - 1] ?? ''));
  if (partial.startsWith('-')) return KUBECTL_FLAGS;
  const verb = positional[0];
  if (!verb) return Object.keys(VERBS);
  if (prev === '-c' || prev === '--container') {
    const pod = positional[1];
    const p = pod ? c.get('Pod', namespace, pod) : undefined;
    return ((p?.spec as { containers?: { name: string }[] } | undefined)?.containers ?? []).map((x) => x.name);
  }
  if (POD_VERBS.has(verb) && positional.length === 1) return names(c, 'Pod', namespace);
  if (KIND_VERBS.has(verb)) {
    if (positional.length === 1) {
      if (partial.includes('/')) {
        const r = resolveResource(partial.slice(0, partial.indexOf('/')));
        return r ? names(c, r.kind, namespace).map((n) => `${partial.slice(0, partial.indexOf('/'))}/${n}`) : [];
      }
      return RESOURCES.flatMap((r) => [r.plural, ...r.shortNames]);
    }
    const r = resolveResource(positional[1] ?? '');
    if (r) return names(c, r.kind, namespace);
  }
  return [];
}

function fileCandidates(session: ShellSession, partial: string): string[] {
  if (session.location().type !== 'host') return [];
  const fs: MemFs = session.homeFs;
  const slash = partial.lastIndexOf('/');
  const dirPart = slash >= 0 ? partial.slice(0, slash + 1) : '';
  const dir = resolvePath(session.home, dirPart.replace(/^~(?=\/|$)/, session.home) || '.');
  if (!fs.exists(dir) || !fs.isDir(dir)) return [];
  return fs.readdir(dir).map((n) => `${dirPart}${n}${fs.isDir(`${dir === '/' ? '' : dir}/${n}`) ? '/' : ''}`);
}

/** Candidates for the word at the end of `line`, sorted, deduplicated, filtered by what is typed. */
export function complete(session: ShellSession, line: string): Completion {
  const { done, partial, start } = words(line);
  let candidates: string[];
  if (done.length === 0) candidates = [...TUTOR_COMMANDS, ...availableCommands(session.cluster, session.location())];
  else if (done[0] === 'kubectl' || done[0] === 'k') {
    candidates = kubectlCandidates(session.cluster, done, partial);
    if (candidates.length === 0 || done[done.length - 1] === '-f' || done[done.length - 1] === '--filename') candidates = fileCandidates(session, partial);
  } else candidates = fileCandidates(session, partial);
  return { start, candidates: [...new Set(candidates.filter((c) => c.startsWith(partial)))].sort() };
}
