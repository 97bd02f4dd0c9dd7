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
  '-f', 'web.yaml', 'pod.yaml', 'missing.yaml', '-', '-n', 'dev', '-l', 'app=web', '--all', '-o', 'yaml', 'json', 'name', 'wide', '--dry-run', '--dry-run=client', '--dry-run=server', '--dry-run=bad',
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
  const files = {
    'web.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
    'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: p\n  name: p\nspec:\n  containers:\n  - image: nginx\n    name: p\n    resources: {}\nstatus: {}\n',
  };
  const sh = new ShellSession(new Cluster(), { files });
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

  it('never throw on random sequences of well-formed commands', () => {
    const LINES = [
      'kubectl apply -f pod.yaml', 'kubectl apply -f web.yaml', 'kubectl create -f pod.yaml', 'kubectl delete -f pod.yaml', 'kubectl delete pod p',
      'kubectl label pod p a=b --overwrite', 'kubectl label pod p a-', 'kubectl annotate pod p x=y --overwrite', 'kubectl set image pod p p=nginx:1.25',
      'kubectl create deployment web --image=nginx --port=80', 'kubectl delete deploy web', 'kubectl scale deploy web --replicas=3', 'kubectl scale deploy web --replicas=0',
      'kubectl set image deploy/web nginx=nginx:1.25', 'kubectl set image deploy/web nginx=nginx:nope', 'kubectl rollout undo deploy/web', 'kubectl rollout undo deploy/web --to-revision=1',
      'kubectl rollout restart deploy/web', 'kubectl rollout status deploy/web --timeout=5s', 'kubectl rollout history deploy/web', 'kubectl expose deploy web --port=80',
      'kubectl delete svc web', 'kubectl run p --image=nginx', 'kubectl run t --rm -i --image=busybox --restart=Never -- hostname', 'kubectl exec p -- hostname',
      'kubectl exec deploy/web -- hostname', 'kubectl get pod p -o yaml > live.yaml', 'kubectl get deploy web -o yaml > live.yaml', 'kubectl apply -f live.yaml',
      'kubectl replace -f live.yaml', 'kubectl replace --force -f live.yaml', 'kubectl edit --edited-file=live.yaml', 'kubectl delete all --all', 'sleep 5',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 12 }), (lines) => {
        const sh = fresh();
        for (const l of lines) {
          if (sh.location().type !== 'host') sh.run('exit');
          expect(problem(sh.run(l))).toBe('');
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  }, 120_000);
});
