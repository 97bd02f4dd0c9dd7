/** Types for marked-terminal 7 (it ships none): the extension factory we use. */
declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked';
  export interface TerminalRendererOptions {
    width?: number;
    reflowText?: boolean;
    showSectionPrefix?: boolean;
    tab?: number;
    emoji?: boolean;
  }
  export function markedTerminal(options?: TerminalRendererOptions, highlightOptions?: unknown): MarkedExtension;
}
