/**
 * A POSIX-shell subset parser: words with single/double quotes and backslash escapes, `$VAR`, `${VAR}`, `$(…)` and
 * backticks kept for expansion at run time, pipelines, `&&`, `||`, `;`, redirections (`>`, `>>`, `<`, `2>`, `2>&1`,
 * `&>`) and heredocs (`<<EOF`, `<<-EOF`, `<<'EOF'`). Never throws: a syntax error is a value, worded as bash words it.
 */

/** A piece of a word: literal text, a variable, or a command substitution. `quoted` parts are not field-split. */
export type WordPart =
  | { type: 'lit'; text: string; quoted: boolean }
  | { type: 'var'; name: string; quoted: boolean; op?: VarOp; arg?: string }
  | { type: 'sub'; source: string; quoted: boolean };

/** Parameter expansion operators we support: `${X:-d}`, `${X-d}`, `${X:=d}`, `${X:+a}`, `${#X}`. */
export type VarOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | '#';

export type Word = WordPart[];

export interface Redirect {
  fd: 0 | 1 | 2;
  op: '>' | '>>' | '<' | '>&' | '<<' | '<<<';
  /** Target word; for `2>&1` the literal `1`; for a heredoc, the body (already collected). */
  target: Word;
  /** Heredoc body is expanded unless its delimiter was quoted. */
  heredocExpand?: boolean;
  /** `&>`/`&>>`: stdout and stderr both go to the target. */
  both?: boolean;
}

export interface SimpleCommand {
  assignments: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  commands: SimpleCommand[];
  negate?: boolean;
}

/** A list: pipelines joined by `;`, `&&`, `||` (the operator before each item; the first has ';'). */
export interface CommandList {
  items: { op: ';' | '&&' | '||'; pipeline: Pipeline }[];
}

export type ParseResult = { ok: true; list: CommandList } | { ok: false; error: string; incomplete: boolean };

const MAX_INPUT = 100_000;

class Lexer {
  pos = 0;
  /** Heredocs waiting for their body, in order of appearance. */
  pendingHeredocs: { redirect: Redirect; delim: string; strip: boolean }[] = [];
  constructor(readonly src: string) {}

  peek(n = 0): string {
    return this.src[this.pos + n] ?? '';
  }
  eof(): boolean {
    return this.pos >= this.src.length;
  }
  skipBlanks(): void {
    for (;;) {
      const ch = this.peek();
      if (ch === ' ' || ch === '\t') this.pos++;
      else if (ch === '\\' && this.peek(1) === '\n') this.pos += 2;
      else if (ch === '#') {
        while (!this.eof() && this.peek() !== '\n') this.pos++;
      } else break;
    }
  }
}

/** Thrown inside the parser only (caught by `parse`); plain classes, not Errors, so no stack is captured. */
class Incomplete {}
class Syntax {
  constructor(readonly message: string) {}
}
/** Valid bash this sandbox does not run (loops, conditionals, functions, subshells, arithmetic). */
class Unsupported extends Syntax {
  constructor(what: string) {
    super(`${what}: not supported in this sandbox (no loops, conditionals, functions or subshells; run one command at a time)`);
  }
}

/** bash's `syntax error near unexpected token` with the token as bash names it (`newline` for the end of a line). */
function unexpected(token: string): Syntax {
  return new Syntax(`syntax error near unexpected token \`${token === '' || token === '\n' ? 'newline' : token}'`);
}

/** Reserved words that start compound commands bash has and we do not. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select', '{', '}', '[[', ']]', 'coproc']);

function isMeta(ch: string): boolean {
  return ch === '' || ' \t\n;&|<>()'.includes(ch);
}

/** Reads `$(...)` starting after `$(`, honouring nested parens and quotes. Returns the inner source. */
function readSubstitution(lx: Lexer): string {
  let depth = 1;
  const start = lx.pos;
  while (!lx.eof()) {
    const ch = lx.peek();
    if (ch === "'") {
      const end = lx.src.indexOf("'", lx.pos + 1);
      if (end < 0) throw new Incomplete();
      lx.pos = end + 1;
      continue;
    }
    if (ch === '\\') {
      lx.pos += 2;
      continue;
    }
    if (ch === '"') {
      let j = lx.pos + 1;
      while (j < lx.src.length && lx.src[j] !== '"') j += lx.src[j] === '\\' ? 2 : 1;
      if (j >= lx.src.length) throw new Incomplete();
      lx.pos = j + 1;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') {
      depth--;
      if (depth === 0) {
        const inner = lx.src.slice(start, lx.pos);
        lx.pos++;
        return inner;
      }
    }
    lx.pos++;
  }
  throw new Incomplete();
}

/** Reads `$NAME`, `${NAME}`, `$(...)`, `$?` etc. after the `$`. Returns undefined for a lone `$`. */
function readDollar(lx: Lexer, quoted: boolean): WordPart | undefined {
  const ch = lx.peek();
  if (ch === '(') {
    if (lx.peek(1) === '(') throw new Unsupported('$((…)): arithmetic expansion');
    lx.pos++;
    return { type: 'sub', source: readSubstitution(lx), quoted };
  }
  if (ch === '{') {
    const end = lx.src.indexOf('}', lx.pos);
    if (end < 0) throw new Incomplete();
    const body = lx.src.slice(lx.pos + 1, end);
    lx.pos = end + 1;
    if (/^[A-Za-z_][A-Za-z0-9_]*$|^[?#$0-9]$/.test(body)) return { type: 'var', name: body, quoted };
    const len = /^#([A-Za-z_][A-Za-z0-9_]*)$/.exec(body);
    if (len) return { type: 'var', name: len[1]!, quoted, op: '#' };
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(:-|-|:=|=|:\+|\+)(.*)$/s.exec(body);
    if (m) return { type: 'var', name: m[1]!, quoted, op: m[2] as VarOp, arg: m[3]!.replace(/^(["'])(.*)\1$/s, '$2') };
    throw new Syntax(`\${${body.replace(/[\n\r\t]/g, (c) => JSON.stringify(c).slice(1, -1))}}: bad substitution`);
  }
  if (/[?#$0-9]/.test(ch)) {
    lx.pos++;
    return { type: 'var', name: ch, quoted };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(lx.src.slice(lx.pos));
  if (!m) return undefined;
  lx.pos += m[0].length;
  return { type: 'var', name: m[0], quoted };
}

function pushLit(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last && last.type === 'lit' && last.quoted === quoted) last.text += text;
  else parts.push({ type: 'lit', text, quoted });
}

/** Reads one word; returns undefined at a metacharacter. */
function readWord(lx: Lexer): Word | undefined {
  const parts: WordPart[] = [];
  let any = false;
  while (!isMeta(lx.peek())) {
    any = true;
    const ch = lx.peek();
    if (ch === "'") {
      const end = lx.src.indexOf("'", lx.pos + 1);
      if (end < 0) throw new Incomplete();
      pushLit(parts, lx.src.slice(lx.pos + 1, end), true);
      lx.pos = end + 1;
    } else if (ch === '"') {
      lx.pos++;
      pushLit(parts, '', true);
      for (;;) {
        if (lx.eof()) throw new Incomplete();
        const c = lx.peek();
        if (c === '"') {
          lx.pos++;
          break;
        }
        if (c === '\\' && '"\\$`\n'.includes(lx.peek(1))) {
          if (lx.peek(1) !== '\n') pushLit(parts, lx.peek(1), true);
          lx.pos += 2;
        } else if (c === '$') {
          lx.pos++;
          const p = readDollar(lx, true);
          if (p) parts.push(p);
          else pushLit(parts, '$', true);
        } else if (c === '`') {
          const end = lx.src.indexOf('`', lx.pos + 1);
          if (end < 0) throw new Incomplete();
          parts.push({ type: 'sub', source: lx.src.slice(lx.pos + 1, end), quoted: true });
          lx.pos = end + 1;
        } else {
          pushLit(parts, c, true);
          lx.pos++;
        }
      }
    } else if (ch === '\\') {
      if (lx.pos + 1 >= lx.src.length) throw new Incomplete();
      if (lx.peek(1) !== '\n') pushLit(parts, lx.peek(1), true);
      lx.pos += 2;
    } else if (ch === '$') {
      lx.pos++;
      const p = readDollar(lx, false);
      if (p) parts.push(p);
      else pushLit(parts, '$', false);
    } else if (ch === '`') {
      const end = lx.src.indexOf('`', lx.pos + 1);
      if (end < 0) throw new Incomplete();
      parts.push({ type: 'sub', source: lx.src.slice(lx.pos + 1, end), quoted: false });
      lx.pos = end + 1;
    } else {
      pushLit(parts, ch, false);
      lx.pos++;
    }
  }
  return any ? parts : undefined;
}

/** The literal text of a word if it has no expansions (used for heredoc delimiters and assignments). */
export function literalOf(w: Word): string | undefined {
  let s = '';
  for (const p of w) {
    if (p.type !== 'lit') return undefined;
    s += p.text;
  }
  return s;
}

function readRedirect(lx: Lexer): Redirect | undefined {
  const rest = lx.src.slice(lx.pos);
  const m = /^(&>>|&>|2>&1|1>&2|>&2|[12]?>>|[012]?>\|?|0?<<<|0?<<-|0?<<|0?<)/.exec(rest);
  if (!m) return undefined;
  const op = m[0].replace('>|', '>');
  lx.pos += m[0].length;
  if (lx.peek() === '(' && (op === '<' || op === '>')) throw new Unsupported(`${op}(…): process substitution`);
  if (op === '2>&1') return { fd: 2, op: '>&', target: [{ type: 'lit', text: '1', quoted: false }] };
  if (op === '1>&2' || op === '>&2') return { fd: 1, op: '>&', target: [{ type: 'lit', text: '2', quoted: false }] };
  lx.skipBlanks();
  const target = readWord(lx);
  if (!target) throw unexpected(lx.peek());
  if (op.endsWith('<<<')) return { fd: 0, op: '<<<', target };
  if (op.includes('<<')) {
    const delim = target.map((p) => (p.type === 'lit' ? p.text : '')).join('');
    const r: Redirect = { fd: 0, op: '<<', target: [], heredocExpand: target.every((p) => !p.quoted) };
    lx.pendingHeredocs.push({ redirect: r, delim, strip: op.endsWith('-') });
    return r;
  }
  if (op.startsWith('&')) return { fd: 1, op: op === '&>>' ? '>>' : '>', target, both: true };
  const fd = (op[0] === '2' ? 2 : op.includes('<') ? 0 : 1) as 0 | 1 | 2;
  const base = op.replace(/^[012]/, '') as Redirect['op'];
  return { fd, op: base, target };
}

/** After a newline: collects the bodies of pending heredocs. */
function readHeredocBodies(lx: Lexer): void {
  for (const h of lx.pendingHeredocs) {
    const lines: string[] = [];
    for (;;) {
      if (lx.eof()) throw new Incomplete();
      let end = lx.src.indexOf('\n', lx.pos);
      if (end < 0) end = lx.src.length;
      let line = lx.src.slice(lx.pos, end);
      lx.pos = Math.min(end + 1, lx.src.length);
      if (h.strip) line = line.replace(/^\t+/, '');
      if (line === h.delim) break;
      lines.push(line);
      if (end === lx.src.length) throw new Incomplete();
    }
    const body = lines.length ? lines.join('\n') + '\n' : '';
    h.redirect.target = h.redirect.heredocExpand ? parseHeredocBody(body) : [{ type: 'lit', text: body, quoted: true }];
  }
  lx.pendingHeredocs = [];
}

/** A heredoc body with `$VAR` and `$(…)` expanded but quotes kept literally. */
function parseHeredocBody(body: string): Word {
  const lx = new Lexer(body);
  const parts: WordPart[] = [];
  while (!lx.eof()) {
    const ch = lx.peek();
    if (ch === '\\' && '$`\\'.includes(lx.peek(1))) {
      pushLit(parts, lx.peek(1), true);
      lx.pos += 2;
    } else if (ch === '$') {
      lx.pos++;
      let p: WordPart | undefined;
      try {
        p = readDollar(lx, true);
      } catch {
        p = undefined;
      }
      if (p) parts.push(p);
      else pushLit(parts, '$', true);
    } else {
      pushLit(parts, ch, true);
      lx.pos++;
    }
  }
  return parts.length ? parts : [{ type: 'lit', text: '', quoted: true }];
}

function readCommand(lx: Lexer): SimpleCommand | undefined {
  const cmd: SimpleCommand = { assignments: [], words: [], redirects: [] };
  for (;;) {
    lx.skipBlanks();
    const r = readRedirect(lx);
    if (r) {
      cmd.redirects.push(r);
      continue;
    }
    const ch = lx.peek();
    if (ch === '(' && cmd.words.length === 0 && cmd.assignments.length === 0) throw new Unsupported('(…): subshells');
    if (ch === '(') {
      const name = cmd.words.length === 1 ? literalOf(cmd.words[0]!) : undefined;
      throw name !== undefined && /^[A-Za-z_][\w.-]*$/.test(name) ? new Unsupported(`${name}(): functions`) : unexpected('(');
    }
    if (ch === ')') throw unexpected(ch);
    const w = readWord(lx);
    if (!w) break;
    if (cmd.words.length === 0 && cmd.assignments.length === 0) {
      const first = literalOf(w);
      if (first !== undefined && w.every((p) => !p.quoted) && RESERVED.has(first)) throw new Unsupported(first);
    }
    const lit = w[0]?.type === 'lit' && !w[0].quoted ? w[0].text : '';
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(lit);
    if (m && cmd.words.length === 0) {
      const first = w[0] as { type: 'lit'; text: string; quoted: boolean };
      const value: Word = [{ ...first, text: first.text.slice(m[0].length) }, ...w.slice(1)];
      cmd.assignments.push({ name: m[1]!, value });
    } else cmd.words.push(w);
  }
  return cmd.words.length || cmd.assignments.length || cmd.redirects.length ? cmd : undefined;
}

function readPipeline(lx: Lexer): Pipeline | undefined {
  lx.skipBlanks();
  let negate = false;
  if (lx.peek() === '!' && isMeta(lx.peek(1))) {
    negate = true;
    lx.pos++;
  }
  const first = readCommand(lx);
  if (!first) return undefined;
  const commands = [first];
  for (;;) {
    lx.skipBlanks();
    if (lx.peek() === '|' && lx.peek(1) !== '|') {
      lx.pos++;
      for (;;) {
        lx.skipBlanks();
        if (lx.peek() === '\n') {
          lx.pos++;
          readHeredocBodies(lx);
        } else break;
      }
      if (lx.eof()) throw new Incomplete();
      const next = readCommand(lx);
      if (!next) throw unexpected(lx.peek() || '|');
      commands.push(next);
    } else break;
  }
  return { commands, negate };
}

/** Parses a whole input (one line or a script). `incomplete` means more lines would complete it (open quote, heredoc). */
export function parse(src: string): ParseResult {
  if (src.length > MAX_INPUT) return { ok: false, error: 'input too long', incomplete: false };
  const lx = new Lexer(src);
  const items: CommandList['items'] = [];
  let op: ';' | '&&' | '||' = ';';
  let needMore = false;
  try {
    for (let guard = 0; guard < MAX_INPUT; guard++) {
      lx.skipBlanks();
      if (lx.eof()) break;
      if (lx.peek() === '\n') {
        lx.pos++;
        readHeredocBodies(lx);
        if (needMore) continue;
        op = ';';
        continue;
      }
      const p = readPipeline(lx);
      if (!p) {
        const t = lx.src.slice(lx.pos, lx.pos + 2);
        const tok = t === '&&' || t === '||' || t === ';;' ? t : lx.peek();
        throw unexpected(tok);
      }
      items.push({ op, pipeline: p });
      needMore = false;
      lx.skipBlanks();
      const two = lx.src.slice(lx.pos, lx.pos + 2);
      if (two === '&&' || two === '||') {
        op = two;
        lx.pos += 2;
        needMore = true;
      } else if (lx.peek() === ';') {
        op = ';';
        lx.pos++;
      } else if (lx.peek() === '&') {
        op = ';';
        lx.pos++;
      } else if (lx.peek() === '\n' || lx.eof()) {
        op = ';';
      } else {
        throw unexpected(lx.peek());
      }
    }
    if (lx.pendingHeredocs.length) throw new Incomplete();
    if (needMore) throw new Incomplete();
    return { ok: true, list: { items } };
  } catch (e) {
    if (e instanceof Incomplete) return { ok: false, error: 'syntax error: unexpected end of file', incomplete: true };
    if (e instanceof Syntax) return { ok: false, error: e.message, incomplete: false };
    throw e;
  }
}

/**
 * bash's history expansion of `!!` (the previous line) and `!$` (its last word) outside single quotes, as in
 * `sudo !!`. Returns the line unchanged when there is nothing to expand, or the event that does not exist.
 */
export function expandHistory(line: string, previous: string | undefined): string | { event: string } {
  if (!line.includes('!')) return line;
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const next = line[i + 1];
    if (ch === '\\' && quote !== "'") {
      out += ch + (next ?? '');
      i++;
      continue;
    }
    if (ch === "'" && quote !== '"') quote = quote ? undefined : "'";
    else if (ch === '"' && quote !== "'") quote = quote ? undefined : '"';
    if (ch === '!' && quote !== "'" && (next === '!' || next === '$')) {
      if (previous === undefined) return { event: `!${next}` };
      const words = previous.trim().split(/\s+/);
      out += next === '!' ? previous : (words[words.length - 1] ?? '');
      i++;
      continue;
    }
    out += ch;
  }
  return out;
}
