/**
 * The prompt: a one-line editor with history (↑/↓), Tab completion, cursor keys and readline kills. Pasted text with
 * newlines is submitted line by line, so a pasted heredoc works as typed.
 */
import { Text, useInput } from 'ink';
import { useReducer, useState } from 'react';
import type { Completion } from '../tutor/types.js';
import { match } from './keys.js';
import { emptyLine, lineReducer } from './line-editor.js';
import { theme } from './theme.js';

export interface PromptInputProps {
  prompt: string;
  history: readonly string[];
  onSubmit(line: string): void;
  complete(line: string): Completion;
  onEscape(): void;
  onInterrupt(): void;
  onClear(): void;
}

export function PromptInput({ prompt, history, onSubmit, complete, onEscape, onInterrupt, onClear }: PromptInputProps) {
  const [state, dispatch] = useReducer(lineReducer, emptyLine(history.length));
  const [candidates, setCandidates] = useState<string[]>([]);
  useInput((input, key) => {
    if (match('interrupt', input, key)) {
      if (state.text) dispatch({ type: 'reset', historyLength: history.length });
      else onInterrupt();
      return;
    }
    if (candidates.length) setCandidates([]);
    if (match('submit', input, key)) {
      const line = state.text;
      dispatch({ type: 'reset', historyLength: history.length + (line.trim() ? 1 : 0) });
      onSubmit(line);
      return;
    }
    if (match('back', input, key)) return onEscape();
    if (match('clearScreen', input, key)) return onClear();
    if (match('historyPrev', input, key)) return dispatch({ type: 'historyPrev', history });
    if (match('historyNext', input, key)) return dispatch({ type: 'historyNext', history });
    if (match('complete', input, key)) {
      const c = complete(state.text.slice(0, state.cursor));
      const word = state.text.slice(c.start, state.cursor);
      const fitting = c.candidates.filter((x) => x.startsWith(word));
      dispatch({ type: 'complete', candidates: fitting });
      if (fitting.length > 1) setCandidates(fitting.slice(0, 40));
      return;
    }
    if (match('cursorLeft', input, key)) return dispatch({ type: 'left' });
    if (match('cursorRight', input, key)) return dispatch({ type: 'right' });
    if (match('lineStart', input, key)) return dispatch({ type: 'home' });
    if (match('lineEnd', input, key)) return dispatch({ type: 'end' });
    if (match('deleteBack', input, key)) return dispatch({ type: 'backspace' });
    if (match('deleteForward', input, key)) return dispatch({ type: 'delete' });
    if (match('killLine', input, key)) return dispatch({ type: 'killLine' });
    if (match('killWord', input, key)) return dispatch({ type: 'killWord' });
    if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return;
    if (/[\r\n]/.test(input)) {
      // A paste with newlines: submit each complete line, keep the last part in the editor.
      const lines = (state.text.slice(0, state.cursor) + input + state.text.slice(state.cursor)).split(/\r\n|\r|\n/);
      const last = lines.pop() ?? '';
      for (const l of lines) onSubmit(l);
      dispatch({ type: 'reset', historyLength: history.length + lines.filter((l) => l.trim()).length });
      if (last) dispatch({ type: 'insert', text: last });
      return;
    }
    dispatch({ type: 'insert', text: input });
  });
  const before = state.text.slice(0, state.cursor);
  const at = state.text[state.cursor] ?? ' ';
  const after = state.text.slice(state.cursor + 1);
  return (
    <>
      {candidates.length ? <Text color={theme.muted}>{candidates.join('  ')}</Text> : null}
      <Text>
        <Text color={theme.prompt}>{prompt}</Text>
        {before}
        <Text inverse>{at}</Text>
        {after}
      </Text>
    </>
  );
}
