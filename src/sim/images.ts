/**
 * The container images the simulator knows, and how each behaves: which tools its file system has, what its main
 * process does (serve HTTP, sleep, exit), and what its servers answer. Behaviour follows the images' real defaults
 * (docker-library nginx, httpd, redis, ubuntu, debian, busybox; hashicorp/http-echo, google-samples hello-app,
 * agnhost; see images/*.ts). An image or tag that does not exist fails to pull, as in a real cluster: an unknown
 * repository with `pull access denied`, an unknown tag of a known one with `manifest unknown`.
 */
import { APP_IMAGES } from './images/apps.js';
import { DISTRO_IMAGES } from './images/distro.js';
import { SYSTEM_IMAGES } from './images/system.js';
import type { ImageInfo } from './images/types.js';
import { WEB_IMAGES } from './images/web.js';

export type { HttpRequest, HttpResponse, ImageInfo, MainProcess, ServerContext, ServerSpec } from './images/types.js';
export { isLongRunning, shortLivedResult } from './images/common.js';

const IMAGES = new Map<string, ImageInfo>([...WEB_IMAGES, ...DISTRO_IMAGES, ...APP_IMAGES, ...SYSTEM_IMAGES].map((i) => [i.repository, i]));

/** Registries that serve the same repositories under another name. */
const ALIASES: Record<string, string> = {
  'k8s.gcr.io/e2e-test-images/agnhost': 'registry.k8s.io/e2e-test-images/agnhost',
  'k8s.gcr.io/busybox': 'registry.k8s.io/busybox',
  'k8s.gcr.io/redis': 'registry.k8s.io/redis',
  'gcr.io/google_containers/busybox': 'gcr.io/google-containers/busybox',
};

/** The parts of an image reference: `registry/repo:tag@digest`. Docker Hub's `library/` and `docker.io/` are dropped. */
export function parseImageRef(ref: string): { repository: string; tag: string } {
  let r = ref.trim();
  const at = r.indexOf('@');
  if (at >= 0) r = r.slice(0, at);
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  let tag = 'latest';
  if (colon > slash) {
    tag = r.slice(colon + 1);
    r = r.slice(0, colon);
  }
  r = r.replace(/^(docker\.io\/|index\.docker\.io\/)/, '').replace(/^library\//, '');
  return { repository: ALIASES[r] ?? r, tag };
}

/** Whether the reference pins a digest with no tag (`redis@sha256:…`): the registry serves it whatever its tags are. */
const digestOnly = (ref: string): boolean => ref.includes('@') && !/:[^/@]*@/.test(ref);

/**
 * The image behind a reference, or undefined when the image or tag does not exist (pull fails). The result carries
 * the tag pulled, and its `main` knows it (hello-app's version is its tag).
 */
export function lookupImage(ref: string): ImageInfo | undefined {
  if (LOOKUPS.has(ref)) return LOOKUPS.get(ref);
  const { repository, tag } = parseImageRef(ref);
  const img = IMAGES.get(repository);
  const found = !img || (!digestOnly(ref) && !img.hasTag(tag)) ? undefined : Object.freeze({ ...img, tag, main: (argv: string[]) => img.main(argv, tag) });
  if (LOOKUPS.size >= MAX_LOOKUPS) LOOKUPS.clear();
  LOOKUPS.set(ref, found);
  return found;
}

/** Answers by reference (the kubelet and the network ask about the same few references all the time). */
const LOOKUPS = new Map<string, ImageInfo | undefined>();
const MAX_LOOKUPS = 1_000;

/**
 * Why a pull failed, as the kubelet reports it through Docker (minikube's runtime): an unknown repository is
 * "pull access denied", an unknown tag of a known one is "manifest unknown".
 */
export function pullError(ref: string): string {
  const { repository } = parseImageRef(ref);
  if (IMAGES.has(repository)) return `Error response from daemon: manifest for ${ref.split('@')[0]} not found: manifest unknown: manifest unknown`;
  const name = ref.split('@')[0]!.replace(/:[^/:]*$/, '');
  return `Error response from daemon: pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
}

/** What a server prints when its port is already taken by another container of the pod (one network namespace). */
export function bindFailureLines(image: ImageInfo, port: number, now: number): string[] {
  const t = new Date(now).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, '/');
  if (image.repository === 'nginx') {
    const once = [`${t} [emerg] 1#1: bind() to 0.0.0.0:${port} failed (98: Address already in use)`, `nginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address already in use)`, `${t} [emerg] 1#1: bind() to [::]:${port} failed (98: Address already in use)`, `nginx: [emerg] bind() to [::]:${port} failed (98: Address already in use)`];
    return [...once, ...once, ...once, ...once, ...once, `${t} [emerg] 1#1: still could not bind()`, 'nginx: [emerg] still could not bind()'];
  }
  if (image.repository === 'httpd') {
    return [`(98)Address already in use: AH00072: make_sock: could not bind to address [::]:${port}`, `(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}`, 'no listening sockets available, shutting down', 'AH00015: Unable to open logs'];
  }
  if (image.repository === 'hashicorp/http-echo') return [`${t} [ERR] Error starting server: listen tcp :${port}: bind: address already in use`];
  return [`${t} listen tcp :${port}: bind: address already in use`];
}

/** The argv a container runs: `command` replaces the entrypoint, `args` the cmd (Kubernetes' rules). */
export function containerArgv(image: ImageInfo, command?: string[], args?: string[]): string[] {
  if (command?.length) return [...command, ...(args ?? [])];
  if (args?.length) return [image.defaultArgv[0]!, ...args];
  return [...image.defaultArgv];
}
