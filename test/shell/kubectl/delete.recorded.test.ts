import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

interface Fixture {
  command: string;
  /**
   * Before the command: `create` makes the objects with kubectl create (no last-applied annotation) instead of apply;
   * a list of commands is run after applying them (to build the same rollout history the fake apiserver serves).
   */
  setup?: 'create' | string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

const dir = path.join(import.meta.dirname, '../../fixtures/kubectl');
const fixtures = JSON.parse(readFileSync(path.join(dir, 'writes.json'), 'utf8')) as Fixture[];
const objects = readFileSync(path.join(dir, 'dry-run-objects.yaml'), 'utf8');

/**
 * What real kubectl 1.32 printed for delete, label, annotate, scale, set image, rollout restart and expose against a
 * fake apiserver holding dry-run-objects.yaml (test/fixtures/kubectl/dry-run-record.mjs); the sandbox must print the same.
 */
describe('writing verbs print what real kubectl 1.32 prints (test/fixtures/kubectl/writes.json)', () => {
  it('has the recorded fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });
  for (const f of fixtures) {
    it(f.command, () => {
      const sh = new ShellSession(new Cluster(), { files: { 'dry-run-objects.yaml': objects } });
      expect(sh.run(`kubectl ${f.setup === 'create' ? 'create' : 'apply'} -f dry-run-objects.yaml`).exitCode).toBe(0);
      for (const line of Array.isArray(f.setup) ? f.setup : []) expect(sh.run(line).exitCode).toBe(0);
      const r = sh.run(f.command);
      const { setup: _setup, ...want } = f;
      void _setup;
      // The fake apiserver's ReplicaSets carry made-up pod-template-hash values; the sandbox computes real ones.
      // Like the reading verbs' tests, the sandbox words cobra's flag errors `error: unknown flag` (kubectl: `Error: …`).
      const hashless = (o: Fixture): Fixture => ({ ...o, stdout: o.stdout.replace(/pod-template-hash=\S+/g, 'pod-template-hash=HASH'), stderr: o.stderr.replace(/^Error: unknown flag/, 'error: unknown flag') });
      expect(hashless({ command: f.command, ...r })).toEqual(hashless(want));
    });
  }
});
