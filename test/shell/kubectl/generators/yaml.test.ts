import { describe, expect, it } from 'vitest';
import { toYaml } from '../../../../src/shell/kubectl/generators/yaml.js';

describe('toYaml (go-yaml v2 as behind kubectl -o yaml)', () => {
  it('double-quotes every string Go strconv.ParseInt(s, 0, 64) reads as an integer', () => {
    expect(toYaml({ a: '0o17', b: '0O17', c: '+0o7', d: '0X1F', e: '0B101', f: '0o8', g: '0x', h: '<<' })).toBe(
      'a: "0o17"\nb: "0O17"\nc: "+0o7"\nd: "0X1F"\ne: "0B101"\nf: 0o8\ng: 0x\nh: <<\n',
    );
    expect(toYaml({ '0o17': 1 })).toBe('"0o17": 1\n');
  });

  it('escapes what go-yaml v2 deems unprintable (control characters, NEL, BOM, characters beyond the BMP)', () => {
    expect(toYaml({ a: '\u0007', b: 'x\u007f', c: 'a\u0085b', d: '\ufeff', e: 'hi 😀', f: '\u001b[0m', g: 'caf\u00e9' })).toBe(
      'a: "\\a"\nb: "x\\x7F"\nc: "a\\Nb"\nd: "\\uFEFF"\ne: "hi \\U0001F600"\nf: "\\e[0m"\ng: café\n',
    );
  });

  it('writes a multi-line string as a literal block only when go-yaml allows one', () => {
    expect(toYaml({ a: 'x\ny', b: 'x \ny', c: 'x\ny ', d: 'a\tb\n', e: '\nlead' })).toBe(
      'a: |-\n  x\n  y\nb: "x \\ny"\nc: "x\\ny "\nd: "a\\tb\\n"\ne: |2-\n\n  lead\n',
    );
  });
});
