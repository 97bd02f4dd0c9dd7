import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toYaml as goYaml, yamlKeyLess } from '../../../src/shell/kubectl/generators/yaml.js';

/** The --from-literal values given to real kubectl to record test/fixtures/kubectl/yaml-quoting.yaml. */
const DATA: Record<string, string> = {
  a: 'true', b: 'yes', c: '', d: 'on', e: '1.5', f: 'null', g: '~', h: 'x: y', i: '- a', j: 'multi\nline\n', k: "it's", l: 'a #b', m: '#x',
  n: '3000', o: 'nginx:1.27', p: 'ab:', q: 'a b ', r: '2025-01-01', s: '2025-01-01T12:00:00Z', t: 'no trailing\nnewline',
  u: "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
  v: 'a plain message that is long enough to be folded by the go yaml emitter when it passes eighty columns wide',
  a10: 'x', a9: 'x', _x: 'x', Z: 'x', 'a.b': 'x', 'a-b': 'x', '0x1F': 'x', w: '{"json":true}', x: '[1,2]', y: '*star', z: '!bang', aa: '@at', ab: '%pct',
  ac: '`tick', ad: '"dq', ae: 'a: ', af: 'key:value', ag: ' lead', ah: '0777', ai: '1e3', aj: '.inf', ak: '1_000', al: '+1', am: '12:30', an: '-',
  ao: '?', ap: 'a,b', aq: '[x', ar: 'x]', as: 'tab\there',
};

describe('go-yaml emitter', () => {
  it('quotes, folds and orders exactly as real kubectl does', () => {
    const recorded = readFileSync(path.join(import.meta.dirname, '../../fixtures/kubectl/yaml-quoting.yaml'), 'utf8');
    expect(goYaml({ apiVersion: 'v1', data: DATA, kind: 'ConfigMap', metadata: { creationTimestamp: null, name: 'quoting' } })).toBe(recorded);
  });

  it('writes nested sequences and empty collections in block style', () => {
    expect(goYaml({ a: [[1, 2], [], {}, { b: [{ c: 'd' }] }], e: {}, f: [] })).toBe('a:\n- - 1\n  - 2\n- []\n- {}\n- b:\n  - c: d\ne: {}\nf: []\n');
  });

  it('sorts keys naturally', () => {
    expect(['a10', 'a9', 'Z', '_x', '0x1F'].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual(['_x', '0x1F', 'Z', 'a9', 'a10']);
  });
});
