import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { TranscriptItem } from '../../src/ui/TranscriptItem.js';

const plain = (s: string): string => s;
const frame = (f: string | undefined): string => stripVTControlCharacters(f ?? '');

describe('TranscriptItem output', () => {
  it('prints stdout and stderr in the order the shell produced them (a warning before the table)', () => {
    const item = { type: 'output' as const, id: 1, stdout: 'NAME   ENDPOINTS\nweb    10.244.0.3:80\n', stderr: 'Warning: v1 Endpoints is deprecated\n', exitCode: 0, chunks: [{ fd: 2 as const, text: 'Warning: v1 Endpoints is deprecated\n' }, { fd: 1 as const, text: 'NAME   ENDPOINTS\nweb    10.244.0.3:80\n' }] };
    const ui = render(<TranscriptItem item={item} width={80} markdown={plain} />);
    expect(frame(ui.lastFrame())).toEqual('Warning: v1 Endpoints is deprecated\nNAME   ENDPOINTS\nweb    10.244.0.3:80');
    ui.unmount();
  });

  it('falls back to stdout then stderr for items without chunks', () => {
    const item = { type: 'output' as const, id: 2, stdout: 'after\n', stderr: 'bash: nope: command not found\n', exitCode: 0 };
    const ui = render(<TranscriptItem item={item} width={80} markdown={plain} />);
    expect(frame(ui.lastFrame())).toEqual('after\nbash: nope: command not found');
    ui.unmount();
  });
});
