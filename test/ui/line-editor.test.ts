import { describe, expect, it } from 'vitest';
import { commonPrefix, emptyLine, lineReducer, type LineAction, type LineState } from '../../src/ui/line-editor.js';

const run = (actions: LineAction[], start: LineState = emptyLine()): LineState => actions.reduce(lineReducer, start);

describe('line editor', () => {
  it('inserts at the cursor and moves it', () => {
    expect(run([{ type: 'insert', text: 'kubectl pods' }, { type: 'left' }, { type: 'left' }, { type: 'left' }, { type: 'left' }, { type: 'insert', text: 'get ' }])).toEqual({
      text: 'kubectl get pods',
      cursor: 12,
      historyIndex: 0,
      draft: '',
    });
  });

  it('strips control characters from pasted text but keeps newlines', () => {
    expect(run([{ type: 'insert', text: 'a\x1bb\r\nc' }]).text).toBe('ab\nc');
  });

  it('browses history and returns to the draft', () => {
    const history = ['kubectl get pods', 'kubectl get svc'];
    const s = run([{ type: 'insert', text: 'draft' }, { type: 'historyPrev', history }, { type: 'historyPrev', history }], emptyLine(2));
    expect(s).toEqual({ text: 'kubectl get pods', cursor: 16, historyIndex: 0, draft: 'draft' });
    expect(run([{ type: 'historyPrev', history }, { type: 'historyNext', history }, { type: 'historyNext', history }], s)).toEqual({
      text: 'draft',
      cursor: 5,
      historyIndex: 2,
      draft: 'draft',
    });
  });

  it('kills the word before the cursor and the line before the cursor', () => {
    expect(run([{ type: 'insert', text: 'kubectl get pods' }, { type: 'killWord' }]).text).toBe('kubectl get ');
    expect(run([{ type: 'insert', text: 'kubectl get pods' }, { type: 'left' }, { type: 'killLine' }])).toEqual({ text: 's', cursor: 0, historyIndex: 0, draft: '' });
  });

  it('completes the current word to the common prefix, adding a space when unique', () => {
    expect(run([{ type: 'insert', text: 'kubectl ge' }, { type: 'complete', candidates: ['get', 'explain'] }]).text).toBe('kubectl get ');
    expect(run([{ type: 'insert', text: 'kubectl de' }, { type: 'complete', candidates: ['delete', 'describe'] }]).text).toBe('kubectl de');
    expect(run([{ type: 'insert', text: 'kubectl r' }, { type: 'complete', candidates: ['rollout', 'run'] }]).text).toBe('kubectl r');
    expect(run([{ type: 'insert', text: 'kubectl rollout st' }, { type: 'complete', candidates: ['status'] }]).text).toBe('kubectl rollout status ');
  });

  it('computes common prefixes', () => {
    expect(commonPrefix(['describe', 'delete', 'deploy'])).toBe('de');
    expect(commonPrefix([])).toBe('');
  });
});
