/**
 * The prompt's line editor as a pure reducer (tested without React): insert, cursor moves, delete, kill, history
 * navigation that keeps the draft, and tab completion from a candidate list.
 */
export interface LineState {
  text: string;
  cursor: number;
  /** Index into history while browsing (history.length = the draft). */
  historyIndex: number;
  draft: string;
}

export type LineAction =
  | { type: 'insert'; text: string }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'killLine' }
  | { type: 'killWord' }
  | { type: 'historyPrev'; history: readonly string[] }
  | { type: 'historyNext'; history: readonly string[] }
  | { type: 'complete'; candidates: readonly string[] }
  | { type: 'reset'; historyLength: number };

export const emptyLine = (historyLength = 0): LineState => ({ text: '', cursor: 0, historyIndex: historyLength, draft: '' });

/** The longest common prefix of strings. */
export function commonPrefix(xs: readonly string[]): string {
  if (xs.length === 0) return '';
  let p = xs[0]!;
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

export function lineReducer(s: LineState, a: LineAction): LineState {
  switch (a.type) {
    case 'insert': {
      const clean = a.text.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
      if (!clean) return s;
      return { ...s, text: s.text.slice(0, s.cursor) + clean + s.text.slice(s.cursor), cursor: s.cursor + clean.length };
    }
    case 'left':
      return { ...s, cursor: Math.max(0, s.cursor - 1) };
    case 'right':
      return { ...s, cursor: Math.min(s.text.length, s.cursor + 1) };
    case 'home':
      return { ...s, cursor: 0 };
    case 'end':
      return { ...s, cursor: s.text.length };
    case 'backspace':
      if (s.cursor === 0) return s;
      return { ...s, text: s.text.slice(0, s.cursor - 1) + s.text.slice(s.cursor), cursor: s.cursor - 1 };
    case 'delete':
      return { ...s, text: s.text.slice(0, s.cursor) + s.text.slice(s.cursor + 1) };
    case 'killLine':
      return { ...s, text: s.text.slice(s.cursor), cursor: 0 };
    case 'killWord': {
      const before = s.text.slice(0, s.cursor).replace(/\S+\s*$/, '');
      return { ...s, text: before + s.text.slice(s.cursor), cursor: before.length };
    }
    case 'historyPrev': {
      if (s.historyIndex <= 0 || a.history.length === 0) return s;
      const draft = s.historyIndex >= a.history.length ? s.text : s.draft;
      const i = Math.min(s.historyIndex, a.history.length) - 1;
      const text = a.history[i]!;
      return { text, cursor: text.length, historyIndex: i, draft };
    }
    case 'historyNext': {
      if (s.historyIndex >= a.history.length) return s;
      const i = s.historyIndex + 1;
      const text = i >= a.history.length ? s.draft : a.history[i]!;
      return { text, cursor: text.length, historyIndex: i, draft: s.draft };
    }
    case 'complete': {
      if (a.candidates.length === 0) return s;
      const before = s.text.slice(0, s.cursor);
      const m = /(\S*)$/.exec(before)!;
      const word = m[1]!;
      const fitting = a.candidates.filter((c) => c.startsWith(word));
      if (fitting.length === 0) return s;
      let insert = commonPrefix(fitting);
      if (fitting.length === 1) insert += ' ';
      if (insert.length <= word.length) return s;
      const text = before.slice(0, before.length - word.length) + insert + s.text.slice(s.cursor);
      return { ...s, text, cursor: before.length - word.length + insert.length };
    }
    case 'reset':
      return emptyLine(a.historyLength);
  }
}
