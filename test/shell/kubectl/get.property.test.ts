import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonpath } from '../../../src/shell/kubectl/printers/jsonpath.js';
import { parseSelector } from '../../../src/shell/kubectl/selector.js';
import { toYaml as goYaml } from '../../../src/shell/kubectl/generators/yaml.js';
import { session } from './reading-helpers.js';

const VERBS = ['get', 'describe', 'logs', 'explain', 'wait', 'events', 'version', 'cluster-info', 'api-resources', 'help'];
const WORDS = [
  'pods', 'po', 'svc', 'deploy', 'rs', 'ep', 'endpointslices', 'ing', 'netpol', 'ns', 'no', 'cm', 'all', 'pods,svc', 'pod/x', 'svc/web', 'deploy/web', 'web', 'db', 'nope',
  'pod.spec.containers', 'svc.spec.ports.port', '-o', 'yaml', 'json', 'wide', 'name', '-ojsonpath={.items[*].metadata.name}', '-o=jsonpath={range .items[*]}{.x}{end}',
  '-ocustom-columns=N:.metadata.name', '-l', 'app=web', 'app in (web', '!tier', '-A', '-n', 'kube-system', '--show-labels', '--no-headers', '-w', '-f', '-p', '-c', 'main',
  '--tail=2', '--tail', '--for=condition=Ready', '--for=delete', '--timeout=2s', '--recursive', '--client', '-h', '--help', '--bogus', '-Z', '--', '=', '', "'", '{', '}', '[?(@.a==1)]',
];

describe('reading verbs never throw', () => {
  it('answers any command line with a result', () => {
    const sh = session();
    fc.assert(
      fc.property(fc.constantFrom(...VERBS), fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 6 }), (verb, words) => {
        const r = sh.runAt({ type: 'host' }, ['kubectl', verb, ...words], '');
        expect([0, 1]).toContain(r.exitCode);
        if (r.exitCode !== 0) expect(r.stderr.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
  });

  it('parses or rejects any JSONPath template and label selector', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = jsonpath(s, { items: [{ a: 1, b: [1, 2] }] });
        if (!r.ok) expect(r.error.split('\n')).toHaveLength(1);
        const sel = parseSelector(s);
        if (!sel.ok) expect(sel.error.split('\n')).toHaveLength(1);
      }),
      { numRuns: 3000 },
    );
  });

  it('emits YAML for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        expect(goYaml(v).endsWith('\n')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
