import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

interface Fixture {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const dir = path.join(import.meta.dirname, '../../fixtures/kubectl');
const fixtures = JSON.parse(readFileSync(path.join(dir, 'dry-run.json'), 'utf8')) as Fixture[];
const objects = readFileSync(path.join(dir, 'dry-run-objects.yaml'), 'utf8');

/**
 * kubectl 1.32 reports a missing required flag through klog (`E1121 05:52:50.748363 11042 run.go:72] "command failed"
 * err="required flag(s) \"image\" not set"`); the sandbox prints the classic `error: required flag(s) "image" not set`.
 */
function expected(f: Fixture): Fixture {
  const m = /^E\d{4} [\d:.]+\s+\d+ run\.go:\d+\] "command failed" err="(.*)"\n$/.exec(f.stderr);
  return m ? { ...f, stderr: `error: ${m[1]!.replace(/\\"/g, '"')}\n` } : f;
}

function session(): ShellSession {
  const sh = new ShellSession(new Cluster(), { files: { 'objects.yaml': objects } });
  sh.run('kubectl create namespace dev');
  const r = sh.run('kubectl apply -f objects.yaml');
  if (r.exitCode !== 0) throw new Error(r.stderr);
  return sh;
}

describe('kubectl --dry-run=client output equals real kubectl 1.32 (test/fixtures/kubectl/dry-run.json)', () => {
  it('has the recorded fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(60);
  });
  for (const f of fixtures) {
    it(f.command, () => {
      const sh = session();
      const line = f.command.replace(/"while true; do sleep 5; done"/, "'while true; do sleep 5; done'");
      const r = sh.run(line);
      const want = expected(f);
      expect({ command: f.command, ...r }).toEqual({ command: f.command, stdout: want.stdout, stderr: want.stderr, exitCode: want.exitCode });
    });
  }
});
