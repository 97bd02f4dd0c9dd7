/**
 * Every key binding of the TUI, in one place (gemini-cli's rule). Components ask `match(binding, input, key)`, so a
 * binding is changed here once.
 */
import type { Key } from 'ink';

export type Binding =
  | 'submit'
  | 'historyPrev'
  | 'historyNext'
  | 'complete'
  | 'cursorLeft'
  | 'cursorRight'
  | 'lineStart'
  | 'lineEnd'
  | 'deleteBack'
  | 'deleteForward'
  | 'killLine'
  | 'killWord'
  | 'clearScreen'
  | 'interrupt'
  | 'menuUp'
  | 'menuDown'
  | 'menuOpen'
  | 'menuQuit'
  | 'back';

/** Whether a keypress (Ink's `useInput` arguments) is the given binding. */
export function match(binding: Binding, input: string, key: Key): boolean {
  switch (binding) {
    case 'submit':
    case 'menuOpen':
      return key.return;
    case 'historyPrev':
      return key.upArrow || (key.ctrl && input === 'p');
    case 'historyNext':
      return key.downArrow || (key.ctrl && input === 'n');
    case 'menuUp':
      return key.upArrow || input === 'k';
    case 'menuDown':
      return key.downArrow || input === 'j';
    case 'complete':
      return key.tab;
    case 'cursorLeft':
      return key.leftArrow || (key.ctrl && input === 'b');
    case 'cursorRight':
      return key.rightArrow || (key.ctrl && input === 'f');
    case 'lineStart':
      return key.home || (key.ctrl && input === 'a');
    case 'lineEnd':
      return key.end || (key.ctrl && input === 'e');
    case 'deleteBack':
      return key.backspace || (key.delete && !key.ctrl && input === '');
    case 'deleteForward':
      return key.ctrl && input === 'd';
    case 'killLine':
      return key.ctrl && input === 'u';
    case 'killWord':
      return key.ctrl && input === 'w';
    case 'clearScreen':
      return key.ctrl && input === 'l';
    case 'interrupt':
      return key.ctrl && input === 'c';
    case 'menuQuit':
      return input === 'q' || key.escape;
    case 'back':
      return key.escape;
  }
}

/** Help lines for the status bar. */
export const KEY_HELP = {
  menu: '↑/↓ choose · Enter open · q quit',
  lesson: '↑/↓ history · Tab complete · Esc lessons · Ctrl-C twice quits · type "hint" or "help"',
};
