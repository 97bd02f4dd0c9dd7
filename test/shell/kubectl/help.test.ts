import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';
import { helpPaths } from '../../../src/shell/kubectl/help/index.js';
import { VERBS } from '../../../src/shell/kubectl/index.js';

const dir = path.join(import.meta.dirname, '../../fixtures/kubectl');
const fixture = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

/** The recordings come from a wrapper build that prints `Error:` and a trailing blank line; upstream prints `error:`. */
function upstream(recorded: string): { stderr: string; exitCode: number } {
  const m = /^([\s\S]*?)exit=(\d+)\n$/.exec(recorded)!;
  return { stderr: m[1]!.replace(/^Error: /, 'error: ').replace(/\n\n$/, '\n'), exitCode: Number(m[2]) };
}

describe('kubectl --help', () => {
  const sh = new ShellSession(new Cluster());
  const recorded = readdirSync(path.join(dir, 'help')).filter((f) => f !== 'kubectl.txt');

  it.each(recorded)('matches real kubectl for %s', (file) => {
    const words = file.replace(/\.txt$/, '').replace('create-service-nodeport', 'create service nodeport').replace('rollout-status', 'rollout status').replace('set-image', 'set image');
    const text = fixture(`help/${file}`);
    expect(sh.run(`kubectl ${words} --help`)).toEqual(ok(text));
    expect(sh.run(`kubectl ${words} -h`)).toEqual(ok(text));
    expect(sh.run(`kubectl help ${words}`)).toEqual(ok(text));
  });

  it('prints the top-level help for `kubectl`, `kubectl --help` and `kubectl help`', () => {
    const top = fixture('help/kubectl.txt');
    expect(sh.run('kubectl')).toEqual(ok(top));
    expect(sh.run('kubectl --help')).toEqual(ok(top));
    expect(sh.run('kubectl help')).toEqual(ok(top));
  });

  it('has a usage text for every verb the simulator implements', () => {
    const paths = new Set(helpPaths());
    expect(Object.keys(VERBS).filter((v) => !paths.has(v))).toEqual([]);
  });

  it('follows subcommand aliases and ignores flags and arguments around --help', () => {
    const nodeport = fixture('help/create-service-nodeport.txt');
    expect(sh.run('kubectl create svc nodeport -h')).toEqual(ok(nodeport));
    expect(sh.run('kubectl -n dev create service nodeport web --tcp=80:80 --help')).toEqual(ok(nodeport));
    expect(sh.run('kubectl get pods -n kube-system -h')).toEqual(ok(fixture('help/get.txt')));
    expect(sh.run('kubectl --namespace kube-system logs -h')).toEqual(ok(fixture('help/logs.txt')));
  });

  it('does not treat -h after -- as a help request', () => {
    expect(sh.run('kubectl exec nope -- ls -h')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });
});

describe('kubectl with an unknown verb', () => {
  const sh = new ShellSession(new Cluster());

  it.each([
    ['gte', 'unknown-command-gte.txt'],
    ['ex', 'unknown-command-ex.txt'],
  ])('suggests what cobra suggests for %s', (verb, file) => {
    expect(sh.run(`kubectl ${verb}`)).toEqual({ stdout: '', ...upstream(fixture(file)) });
  });

  it('has no suggestion for a far-off word', () => {
    expect(sh.run('kubectl xyzzy')).toEqual({ stdout: '', stderr: 'error: unknown command "xyzzy" for "kubectl"\n', exitCode: 1 });
  });

  it('suggests by distance and prefix, in kubectl order', () => {
    expect(sh.run('kubectl desc').stderr).toBe('error: unknown command "desc" for "kubectl"\n\nDid you mean this?\n\tdescribe\n');
    expect(sh.run('kubectl ap').stderr).toBe('error: unknown command "ap" for "kubectl"\n\nDid you mean this?\n\ttop\n\tcp\n\tapply\n\tapi-versions\n\tapi-resources\n');
  });

  it('says plainly when a real verb is not simulated', () => {
    expect(sh.run('kubectl cordon minikube')).toEqual({ stdout: '', stderr: 'error: "kubectl cordon" is not available in this simulated cluster\n', exitCode: 1 });
  });

  it('reports unknown and incomplete global flags before any verb', () => {
    expect(sh.run('kubectl --foo')).toEqual({ stdout: '', stderr: "error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n", exitCode: 1 });
    expect(sh.run('kubectl -x')).toEqual({ stdout: '', stderr: "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl --help' for usage.\n", exitCode: 1 });
    expect(sh.run('kubectl --namespace')).toEqual({ stdout: '', stderr: "error: flag needs an argument: --namespace\nSee 'kubectl --help' for usage.\n", exitCode: 1 });
  });

  it('reports unknown flags in upstream wording', () => {
    expect(sh.run('kubectl get --foo')).toEqual({ stdout: '', ...upstream(fixture('unknown-flag-get.txt')) });
  });
});

describe('flags from usage texts', () => {
  it('lists the options of a command for tab completion', async () => {
    const { helpFlags } = await import('../../../src/shell/kubectl/help/index.js');
    expect(helpFlags('version')).toEqual(['--client', '-o', '--output']);
    expect(helpFlags('cluster-info')).toEqual([]);
    expect(helpFlags('nope')).toEqual([]);
  });
});
