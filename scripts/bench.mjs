// `npm run bench`: start-up figures for the built CLI, as medians over repeated runs and as ratios to `node -e 0`
// measured in the same run; then the simulator's scale benchmark (scripts/bench-sim.ts).
// Targets (issue 2): --version within 1.5x node -e 0; first TUI frame within 3x node -e 0.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeRun(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Descendant pids of `pid` (from /proc). */
function descendants(pid) {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d), ...descendants(Number(d)));
    } catch {
      /* the process ended */
    }
  }
  return out;
}

function peakRssKb(pids) {
  let best = 0;
  for (const p of pids) {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) best = Math.max(best, Number(m[1]));
    } catch {
      /* gone */
    }
  }
  return best;
}

/** Time from spawn to the first frame of the TUI (the lesson menu's title) under a pseudo-terminal via script(1). */
function firstFrame(configDir) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `${process.execPath} ${cli}`, '/dev/null'], {
      env: { ...process.env, KUBE_NET_TUTOR_CONFIG_DIR: configDir, COLUMNS: '100', LINES: '30', TERM: 'xterm-256color' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let buf = '';
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no frame within 10 s; saw: ${JSON.stringify(buf.slice(0, 300))}`)), 10_000);
    function finish(err, value) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const rss = peakRssKb(descendants(child.pid));
      for (const p of descendants(child.pid)) try { process.kill(p, 'SIGKILL'); } catch { /* gone */ }
      child.kill('SIGKILL');
      err ? reject(err) : resolve({ ms: value, rssKb: rss });
    }
    child.stdout.on('data', (d) => {
      buf += d.toString();
      if (/Kubernetes networking/i.test(buf.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''))) finish(null, Number(process.hrtime.bigint() - t0) / 1e6);
    });
    child.on('exit', () => finish(new Error(`exited before the first frame; saw: ${JSON.stringify(buf.slice(0, 300))}`)));
  });
}

const baseline = [];
const versionTimes = [];
const frameTimes = [];
const rss = [];
const configDir = mkdtempSync(join(tmpdir(), 'knt-bench-'));
try {
  for (let i = 0; i < 3; i++) timeRun(['-e', '0']), timeRun([cli, '--version']); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    baseline.push(timeRun(['-e', '0']));
    versionTimes.push(timeRun([cli, '--version']));
    const f = await firstFrame(configDir);
    frameTimes.push(f.ms);
    rss.push(f.rssKb);
  }
} finally {
  rmSync(configDir, { recursive: true, force: true });
}
const base = median(baseline);
const fmt = (ms) => `${ms.toFixed(1)} ms`;
console.log(`start-up (median of ${RUNS} runs, node ${process.version})`);
console.log(`  node -e 0                 ${fmt(base)}`);
console.log(`  kube-net-tutor --version  ${fmt(median(versionTimes))}   ${(median(versionTimes) / base).toFixed(2)}x node   (target <= 1.5x)`);
console.log(`  first TUI frame           ${fmt(median(frameTimes))}   ${(median(frameTimes) / base).toFixed(2)}x node   (target <= 3x)`);
console.log(`  peak memory (TUI, RSS)    ${(median(rss) / 1024).toFixed(1)} MiB`);

if (process.env.BENCH_SIM !== '0' && existsSync(join(root, 'scripts/bench-sim.ts'))) {
  console.log('');
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/bench-sim.ts')], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}
