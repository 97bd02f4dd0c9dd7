import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

const BROKEN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: one
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: x
spec: [
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: three
`;

const UNKNOWN = `apiVersion: v1
kind: Widget
metadata:
  name: x
---
apiVersion: v1
kind: Deployment
metadata:
  name: d
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ok
`;

describe('kubectl apply with objects it cannot map', () => {
  it('reports an unknown kind, and a known kind in the wrong version, as resource mapping errors after the rest', () => {
    const c = new Cluster();
    const sh = new ShellSession(c, { files: { 'f.yaml': UNKNOWN } });
    expect(sh.run('kubectl apply -f f.yaml')).toEqual({
      stdout: 'configmap/ok created\n',
      stderr:
        'resource mapping not found for name: "x" namespace: "" from "f.yaml": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n' +
        'resource mapping not found for name: "d" namespace: "" from "f.yaml": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first\n',
      exitCode: 1,
    });
    expect(c.get('ConfigMap', 'default', 'ok')).toBeDefined();
  });

  it('a lone mapping error gets the error: prefix', () => {
    const sh = new ShellSession(new Cluster(), { files: { 'w.yaml': UNKNOWN.split('---\n')[1]! } });
    expect(sh.run('kubectl apply -f w.yaml')).toEqual({
      stdout: '',
      stderr: 'error: resource mapping not found for name: "d" namespace: "" from "w.yaml": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first\n',
      exitCode: 1,
    });
  });
});

describe('kubectl apply with a YAML error part-way through a file', () => {
  it('applies the objects before the error, then reports it', () => {
    const c = new Cluster();
    const sh = new ShellSession(c, { files: { 'f.yaml': BROKEN } });
    expect(sh.run('kubectl apply -f f.yaml')).toEqual({
      stdout: 'configmap/one created\n',
      stderr: "error: error parsing f.yaml: error converting YAML to JSON: yaml: line 5: did not find expected ',' or ']'\n",
      exitCode: 1,
    });
    expect([c.get('ConfigMap', 'default', 'one') !== undefined, c.get('ConfigMap', 'default', 'three') !== undefined]).toEqual([true, false]);
  });
});

describe('other -f verbs with objects they cannot map', () => {
  it('delete deletes what it can map, then names the rest; a lone path error gets error:', () => {
    const c = new Cluster();
    const sh = new ShellSession(c, { files: { 'f.yaml': UNKNOWN } });
    sh.run('kubectl create configmap ok');
    expect(sh.run('kubectl delete -f f.yaml')).toEqual({
      stdout: 'configmap "ok" deleted\n',
      stderr:
        'resource mapping not found for name: "x" namespace: "" from "f.yaml": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n' +
        'resource mapping not found for name: "d" namespace: "" from "f.yaml": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first\n',
      exitCode: 1,
    });
    expect(sh.run('kubectl delete -f nope.yaml')).toEqual({ stdout: '', stderr: 'error: the path "nope.yaml" does not exist\n', exitCode: 1 });
  });
});
