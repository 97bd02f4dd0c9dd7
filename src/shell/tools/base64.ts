/** `base64 [-d] [-w COLS] [FILE]`: RFC 4648 with coreutils' 76-column wrapping (Secrets' data is base64). */
import type { CommandFn } from '../types.js';
import { getopt, help, isResult, readInputs } from './util.js';

const USAGE = 'Usage: base64 [OPTION]... [FILE]';

function encode(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

function decode(text: string): string | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  const bin = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export const base64: CommandFn = (ctx) => {
  const p = getopt(ctx, { flags: 'di', values: 'w', long: { decode: 'd', 'wrap=': 'w', 'ignore-garbage': 'i' }, usage: USAGE });
  if (isResult(p)) return p;
  if (p.help) return help(`${USAGE}\nBase64 encode or decode FILE, or standard input, to standard output.\n\n  -d, --decode          decode data\n  -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).\n                          Use 0 to disable line wrapping\n      --help        display this help and exit`);
  const { inputs, err } = readInputs(ctx, 'base64', p.operands.slice(0, 1));
  if (err) return { stdout: '', stderr: err, exitCode: 1 };
  const text = inputs[0]?.text ?? '';
  if (p.opts.has('d')) {
    const d = decode(text);
    return d === undefined ? { stdout: '', stderr: 'base64: invalid input\n', exitCode: 1 } : { stdout: d, stderr: '', exitCode: 0 };
  }
  const wrap = Number(p.opts.get('w') ?? 76);
  if (!Number.isInteger(wrap) || wrap < 0) return { stdout: '', stderr: `base64: invalid wrap size: ‘${p.opts.get('w')}’\n`, exitCode: 1 };
  const enc = encode(text);
  if (!enc) return { stdout: '', stderr: '', exitCode: 0 };
  const out = wrap === 0 ? enc + '\n' : (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).join('\n') + '\n';
  return { stdout: out, stderr: '', exitCode: 0 };
};
