/**
 * Terminal column width of a string, used at build time in place of `string-width` (Ink, wrap-ansi and slice-ansi
 * measure every piece of text with it). `string-width` builds an `Intl.Segmenter` and compiles the
 * `\p{RGI_Emoji}` set on first use, about 30 ms of the first frame; this counts code points instead:
 * control characters, combining marks, joiners and variation selectors take no column; characters with
 * Emoji_Presentation (and a text character followed by VS16) take two; the rest follow East Asian Width.
 * It agrees with `string-width` on text, box drawing, arrows, marks, CJK and single emoji (see its test); an emoji
 * ZWJ sequence or a flag counts wider than one glyph — rare in a terminal tutor, and only a layout nicety.
 */
import { stripVTControlCharacters } from 'node:util';
import { eastAsianWidth } from 'get-east-asian-width';

export interface Options {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ZERO_WIDTH = /^[\p{Mark}\p{Default_Ignorable_Code_Point}]$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
const EMOJI = /^\p{Emoji}$/u;

export default function stringWidth(input: string, options: Options = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const text = options.countAnsiEscapeCodes ? input : stripVTControlCharacters(input);
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const ambiguousAsWide = options.ambiguousIsNarrow === false;
  let width = 0;
  let previous = '';
  let previousWidth = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let w: number;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) w = 0;
    else if (cp === 0xfe0f) {
      // VS16 turns a text-style emoji (☺, ✔) into its two-column emoji form.
      w = previousWidth === 1 && EMOJI.test(previous) ? 1 : 0;
    } else if (ZERO_WIDTH.test(ch)) w = 0;
    else if (EMOJI_PRESENTATION.test(ch)) w = 2;
    else w = eastAsianWidth(cp, { ambiguousAsWide });
    width += w;
    previous = ch;
    previousWidth = w;
  }
  return width;
}
