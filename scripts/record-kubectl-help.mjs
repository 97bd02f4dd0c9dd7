#!/usr/bin/env node
/**
 * Records real kubectl's usage texts as data for the simulated `kubectl VERB --help`:
 *   node scripts/record-kubectl-help.mjs   (needs kubectl on PATH; run offline, no cluster needed)
 * Writes src/shell/kubectl/help/kubectl-help.json: `kubectl --help`, then every top-level verb and its subcommands.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = join(import.meta.dirname, '..', 'src', 'shell', 'kubectl', 'help', 'kubectl-help.json');
const run = (args) => execFileSync('kubectl', args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/nonexistent' } });
const version = run(['version', '--client']).split('\n')[0];
const complete = (path) =>
  run(['__complete', ...path, ''])
    .split('\n')
    .filter((l) => l && !l.startsWith(':'))
    .map((l) => l.split('\t')[0]);
const SKIP = new Set(['help', 'options', 'completion', 'plugin', 'kustomize', 'certificate']);
const WITH_SUBCOMMANDS = new Set(['create', 'rollout', 'set', 'create service', 'create secret', 'config', 'auth']);

function collect(path, acc) {
  const key = path.join(' ');
  acc.push([key, run([...path, '--help'])]);
  if (WITH_SUBCOMMANDS.has(key)) for (const sub of complete(path)) collect([...path, sub], acc);
}

const verbs = complete([]).filter((v) => !SKIP.has(v));
const acc = [];
for (const verb of verbs) collect([verb], acc);
const top = run(['--help']);
writeFileSync(out, JSON.stringify({ recordedFrom: `kubectl ${version.replace(/^Client Version: /, '')}`, top, commands: Object.fromEntries(acc) }, null, 1) + '\n');
