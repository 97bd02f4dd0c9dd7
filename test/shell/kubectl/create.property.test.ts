/**
 * Property test for the writing verbs (create, run, expose, apply, delete, exec, scale, rollout, set, label,
 * annotate, edit, replace): random argument lists never throw, and every result is well formed (a stderr that
 * ends with a newline, starts with text, and never shows `undefined`, `NaN` or `[object Object]`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShellSession, type CommandResult } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

const VERBS = ['create', 'create deployment', 'create service nodeport', 'create service clusterip', 'create ingress', 'create configmap', 'create secret generic', 'create namespace', 'run', 'expose', 'apply', 'delete', 'exec', 'scale', 'rollout status', 'rollout history', 'rollout undo', 'rollout restart', 'set image', 'label', 'annotate', 'edit', 'replace'];
const TOKENS = [
  'web', 'nope', 'pod', 'pods', 'deploy', 'deployment/web', 'svc/web', 'pod/box', 'all', 'foo', 'box', 'x=y', 'app=web', 'app-', 'nginx=nginx:1.25', '*=busybox',
  '-f', 'web.yaml', 'missing.yaml', '-', '-n', 'dev', '-l', 'app=web', '--all', '-o', 'yaml', 'json', 'name', 'wide', '--dry-run', '--dry-run=client', '--dry-run=server', '--dry-run=bad',
  '--image=nginx', '--image=', '--replicas=3', '--replicas=-1', '--replicas=x', '--port=80', '--port=x', '--tcp=80:8080', '--tcp=x', '--node-port=30080', '--rule=/=web:80', '--rule=bad',
  '--overwrite', '--record', '--to-revision=1', '--to-revision=9', '--revision=1', '--timeout=3s', '--watch=false', '-it', '-i', '--rm', '--restart=Never', '--expose', '--type=NodePort',
  '--target-port=http', '--selector=', '--force', '--grace-period=0', '-c', 'nginx', '--', 'sh', 'hostname', 'ls', '--from-literal=a=b', '--from-literal=bad', '--save-config', '--bogus', '=', '',
];

function problem(r: CommandResult): string {
  if (typeof r.stdout !== 'string' || typeof r.stderr !== 'string') return 'non-string output';
  if (!Number.isInteger(r.exitCode) || r.exitCode < 0 || r.exitCode > 255) return `exit code ${r.exitCode}`;
  if (!r.stderr) return '';
  if (!r.stderr.endsWith('\n')) return `stderr without final newline: ${JSON.stringify(r.stderr)}`;
  if (!/^\S/.test(r.stderr)) return `stderr starts with blanks: ${JSON.stringify(r.stderr)}`;
  if (/undefined|NaN|\[object Object\]/.test(r.stderr + r.stdout)) return `bad output: ${JSON.stringify(r.stderr + r.stdout)}`;
  return '';
}

function fresh(): ShellSession {
  const sh = new ShellSession(new Cluster(), { files: { 'web.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n' } });
  sh.run('kubectl create deployment web --image=nginx --port=80 && kubectl run box --image=busybox -- sleep 3600 && kubectl create ns dev');
  return sh;
}

describe('property: the writing verbs', () => {
  it('never throw on random arguments and always answer in a well-formed way', () => {
    let sh = fresh();
    let n = 0;
    fc.assert(
      fc.property(fc.constantFrom(...VERBS), fc.array(fc.constantFrom(...TOKENS), { maxLength: 7 }), (verb, args) => {
        if (++n % 40 === 0) sh = fresh();
        if (sh.location().type !== 'host') sh.run('exit');
        const quoted = args.map((a) => (a === '' ? "''" : a));
        const r = sh.run(`kubectl ${verb} ${quoted.join(' ')}`);
        expect(problem(r)).toBe('');
      }),
      { numRuns: 4000, seed: 4 },
    );
  }, 120_000);
});
