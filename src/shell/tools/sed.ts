/**
 * `sed [-n] [-E|-r] [-i[SUFFIX]] [-e SCRIPT]… [SCRIPT] [FILE…]`: the forms tutorials use to fix manifests
 * (`sed -i 's/nginx:1.14/nginx:1.16/' deploy.yaml`, `s|a|b|g`, `-n '2p'`, `/re/d`, `1,3d`, `$p`, `q`), on the files
 * of the current location (GNU sed 4.9's wording; busybox's where it differs).
 */
import { FsError, fsErrorText } from '../../sim/index.js';
import type { CommandFn, CommandResult } from '../types.js';
import { breToJs } from './grep.js';
import { isBusybox, pathOf } from './util.js';

const USAGE = 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...';
const HELP = `${USAGE}

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
  -e script, --expression=script
                 add the script to the commands to be executed
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
      --help     display this help and exit
`;

type Addr = { type: 'line'; n: number } | { type: 'last' } | { type: 're'; re: RegExp };

interface Cmd {
  a1?: Addr;
  a2?: Addr;
  negate: boolean;
  name: 's' | 'd' | 'p' | 'q' | '=';
  re?: RegExp;
  replacement?: string;
  /** `s///p`. */
  print?: boolean;
  /** `s///N`: replace only the Nth match. */
  nth?: number;
  global?: boolean;
}

function toRegExp(src: string, ere: boolean, flags: string): RegExp {
  return new RegExp(ere ? src : breToJs(src), flags);
}

/** Reads a delimited field starting after `delim` at `i`; `\delim` stands for the delimiter. */
function field(s: string, i: number, delim: string): { text: string; end: number } | undefined {
  let text = '';
  for (let j = i; j < s.length; j++) {
    const ch = s[j]!;
    if (ch === '\\' && j + 1 < s.length) {
      const n = s[j + 1]!;
      text += n === delim ? n : n === 'n' ? '\n' : `\\${n}`;
      j++;
    } else if (ch === delim) return { text, end: j };
    else text += ch;
  }
  return undefined;
}

/** Parses a sed script into commands, or returns GNU sed's error text. */
export function parseSed(script: string, ere: boolean, exprNo: number, busybox = false): Cmd[] | string {
  const cmds: Cmd[] = [];
  let i = 0;
  const err = (msg: string, bb: string): string => (busybox ? `sed: ${bb}` : `sed: -e expression #${exprNo}, char ${Math.min(i + 1, script.length)}: ${msg}`);
  const addr = (): Addr | string | undefined => {
    const m = /^\d+/.exec(script.slice(i));
    if (m) {
      i += m[0].length;
      return { type: 'line', n: Number(m[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { type: 'last' };
    }
    if (script[i] === '/' || script[i] === '\\') {
      const delim = script[i] === '\\' ? script[++i]! : '/';
      const f = field(script, i + 1, delim);
      if (!f) return err('unterminated address regex', `unmatched '${delim}'`);
      i = f.end + 1;
      const flags = script[i] === 'I' ? (i++, 'i') : '';
      try {
        return { type: 're', re: toRegExp(f.text, ere, flags) };
      } catch {
        return err('Invalid regular expression', 'bad regex');
      }
    }
    return undefined;
  };
  for (let guard = 0; i < script.length && guard < 10_000; guard++) {
    const ch = script[i]!;
    if (/[\s;]/.test(ch)) {
      i++;
      continue;
    }
    const a1 = addr();
    if (typeof a1 === 'string') return a1;
    let a2: Addr | string | undefined;
    if (a1 && script[i] === ',') {
      i++;
      a2 = addr();
      if (typeof a2 === 'string') return a2;
      if (!a2) return err('unexpected `,\'', 'bad command');
    }
    while (script[i] === ' ') i++;
    const negate = script[i] === '!';
    if (negate) i++;
    const name = script[i];
    if (name === undefined) return err('missing command', 'missing command');
    const cmd: Cmd = { a1, a2: a2 as Addr | undefined, negate, name: 'd' };
    if (name === 'd' || name === 'p' || name === 'q' || name === '=') {
      cmd.name = name;
      i++;
    } else if (name === 's') {
      const delim = script[i + 1];
      if (delim === undefined || delim === '\n' || delim === '\\') return err("unterminated `s' command", `unmatched '${delim ?? ''}'`);
      const pat = field(script, i + 2, delim);
      if (!pat) return err("unterminated `s' command", `unmatched '${delim}'`);
      const rep = field(script, pat.end + 1, delim);
      if (!rep) {
        i = script.length;
        return err("unterminated `s' command", `unmatched '${delim}'`);
      }
      i = rep.end + 1;
      let flags = '';
      for (; i < script.length && /[gpiI0-9]/.test(script[i]!); i++) {
        const f = script[i]!;
        if (f === 'g') cmd.global = true;
        else if (f === 'p') cmd.print = true;
        else if (f === 'i' || f === 'I') flags += 'i';
        else {
          const m = /^\d+/.exec(script.slice(i))!;
          cmd.nth = Number(m[0]);
          i += m[0].length - 1;
        }
      }
      if (i < script.length && !/[\s;}]/.test(script[i]!)) return err("unknown option to `s'", 'bad option in substitution expression');
      cmd.name = 's';
      try {
        cmd.re = toRegExp(pat.text, ere, `g${flags}`);
      } catch {
        return err('Invalid regular expression', 'bad regex');
      }
      cmd.replacement = rep.text;
    } else return err(`unknown command: \`${name}'`, `unsupported command ${name}`);
    cmds.push(cmd);
  }
  return cmds;
}

/** Expands `&` and `\1`…`\9` in a replacement for one match. */
function replacement(rep: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const ch = rep[i]!;
    if (ch === '\\' && i + 1 < rep.length) {
      const n = rep[++i]!;
      out += /\d/.test(n) ? (m[Number(n)] ?? '') : n === 't' ? '\t' : n;
    } else out += ch === '&' ? m[0] : ch;
  }
  return out;
}

function substitute(line: string, c: Cmd): { text: string; done: boolean } {
  const re = c.re!;
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  let count = 0;
  let done = false;
  for (let guard = 0; guard < 100_000; guard++) {
    const m = re.exec(line);
    if (!m) break;
    count++;
    if (m[0] === '') re.lastIndex++;
    const want = c.nth ? count === c.nth || (c.global && count > c.nth) : c.global || count === 1;
    if (want) {
      out += line.slice(last, m.index) + replacement(c.replacement!, m);
      last = m.index + m[0].length;
      done = true;
    }
    if (!c.global && count >= (c.nth ?? 1)) break;
    if (re.lastIndex > line.length) break;
  }
  return { text: out + line.slice(last), done };
}

/** Runs commands over the lines of one stream. */
export function runSed(cmds: Cmd[], text: string, quiet: boolean): string {
  const input = text.split('\n');
  const trailing = input[input.length - 1] === '';
  if (trailing) input.pop();
  const active = new Map<Cmd, boolean>();
  const matches = (a: Addr, n: number, line: string): boolean => (a.type === 'line' ? a.n === n : a.type === 'last' ? n === input.length : a.re.test(line));
  const selected = (c: Cmd, n: number, line: string): boolean => {
    let hit: boolean;
    if (!c.a1) hit = true;
    else if (!c.a2) hit = matches(c.a1, n, line);
    else if (active.get(c)) {
      hit = true;
      if (c.a2.type === 'line' ? n >= c.a2.n : matches(c.a2, n, line)) active.set(c, false);
    } else if (matches(c.a1, n, line)) {
      hit = true;
      active.set(c, !(c.a2.type === 'line' ? c.a2.n <= n : false));
    } else hit = false;
    return hit !== c.negate;
  };
  let out = '';
  for (let k = 0; k < input.length; k++) {
    let line = input[k]!;
    const n = k + 1;
    let deleted = false;
    let quit = false;
    for (const c of cmds) {
      if (!selected(c, n, line)) continue;
      if (c.name === 'd') {
        deleted = true;
        break;
      }
      if (c.name === 'p') out += line + '\n';
      else if (c.name === '=') out += `${n}\n`;
      else if (c.name === 'q') {
        quit = true;
        break;
      } else {
        const r = substitute(line, c);
        line = r.text;
        if (r.done && c.print) out += line + '\n';
      }
    }
    if (!deleted && !quit && !quiet) out += line + '\n';
    if (quit) {
      if (!quiet) out += line + '\n';
      break;
    }
  }
  return trailing || out === '' ? out : out.slice(0, -1);
}

export const sed: CommandFn = (ctx): CommandResult => {
  const busybox = isBusybox(ctx);
  const args = ctx.argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let ere = false;
  let inPlace: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help') return { stdout: HELP, stderr: '', exitCode: 0 };
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') ere = true;
    else if (a.startsWith('-i') && !a.startsWith('-i-')) inPlace = a.slice(2);
    else if (a.startsWith('--in-place')) inPlace = a.slice('--in-place='.length);
    else if (a === '-e' || a === '--expression') {
      const v = args[++i];
      if (v === undefined) return { stdout: '', stderr: `sed: option requires an argument -- 'e'\n${USAGE}\n`, exitCode: 1 };
      scripts.push(v);
    } else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
    else if (/^-[nEre]+/.test(a) && a.length > 2) {
      for (const ch of a.slice(1)) {
        if (ch === 'n') quiet = true;
        else if (ch === 'E' || ch === 'r') ere = true;
      }
      if (a.endsWith('e')) {
        const v = args[++i];
        if (v === undefined) return { stdout: '', stderr: `sed: option requires an argument -- 'e'\n${USAGE}\n`, exitCode: 1 };
        scripts.push(v);
      }
    } else if (a.startsWith('-') && a.length > 1) return { stdout: '', stderr: `sed: invalid option -- '${a[1]}'\n${USAGE}\n`, exitCode: 1 };
    else files.push(a);
  }
  if (!scripts.length) {
    const s = files.shift();
    if (s === undefined) return { stdout: '', stderr: `${USAGE}\n`, exitCode: 1 };
    scripts.push(s);
  }
  const cmds: Cmd[] = [];
  for (const [k, s] of scripts.entries()) {
    const parsed = parseSed(s, ere, k + 1, busybox);
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed + '\n', exitCode: 1 };
    cmds.push(...parsed);
  }
  if (inPlace !== undefined && !files.length) return { stdout: '', stderr: 'sed: no input files\n', exitCode: busybox ? 1 : 4 };
  const cantRead = (f: string, e: FsError): string => (busybox ? `sed: ${f}: ${fsErrorText(e.code)}\n` : e.code === 'EISDIR' ? `sed: couldn't edit ${f}: not a regular file\n` : `sed: can't read ${f}: ${fsErrorText(e.code)}\n`);
  let err = '';
  if (inPlace !== undefined) {
    for (const f of files) {
      const path = pathOf(ctx, f);
      try {
        const text = ctx.fs.readFile(path);
        if (inPlace) ctx.fs.writeFile(path + inPlace, text);
        ctx.fs.writeFile(path, runSed(cmds, text, quiet));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        err += cantRead(f, e);
      }
    }
    return { stdout: '', stderr: err, exitCode: err ? (busybox ? 1 : 4) : 0 };
  }
  let text = '';
  if (!files.length) text = ctx.stdin;
  for (const f of files) {
    try {
      const t = f === '-' ? ctx.stdin : ctx.fs.readFile(pathOf(ctx, f));
      text += text && !text.endsWith('\n') ? '\n' + t : t;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      err += cantRead(f, e);
    }
  }
  return { stdout: runSed(cmds, text, quiet), stderr: err, exitCode: err ? (busybox ? 1 : 2) : 0 };
};
