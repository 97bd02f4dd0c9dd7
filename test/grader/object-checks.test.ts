import { describe, expect, it } from 'vitest';
import { grade, sandbox, WEB, WEB_SVC } from './helpers.js';

describe('objectExists', () => {
  it('finds an object by name or by labels, with field expectations, or asserts it is gone', () => {
    const env = sandbox(WEB + WEB_SVC);
    expect(grade(env, { type: 'objectExists', kind: 'Pod', name: 'web' })).toEqual({ ok: true, message: 'Pod web exists', checks: [{ ok: true, message: 'Pod web exists' }] });
    expect(grade(env, { type: 'objectExists', kind: 'Pod', name: 'db' }).message).toBe('Pod db does not exist');
    expect(grade(env, { type: 'objectExists', kind: 'Pod', name: 'db', namespace: 'other' }).message).toBe('Pod db in namespace other does not exist');
    expect(grade(env, { type: 'objectExists', kind: 'Pod', selector: { app: 'db' } }).message).toBe('There is no Pod with labels app=db');
    expect(grade(env, { type: 'objectExists', kind: 'Service', name: 'web', where: { 'spec.ports.0.port': 80, 'spec.type': 'ClusterIP' } }).message).toBe('Service web exists as expected');
    expect(grade(env, { type: 'objectExists', kind: 'Service', name: 'web', where: { 'spec.type': 'NodePort' } }).message).toBe('Service web: spec.type is "ClusterIP", expected "NodePort"');
    expect(grade(env, { type: 'objectExists', kind: 'Pod', selector: { app: 'web' }, where: { 'spec.containers[name=nginx].ports.0.containerPort': '80' } }).ok).toBe(true);
    expect(grade(env, { type: 'objectExists', kind: 'Pod', name: 'web', where: { 'spec.shareProcessNamespace': true } }).message).toBe('Pod web: spec.shareProcessNamespace is <none>, expected true');
    expect(grade(env, { type: 'objectExists', kind: 'Pod', name: 'web', exists: false }).message).toBe('Pod web still exists');
    expect(grade(env, { type: 'objectExists', kind: 'Pod', name: 'db', exists: false })).toEqual({ ok: true, message: 'No Pod db', checks: [{ ok: true, message: 'No Pod db' }] });
    expect(grade(env, { type: 'objectExists', kind: 'Namespace', name: 'kube-system' }).message).toBe('Namespace kube-system exists');
  });

  it('uses the author message instead of its own when one is given', () => {
    const env = sandbox('');
    expect(grade(env, { type: 'objectExists', kind: 'Pod', name: 'web', message: 'Create the web pod first.' }).message).toBe('Create the web pod first.');
  });
});

describe('podsReady', () => {
  it('says when no pod matches, which pod is not Ready yet and why, and counts', () => {
    expect(grade(sandbox(''), { type: 'podsReady', selector: { app: 'web' } }).message).toBe('No pod has labels app=web');
    const env = sandbox(WEB);
    expect(grade(env, { type: 'podsReady', selector: { app: 'web' } }).message).toBe('Pod web is Ready');
    expect(grade(env, { type: 'podsReady', selector: { app: 'web' }, count: 1 }).message).toBe('1 pod with labels app=web is Ready');
    expect(grade(env, { type: 'podsReady', selector: { app: 'web' }, count: 2 }).message).toBe('Only 1 pod with labels app=web is Ready, expected 2');
    expect(grade(env, { type: 'podsReady', selector: { app: 'web' }, count: 0 }).message).toBe('1 pod with labels app=web is Ready, expected 0');
    const bad = sandbox('kubectl run broken --image=ngnix --labels=app=broken');
    expect(grade(bad, { type: 'podsReady', selector: { app: 'broken' } }).message).toMatch(/^Pod broken is not Ready yet \((ErrImagePull|ImagePullBackOff|ContainerCreating), 0\/1 containers ready\)$/);
  });
});

describe('serviceEndpoints', () => {
  it('explains an empty Service in the learner’s terms', () => {
    expect(grade(sandbox(''), { type: 'serviceEndpoints', service: 'web' }).message).toBe('Service web does not exist');
    expect(grade(sandbox(WEB_SVC), { type: 'serviceEndpoints', service: 'web' }).message).toBe('Service web has no endpoints: its selector app=web matches no pod');
    expect(grade(sandbox('kubectl run web --image=ngnix --labels=app=web\n' + WEB_SVC), { type: 'serviceEndpoints', service: 'web' }).message).toBe(
      'Service web has no endpoints: its selector app=web matches no Ready pod',
    );
    const env = sandbox(WEB + WEB_SVC);
    expect(grade(env, { type: 'serviceEndpoints', service: 'web' }).message).toBe('Service web has 1 endpoint');
    expect(grade(env, { type: 'serviceEndpoints', service: 'web', count: 2 }).message).toBe('Service web has 1 endpoint, expected 2');
    expect(grade(env, { type: 'serviceEndpoints', service: 'web', min: 3 }).message).toBe('Service web has 1 endpoint, expected at least 3');
    expect(grade(env, { type: 'serviceEndpoints', service: 'kube-dns', namespace: 'kube-system' }).message).toBe('Service kube-dns in namespace kube-system has 1 endpoint');
  });
});
