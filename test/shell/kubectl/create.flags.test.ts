import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { helpFlags } from '../../../src/shell/kubectl/help/index.js';
import { Cluster } from '../../../src/sim/index.js';

const VERBS = [
  'apply', 'create', 'create deployment', 'create service clusterip', 'create service nodeport', 'create service loadbalancer', 'create service externalname',
  'create namespace', 'create configmap', 'create secret generic', 'create ingress', 'create serviceaccount', 'run', 'expose', 'delete', 'exec', 'scale',
  'rollout status', 'rollout history', 'rollout undo', 'rollout restart', 'rollout pause', 'rollout resume', 'set image', 'label', 'annotate', 'edit', 'replace',
];

/** Every flag kubectl 1.32's usage text lists for a writing verb is accepted (none answers `unknown flag`). */
describe('the writing verbs accept every flag their kubectl usage lists', () => {
  it.each(VERBS)('kubectl %s', (verb) => {
    const sh = new ShellSession(new Cluster());
    const flags = helpFlags(verb);
    expect(flags.length).toBeGreaterThan(0);
    const unknown = flags.filter((flag) => {
      const withValue = sh.run(`kubectl ${verb} x ${flag}=1`);
      const bare = sh.run(`kubectl ${verb} x ${flag}`);
      return /unknown (shorthand )?flag/.test(withValue.stderr) && /unknown (shorthand )?flag/.test(bare.stderr);
    });
    expect(unknown).toEqual([]);
  });
});
