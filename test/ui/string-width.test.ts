import realStringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import stringWidth from '../../src/ui/string-width.js';

/** What the tutor prints: prose, kubectl tables, box drawing, marks, arrows, minikube's emoji, CJK, accents. */
const SAMPLES = [
  '',
  'kubectl get pods -o wide',
  '╭─────╮ │ ╰─╯',
  '✓ ✗ ○ ◐ ▸ • · — … ↑/↓ → ←',
  '💡  ingress is an addon maintained by Kubernetes.',
  '🔎  Verifying ingress addon...',
  '🌟  The \'ingress\' addon is enabled',
  '😄  minikube v1.34.0 on Ubuntu',
  '▪ Using image registry.k8s.io/ingress-nginx/controller:v1.12.1',
  '✔️ done',
  '日本語のテキスト',
  'Résumé naïve café',
  'e\u0301 combining',
  '\u001b[1m\u001b[36mcoloured\u001b[39m\u001b[22m text',
  'tab\there',
  '© ® ™ ½ °C',
];

describe('stringWidth (the build-time stand-in for string-width)', () => {
  it.each(SAMPLES)('agrees with string-width on %j', (s) => {
    expect(stringWidth(s)).toBe(realStringWidth(s));
  });

  it('counts ANSI escapes only when asked', () => {
    expect(stringWidth('\u001b[31mred\u001b[39m', { countAnsiEscapeCodes: true })).toBe(realStringWidth('\u001b[31mred\u001b[39m', { countAnsiEscapeCodes: true }));
  });

  it('treats East Asian ambiguous characters as wide when asked', () => {
    expect(stringWidth('±', { ambiguousIsNarrow: false })).toBe(realStringWidth('±', { ambiguousIsNarrow: false }));
  });
});
