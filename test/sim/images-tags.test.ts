import { describe, expect, it } from 'vitest';
import { Cluster, lookupImage, type Pod } from '../../src/sim/index.js';
import { pullError } from '../../src/sim/images.js';
import { createPod, pod } from './lifecycle.helpers.js';

const exists = (refs: string[]): Record<string, boolean> => Object.fromEntries(refs.map((r) => [r, lookupImage(r) !== undefined]));

describe('image tags: only tags the registry publishes pull', () => {
  it('nginx: releases with their variants and aliases; a typo is unknown', () => {
    expect(exists(['nginx:1.277', 'nginx:1.27', 'nginx:1.27.3', 'nginx:1.27.9', 'nginx:1.27.3-alpine', 'nginx:1.14.2', 'nginx:1.29', 'nginx:stable', 'nginx:mainline-alpine', 'nginx:alpine', 'nginx:lastest', 'nginx:1'])).toEqual({
      'nginx:1.277': false,
      'nginx:1.27': true,
      'nginx:1.27.3': true,
      'nginx:1.27.9': false,
      'nginx:1.27.3-alpine': true,
      'nginx:1.14.2': true,
      'nginx:1.29': true,
      'nginx:stable': true,
      'nginx:mainline-alpine': true,
      'nginx:alpine': true,
      'nginx:lastest': false,
      'nginx:1': true,
    });
  });

  it('httpd, ubuntu, debian, busybox, hello-app, agnhost, redis, curl', () => {
    expect(
      exists([
        'httpd:2.4', 'httpd:2.4.62', 'httpd:2.4.99', 'httpd:2.5', 'httpd:alpine',
        'ubuntu:22.04', 'ubuntu:jammy', 'ubuntu:noble', 'ubuntu:focal', 'ubuntu:22.4', 'ubuntu:jelly',
        'debian', 'debian:bookworm-slim', 'debian:12.7', 'debian:14',
        'busybox:1.36', 'busybox:1.36.1', 'busybox:1.36.9', 'busybox:1.28', 'busybox:stable-musl', 'registry.k8s.io/busybox:1.27.2', 'registry.k8s.io/busybox:1.36',
        'gcr.io/google-samples/hello-app:1.0', 'gcr.io/google-samples/hello-app:2.0', 'gcr.io/google-samples/hello-app:3.0', 'gcr.io/google-samples/hello-app',
        'registry.k8s.io/e2e-test-images/agnhost:2.39', 'registry.k8s.io/e2e-test-images/agnhost:3.0',
        'redis', 'redis:5', 'docker.io/redis:6.0.5', 'redis:6.0.55', 'registry.k8s.io/redis@sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee',
        'curlimages/curl', 'docker.io/curlimages/curl:8.18.0', 'curlimages/curl:8.99.0',
        'hashicorp/http-echo:1.0', 'hashicorp/http-echo:0.2.3', 'hashicorp/http-echo:2.0',
      ]),
    ).toEqual({
      'httpd:2.4': true, 'httpd:2.4.62': true, 'httpd:2.4.99': false, 'httpd:2.5': false, 'httpd:alpine': true,
      'ubuntu:22.04': true, 'ubuntu:jammy': true, 'ubuntu:noble': true, 'ubuntu:focal': true, 'ubuntu:22.4': false, 'ubuntu:jelly': false,
      debian: true, 'debian:bookworm-slim': true, 'debian:12.7': true, 'debian:14': false,
      'busybox:1.36': true, 'busybox:1.36.1': true, 'busybox:1.36.9': false, 'busybox:1.28': true, 'busybox:stable-musl': true, 'registry.k8s.io/busybox:1.27.2': true, 'registry.k8s.io/busybox:1.36': false,
      'gcr.io/google-samples/hello-app:1.0': true, 'gcr.io/google-samples/hello-app:2.0': true, 'gcr.io/google-samples/hello-app:3.0': false, 'gcr.io/google-samples/hello-app': false,
      'registry.k8s.io/e2e-test-images/agnhost:2.39': true, 'registry.k8s.io/e2e-test-images/agnhost:3.0': false,
      redis: true, 'redis:5': true, 'docker.io/redis:6.0.5': true, 'redis:6.0.55': false, 'registry.k8s.io/redis@sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee': true,
      'curlimages/curl': true, 'docker.io/curlimages/curl:8.18.0': true, 'curlimages/curl:8.99.0': false,
      'hashicorp/http-echo:1.0': true, 'hashicorp/http-echo:0.2.3': true, 'hashicorp/http-echo:2.0': false,
    });
  });

  it('unknown images still fail to pull; the pulled tag travels with the image', () => {
    expect(exists(['nginxx', 'example.com/team/app:v1', 'nicolaka/netshoot', 'alpine/socat:1.8.0.3', 'registry.k8s.io/nginx-slim:0.8', 'gcr.io/google_containers/nginx-slim:0.8', 'nginxdemos/hello:plain-text'])).toEqual({
      nginxx: false,
      'example.com/team/app:v1': false,
      'nicolaka/netshoot': true,
      'alpine/socat:1.8.0.3': true,
      'registry.k8s.io/nginx-slim:0.8': true,
      'gcr.io/google_containers/nginx-slim:0.8': true,
      'nginxdemos/hello:plain-text': true,
    });
    expect([lookupImage('nginx')?.tag, lookupImage('docker.io/library/nginx:1.27.3-alpine')?.tag]).toEqual(['latest', '1.27.3-alpine']);
  });

  it('a typo\'d tag is ErrImagePull with manifest unknown; a missing repository is pull access denied', () => {
    expect([pullError('nginx:1.277'), pullError('nginxx:1.27')]).toEqual([
      'Error response from daemon: manifest for nginx:1.277 not found: manifest unknown: manifest unknown',
      "Error response from daemon: pull access denied for nginxx, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    ]);
    const c = new Cluster();
    createPod(c, 'typo', [{ name: 'web', image: 'nginx:1.277' }]);
    c.advance(1_500);
    expect(pod(c, 'typo').status.containerStatuses?.[0]?.state).toEqual({
      waiting: { reason: 'ErrImagePull', message: 'Error response from daemon: manifest for nginx:1.277 not found: manifest unknown: manifest unknown' },
    });
    c.advance(5_000);
    expect(c.mustGet<Pod>('Pod', 'default', 'typo').status.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:1.277"' } });
  });
});
