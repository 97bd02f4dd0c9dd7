import { describe, expect, it } from 'vitest';
import { jsonpath } from '../../../src/shell/kubectl/printers/jsonpath.js';
import { formatLabelSelector, goTimeString, rfc1123z } from '../../../src/shell/kubectl/printers/format.js';
import { TABLES } from '../../../src/shell/kubectl/printers/tables.js';
import { parseSelector } from '../../../src/shell/kubectl/selector.js';
import { humanDuration, tabwrite } from '../../../src/shell/kubectl/table.js';
import type { Pod } from '../../../src/sim/index.js';

describe('tabwrite (Go text/tabwriter)', () => {
  it('aligns each column over the run of lines that have a cell in it', () => {
    const text = 'Name:\tweb\nLabels:\tapp=web\n\ttier=front\nContainers:\n  web:\n    Image:\tnginx\n    Restart Count:\t0\n';
    expect(tabwrite(text, 2)).toBe('Name:    web\nLabels:  app=web\n         tier=front\nContainers:\n  web:\n    Image:          nginx\n    Restart Count:  0\n');
  });

  it('breaks a column block at a line with fewer cells (describe ingress Rules)', () => {
    const text = '  Host\tPath\tBackends\n  ----\t----\t--------\n  foo.com\t\n    \t/ \tweb:80\n';
    expect(tabwrite(text, 2)).toBe('  Host     Path  Backends\n  ----     ----  --------\n  foo.com  \n           /   web:80\n');
  });
});

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [45_000, '45s'],
    [119_000, '119s'],
    [125_000, '2m5s'],
    [600_000, '10m'],
    [3 * 3_600_000 + 4 * 60_000, '3h4m'],
    [15 * 3_600_000, '15h'],
    [3 * 86_400_000 + 4 * 3_600_000, '3d4h'],
    [45 * 86_400_000, '45d'],
  ])('%i ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('pod RESTARTS cell', () => {
  it('adds how long ago the last restart was', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'crash', creationTimestamp: '2025-01-01T12:00:00Z' },
      spec: { containers: [{ name: 'app', image: 'busybox' }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'app', image: 'busybox', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2025-01-01T12:04:40Z' } } },
        ],
      },
    } as Pod;
    expect(TABLES.Pod!.row(pod, { now: Date.parse('2025-01-01T12:05:00Z'), wide: false })).toEqual(['crash', '0/1', 'CrashLoopBackOff', '3 (20s ago)', '5m']);
  });
});

describe('formatting helpers', () => {
  it('formats selectors as metav1.FormatLabelSelector', () => {
    expect(formatLabelSelector({ matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'c', operator: 'NotIn', values: ['y', 'x'] }, { key: 'aa', operator: 'DoesNotExist' }] })).toBe('a=1,!aa,b=2,c notin (x,y)');
    expect(formatLabelSelector({})).toBe('<none>');
  });

  it('formats times as Go does', () => {
    expect(rfc1123z('2025-01-01T12:00:05Z')).toBe('Wed, 01 Jan 2025 12:00:05 +0000');
    expect(goTimeString('2025-01-01T12:00:05Z')).toBe('2025-01-01 12:00:05 +0000 UTC');
  });
});

describe('label selectors', () => {
  const matches = (sel: string, labels: Record<string, string>): boolean => {
    const r = parseSelector(sel);
    if (!r.ok) throw new Error(r.error);
    return r.matches(labels);
  };

  it('supports every operator', () => {
    expect(matches('app=web', { app: 'web' })).toBe(true);
    expect(matches('app==web', { app: 'db' })).toBe(false);
    expect(matches('app!=web', {})).toBe(true);
    expect(matches('tier in (a, b)', { tier: 'b' })).toBe(true);
    expect(matches('tier notin (a,b)', { tier: 'b' })).toBe(false);
    expect(matches('tier', { tier: '' })).toBe(true);
    expect(matches('!tier', { tier: 'x' })).toBe(false);
    expect(matches('app=web,tier in (a,b),!x', { app: 'web', tier: 'a' })).toBe(true);
  });

  it('rejects malformed selectors with one error line', () => {
    expect(parseSelector('tier in (a')).toEqual({ ok: false, error: "error: unable to parse requirement: found 'tier in (a', expected: ')'" });
  });
});

describe('jsonpath', () => {
  const data = { items: [{ name: 'a', n: 1, tags: ['x'] }, { name: 'b', n: 2, tags: [] }] };

  it('handles filters, slices, ranges and literals', () => {
    expect(jsonpath('{.items[?(@.n>1)].name}', data)).toEqual({ ok: true, text: 'b' });
    expect(jsonpath('{.items[0:1].name}', data)).toEqual({ ok: true, text: 'a' });
    expect(jsonpath('{range .items[*]}[{.name}]{end}', data)).toEqual({ ok: true, text: '[a][b]' });
    expect(jsonpath('{.items[*].tags}', data)).toEqual({ ok: true, text: '["x"] []' });
    expect(jsonpath('plain {"text"}', data)).toEqual({ ok: true, text: 'plain text' });
  });

  it('reports unclosed ranges and actions', () => {
    expect(jsonpath('{range .items[*]}{.name}', data)).toEqual({ ok: false, error: 'error: error parsing jsonpath {range .items[*]}{.name}, unexpected EOF' });
    expect(jsonpath('{.items', data)).toEqual({ ok: false, error: 'error: error parsing jsonpath {.items, unclosed action' });
  });
});

describe('generic describe labels (smartLabelFor)', () => {
  it('splits camelCase as fatih/camelcase does and upper-cases acronyms', async () => {
    const { smartLabelFor } = await import('../../../src/shell/kubectl/describe-generic.js');
    expect(['apiVersion', 'creationTimestamp', 'uid', 'podIP', 'hostIPs', 'x_y', 'URLPath'].map(smartLabelFor)).toEqual(['API Version', 'Creation Timestamp', 'UID', 'Pod IP', 'Host I Ps', 'x_y', 'URL Path']);
  });
});

describe('workload tables without a simulated controller', () => {
  const now = Date.parse('2025-01-01T12:10:00Z');
  const meta = { name: 'x', creationTimestamp: '2025-01-01T12:00:00Z' };
  const template = { spec: { containers: [{ name: 'c', image: 'busybox' }] } };

  it('prints DaemonSets, StatefulSets and Jobs as printers.go does', () => {
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta, spec: { selector: { matchLabels: { app: 'x' } }, template }, status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1 } };
    expect(TABLES.DaemonSet!.row(ds, { now, wide: true })).toEqual(['x', '2', '2', '1', '2', '1', '<none>', '10m', 'c', 'busybox', 'app=x']);
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta, spec: { replicas: 3, template }, status: { readyReplicas: 2 } };
    expect(TABLES.StatefulSet!.row(sts, { now, wide: false })).toEqual(['x', '2/3', '10m']);
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: meta, spec: { template }, status: { succeeded: 1, startTime: '2025-01-01T12:00:00Z', completionTime: '2025-01-01T12:00:07Z', conditions: [{ type: 'Complete', status: 'True' }] } };
    expect(TABLES.Job!.row(job, { now, wide: false })).toEqual(['x', 'Complete', '1/1', '7s', '10m']);
  });
});

describe('jsonpath field names', () => {
  it('accepts escaped dots in label keys', () => {
    expect(jsonpath('{.metadata.labels.app\\.kubernetes\\.io/name}', { metadata: { labels: { 'app.kubernetes.io/name': 'web' } } })).toEqual({ ok: true, text: 'web' });
  });
});
