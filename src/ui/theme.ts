/** Semantic colours: components name a role, never a colour. One place to change the palette. */
export const theme = {
  accent: 'cyan',
  title: 'cyanBright',
  muted: 'gray',
  success: 'green',
  danger: 'red',
  warning: 'yellow',
  prompt: 'greenBright',
  hint: 'magenta',
  command: 'white',
} as const;

export type ThemeRole = keyof typeof theme;

/** Marks for task and lesson state. */
export const marks = { done: '✓', todo: '○', current: '▸', failed: '✗', partial: '◐' } as const;
