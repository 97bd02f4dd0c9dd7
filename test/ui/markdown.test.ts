import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadMarkdown } from '../../src/ui/markdown.js';

describe('markdown for the terminal', () => {
  it('renders inline formatting inside list items, not the raw markers', async () => {
    const render = await loadMarkdown();
    expect(stripVTControlCharacters(render('- item with **bold** and `code`\n- second\n\n1. one `a`\n2. two\n', 60))).toBe(
      '  * item with bold and code\n  * second\n\n  1. one a\n  2. two',
    );
  });

  it('wraps paragraphs at the given width and drops the heading marker', async () => {
    const render = await loadMarkdown();
    expect(stripVTControlCharacters(render('# Title\n\nSome **bold** text and `code` here, a long line that should wrap at forty.', 40))).toBe(
      'Title\n\nSome bold text and code here, a long\nline that should wrap at forty.',
    );
  });
});
