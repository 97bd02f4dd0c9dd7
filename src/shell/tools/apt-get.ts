/**
 * `apt-get update` / `apt-get install [-y] PKG…` in Debian and Ubuntu containers. Installing adds the package's tools
 * to the container's runtime `installed` list (lost when the container restarts, as a container's writable layer is).
 * Without `apt-get update` first the package lists are empty, so apt answers `E: Unable to locate package curl`.
 */
import { lookupImage, type Pod } from '../../sim/index.js';
import type { CommandContext, CommandFn, CommandResult } from '../types.js';

/** Packages a learner installs, the tools each brings, and its version. */
const PACKAGES: Record<string, { tools: string[]; version: string; deps: string[] }> = {
  curl: { tools: ['curl'], version: '7.88.1-10+deb12u8', deps: ['ca-certificates', 'libcurl4', 'libnghttp2-14', 'libssh2-1', 'openssl'] },
  wget: { tools: ['wget'], version: '1.21.3-1+b2', deps: ['libpsl5', 'publicsuffix'] },
  dnsutils: { tools: ['nslookup', 'dig', 'host'], version: '1:9.18.28-1~deb12u2', deps: ['bind9-dnsutils', 'bind9-libs', 'libuv1'] },
  'bind9-dnsutils': { tools: ['nslookup', 'dig', 'host'], version: '1:9.18.28-1~deb12u2', deps: ['bind9-libs', 'libuv1'] },
  'iputils-ping': { tools: ['ping'], version: '3:20221126-1+deb12u1', deps: ['libcap2-bin'] },
  iproute2: { tools: ['ip'], version: '6.1.0-3', deps: ['libbpf1', 'libelf1', 'libmnl0'] },
  'net-tools': { tools: ['ifconfig', 'route'], version: '2.10-0.1', deps: [] },
  procps: { tools: ['ps'], version: '2:4.0.2-3', deps: ['libproc2-0'] },
  vim: { tools: ['vim', 'vi'], version: '2:9.0.1378-2', deps: ['vim-common', 'vim-runtime', 'xxd'] },
  nano: { tools: ['nano'], version: '7.2-1+deb12u1', deps: [] },
};

function osOf(ctx: CommandContext): 'debian' | 'ubuntu' {
  const loc = ctx.location;
  if (loc.type !== 'container') return 'debian';
  const pod = ctx.cluster.get<Pod>('Pod', loc.namespace, loc.pod);
  const spec = pod?.spec.containers.find((c) => c.name === loc.container);
  return spec && lookupImage(spec.image)?.os === 'ubuntu' ? 'ubuntu' : 'debian';
}

function runtimeOf(ctx: CommandContext) {
  const loc = ctx.location;
  if (loc.type !== 'container') return undefined;
  const pod = ctx.cluster.get<Pod>('Pod', loc.namespace, loc.pod);
  return pod ? ctx.cluster.state.runtime.get(pod.metadata.uid!)?.containers.get(loc.container) : undefined;
}

const UPDATE: Record<'debian' | 'ubuntu', string> = {
  debian:
    'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\nGet:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\nGet:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\nGet:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]\nGet:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.5 kB]\nGet:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [243 kB]\nFetched 9303 kB in 1s (7012 kB/s)\nReading package lists...\n',
  ubuntu:
    'Get:1 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]\nGet:2 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]\nGet:3 http://archive.ubuntu.com/ubuntu noble-updates InRelease [126 kB]\nGet:4 http://archive.ubuntu.com/ubuntu noble/main amd64 Packages [1808 kB]\nGet:5 http://archive.ubuntu.com/ubuntu noble/universe amd64 Packages [19.3 MB]\nGet:6 http://security.ubuntu.com/ubuntu noble-security/main amd64 Packages [1024 kB]\nFetched 22.6 MB in 3s (7530 kB/s)\nReading package lists...\n',
};

const READING = 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n';
const USAGE = 'Usage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n\nMost used commands:\n  update - Retrieve new lists of packages\n  install - Install new packages (pkg is libc6 not libc6.deb)\n  remove - Remove packages\n';

function install(ctx: CommandContext, names: string[], yes: boolean): CommandResult {
  const rt = runtimeOf(ctx);
  if (!names.length) return { stdout: READING + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n', stderr: '', exitCode: 0 };
  const missing = names.find((n) => !rt?.aptUpdated || !PACKAGES[n]);
  if (missing !== undefined) return { stdout: READING, stderr: `E: Unable to locate package ${missing}\n`, exitCode: 100 };
  const fresh = names.filter((n) => !PACKAGES[n]!.tools.every((t) => rt!.installed.includes(t)));
  let out = READING;
  for (const n of names.filter((x) => !fresh.includes(x))) out += `${n} is already the newest version (${PACKAGES[n]!.version}).\n`;
  if (!fresh.length) return { stdout: out + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n', stderr: '', exitCode: 0 };
  const deps = [...new Set(fresh.flatMap((n) => PACKAGES[n]!.deps))].sort();
  const all = [...deps, ...fresh].sort();
  if (deps.length) out += `The following additional packages will be installed:\n  ${deps.join(' ')}\n`;
  out += `The following NEW packages will be installed:\n  ${all.join(' ')}\n0 upgraded, ${all.length} newly installed, 0 to remove and 0 not upgraded.\nNeed to get ${all.length * 412} kB of archives.\nAfter this operation, ${all.length * 1187} kB of additional disk space will be used.\n`;
  if (deps.length && !yes) out += 'Do you want to continue? [Y/n] Y (answered for you: this sandbox cannot prompt; use -y)\n';
  all.forEach((p, i) => (out += `Get:${i + 1} http://deb.debian.org/debian bookworm/main amd64 ${p} amd64 [412 kB]\n`));
  out += `Fetched ${all.length * 412} kB in 0s (${all.length * 4120} kB/s)\n`;
  for (const p of all) out += `Selecting previously unselected package ${p}.\nUnpacking ${p} ...\n`;
  for (const p of all) out += `Setting up ${p} (${PACKAGES[p]?.version ?? '1.0'}) ...\n`;
  out += 'Processing triggers for libc-bin (2.36-9+deb12u9) ...\n';
  for (const n of fresh) for (const t of PACKAGES[n]!.tools) if (!rt!.installed.includes(t)) rt!.installed.push(t);
  ctx.cluster.touch();
  return { stdout: out, stderr: 'debconf: delaying package configuration, since apt-utils is not installed\n', exitCode: 0 };
}

/** `apt update` / `apt install`: apt-get's work, with apt's warning when its output is not a terminal. */
export const apt: CommandFn = (ctx) => {
  const r = aptGet(ctx);
  if (ctx.argv[1] === undefined || ctx.argv.includes('--help') || ctx.tty !== false) return r;
  return { ...r, stderr: '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n' + r.stderr };
};

export const aptGet: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const yes = args.some((a) => /^-[a-z]*y[a-z]*$/.test(a) || a === '--yes' || a === '--assume-yes');
  const bad = args.find((a) => a.startsWith('-') && !/^-[yqV]+$/.test(a) && !['--yes', '--assume-yes', '--no-install-recommends', '--quiet', '-qq', '--help'].includes(a));
  if (args.includes('--help') || args.includes('-h')) return { stdout: `apt 2.6.1 (amd64)\n${USAGE}`, stderr: '', exitCode: 0 };
  if (bad) return { stdout: '', stderr: `E: Command line option '${bad.replace(/^-+/, '')}' [from ${bad}] is not understood in combination with the other options.\n`, exitCode: 100 };
  const [cmd, ...rest] = args.filter((a) => !a.startsWith('-'));
  if (cmd === undefined) return { stdout: `apt 2.6.1 (amd64)\n${USAGE}`, stderr: '', exitCode: 1 };
  const rt = runtimeOf(ctx);
  if (cmd === 'update') {
    if (rt) rt.aptUpdated = true;
    ctx.cluster.touch();
    return { stdout: UPDATE[osOf(ctx)], stderr: '', exitCode: 0 };
  }
  if (cmd === 'install') return install(ctx, rest, yes);
  if (cmd === 'upgrade') return { stdout: READING + 'Calculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n', stderr: '', exitCode: 0 };
  if (cmd === 'remove' || cmd === 'purge' || cmd === 'clean' || cmd === 'autoremove') return { stdout: '', stderr: `E: '${cmd}' is not supported in this sandbox\n`, exitCode: 100 };
  return { stdout: '', stderr: `E: Invalid operation ${cmd}\n`, exitCode: 100 };
};
