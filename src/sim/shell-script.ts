/**
 * What a container's main shell script prints before it settles into its loop: `sh -c "echo worker ready; while
 * true; do sleep 5; done"` writes `worker ready` to the container log, as the real shell would. Only `echo` and
 * `printf` statements are modelled (quotes, `echo -n`, printf's `%s`/`%d` and `\n`); the script is read up to its
 * first loop or blocking command (`while`, `until`, `for`, `sleep`, `tail -f`, `exec`), and every other statement is
 * ignored silently (it prints nothing here).
 */

/** Splits a script into statements on `;`, `&&`, `||` and newlines outside quotes. */
export function statements(script: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"' && i + 1 < script.length) {
        cur += ch + script[++i]!;
        continue;
      }
      cur += ch;
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      cur += ch;
    } else if (ch === ';' || ch === '\n' || ((ch === '&' || ch === '|') && script[i + 1] === ch)) {
      if (ch === '&' || ch === '|') i++;
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter(Boolean);
}

/** Words of a statement with quotes removed (no expansion). */
export function words(statement: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  let quote = '';
  for (let i = 0; i < statement.length; i++) {
    const ch = statement[i]!;
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"' && /["\\$`]/.test(statement[i + 1] ?? '')) cur = (cur ?? '') + statement[++i]!;
      else cur = (cur ?? '') + ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      cur ??= '';
    } else if (/\s/.test(ch)) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else if (ch === '\\' && i + 1 < statement.length) cur = (cur ?? '') + statement[++i]!;
    else cur = (cur ?? '') + ch;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\(n|t|\\)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

/** `printf FORMAT ARGS…`: `%s`, `%d`, `%%` and backslash escapes; the format is reused while arguments remain. */
function printf(args: string[]): string {
  const [format = '', ...rest] = args;
  let out = '';
  let i = 0;
  for (let round = 0; round < 100; round++) {
    out += unescape(format).replace(/%([sd%])/g, (_, k: string) => (k === '%' ? '%' : k === 'd' ? String(Number(rest[i++] ?? 0) || 0) : (rest[i++] ?? '')));
    if (i >= rest.length || !/%[sd]/.test(format)) break;
  }
  return out;
}

const BLOCKING = /^(while|until|for|sleep|tail|exec|wait|nginx|httpd)$/;

/**
 * The text a shell script (`sh -c SCRIPT` / `bash -c SCRIPT`; `argv` is the container's command line) writes to
 * stdout before its first loop or blocking command, split into log lines. Empty when it prints nothing we model.
 */
export function scriptOutput(argv: string[]): string[] {
  const c = argv.indexOf('-c');
  if (c < 0 || !/(^|\/)(sh|bash|ash|dash)$/.test(argv[0] ?? '')) return [];
  let text = '';
  for (const st of statements(argv[c + 1] ?? '')) {
    const w = words(st);
    const cmd = w[0] ?? '';
    if (BLOCKING.test(cmd)) break;
    if (cmd === 'echo') {
      const noNewline = w[1] === '-n';
      text += w.slice(noNewline ? 2 : 1).join(' ') + (noNewline ? '' : '\n');
    } else if (cmd === 'printf') text += printf(w.slice(1));
  }
  if (!text) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
