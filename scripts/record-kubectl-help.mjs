#!/usr/bin/env node
/**
 * Records real kubectl's usage texts as data for the simulated `kubectl VERB --help`:
 *   node scripts/record-kubectl-help.mjs   (needs kubectl on PATH; run offline, no cluster needed)
 * Writes src/shell/kubectl/help/texts/<verb>.ts, one file per top-level verb with its subcommands.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = join(import.meta.dirname, '..', 'src', 'shell', 'kubectl', 'help', 'texts');
const run = (args) => execFileSync('kubectl', args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/nonexistent' } });
const version = run(['version', '--client']).split('\n')[0];
const complete = (path) =>
  run(['__complete', ...path, ''])
    .split('\n')
    .filter((l) => l && !l.startsWith(':'))
    .map((l) => l.split('\t')[0]);
const SKIP = new Set(['help', 'options', 'completion', 'plugin', 'kustomize', 'certificate']);
const WITH_SUBCOMMANDS = new Set(['create', 'rollout', 'set', 'create service', 'create secret', 'config', 'auth']);
const lit = (s) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

function collect(path, acc) {
  const key = path.join(' ');
  acc.push([key, run([...path, '--help'])]);
  if (WITH_SUBCOMMANDS.has(key)) for (const sub of complete(path)) collect([...path, sub], acc);
}

mkdirSync(out, { recursive: true });
const verbs = complete([]).filter((v) => !SKIP.has(v));
for (const verb of verbs) {
  const acc = [];
  collect([verb], acc);
  const name = verb.replace(/-(\w)/g, (_, c) => c.toUpperCase()) + 'Help';
  const body = acc.map(([k, t]) => `  [${JSON.stringify(k)}, ${lit(t)}],`).join('\n');
  writeFileSync(
    join(out, `${verb}.ts`),
    `/** \`kubectl ${verb} --help\` and its subcommands, recorded from real kubectl (${version}) by scripts/record-kubectl-help.mjs. */\nexport const ${name}: [string, string][] = [\n${body}\n];\n`,
  );
}
const top = run(['--help']);
writeFileSync(
  join(out, 'kubectl.ts'),
  `/** \`kubectl --help\`, recorded from real kubectl (${version}) by scripts/record-kubectl-help.mjs. */\nexport const kubectlHelp = ${lit(top)};\n`,
);
console.log(`recorded ${verbs.length} verbs into ${out}`);
