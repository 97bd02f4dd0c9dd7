/**
 * Lesson prose rendered for the terminal with marked + marked-terminal. Loaded on first use (it is the heaviest
 * module of the UI), and memoised per text and width.
 */
type Render = (md: string, width: number) => string;

let renderer: Promise<Render> | undefined;
const cache = new Map<string, string>();

async function load(): Promise<Render> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const instances = new Map<number, InstanceType<typeof Marked>>();
  return (md, width) => {
    let m = instances.get(width);
    if (!m) {
      m = new Marked(markedTerminal({ width, reflowText: true, showSectionPrefix: false, tab: 2 }) as never);
      instances.set(width, m);
    }
    return (m.parse(md) as string).replace(/\n+$/, '');
  };
}

/** Renders markdown to ANSI text wrapped at `width`. */
export async function renderMarkdown(md: string, width: number): Promise<string> {
  const key = `${width}\u0000${md}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  renderer ??= load();
  const out = (await renderer)(md, width);
  if (cache.size > 200) cache.clear();
  cache.set(key, out);
  return out;
}
