/**
 * Helpers for replaying a seed document's walkthrough through a shell session, as a learner would type it:
 * manifests written with heredocs, commands run in order, whole outputs asserted.
 */
import { expect } from 'vitest';
import { ShellSession } from '../../src/shell/index.js';
import type { CommandResult } from '../../src/shell/types.js';
import { Cluster, type ClusterOptions } from '../../src/sim/index.js';

/** A successful command's result with this stdout. */
export const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: 0 });

/** A failed command's result with this stderr. */
export const err = (stderr: string, exitCode = 1, stdout = ''): CommandResult => ({ stdout, stderr, exitCode });

/** httpd's default page (`It works!`). */
export const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

/** A learner at a fresh cluster's host prompt. */
export class Learner {
  readonly sh: ShellSession;
  constructor(options?: ClusterOptions) {
    this.sh = new ShellSession(new Cluster(options));
  }

  get cluster(): Cluster {
    return this.sh.cluster;
  }

  run(line: string): CommandResult {
    return this.sh.run(line);
  }

  /** Writes a manifest with `cat <<EOF > file` (the text must end with a newline). */
  write(file: string, text: string): void {
    expect(this.sh.run(`cat <<EOF > ${file}\n${text}EOF`)).toEqual(ok(''));
  }

  /** `kubectl get … -o jsonpath=…` for a value the next commands need (a pod IP, a generated name). */
  jsonpath(args: string, path: string): string {
    const r = this.sh.run(`kubectl get ${args} -o jsonpath='${path}'`);
    expect(r.stderr).toBe('');
    return r.stdout;
  }

  /** `kubectl wait` for pods to be Ready (advances simulated time). */
  waitReady(selector: string): void {
    expect(this.sh.run(`kubectl wait --for=condition=Ready pod ${selector} --timeout=120s`).exitCode).toBe(0);
  }
}
