import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifests, splitYamlDocuments } from '../../src/shell/manifest.js';

interface Recorded {
  name: string;
  text: string;
  kubectl: string;
}

const recorded = (JSON.parse(readFileSync(path.join(import.meta.dirname, 'manifest.kubectl-errors.json'), 'utf8')) as { cases: Recorded[] }).cases;

describe('parseManifests: YAML syntax errors as kubectl 1.32 reports them', () => {
  it('the recording has both broken and clean files', () => {
    expect(recorded.filter((c) => c.kubectl).length).toBeGreaterThan(100);
    expect(recorded.filter((c) => !c.kubectl).length).toBeGreaterThan(50);
  });

  for (const c of recorded) {
    it(c.name, () => {
      const r = parseManifests(c.text, c.name.replace(/^s\d+-/, ''));
      const parseError = !r.ok && r.error.startsWith('error: error parsing') ? r.error : '';
      expect(parseError).toBe(c.kubectl);
    });
  }
});

describe('parseManifests: common mistakes', () => {
  const pod = (meta: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n${meta}spec:\n  containers: []\n`;

  it('a key indented too far', () => {
    expect(parseManifests(pod('  name: x\n    labels: {}\n'), 'pod.yaml')).toEqual({
      ok: false,
      objects: [],
      error: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context',
    });
  });

  it('a key indented too little inside a nested map', () => {
    expect(parseManifests(pod('  name: x\n  labels:\n    app: web\n   tier: db\n'), 'pod.yaml')).toEqual({
      ok: false,
      objects: [],
      error: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 6: did not find expected key',
    });
  });

  it('a tab used for indentation', () => {
    expect(parseManifests(pod('\tname: x\n'), 'pod.yaml')).toEqual({
      ok: false,
      objects: [],
      error: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
    });
  });

  it('a missing colon on the last line', () => {
    expect(parseManifests('apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  selector:\n    app: web\n  type NodePort\n', 'svc.yaml')).toEqual({
      ok: false,
      objects: [],
      error: "error: error parsing svc.yaml: error converting YAML to JSON: yaml: line 9: could not find expected ':'",
    });
  });

  it('an unclosed quote', () => {
    expect(parseManifests(pod('  name: "x\n'), 'pod.yaml')).toEqual({
      ok: false,
      objects: [],
      error: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 7: found unexpected end of stream',
    });
  });

  it('a duplicate key is not an error: the last value wins (go-yaml v2)', () => {
    const r = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n  labels: {app: x, app: z}\n', 'pod.yaml');
    expect(r).toEqual({ ok: true, objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', labels: { app: 'z' } } }] });
  });

  it('reads YAML 1.1 as go-yaml does: yes/no/on/off are booleans, 0777 is octal, dates stay strings', () => {
    const r = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: {a: yes, b: off, c: y, mode: 0777, day: 2024-01-02, t: 12:30}\n', 'cm.yaml');
    expect(r).toEqual({
      ok: true,
      objects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: true, b: false, c: true, mode: 511, day: '2024-01-02', t: '12:30' } }],
    });
    expect(parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {a: yes}\n', 'cm.yaml')).toEqual({
      ok: false,
      objects: [],
      error: 'error: unable to decode "cm.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
    });
  });

  it('an unknown alias', () => {
    expect(parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: *x\n', 'pod.yaml')).toEqual({
      ok: false,
      objects: [],
      error: "error: error parsing pod.yaml: error converting YAML to JSON: yaml: unknown anchor 'x' referenced",
    });
  });
});

describe('parseManifests: documents, lists, JSON and KYAML', () => {
  const ns = (n: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${n}\n`;

  it('splits at --- lines (a comment may follow), skipping empty documents and ... end markers', () => {
    const r = parseManifests(`---\n${ns('a')}--- # second\n\n---\n${ns('b')}...\n`, 'ns.yaml');
    expect(r).toEqual({ ok: true, objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } }] });
  });

  it('keeps the objects before a broken document; line numbers count from that document', () => {
    const r = parseManifests(`${ns('a')}---\n${ns('b')}   labels: {}\n`, 'ns.yaml');
    expect(r).toEqual({
      ok: false,
      objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }],
      error: 'error: error parsing ns.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context',
    });
  });

  it('the first --- line is part of the first document (for line numbers)', () => {
    expect(splitYamlDocuments(`---\n${ns('a')}---\n${ns('b')}`)).toEqual([
      { text: `---\n${ns('a')}`, startLine: 1 },
      { text: ns('b'), startLine: 7 },
    ]);
  });

  it('refuses a separator followed by text', () => {
    expect(parseManifests(`${ns('a')}--- foo\n${ns('b')}`, 'ns.yaml')).toEqual({ ok: false, objects: [], error: 'error: error parsing ns.yaml: invalid Yaml document separator: foo' });
  });

  it('expands kind: List', () => {
    const r = parseManifests(`apiVersion: v1\nkind: List\nitems:\n- ${ns('a').trimEnd().replace(/\n/g, '\n  ')}\n- ${ns('b').trimEnd().replace(/\n/g, '\n  ')}\n`, 'list.yaml');
    expect(r).toEqual({ ok: true, objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } }] });
  });

  it('reads KYAML (flow style with trailing commas and comments)', () => {
    const text = '---\n{\n  apiVersion: "v1",\n  kind: "Pod", # a comment\n  metadata: { name: "p", },\n  spec: { containers: [{ name: "c", image: "nginx" },], },\n}\n';
    expect(parseManifests(text, 'pod.yaml')).toEqual({ ok: true, objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }] });
  });

  it('reads a JSON stream of several objects', () => {
    const r = parseManifests('{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}\n{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "b"}}\n', 'ns.json');
    expect(r).toEqual({ ok: true, objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } }] });
  });

  it("words JSON syntax errors as Go's decoder", () => {
    expect(parseManifests('{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x",}}\n', 'pod.json')).toEqual({
      ok: false,
      objects: [],
      error: "error: error parsing pod.json: json: offset 62: invalid character '}' looking for beginning of object key string",
    });
    expect(parseManifests('{"apiVersion": "v1", "kind": "Pod"\n', 'pod.json')).toEqual({ ok: false, objects: [], error: 'error: error parsing pod.json: unexpected EOF' });
    expect(parseManifests('{"a": tru}', 'x.json')).toEqual({ ok: false, objects: [], error: "error: error parsing x.json: json: offset 10: invalid character '}' in literal true (expecting 'e')" });
    expect(parseManifests('{"a": "x\n"}', 'x.json')).toEqual({ ok: false, objects: [], error: "error: error parsing x.json: json: offset 9: invalid character '\\n' in string literal" });
  });

  it('an empty file or one of comments has no objects', () => {
    expect(parseManifests('', 'e.yaml')).toEqual({ ok: true, objects: [] });
    expect(parseManifests('# hi\n---\n# there\n', 'e.yaml')).toEqual({ ok: true, objects: [] });
  });

  it('kubectl decodes metadata client-side: a wrong type there is its error, not the server\'s', () => {
    expect(parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name x\n', 'pod.yaml')).toEqual({
      ok: false,
      objects: [],
      error: 'error: unable to decode "pod.yaml": json: cannot unmarshal string into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta',
    });
    expect(parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  name: y\n', 'pod.yaml')).toEqual({
      ok: false,
      objects: [],
      error: 'error: unable to decode "pod.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string',
    });
  });

  it("kubectl's client-side checks: not an object, kind or apiVersion missing", () => {
    const hint = 'if you choose to ignore these errors, turn validation off with --validate=false';
    expect(parseManifests('hello\n', 'x.yaml')).toEqual({ ok: false, objects: [], error: `error: error validating "x.yaml": error validating data: invalid object to validate; ${hint}` });
    expect(parseManifests('apiVersion: v1\nmetadata: {name: x}\n', 'x.yaml')).toEqual({ ok: false, objects: [], error: `error: error validating "x.yaml": error validating data: kind not set; ${hint}` });
    expect(parseManifests('metadata: {name: x}\n', 'x.yaml')).toEqual({ ok: false, objects: [], error: `error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; ${hint}` });
  });
});

describe('parseManifests never throws', () => {
  it('on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', ' ', '\n', '\t', '-', '{', '}', '[', ']', ',', '"', "'", '#', '*', '&', '|', '>', '1', '.') }), (s) => {
        const r = parseManifests(s, 'f.yaml');
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
