/** 32-bit FNV-1a, the hash Kubernetes uses for `pod-template-hash` (`k8s.io/kubernetes/pkg/util/hash`). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** apimachinery `rand.SafeEncodeString`: a decimal string mapped into the vowel-free alphabet (`5d8f7c9b4`). */
export function safeEncode(n: number): string {
  return String(n)
    .split('')
    .map((d) => SAFE[d.charCodeAt(0) % SAFE.length])
    .join('');
}
