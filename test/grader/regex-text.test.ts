import { describe, expect, it } from 'vitest';
import { regexText } from '../../src/grader/regex-text.js';

describe('regexText', () => {
  it('reads simple goal regexes back as command templates', () => {
    const cases: [string, string | undefined][] = [
      ['^curl\\b', 'curl'],
      ['^kubectl\\b.*\\brollout\\b.*\\bundo\\b', 'kubectl … rollout … undo'],
      ['^curl\\b.*(localhost|127\\.0\\.0\\.1)', 'curl … localhost (or 127.0.0.1)'],
      ['^(cat|tail|head)\\b.*app\\.log', 'cat (or tail, or head) … app.log'],
      ['^(sudo )?iptables(-save)?\\b', 'iptables'],
      ['^nslookup\\b.*\\bweb\\.other\\.svc\\.cluster\\.local\\.?$', 'nslookup … web.other.svc.cluster.local'],
      ['^curl\\b.*\\b10\\.244\\.\\d{1,3}\\.\\d{1,3}\\b', 'curl … 10.244.x.x'],
      ['^apple\\s*$', 'apple'],
      ['Welcome to nginx!|It works!', 'Welcome to nginx! (or It works!)'],
      ['Controlled By:\\s+ReplicaSet/web-', 'Controlled By: ReplicaSet/web-'],
      ['^kubectl\\b(?=.*\\bget\\b)', undefined],
      ['veth[0-9a-f]+@', undefined],
      ['web-[a-z0-9]{6,10}\\s+3', undefined],
      ['(10\\.244\\.\\d+\\.\\d+[\\s\\S]*){3}', undefined],
      ['^\\w+', undefined],
      ['(unclosed', undefined],
      ['.*', undefined],
      ['a'.repeat(301), undefined],
    ];
    expect(cases.map(([re]) => [re, regexText(re)])).toEqual(cases);
  });
});
