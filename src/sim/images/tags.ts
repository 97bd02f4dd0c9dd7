/**
 * Tag lists of the images the simulator knows, modelled on the tags their registries really publish (Docker Hub's
 * library images, registry.k8s.io, gcr.io): a tag that is not in the list does not exist, and its pull fails with
 * `manifest unknown`, as `docker pull nginx:1.277` does.
 */

/** `{ '1.27': 5 }` → 1.27, 1.27.0 … 1.27.5, each with every variant suffix (`''`, `-alpine`, …). */
export function versionTags(lastPatch: Record<string, number>, variants: string[] = ['']): string[] {
  const out: string[] = [];
  for (const [minor, last] of Object.entries(lastPatch)) {
    for (const v of variants) {
      out.push(`${minor}${v}`);
      for (let p = 0; p <= last; p++) out.push(`${minor}.${p}${v}`);
    }
  }
  return out;
}

/** A tag predicate over a fixed list, built on first use (cluster start-up never pays for it). */
export function tagSet(build: () => string[]): (tag: string) => boolean {
  let set: Set<string> | undefined;
  return (tag) => (set ??= new Set(build())).has(tag);
}

const NGINX_PATCHES: Record<string, number> = {
  '1.9': 15, '1.10': 3, '1.11': 13, '1.12': 2, '1.13': 12, '1.14': 2, '1.15': 12, '1.16': 1, '1.17': 10, '1.18': 0,
  '1.19': 10, '1.20': 2, '1.21': 6, '1.22': 1, '1.23': 4, '1.24': 0, '1.25': 5, '1.26': 3, '1.27': 5, '1.28': 0, '1.29': 3,
};
const NGINX_VARIANTS = ['', '-alpine', '-perl', '-alpine-perl', '-alpine-slim', '-bookworm', '-bookworm-perl', '-alpine3.21'];

/** nginx (docker-library): every release since 1.9 with its variants, `mainline`/`stable` aliases, `1`. */
export const nginxTags = tagSet(() => [
  ...versionTags(NGINX_PATCHES, NGINX_VARIANTS),
  ...['latest', 'mainline', 'stable', '1'].flatMap((a) => NGINX_VARIANTS.map((v) => (a === 'latest' ? (v ? v.slice(1) : 'latest') : `${a}${v}`))),
]);

/** httpd (docker-library): 2.2.0–2.2.34 and 2.4.0–2.4.65, `-alpine` and `-bookworm` variants. */
export const httpdTags = tagSet(() => {
  const variants = ['', '-alpine', '-bookworm', '-alpine3.22'];
  return [...versionTags({ '2.2': 34, '2.4': 65 }, variants), ...['2', 'latest'].flatMap((a) => variants.map((v) => (a === 'latest' ? (v ? v.slice(1) : 'latest') : `${a}${v}`)))];
});

/** ubuntu: LTS and interim release numbers and code names. */
export const ubuntuTags = tagSet(() => [
  'latest', 'rolling', 'devel', '14.04', '16.04', '18.04', '20.04', '22.04', '24.04', '24.10', '25.04', '25.10',
  'trusty', 'xenial', 'bionic', 'focal', 'jammy', 'noble', 'oracular', 'plucky', 'questing',
]);

/** debian: release numbers with point releases, code names, `-slim` variants. */
export const debianTags = tagSet(() => {
  const names = ['latest', 'stable', 'oldstable', 'testing', 'unstable', 'sid', 'experimental', 'buster', 'bullseye', 'bookworm', 'trixie', 'forky', '10', '11', '12', '13'];
  const points = [...Array.from({ length: 14 }, (_, i) => `10.${i}`), ...Array.from({ length: 12 }, (_, i) => `11.${i}`), ...Array.from({ length: 13 }, (_, i) => `12.${i}`), '13.0', '13.1'];
  return [...names, ...points].flatMap((t) => [t, `${t === 'latest' ? 'stable' : t}-slim`]);
});

/** busybox (docker-library): 1.24–1.37 with `-musl`, `-glibc`, `-uclibc`. */
export const busyboxTags = tagSet(() => {
  const variants = ['', '-musl', '-glibc', '-uclibc'];
  const patches = { '1.24': 2, '1.25': 1, '1.26': 2, '1.27': 2, '1.28': 4, '1.29': 3, '1.30': 1, '1.31': 1, '1.32': 1, '1.33': 1, '1.34': 1, '1.35': 0, '1.36': 1, '1.37': 0 };
  return [...versionTags(patches, variants), 'latest', 'stable', 'musl', 'glibc', 'uclibc', '1', 'stable-musl', 'stable-glibc', 'stable-uclibc'];
});

/** alpine: 3.x releases. */
export const alpineTags = tagSet(() => ['latest', 'edge', '3', ...versionTags({ '3.14': 10, '3.15': 11, '3.16': 9, '3.17': 10, '3.18': 12, '3.19': 8, '3.20': 7, '3.21': 4, '3.22': 2 })]);

/** redis (docker-library): 5.0–8.2 with `-alpine` and `-bookworm`. */
export const redisTags = tagSet(() => {
  const variants = ['', '-alpine', '-bookworm'];
  const patches = { '5.0': 14, '6.0': 20, '6.2': 19, '7.0': 15, '7.2': 10, '7.4': 5, '8.0': 3, '8.2': 2 };
  return [...versionTags(patches, variants), ...['5', '6', '7', '8'].flatMap((m) => variants.map((v) => `${m}${v}`)), 'latest', 'alpine', 'bookworm'];
});

/** curlimages/curl: 7.85.0 onwards, every 8.x release. */
export const curlTags = tagSet(() => ['latest', '7.85.0', '7.86.0', '7.87.0', '7.88.0', '7.88.1', ...Array.from({ length: 19 }, (_, m) => [`8.${m}.0`, `8.${m}.1`]).flat()]);

/** A fixed list of tags. */
export const fixedTags = (...tags: string[]): ((tag: string) => boolean) => tagSet(() => tags);
