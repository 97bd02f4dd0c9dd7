/**
 * Lesson prose rendered for the terminal with marked + marked-terminal. Loaded on first use (the heaviest module of
 * the UI); after that, rendering is synchronous and memoised per text and width, so transcript items that Ink prints
 * once (`<Static>`) are complete when they are printed.
 */
export type RenderMarkdown = (md: string, width: number) => string;

let loading: Promise<RenderMarkdown> | undefined;
let loaded: RenderMarkdown | undefined;

async function load(): Promise<RenderMarkdown> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const instances = new Map<number, { parse(md: string): string | Promise<string> }>();
  const cache = new Map<string, string>();
  return (md, width) => {
    const key = `${width}\u0000${md}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let m = instances.get(width);
    if (!m) {
      m = new Marked(markedTerminal({ width, reflowText: true, showSectionPrefix: false, tab: 2 }), {
        // marked-terminal renders a tight list item's text token raw (`**x**` stays as typed): render its inline
        // tokens instead; any other text falls through to marked-terminal (returning false).
        renderer: {
          text(token) {
            const inline = typeof token === 'object' && 'tokens' in token ? token.tokens : undefined;
            return inline?.length ? this.parser.parseInline(inline) : false;
          },
        },
      });
      instances.set(width, m);
    }
    const out = (m.parse(md) as string).replace(/\n+$/, '');
    if (cache.size > 500) cache.clear();
    cache.set(key, out);
    return out;
  };
}

/** Loads the renderer (once). */
export function loadMarkdown(): Promise<RenderMarkdown> {
  loading ??= load().then((r) => (loaded = r));
  return loading;
}

/** The renderer if it has loaded, else undefined. */
export function markdownIfLoaded(): RenderMarkdown | undefined {
  return loaded;
}
