/**
 * `resource.Quantity` arithmetic for validation messages: comparing a request with its limit and printing a quantity
 * in canonical form (`0.5` → `500m`, `1000` → `1k`, `1024Ki` → `1Mi`), as apimachinery `pkg/api/resource` does.
 */
import { quantityError } from './schema.js';

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const NANO = 10n ** 9n;

/** A parsed quantity: its value in nano-units, and whether it was written with a binary suffix. */
export interface ParsedQuantity {
  nanos: bigint;
  binary: boolean;
}

/** Parses a quantity (string or number), or undefined when it is malformed. */
export function parseQuantity(v: string | number): ParsedQuantity | undefined {
  const s = String(v).trim();
  if (quantityError(s)) return undefined;
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const whole = m[2] || '0';
  const frac = (m[3] ?? '').slice(0, 9).padEnd(9, '0');
  let nanos = BigInt(whole) * NANO + BigInt(frac);
  const suffix = m[4]!;
  let binary = false;
  if (suffix in BINARY) {
    nanos *= 2n ** BigInt(BINARY[suffix]!);
    binary = true;
  } else {
    const exp = suffix in DECIMAL ? DECIMAL[suffix]! : Number(suffix.slice(1));
    nanos = exp >= 0 ? nanos * 10n ** BigInt(exp) : nanos / 10n ** BigInt(-exp);
  }
  return { nanos: sign * nanos, binary };
}

/** `Quantity.String()`: the canonical form. */
export function canonicalQuantity(q: ParsedQuantity): string {
  const neg = q.nanos < 0n;
  const n = neg ? -q.nanos : q.nanos;
  const sign = neg ? '-' : '';
  if (n === 0n) return '0';
  if (q.binary && n % NANO === 0n) {
    let units = n / NANO;
    let i = 0;
    const names = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    while (i < names.length - 1 && units % 1024n === 0n) {
      units /= 1024n;
      i++;
    }
    return `${sign}${units}${names[i]}`;
  }
  const names: [string, bigint][] = [['E', 10n ** 27n], ['P', 10n ** 24n], ['T', 10n ** 21n], ['G', 10n ** 18n], ['M', 10n ** 15n], ['k', 10n ** 12n], ['', NANO], ['m', 10n ** 6n], ['u', 10n ** 3n], ['n', 1n]];
  for (const [name, scale] of names) if (n % scale === 0n) return `${sign}${n / scale}${name}`;
  return `${sign}${n}n`;
}
