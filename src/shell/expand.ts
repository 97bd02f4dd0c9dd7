/**
 * Word expansion as bash does it, in bash's order: tilde, parameters (`$X`, `${X:-d}`, `${#X}`), command substitution,
 * field splitting of unquoted results, then pathname expansion (`*`, `?`, `[…]`) against the location's file system.
 * A pattern that matches nothing stays as typed (bash's default, no `nullglob`). Every loop is bounded.
 */
import { resolvePath, type FileSystem } from '../sim/index.js';
import type { Word, WordPart } from './parse.js';

/** What expansion needs from the session. */
export interface Expander {
  /** A variable's value, or undefined when unset. */
  lookup(name: string): string | undefined;
  /** Sets a variable (for `${X:=d}`). */
  assign(name: string, value: string): void;
  /** Runs a command substitution and returns its stdout without trailing newlines. */
  substitute(source: string): string;
  /** The file system and working directory used for `*` patterns and `~`. */
  fs: FileSystem | undefined;
  cwd: string;
  home: string;
}

const MAX_GLOB_MATCHES = 2_000;

/** The value of a `var` part, applying its operator. */
export function varValue(part: Extract<WordPart, { type: 'var' }>, x: Expander): string {
  const v = x.lookup(part.name);
  const arg = part.arg ?? '';
  switch (part.op) {
    case undefined:
      return v ?? '';
    case '#':
      return String((v ?? '').length);
    case ':-':
      return v ? v : expandSimple(arg, x);
    case '-':
      return v !== undefined ? v : expandSimple(arg, x);
    case ':=':
    case '=': {
      if (part.op === ':=' ? v : v !== undefined) return v!;
      const d = expandSimple(arg, x);
      x.assign(part.name, d);
      return d;
    }
    case ':+':
      return v ? expandSimple(arg, x) : '';
    case '+':
      return v !== undefined ? expandSimple(arg, x) : '';
  }
}

/** `$NAME` and `${NAME}` inside an operator's argument (`${X:-$HOME/x}`). */
function expandSimple(text: string, x: Expander): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, n: string) => x.lookup(n) ?? '');
}

function partText(part: WordPart, x: Expander): string {
  if (part.type === 'lit') return part.text;
  if (part.type === 'var') return varValue(part, x);
  return x.substitute(part.source);
}

/** Expands a word without splitting or globbing (assignments, redirect targets, heredoc bodies). */
export function expandText(w: Word, x: Expander): string {
  return tilde(w, x)
    .map((p) => partText(p, x))
    .join('');
}

/** `~` or `~/…` at the start of an unquoted word becomes the home directory. */
function tilde(w: Word, x: Expander): Word {
  const first = w[0];
  if (!first || first.type !== 'lit' || first.quoted || !/^~(\/|$)/.test(first.text)) return w;
  return [{ ...first, text: x.home + first.text.slice(1) }, ...w.slice(1)];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Expands a word into fields: splitting unquoted expansions on blanks and globbing unquoted `*?[`. */
export function expandWord(w: Word, x: Expander): string[] {
  const fields: { text: string; pattern: string; glob: boolean }[] = [];
  let cur = { text: '', pattern: '', glob: false };
  let has = false;
  const add = (text: string, quoted: boolean): void => {
    cur.text += text;
    if (quoted) cur.pattern += escapeRe(text);
    else {
      for (let i = 0; i < text.length; i++) {
        const ch = text[i]!;
        const close = ch === '[' ? text.indexOf(']', i + 2) : -1;
        if (ch === '*' || ch === '?') {
          cur.pattern += ch === '*' ? '[^/]*' : '[^/]';
          cur.glob = true;
        } else if (close > 0 && !text.slice(i, close).includes('/')) {
          const body = text.slice(i + 1, close);
          const neg = body.startsWith('!') || body.startsWith('^');
          cur.pattern += `[${neg ? '^' : ''}${(neg ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&')}]`;
          cur.glob = true;
          i = close;
        } else cur.pattern += escapeRe(ch);
      }
    }
    has = true;
  };
  for (const part of tilde(w, x)) {
    const text = partText(part, x);
    if (part.type === 'lit') {
      add(text, part.quoted);
      continue;
    }
    if (part.quoted) {
      add(text, true);
      continue;
    }
    const pieces = text.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0 && (has || cur.text)) {
        fields.push(cur);
        cur = { text: '', pattern: '', glob: false };
        has = false;
      }
      if (piece) add(piece, false);
    });
  }
  if (has || cur.text) fields.push(cur);
  return fields.flatMap((f) => (f.glob ? glob(f.text, f.pattern, x) : [f.text]));
}

/** Pathname expansion of one field: each `/`-separated component matched against directory entries. */
function glob(text: string, pattern: string, x: Expander): string[] {
  const fs = x.fs;
  if (!fs) return [text];
  let re: RegExp;
  try {
    re = new RegExp(`^${pattern}$`);
  } catch {
    return [text];
  }
  if (text.startsWith('./') && pattern.startsWith('\\.\\/')) return glob(text.slice(2), pattern.slice(4), x).map((m) => (m === text.slice(2) ? text : `./${m}`));
  const absolute = text.startsWith('/');
  const depth = text.split('/').filter(Boolean).length;
  const base = absolute ? '/' : x.cwd;
  const out: string[] = [];
  const walk = (dir: string, rel: string, level: number): void => {
    if (out.length >= MAX_GLOB_MATCHES || level >= depth) return;
    let names: string[];
    try {
      names = fs.isDir(dir) ? fs.readdir(dir) : [];
    } catch {
      return;
    }
    for (const n of names) {
      if (n.startsWith('.')) continue;
      const r = rel ? `${rel}/${n}` : absolute ? `/${n}` : n;
      const full = resolvePath(dir, n);
      if (level === depth - 1) {
        if (re.test(r)) out.push(r);
      } else if (fs.isDir(full)) walk(full, r, level + 1);
    }
  };
  walk(base, '', 0);
  return out.length ? out.sort() : [text];
}
