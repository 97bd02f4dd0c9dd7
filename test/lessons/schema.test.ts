import { describe, expect, it } from 'vitest';
import { parseCheck, parseQuizItem } from '../../src/lessons/schema.js';
import { lineOf, parseYaml } from '../../src/lessons/yaml-lines.js';

describe('goal items', () => {
  it('turns `- name: {…}` into a tagged check, with an optional message', () => {
    expect(parseCheck({ podsReady: { selector: { app: 'web' }, count: 2 }, message: 'Run two web pods.' })).toEqual({
      check: { type: 'podsReady', selector: { app: 'web' }, count: 2, message: 'Run two web pods.' },
    });
    expect(parseCheck({ cel: 'size(pods) > 0', message: 'Run a pod.' })).toEqual({ check: { type: 'cel', expr: 'size(pods) > 0', message: 'Run a pod.' } });
    expect(parseCheck({ connection: { from: 'host', to: { service: 'web', port: 80 }, expect: 'timeout' } })).toEqual({
      check: { type: 'connection', from: { host: true }, to: { service: 'web', port: 80 }, expect: 'timeout' },
    });
  });

  it('says precisely what is wrong', () => {
    expect(parseCheck('podsReady')).toEqual({
      issues: [{ path: [], message: 'must be a mapping with one check (objectExists, podsReady, serviceEndpoints, dnsResolves, connection, ranInContainer, ranCommand, fileContains, cel)' }],
    });
    expect(parseCheck({ podsReady: { selector: { app: 'web' } }, serviceEndpoints: { service: 'web' } })).toEqual({
      issues: [{ path: ['serviceEndpoints'], message: 'unknown field "serviceEndpoints" beside check "podsReady"' }],
    });
    expect(parseCheck({ podsReady: { selectr: { app: 'web' } } })).toEqual({
      issues: [
        { path: ['podsReady', 'selector'], message: 'is required' },
        { path: ['podsReady', 'selectr'], message: 'unknown field "selectr"' },
      ],
    });
    expect(parseCheck({ serviceEndpoints: { service: 'web', count: 1.5 } })).toEqual({ issues: [{ path: ['serviceEndpoints', 'count'], message: 'must be a whole number' }] });
    expect(parseCheck({ connection: { from: { pod: 'web' }, to: { url: 'http://web' }, expect: 'allowed' } })).toEqual({
      issues: [{ path: ['connection', 'from'], message: 'does not match any allowed form' }],
    });
    expect(parseCheck({ cel: 42, message: 'x' })).toEqual({ issues: [{ path: ['cel'], message: 'must be a CEL expression (a string)' }] });
  });
});

describe('quiz items', () => {
  it('tells multiple choice from short answer by `choices`', () => {
    expect(parseQuizItem({ question: 'Q', choices: ['a', 'b'], answer: 1, explanation: 'E' })).toEqual({ type: 'choice', value: { question: 'Q', choices: ['a', 'b'], answer: 1, explanation: 'E' } });
    expect(parseQuizItem({ question: 'Q', accept: ['x'], explanation: 'E' })).toEqual({ type: 'short', value: { question: 'Q', accept: ['x'], explanation: 'E' } });
    expect(parseQuizItem({ question: 'Q', choices: ['a'], answer: 0, explanation: 'E' })).toEqual({ issues: [{ path: ['choices'], message: 'needs at least 2 items' }] });
  });
});

describe('lines of YAML paths', () => {
  it('finds the key line of a map entry, the item line of a list element, and the parent line of a missing path', () => {
    const src = parseYaml('a: 1\nlist:\n  - x: 1\n  - x: 2\n    y: 3\n');
    expect([lineOf(src, ['a']), lineOf(src, ['list']), lineOf(src, ['list', 1]), lineOf(src, ['list', 1, 'y']), lineOf(src, ['list', 1, 'zzz']), lineOf(src, ['nope'])]).toEqual([1, 2, 4, 5, 4, 1]);
  });
});
