/**
 * Base and tool images: ubuntu, debian, busybox (Docker Hub's and registry.k8s.io's), alpine, curlimages/curl,
 * nicolaka/netshoot and the e2e jessie-dnsutils. Their main process is whatever shell command the pod gives: a loop
 * that never ends keeps running, anything else exits (a bare `bash` with no terminal exits at once).
 */
import { alpineTags, busyboxTags, curlTags, debianTags, fixedTags, ubuntuTags } from './tags.js';
import { BUSYBOX_NET, SHELL_TOOLS, shellMain } from './common.js';
import type { ImageInfo } from './types.js';

const base = { main: shellMain(0), startupLogs: (): string[] => [], workingDir: '/' };

const debianLike = (repository: string, os: 'debian' | 'ubuntu', hasTag: (t: string) => boolean): ImageInfo => ({
  ...base,
  repository,
  tools: [...SHELL_TOOLS, 'bash', 'sh', 'apt-get'],
  shells: ['bash', 'sh'],
  os,
  defaultArgv: os === 'ubuntu' ? ['/bin/bash'] : ['bash'],
  hasTag,
});

const busyboxLike = (repository: string, hasTag: (t: string) => boolean): ImageInfo => ({
  ...base,
  repository,
  tools: [...SHELL_TOOLS, 'sh', ...BUSYBOX_NET],
  shells: ['sh'],
  os: 'busybox',
  defaultArgv: ['sh'],
  hasTag,
});

/** The base and tool images. */
export const DISTRO_IMAGES: ImageInfo[] = [
  debianLike('ubuntu', 'ubuntu', ubuntuTags),
  debianLike('debian', 'debian', debianTags),
  busyboxLike('busybox', busyboxTags),
  busyboxLike('registry.k8s.io/busybox', fixedTags('latest', '1.24', '1.27', '1.27.2', '1.28')),
  busyboxLike('gcr.io/google-containers/busybox', fixedTags('latest', '1.24', '1.27', '1.27.2')),
  {
    ...base,
    repository: 'alpine',
    tools: [...SHELL_TOOLS, 'sh', 'ash', 'apk', ...BUSYBOX_NET],
    shells: ['sh', 'ash'],
    os: 'alpine',
    defaultArgv: ['/bin/sh'],
    hasTag: alpineTags,
    size: 3624000,
  },
  {
    ...base,
    repository: 'curlimages/curl',
    tools: [...SHELL_TOOLS, 'sh', 'curl', ...BUSYBOX_NET],
    shells: ['sh'],
    os: 'alpine',
    workingDir: '/home/curl_user',
    defaultArgv: ['/entrypoint.sh', 'curl'],
    hasTag: curlTags,
    main: (argv) => (argv.length === 2 && argv[1] === 'curl' ? { type: 'exit', argv, code: 2, output: "curl: try 'curl --help' or 'curl --manual' for more information" } : shellMain(0)(argv)),
    size: 10468000,
  },
  {
    ...base,
    repository: 'nicolaka/netshoot',
    tools: [...SHELL_TOOLS, 'sh', 'bash', 'zsh', 'curl', 'dig', 'nslookup', 'host', 'ping', 'ip', 'nc', 'netstat', 'ss', 'tcpdump', 'iptables', 'wget', 'traceroute', 'socat', 'nmap'],
    shells: ['zsh', 'bash', 'sh'],
    os: 'alpine',
    workingDir: '/root',
    defaultArgv: ['zsh'],
    hasTag: fixedTags('latest', ...Array.from({ length: 14 }, (_, i) => `v0.${i + 1}`)),
    size: 193400000,
  },
  {
    ...base,
    repository: 'registry.k8s.io/e2e-test-images/jessie-dnsutils',
    tools: [...SHELL_TOOLS, 'bash', 'sh', 'dig', 'nslookup', 'host', 'ping', 'wget'],
    shells: ['bash', 'sh'],
    os: 'debian',
    defaultArgv: ['bash'],
    hasTag: fixedTags('1.3', '1.4', '1.5', '1.7'),
  },
];
