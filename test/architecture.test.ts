import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The one-way arrows of STYLE.md: which src/ layers each layer may import. */
const ALLOWED: Record<string, string[]> = {
  lib: [],
  sim: ['lib'],
  shell: ['sim', 'lib'],
  grader: ['sim', 'shell', 'lib'],
  lessons: ['grader', 'sim', 'shell', 'lib'],
  quiz: ['lessons', 'grader', 'sim', 'shell', 'lib'],
  handout: ['lessons', 'grader', 'sim', 'shell', 'lib'],
  progress: ['lib'],
  tutor: ['sim', 'shell', 'grader', 'lessons', 'progress', 'lib'],
  ui: ['tutor', 'lib'],
  cli: ['*'],
};
/** Layers that must stay pure: no host access, no wall clock, no ambient randomness. */
const PURE = new Set(['sim', 'shell', 'grader', 'tutor', 'lib']);
const REACT = /^(react|ink|ink-[\w-]+|@inkjs\/[\w-]+)(\/|$)/;
const HOST_MODULES = /^(node:)?(fs|fs\/promises|child_process|process|os)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

function imports(src: string): { spec: string; typeOnly: boolean }[] {
  const out: { spec: string; typeOnly: boolean }[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (let m = re.exec(src); m; m = re.exec(src)) out.push({ spec: m[3] ?? m[4]!, typeOnly: !!m[2] });
  return out;
}

const root = join(import.meta.dirname, '..', 'src');

/** Every rule broken in the tree: `file: message`. */
function violations(): string[] {
  const out: string[] = [];
  for (const file of files(root)) {
    const rel = relative(root, file);
    const layer = rel.includes('/') ? rel.split('/')[0]! : 'cli';
    const src = readFileSync(file, 'utf8');
    for (const { spec, typeOnly } of imports(src)) {
      if (spec.startsWith('.')) {
        const target = relative(root, join(file, '..', spec)).split('/')[0]!;
        if (target === layer || target.startsWith('..')) continue;
        const ok = ALLOWED[layer]?.includes('*') || ALLOWED[layer]?.includes(target) || (layer === 'ui' && typeOnly);
        if (!ok) out.push(`${rel}: ${layer}/ may not import ${target}/ (${spec})`);
      } else {
        if (REACT.test(spec) && layer !== 'ui' && layer !== 'cli') out.push(`${rel}: React/Ink outside ui/ (${spec})`);
        if (PURE.has(layer) && HOST_MODULES.test(spec)) out.push(`${rel}: ${layer}/ must not touch the host (${spec})`);
      }
    }
    if (PURE.has(layer)) {
      const code = src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const banned of ['Date.now(', 'Math.random(', 'process.', 'new Date()']) {
        if (code.includes(banned)) out.push(`${rel}: ${layer}/ must not use ${banned.replace('(', '')}`);
      }
    }
  }
  return out;
}

describe('architecture', () => {
  it('keeps the one-way arrows and the pure core of STYLE.md', () => {
    expect(violations()).toEqual([]);
  });

  it('the scanner sees imports, type-only imports and dynamic imports', () => {
    expect(imports(`import { a } from './x.js';\nimport type { B } from '../ui/y.js';\nconst m = await import('ink');`)).toEqual([
      { spec: './x.js', typeOnly: false },
      { spec: '../ui/y.js', typeOnly: true },
      { spec: 'ink', typeOnly: false },
    ]);
  });
});
