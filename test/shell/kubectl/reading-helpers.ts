import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

/** The objects the reading-verb tests look at: a Deployment, five Services, a NetworkPolicy, an Ingress, a ConfigMap. */
export const SETUP = readFileSync(path.join(import.meta.dirname, '../../fixtures/kubectl/reading-setup.yaml'), 'utf8');

/** A fresh cluster with SETUP applied (the apply is checked, so a broken setup fails loudly). */
export function session(files: Record<string, string> = {}): ShellSession {
  const sh = new ShellSession(new Cluster(), { files: { 'setup.yaml': SETUP, ...files } });
  const r = sh.run('kubectl apply -f setup.yaml');
  if (r.exitCode !== 0) throw new Error(`setup failed: ${r.stderr}`);
  return sh;
}

/** A successful result. */
export const out = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

/** A failed result. */
export const err = (stderr: string, exitCode = 1) => ({ stdout: '', stderr, exitCode });

/** Pods that cannot start: a typo in the image, a crashing command, an unschedulable pod, and a two-container pod. */
export const PODS = readFileSync(path.join(import.meta.dirname, '../../fixtures/kubectl/reading-pods.yaml'), 'utf8');

/** A pod with named ports, env from a field, resources, a readiness probe and three kinds of volume. */
export const RICH = readFileSync(path.join(import.meta.dirname, '../../fixtures/kubectl/reading-rich-pod.yaml'), 'utf8');
