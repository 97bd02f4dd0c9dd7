import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/sim/index.js';
import { ShellSession } from '../../../src/shell/index.js';
import { err, out } from './fixtures.js';

const FILES = { 'pods.txt': 'web-1 Running 10.244.0.5\nweb-2 Pending\ndb-1 Running 10.244.0.7\nweb-1 Running 10.244.0.5\n', 'nums.txt': '10\n9\n100\n9\n' };
const fresh = (): ShellSession => new ShellSession(new Cluster(), { files: FILES });

describe('ls, cat, mkdir, rm, cp, mv, touch', () => {
  it('lists and reads files', () => {
    const sh = fresh();
    expect(sh.run('ls')).toEqual(out('nums.txt  pods.txt\n'));
    expect(sh.run('ls -a')).toEqual(out('.  ..  nums.txt  pods.txt\n'));
    expect(sh.run('ls -1 nope nums.txt')).toEqual({ stdout: 'nums.txt\n', stderr: "ls: cannot access 'nope': No such file or directory\n", exitCode: 2 });
    expect(sh.run('cat -n nums.txt')).toEqual(out('     1\t10\n     2\t9\n     3\t100\n     4\t9\n'));
    expect(sh.run('cat /tmp')).toEqual(err('cat: /tmp: Is a directory\n'));
  });

  it('ls prints columns on the terminal and one name per line into a pipe, as GNU ls does', () => {
    const names = Array.from({ length: 14 }, (_, i) => `deployment-${String(i).padStart(2, '0')}.yaml`);
    const sh = new ShellSession(new Cluster(), { files: Object.fromEntries(names.map((n) => [n, ''])) });
    expect(sh.run('ls')).toEqual(
      out(
        'deployment-00.yaml  deployment-04.yaml  deployment-08.yaml  deployment-12.yaml\ndeployment-01.yaml  deployment-05.yaml  deployment-09.yaml  deployment-13.yaml\ndeployment-02.yaml  deployment-06.yaml  deployment-10.yaml\ndeployment-03.yaml  deployment-07.yaml  deployment-11.yaml\n',
      ),
    );
    expect(sh.run('ls | wc -l')).toEqual(out('14\n'));
    expect(sh.run('ls > list.txt; head -2 list.txt')).toEqual(out('deployment-00.yaml\ndeployment-01.yaml\n'));
    expect(sh.run('ls -l deployment-00.yaml')).toEqual(out('-rw-r--r-- 1 learner learner 0 Jan  1 12:21 deployment-00.yaml\n'));
    expect(sh.run('echo hello > a && mkdir d && ls -l a d deployment-13.yaml')).toEqual(out('-rw-r--r-- 1 learner learner 6 Jan  1 12:21 a\n-rw-r--r-- 1 learner learner 0 Jan  1 12:21 deployment-13.yaml\n\nd:\ntotal 0\n'));
  });

  it('creates, copies, moves and removes', () => {
    const sh = fresh();
    expect(sh.run('mkdir d && mkdir d')).toEqual(err('mkdir: cannot create directory ‘d’: File exists\n'));
    expect(sh.run('mkdir a/b')).toEqual(err('mkdir: cannot create directory ‘a/b’: No such file or directory\n'));
    expect(sh.run('mkdir -p a/b && touch a/b/f && cp -r a c && ls c/b')).toEqual(out('f\n'));
    expect(sh.run('cp a c2')).toEqual(err("cp: -r not specified; omitting directory 'a'\n"));
    expect(sh.run('cp nope x')).toEqual(err("cp: cannot stat 'nope': No such file or directory\n"));
    expect(sh.run('mv nums.txt d/ && ls d')).toEqual(out('nums.txt\n'));
    expect(sh.run('rm d')).toEqual(err("rm: cannot remove 'd': Is a directory\n"));
    expect(sh.run('rm -r d && rm -f nope && rm nope')).toEqual(err("rm: cannot remove 'nope': No such file or directory\n"));
    expect(sh.run('cp')).toEqual(err("cp: missing file operand\nTry 'cp --help' for more information.\n"));
    expect(sh.run('touch')).toEqual(err("touch: missing file operand\nTry 'touch --help' for more information.\n"));
  });
});

describe('grep, head, tail, wc, sort, uniq, cut, tr', () => {
  it('grep with -i -v -c -n -E -o -w', () => {
    const sh = fresh();
    expect(sh.run('grep Running pods.txt')).toEqual(out('web-1 Running 10.244.0.5\ndb-1 Running 10.244.0.7\nweb-1 Running 10.244.0.5\n'));
    expect(sh.run('grep -c -i running pods.txt')).toEqual(out('3\n'));
    expect(sh.run('grep -v Running pods.txt')).toEqual(out('web-2 Pending\n'));
    expect(sh.run('grep -n Pending pods.txt')).toEqual(out('2:web-2 Pending\n'));
    expect(sh.run("grep -oE '10\\.[0-9.]+' pods.txt")).toEqual(out('10.244.0.5\n10.244.0.7\n10.244.0.5\n'));
    expect(sh.run("grep 'web-\\(1\\|2\\)' pods.txt | wc -l")).toEqual(out('3\n'));
    expect(sh.run('grep -w web pods.txt | wc -l')).toEqual(out('3\n'));
    expect(sh.run('grep -w eb pods.txt')).toEqual(out('', 1));
    expect(sh.run('grep x nope')).toEqual(err('grep: nope: No such file or directory\n', 2));
    expect(sh.run('grep Pending pods.txt nums.txt')).toEqual(out('pods.txt:web-2 Pending\n'));
    expect(sh.run('grep -q Running pods.txt && echo found')).toEqual(out('found\n'));
  });

  it('head and tail', () => {
    const sh = fresh();
    expect(sh.run('head -n 1 pods.txt')).toEqual(out('web-1 Running 10.244.0.5\n'));
    expect(sh.run('head -2 nums.txt')).toEqual(out('10\n9\n'));
    expect(sh.run('tail -n 1 nums.txt')).toEqual(out('9\n'));
    expect(sh.run('tail -n +3 nums.txt')).toEqual(out('100\n9\n'));
    expect(sh.run('cat nums.txt | tail -2')).toEqual(out('100\n9\n'));
    expect(sh.run('head -n x nums.txt')).toEqual(err('head: invalid number of lines: ‘x’\n'));
    expect(sh.run('tail -f nums.txt')).toEqual(err("tail: -f: following a file never ends; not supported in this sandbox (use 'kubectl logs -f', which stops)\n"));
  });

  it('wc counts as GNU wc pads them', () => {
    const sh = fresh();
    expect(sh.run('wc -l pods.txt')).toEqual(out('4 pods.txt\n'));
    expect(sh.run('cat pods.txt | wc -l')).toEqual(out('4\n'));
    expect(sh.run('cat nums.txt | wc')).toEqual(out('      4       4      11\n'));
    expect(sh.run('wc -l pods.txt nums.txt')).toEqual(out(' 4 pods.txt\n 4 nums.txt\n 8 total\n'));
  });

  it('sort, uniq, cut, tr', () => {
    const sh = fresh();
    expect(sh.run('sort -n nums.txt')).toEqual(out('9\n9\n10\n100\n'));
    expect(sh.run('sort -rn nums.txt | uniq')).toEqual(out('100\n10\n9\n'));
    expect(sh.run('sort nums.txt | uniq -c')).toEqual(out('      1 10\n      1 100\n      2 9\n'));
    expect(sh.run('sort -u -k2 pods.txt')).toEqual(out('web-2 Pending\nweb-1 Running 10.244.0.5\ndb-1 Running 10.244.0.7\n'));
    expect(sh.run("cut -d ' ' -f 1,3 pods.txt | head -1")).toEqual(out('web-1 10.244.0.5\n'));
    expect(sh.run("echo Hello | tr 'a-z' 'A-Z'")).toEqual(out('HELLO\n'));
    expect(sh.run("echo a--b | tr -d '-'")).toEqual(out('ab\n'));
    expect(sh.run('cut pods.txt')).toEqual(err("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n"));
  });
});

describe('echo, sleep, base64, env, hostname, date, editor', () => {
  it('echo -n and -e', () => {
    const sh = fresh();
    expect(sh.run('echo -n a; echo -e "b\\tc"')).toEqual(out('ab\tc\n'));
  });

  it('sleep moves simulated time', () => {
    const c = new Cluster();
    const sh = new ShellSession(c);
    const before = c.now();
    expect(sh.run('sleep 30')).toEqual(out(''));
    expect(c.now() - before).toBe(32_000);
    expect(sh.run('sleep 1m')).toEqual(out(''));
    expect(sh.run('sleep')).toEqual(err("sleep: missing operand\nTry 'sleep --help' for more information.\n"));
    expect(sh.run('sleep x')).toEqual(err("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n"));
  });

  it('base64 encodes with wrapping and decodes', () => {
    const sh = fresh();
    expect(sh.run('echo -n admin | base64')).toEqual(out('YWRtaW4=\n'));
    expect(sh.run('echo YWRtaW4= | base64 -d')).toEqual(out('admin'));
    expect(sh.run('echo "%%%" | base64 --decode')).toEqual(err('base64: invalid input\n'));
  });

  it('hostname, whoami, date on the host', () => {
    const sh = fresh();
    expect(sh.run('hostname; whoami; date')).toEqual(out('laptop\nlearner\nWed Jan  1 12:21:00 UTC 2025\n'));
  });

  it('the editor asks the UI to open $EDITOR, or explains it cannot', () => {
    const sh = fresh();
    expect(sh.run('nano pod.yaml')).toEqual(err('nano: no editor is available here (no terminal); write the file with: cat <<EOF > pod.yaml\n'));
    const ui = new ShellSession(new Cluster(), { files: FILES, editor: true });
    expect(ui.run('vi nums.txt')).toEqual(out(''));
    expect(ui.takeUiRequests()).toEqual([{ type: 'edit', path: '/home/learner/nums.txt', content: '10\n9\n100\n9\n' }]);
    expect(ui.completeEdit('/home/learner/nums.txt', '1\n')).toBeUndefined();
    expect(ui.run('cat nums.txt')).toEqual(out('1\n'));
  });
});

describe('every coreutil: --help and an unknown flag', () => {
  const cases: [string, string, number][] = [
    ['ls', "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2],
    ['cat', "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n", 1],
    ['mkdir', "mkdir: invalid option -- 'z'\nTry 'mkdir --help' for more information.\n", 1],
    ['rm', "rm: invalid option -- 'z'\nTry 'rm --help' for more information.\n", 1],
    ['cp', "cp: invalid option -- 'z'\nTry 'cp --help' for more information.\n", 1],
    ['mv', "mv: invalid option -- 'z'\nTry 'mv --help' for more information.\n", 1],
    ['touch', "touch: invalid option -- 'z'\nTry 'touch --help' for more information.\n", 1],
    ['grep', "grep: invalid option -- 'z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2],
    ['head', "head: invalid option -- 'z'\nTry 'head --help' for more information.\n", 1],
    ['tail', "tail: invalid option -- 'z'\nTry 'tail --help' for more information.\n", 1],
    ['wc', "wc: invalid option -- 'z'\nTry 'wc --help' for more information.\n", 1],
    ['sort', "sort: invalid option -- 'z'\nTry 'sort --help' for more information.\n", 2],
    ['uniq', "uniq: invalid option -- 'z'\nTry 'uniq --help' for more information.\n", 1],
    ['cut', "cut: invalid option -- 'z'\nTry 'cut --help' for more information.\n", 1],
    ['tr', "tr: invalid option -- 'z'\nTry 'tr --help' for more information.\n", 1],
    ['base64', "base64: invalid option -- 'z'\nTry 'base64 --help' for more information.\n", 1],
    ['sleep', "sleep: invalid option -- 'z'\nTry 'sleep --help' for more information.\n", 1],
    ['env', "env: invalid option -- 'z'\nTry 'env --help' for more information.\n", 125],
    ['hostname', "hostname: invalid option -- 'z'\nUsage: hostname [-b] {hostname|-F file}         set host name (from file)\n", 1],
    ['uname', "uname: invalid option -- 'z'\nTry 'uname --help' for more information.\n", 1],
  ];
  for (const [tool, message, code] of cases) {
    it(`${tool} -z`, () => expect(fresh().run(`${tool} -z x`)).toEqual(err(message, code)));
  }
  for (const tool of ['ls', 'cat', 'mkdir', 'rm', 'cp', 'mv', 'touch', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'base64', 'sleep', 'env', 'hostname']) {
    it(`${tool} --help`, () => expect(fresh().run(`${tool} --help`)).toEqual({ stdout: expect.stringMatching(/^Usage: /), stderr: '', exitCode: 0 }));
  }
  it('grep --unknown (a long option)', () => expect(fresh().run('grep --colour-me x')).toEqual(err("grep: unrecognized option '--colour-me'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2)));
});
