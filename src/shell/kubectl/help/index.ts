/**
 * Usage texts for `kubectl VERB --help`, recorded from real kubectl (scripts/record-kubectl-help.mjs), and the
 * lookup from a command line (`kubectl create svc nodeport -h`) to its text, following subcommand aliases.
 */
import { annotateHelp } from './texts/annotate.js';
import { apiResourcesHelp } from './texts/api-resources.js';
import { apiVersionsHelp } from './texts/api-versions.js';
import { applyHelp } from './texts/apply.js';
import { attachHelp } from './texts/attach.js';
import { authHelp } from './texts/auth.js';
import { autoscaleHelp } from './texts/autoscale.js';
import { clusterInfoHelp } from './texts/cluster-info.js';
import { configHelp } from './texts/config.js';
import { cordonHelp } from './texts/cordon.js';
import { cpHelp } from './texts/cp.js';
import { createHelp } from './texts/create.js';
import { debugHelp } from './texts/debug.js';
import { deleteHelp } from './texts/delete.js';
import { describeHelp } from './texts/describe.js';
import { diffHelp } from './texts/diff.js';
import { drainHelp } from './texts/drain.js';
import { editHelp } from './texts/edit.js';
import { eventsHelp } from './texts/events.js';
import { execHelp } from './texts/exec.js';
import { explainHelp } from './texts/explain.js';
import { exposeHelp } from './texts/expose.js';
import { getHelp } from './texts/get.js';
import { labelHelp } from './texts/label.js';
import { logsHelp } from './texts/logs.js';
import { patchHelp } from './texts/patch.js';
import { portForwardHelp } from './texts/port-forward.js';
import { proxyHelp } from './texts/proxy.js';
import { replaceHelp } from './texts/replace.js';
import { rolloutHelp } from './texts/rollout.js';
import { runHelp } from './texts/run.js';
import { scaleHelp } from './texts/scale.js';
import { setHelp } from './texts/set.js';
import { taintHelp } from './texts/taint.js';
import { topHelp } from './texts/top.js';
import { uncordonHelp } from './texts/uncordon.js';
import { versionHelp } from './texts/version.js';
import { waitHelp } from './texts/wait.js';
import { kubectlHelp } from './texts/kubectl.js';

const ALL: [string, string][] = [
  ...annotateHelp,
  ...apiResourcesHelp,
  ...apiVersionsHelp,
  ...applyHelp,
  ...attachHelp,
  ...authHelp,
  ...autoscaleHelp,
  ...clusterInfoHelp,
  ...configHelp,
  ...cordonHelp,
  ...cpHelp,
  ...createHelp,
  ...debugHelp,
  ...deleteHelp,
  ...describeHelp,
  ...diffHelp,
  ...drainHelp,
  ...editHelp,
  ...eventsHelp,
  ...execHelp,
  ...explainHelp,
  ...exposeHelp,
  ...getHelp,
  ...labelHelp,
  ...logsHelp,
  ...patchHelp,
  ...portForwardHelp,
  ...proxyHelp,
  ...replaceHelp,
  ...rolloutHelp,
  ...runHelp,
  ...scaleHelp,
  ...setHelp,
  ...taintHelp,
  ...topHelp,
  ...uncordonHelp,
  ...versionHelp,
  ...waitHelp,
];

const TEXTS = new Map<string, string>(ALL);

/** Subcommand aliases, read from each text's `Aliases:` section (`create service` is also `create svc`). */
const ALIASES = new Map<string, string>();
for (const [path, text] of ALL) {
  const m = /^Aliases:\n(.*)$/m.exec(text);
  if (!m) continue;
  const parent = path.split(' ').slice(0, -1).join(' ');
  for (const a of m[1]!.split(',').map((s) => s.trim())) ALIASES.set(parent ? `${parent} ${a}` : a, path);
}

/** `kubectl --help` (and `kubectl` alone). */
export const TOP_HELP = kubectlHelp;

/** The full command path (`create service nodeport`) the words after `kubectl` name, or undefined. */
export function helpPath(words: string[]): string | undefined {
  let path: string | undefined;
  for (const w of words) {
    const candidate = path ? `${path} ${w}` : w;
    const resolved = TEXTS.has(candidate) ? candidate : ALIASES.get(candidate);
    if (!resolved) break;
    path = resolved;
  }
  return path;
}

/** The usage text for a command path, or undefined for commands we have none for. */
export function helpText(path: string): string | undefined {
  return TEXTS.get(path);
}

/** Every command path with a usage text (tab completion, tests). */
export function helpPaths(): string[] {
  return [...TEXTS.keys()];
}

/** The flags a command's usage text lists under `Options:` (`--output`, `-o`, …), for tab completion. */
export function helpFlags(path: string): string[] {
  const text = TEXTS.get(path) ?? '';
  const start = text.indexOf('\nOptions:\n');
  if (start < 0) return [];
  const end = text.indexOf('\nUsage:\n', start);
  const out: string[] = [];
  for (const m of text.slice(start, end < 0 ? undefined : end).matchAll(/^\s+(?:(-\w), )?(--[\w-]+)=/gm)) {
    if (m[1]) out.push(m[1]);
    out.push(m[2]!);
  }
  return out;
}
