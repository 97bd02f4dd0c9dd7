// Bundles the CLI with esbuild: one ESM entry (dist/cli.js) plus lazily loaded chunks (the TUI, markdown, CEL),
// React in production mode, so `--version` and `--help` start fast and `npx kube-net-tutor` ships no sources.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, 'src/cli/main.ts') },
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  jsx: 'automatic',
  // `fetch` is never used here; yoga-layout's wasm loader only tests `typeof fetch`, which in Node 20 loads undici
  // (tens of ms at start-up) just to answer.
  define: { 'process.env.NODE_ENV': '"production"', __VERSION__: JSON.stringify(pkg.version), fetch: 'undefined' },
  // string-width builds an Intl.Segmenter and an RGI-emoji regex on first use (~30 ms of the first frame); ours
  // measures by code point and is tested against it (src/ui/string-width.ts).
  alias: { 'cli-highlight': join(root, 'scripts/stubs/cli-highlight.mjs'), 'string-width': join(root, 'src/ui/string-width.ts') },
  // Ink imports react-devtools-core only when DEV is set; it is not shipped.
  external: ['react-devtools-core'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(join(root, 'dist/cli.js'), 0o755);

// The built-in course, compiled ahead of time (see scripts/compile-course.ts).
const tool = join(root, 'dist/.compile-course.mjs');
await build({
  entryPoints: [join(root, 'scripts/compile-course.ts')],
  outfile: tool,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const compiled = spawnSync(process.execPath, [tool, join(root, 'lessons'), join(root, 'dist/course.json')], { stdio: 'inherit' });
rmSync(tool, { force: true });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
