/** Maps a path inside a YAML document to the line it is written on, for `file:line path: message` reports. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A parsed YAML file that can answer "which line is this path on?". */
export interface YamlSource {
  doc: Document;
  lines: LineCounter;
  /** Syntax errors with their lines. */
  errors: { line: number; message: string }[];
}

/** Parses YAML text, keeping positions. */
export function parseYaml(text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line, message: e.message.split('\n')[0]! }));
  return { doc, lines, errors };
}

/**
 * The 1-based line of `path`: the key line for a map entry, the item line for a sequence element. A path that does
 * not exist (a missing field) gets the line of its nearest existing parent.
 */
export function lineOf(src: YamlSource, path: readonly (string | number)[]): number {
  let node: unknown = src.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return src.lines.linePos(offset).line;
}
