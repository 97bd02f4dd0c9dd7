/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** A string of `n` characters drawn from `alphabet`. */
  string(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
  /** The generator's state, to snapshot and restore (undo). */
  get seedState(): number {
    return this.state;
  }
  set seedState(v: number) {
    this.state = v >>> 0;
  }
}

/** Kubernetes' alphabet for generated name suffixes (no vowels, no look-alikes): `k8s.io/apimachinery/pkg/util/rand`. */
export const K8S_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
