/** Table output as kubectl prints it: Go's tabwriter with minwidth 0, padding 3, left-aligned. AGE formatting. */

/** Renders rows (first row the header) with columns padded to the widest cell plus 3 spaces; no trailing spaces. */
export function renderTable(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]! + 3))).join('').trimEnd() + '\n').join('');
}

/**
 * `duration.HumanDuration` from apimachinery, which AGE uses: `45s`, `2m5s`, `12m`, `3h4m`, `15h`, `3d4h`, `45d`, `2y40d`.
 */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 0) return '<invalid>';
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (h < 24 * 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  const y = Math.floor(d / 365);
  if (y < 8) return d % 365 === 0 ? `${y}y` : `${y}y${d % 365}d`;
  return `${y}y`;
}

/** AGE of an object created at `created` (RFC 3339) at simulated time `now`. */
export function age(created: string | undefined, now: number): string {
  if (!created) return '<unknown>';
  return humanDuration(now - Date.parse(created));
}

/**
 * Go's `text/tabwriter` with padding character ' ' and no flags, as kubectl uses it (`get`: padding 3, `describe`:
 * padding 2). Cells are tab-terminated; the text after a line's last tab is not aligned. A column block is a run of
 * consecutive lines that have a cell in that column, exactly like tabwriter's recursive `format`.
 */
export function tabwrite(text: string, padding: number): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      let s = '';
      cells.forEach((c, j) => {
        s += j < widths.length && j < cells.length - 1 ? c.padEnd(widths[j]!) : c;
      });
      out.push(s);
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      writeLines(start, i);
      start = i;
      let width = 0;
      for (; i < line1; i++) {
        const cells = lines[i]!;
        if (column >= cells.length - 1) break;
        width = Math.max(width, cells[column]!.length + padding);
      }
      widths.push(width);
      format(start, i);
      widths.pop();
      start = i;
      i--;
    }
    writeLines(start, line1);
  };
  format(0, lines.length);
  return out.join('\n');
}
