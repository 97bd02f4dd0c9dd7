/**
 * Property tests: random command lines through the parser and through a whole ShellSession never throw, never hang
 * (each property has a 2-minute budget; alone the file takes 10–15 s), and every error is well formed: the parser's is one line; a
 * command's stderr (after curl's progress meter) ends with a newline, starts with text (not indentation or a stack
 * trace) and never shows `undefined`, `NaN` or `[object Object]`. Lines tried per run (printed by afterAll; measured 2026-11 on a loaded
 * 4-core machine, this file's tests ≈ 10–15 s):
 *   parse, random characters (shrinkable)           100,000
 *   parse, seeded bursts of random characters       900,000
 *   parse, shell-like token soup and its prefixes  ~86,000
 *   session, tool lines at host/node/containers     ~5,000
 *   session, kubectl/minikube/tool lines            ~2,500
 *   total                                       ~1,090,000
 * The session runs are the expensive ones (each advances the simulated cluster by a command tick).
 */
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { parse } from '../../src/shell/parse.js';
import type { CommandResult, ShellSession } from '../../src/shell/index.js';
import { session } from './tools/fixtures.js';

const CHARS = [...'abcxyz019 -_./:=,~*?[]{}!#$()`\'"\\|&;<>\n\t@%+'];
const WORDS = ['echo', 'cat', 'ls', 'X', '$X', '${X}', '${X:-d}', '$(ls)', '`ls`', "'q w'", '"a $Y"', 'EOF', '<<EOF', '<<-EOF', "<<'EOF'", '>', '>>', '2>&1', '<', '&>', '|', '||', '&&', ';', '&', '\n', 'for', 'do', 'done', '(', ')', '{', '}', '$((1))', '<<<', 'a=b', '!', '#c', '\\', '*', '~/x'];

/** A well-formed result; returns a description of what is wrong, or '' when nothing is. */
function problem(r: CommandResult): string {
  if (typeof r.stdout !== 'string' || typeof r.stderr !== 'string') return 'non-string output';
  if (!Number.isInteger(r.exitCode) || r.exitCode < 0 || r.exitCode > 255) return `exit code ${r.exitCode}`;
  const stderr = r.stderr.replace(/^ {2}% Total.*\n.*\n.*\n/gm, '');
  if (!stderr) return '';
  if (!stderr.endsWith('\n')) return `stderr without final newline: ${JSON.stringify(r.stderr)}`;
  if (!/^\n?\S/.test(stderr)) return `stderr starts with blanks: ${JSON.stringify(r.stderr)}`;
  if (/undefined|NaN|\[object Object\]|\n\s+at \S+ \(/.test(stderr)) return `bad stderr: ${JSON.stringify(r.stderr)}`;
  return '';
}

/** Lines actually tried, reported at the end (the header's totals come from this). */
const count = { parse: 0, session: 0 };
afterAll(() => {
  console.log(`property lines: parse ${count.parse}, session ${count.session}, total ${count.parse + count.session}`);
});

const oneLine = (r: ReturnType<typeof parse>): boolean => r.ok || (r.error.length > 0 && !r.error.includes('\n'));

/** A small seeded generator (mulberry32) to expand one fast-check seed into many lines cheaply. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('property: the parser', () => {
  it('never throws on random characters; errors are one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 24 }), (src) => {
        count.parse++;
        return oneLine(parse(src));
      }),
      { numRuns: 100_000 },
    );
  }, 120_000);

  it('never throws on seeded bursts of random characters (100 lines per seed)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rnd = mulberry32(seed);
        for (let i = 0; i < 100; i++) {
          const n = Math.floor(rnd() * 40);
          let src = '';
          for (let j = 0; j < n; j++) src += CHARS[Math.floor(rnd() * CHARS.length)];
          count.parse++;
          if (!oneLine(parse(src))) throw new Error(`parse(${JSON.stringify(src)}): error is not one line`);
        }
        return true;
      }),
      { numRuns: 9_000 },
    );
  }, 120_000);

  it('never throws on shell-like token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), fc.array(fc.constantFrom(' ', '', '\n'), { maxLength: 40 }), (words, seps) => {
        const src = words.map((w, i) => w + (seps[i] ?? ' ')).join('');
        // Every prefix is a command line too: a learner typing it one token at a time.
        for (let n = 0; n <= words.length; n += 4) {
          count.parse++;
          if (!oneLine(parse(words.slice(0, n).map((w, i) => w + (seps[i] ?? ' ')).join('')))) return false;
        }
        count.parse++;
        return oneLine(parse(src));
      }),
      { numRuns: 30_000 },
    );
  }, 120_000);
});

const TOOLS = ['ls', 'cat', 'echo', 'mkdir', 'rm', 'cp', 'mv', 'touch', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'sleep', 'base64', 'env', 'printenv', 'printf', 'date', 'whoami', 'id', 'uname', 'hostname', 'curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'apt-get', 'ps', 'kill', 'ip', 'ifconfig', 'route', 'iptables', 'iptables-save', 'crictl', 'docker', 'sudo', 'sh', 'bash', 'nano', 'cd', 'pwd', 'export', 'unset', 'which', 'type', 'history', 'true', 'false', 'source', 'nosuchtool'];
const ARGS = ['-n', '-1', '-c', '-l', '-v', '-i', '-E', '-o', '-w', '-r', '-k2', '-t,', '-d', '-f1', '-s', '-q', '-O-', '-T', '1', '5', '-x', '--bogus', '--help', '-HUP', '-9', '1', '0', 'aux', '-ef', 'a', 'addr', 'route', '-L', '-t', 'nat', 'ps', 'web', 'web.default', 'nope', 'localhost', '10.244.0.5', '10.96.0.10', 'http://web/', '192.168.49.2:31341', '$(minikube ip)', '"a b"', "'x'", 'pods.txt', '/etc/resolv.conf', '/etc/hosts', '/tmp', '/proc/1/fd/1', '~', '*', '.', '..', '-', 'update', 'install', '-y', 'curl', 'dnsutils', '-c', "'echo hi; exit 3'", 'kubectl'];
const OPS = [' | ', ' && ', ' || ', '; ', ' > out.txt', ' 2>&1', ' 2>/dev/null', ' >> out.txt', ' <<< x', ''];
const KUBECTL = ['kubectl get pods', 'kubectl get svc -o wide', 'kubectl get po -A', 'kubectl describe pod web', 'kubectl logs web', 'kubectl exec web -- ls', 'kubectl exec -it bb -- sh', 'kubectl exec -it test-pod -c c0 -- bash', 'kubectl get nope', 'kubectl --bogus', 'kubectl get pods -l app=web', 'kubectl delete pod nope', 'minikube ip', 'minikube ssh', 'minikube ssh -- ls /', 'minikube status', 'minikube service web --url', 'minikube addons list', 'minikube tunnel', 'minikube --bogus', 'exit', 'exit 1'];

const line = (parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> => fc.tuple(...parts).map((xs) => xs.join(''));
const simple = fc.tuple(fc.constantFrom(...TOOLS), fc.array(fc.constantFrom(...ARGS), { maxLength: 4 })).map(([t, a]) => [t, ...a].join(' '));

function runAll(sh: ShellSession, lines: string[]): void {
  for (const l of lines) {
    count.session++;
    const p = problem(sh.run(l));
    if (p) throw new Error(`${JSON.stringify(l)}: ${p}`);
  }
}

describe('property: a whole session', () => {
  it('random tool invocations at every location never throw and fail in the tools\' words', () => {
    const sh = session({ pods: true });
    sh.run('echo "web-1 Running\nweb-2 Pending" > pods.txt');
    fc.assert(
      fc.property(fc.array(line([simple, fc.constantFrom(...OPS), simple]), { minLength: 1, maxLength: 3 }), fc.constantFrom('', 'minikube ssh', 'kubectl exec -it bb -- sh', 'kubectl exec -it web -- bash', 'kubectl exec -it test-pod -c c0 -- bash'), (lines, enter) => {
        if (enter) sh.run(enter);
        runAll(sh, lines);
        for (let i = 0; i < 4 && sh.location().type !== 'host'; i++) sh.run('exit');
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);

  it('random kubectl and minikube lines mixed with tools never throw', () => {
    const sh = session({ pods: true });
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...KUBECTL), simple), { minLength: 1, maxLength: 3 }), (lines) => {
        runAll(sh, lines);
        for (let i = 0; i < 4 && sh.location().type !== 'host'; i++) sh.run('exit');
      }),
      { numRuns: 1_500 },
    );
  }, 120_000);
});
