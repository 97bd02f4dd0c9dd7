import { describe, expect, it } from 'vitest';
import { Cluster, type KubeObject } from '../../src/sim/index.js';
import { events } from './lifecycle.helpers.js';

const cm = (n: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { n } });

describe('Cluster: change feed', () => {
  it('lists objects written since a cursor, deletions included, and says when it no longer reaches back', () => {
    const c = new Cluster();
    const from = c.changeCursor;
    c.apply(cm('1'));
    c.touch();
    c.delete('ConfigMap', 'default', 'cfg');
    const kinds = c.changesSince(from)!.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(kinds).toEqual(['ConfigMap/cfg', 'ConfigMap/cfg']);
    expect(c.changesSince(c.changeCursor)).toEqual([]);
    c.restore(c.snapshot());
    expect(c.changesSince(from)).toBeUndefined();
  });
});

describe('Cluster: events', () => {
  it('counts repeats of the same reason and message on one object, and keeps others apart', () => {
    const c = new Cluster();
    const o = c.create(cm('1'));
    c.recordEvent(o, 'Warning', 'Oops', 'first', 'test');
    c.advance(5_000);
    c.recordEvent(o, 'Warning', 'Oops', 'first', 'test');
    c.recordEvent(o, 'Warning', 'Oops', 'second', 'test');
    expect(events(c, o)).toEqual(['Warning Oops (x2) test: first', 'Warning Oops test: second']);
    const [e] = c.eventsFor(o);
    expect([e!.firstTimestamp, e!.lastTimestamp]).toEqual(['2025-01-01T12:21:00Z', '2025-01-01T12:21:05Z']);
    const snap = c.snapshot();
    c.restore(snap);
    c.recordEvent(o, 'Warning', 'Oops', 'first', 'test');
    expect(events(c, o)[0]).toBe('Warning Oops (x3) test: first');
  });
});

describe('Cluster: apply keeps what controllers own', () => {
  it('re-applying a Deployment is unchanged although the controller annotated its revision', () => {
    const c = new Cluster();
    const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', annotations: { team: 'a' } }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } };
    c.apply(d);
    expect(c.apply(d).action).toBe('unchanged');
    const changed = structuredClone(d);
    changed.metadata.annotations = { team: 'b' };
    expect(c.apply(changed).action).toBe('configured');
    expect(c.get('Deployment', 'default', 'web')!.metadata.annotations).toEqual({ team: 'b', 'deployment.kubernetes.io/revision': '1' });
  });
});

describe('Cluster: time', () => {
  it('advance steps at most about 180 reconciles however long the wait, and lifecycles keep their timing', () => {
    const c = new Cluster();
    c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash' }, spec: { containers: [{ name: 'main', image: 'busybox', command: ['false'] }] } });
    let rounds = 0;
    const reconcile = c.reconcile.bind(c);
    c.reconcile = (): void => {
      rounds++;
      reconcile();
    };
    c.advance(3_600_000);
    expect(rounds).toBeLessThanOrEqual(181);
    expect(c.get('Pod', 'default', 'crash')!.status).toMatchObject({ phase: 'Running', containerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } } }] });
  });
});
