/** The package version: inlined by the bundler, read from package.json when running from sources (tests). */
import { readFileSync } from 'node:fs';

declare const __VERSION__: string | undefined;

export function version(): string {
  if (typeof __VERSION__ === 'string') return __VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
