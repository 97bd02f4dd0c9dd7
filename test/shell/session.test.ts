import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/sim/index.js';
import { ShellSession } from '../../src/shell/index.js';
import { err, out, session } from './tools/fixtures.js';

describe('session: variables and substitution', () => {
  it('assigns, exports and expands variables', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('X=5; echo $X ${X} "${X}x" ${X:-d} ${Y:-def} ${#X} $Y.')).toEqual(out('5 5 5x 5 def 1 .\n'));
    expect(sh.run('env | grep ^X=')).toEqual(out('', 1));
    expect(sh.run('export X; env | grep ^X=')).toEqual(out('X=5\n'));
    expect(sh.run('export Z=9 && echo $Z')).toEqual(out('9\n'));
    expect(sh.run('A=1 env | grep ^A=')).toEqual(out('A=1\n'));
    expect(sh.run('echo $A')).toEqual(out('\n'));
    expect(sh.run('A=1 B=$A; echo $A $B')).toEqual(out('1 1\n'));
    expect(sh.run('C=5 echo $C; echo "[$C]"')).toEqual(out('\n[]\n'));
  });

  it('substitutes command output, as tutorials write curl $(minikube ip):31341', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('echo $(minikube ip):31341')).toEqual(out('192.168.49.2:31341\n'));
    expect(sh.run('IP=`minikube ip`; echo "node at $IP"')).toEqual(out('node at 192.168.49.2\n'));
    expect(sh.run('X=$(false); echo $?')).toEqual(out('1\n'));
  });

  it('splits unquoted expansions into fields and keeps quoted ones whole', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('X="a  b"; printf_args() { :; }')).toEqual(err('bash: printf_args(): functions: not supported in this sandbox (no loops, conditionals, functions or subshells; run one command at a time)\n', 2));
    expect(sh.run('X="a  b"; echo $X; echo "$X"')).toEqual(out('a b\na  b\n'));
  });

  it('expands ~ and globs against the location\'s files; an unmatched pattern stays as typed', () => {
    const sh = new ShellSession(new Cluster(), { files: { 'a.yaml': '', 'b.yaml': '', 'c.txt': '' } });
    expect(sh.run('echo *.yaml ~ ~/c.txt')).toEqual(out('a.yaml b.yaml /home/learner /home/learner/c.txt\n'));
    expect(sh.run('echo ?.txt [ab].yaml *.json "*.yaml"')).toEqual(out('c.txt a.yaml b.yaml *.json *.yaml\n'));
    expect(sh.run('echo ./*.txt /home/learner/*.txt')).toEqual(out('./c.txt /home/learner/c.txt\n'));
  });
});

describe('session: lists, pipes, redirects', () => {
  it('runs && || ; with bash exit status rules', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('false && echo no || echo yes; echo $?')).toEqual(out('yes\n0\n'));
    expect(sh.run('nope; echo after')).toEqual({ stdout: 'after\n', stderr: 'bash: nope: command not found\n', exitCode: 0 });
    expect(sh.run('! false')).toEqual(out(''));
  });

  it('pipes stdout and not stderr, unless 2>&1', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('ls nope | wc -l')).toEqual({ stdout: '0\n', stderr: "ls: cannot access 'nope': No such file or directory\n", exitCode: 0 });
    expect(sh.run('ls nope 2>&1 | wc -l')).toEqual(out('1\n'));
  });

  it('applies redirects left to right and creates targets before the command runs', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('ls nope > f 2>&1; cat f')).toEqual(out("ls: cannot access 'nope': No such file or directory\n"));
    expect(sh.run('ls nope 2>&1 > g; cat g')).toEqual(out("ls: cannot access 'nope': No such file or directory\n"));
    expect(sh.run('nope > h; ls h')).toEqual({ stdout: 'h\n', stderr: 'bash: nope: command not found\n', exitCode: 0 });
    expect(sh.run('echo a > x; echo b >> x; cat < x')).toEqual(out('a\nb\n'));
    expect(sh.run('echo gone > /dev/null; ls nope 2>/dev/null; echo $?')).toEqual(out('2\n'));
    expect(sh.run('echo both &> y; cat y')).toEqual(out('both\n'));
    expect(sh.run('echo x > /nope/f')).toEqual(err('bash: /nope/f: No such file or directory\n'));
    expect(sh.run('cat < missing')).toEqual(err('bash: missing: No such file or directory\n'));
    expect(sh.run('echo x > $UNSET_VAR')).toEqual(err('bash: $: ambiguous redirect\n'));
  });

  it('feeds heredocs and here-strings to stdin', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('N=web\ncat <<EOF > s.yaml\nname: $N\nip: $(minikube ip)\nEOF')).toEqual(out(''));
    expect(sh.run('cat s.yaml')).toEqual(out('name: web\nip: 192.168.49.2\n'));
    expect(sh.run("cat <<'EOF'\nname: $N\nEOF")).toEqual(out('name: $N\n'));
    expect(sh.run('grep -c a <<< "a b a"')).toEqual(out('1\n'));
  });
});

describe('session: locations', () => {
  it('enters a container with kubectl exec -it, writes to PID 1\'s stdout, and leaves with exit', () => {
    const sh = session({ pods: true });
    expect(sh.run('kubectl exec -it test-pod -c c0 -- bash')).toEqual(out(''));
    expect(sh.prompt()).toBe('root@test-pod:/# ');
    expect(sh.run('cd /tmp && pwd && echo $HOSTNAME')).toEqual(out('/tmp\ntest-pod\n'));
    expect(sh.prompt()).toBe('root@test-pod:/tmp# ');
    expect(sh.run('echo hello >> /proc/1/fd/1')).toEqual(out(''));
    expect(sh.run('exit')).toEqual(out('exit\n'));
    expect(sh.prompt()).toBe('learner@laptop:~$ ');
    expect(sh.run('kubectl logs test-pod -c c0')).toEqual(out('hello\n'));
  });

  it('reports a non-zero exit from an exec shell as kubectl does', () => {
    const sh = session({ pods: true });
    sh.run('kubectl exec -it test-pod -c c0 -- bash');
    expect(sh.run('exit 3')).toEqual({ stdout: 'exit\n', stderr: 'command terminated with exit code 3\n', exitCode: 3 });
  });

  it('uses busybox sh\'s prompt and wording', () => {
    const sh = session({ pods: true });
    sh.run('kubectl exec -it bb -- sh');
    expect(sh.prompt()).toBe('/ # ');
    expect(sh.run('curl web')).toEqual(err('sh: curl: not found\n', 127));
    expect(sh.run('exit')).toEqual(err('command terminated with exit code 127\n', 127));
  });

  it('runs sh -c scripts in containers, exit ends only the script', () => {
    const sh = session({ pods: true });
    expect(sh.run("kubectl exec bb -- sh -c 'echo $HOSTNAME; exit 4; echo no'")).toEqual({ stdout: 'bb\n', stderr: 'command terminated with exit code 4\n', exitCode: 4 });
    sh.run('kubectl exec -it test-pod -c c0 -- bash');
    expect(sh.run("bash -c 'exit 2'; echo $?")).toEqual(out('2\n'));
    expect(sh.prompt()).toBe('root@test-pod:/# ');
  });

  it('minikube ssh enters the node; minikube ssh -- CMD runs there', () => {
    const sh = session();
    expect(sh.run("minikube ssh -- 'echo hi > /tmp/x; hostname'")).toEqual(out('minikube\n'));
    expect(sh.run('minikube ssh')).toEqual(out(''));
    expect(sh.prompt()).toBe('docker@minikube:~$ ');
    expect(sh.run('cat /tmp/x')).toEqual(out('hi\n'));
    expect(sh.run('exit')).toEqual(out('logout\n'));
    expect(sh.prompt()).toBe('learner@laptop:~$ ');
  });

  it('ends a container shell whose container restarted, with exit code 137', () => {
    const sh = session({ pods: true });
    sh.run('kubectl exec -it web -- bash');
    expect(sh.run('kill 1')).toEqual(err('command terminated with exit code 137\n', 137));
    expect(sh.prompt()).toBe('learner@laptop:~$ ');
  });

  it('runAt tells a command whether its stdout is a terminal (kubectl exec -t)', () => {
    const sh = new ShellSession(new Cluster(), { files: { 'a.txt': '', 'b.txt': '' } });
    expect(sh.runAt({ type: 'host' }, ['ls'], '')).toEqual(out('a.txt\nb.txt\n'));
    expect(sh.runAt({ type: 'host' }, ['ls'], '', { tty: true })).toEqual(out('a.txt  b.txt\n'));
  });

  it('exit at the host asks the UI to close the tutor', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('exit 0; echo never')).toEqual(out('exit\n'));
    expect(sh.takeUiRequests()).toEqual([{ type: 'exit-tutor' }]);
  });

  it('source runs a file in the current shell', () => {
    const sh = new ShellSession(new Cluster(), { files: { 'env.sh': 'export NS=dev\ncd /tmp\n' } });
    expect(sh.run('source env.sh; echo $NS; pwd')).toEqual(out('dev\n/tmp\n'));
  });
});

describe('session: builtins', () => {
  it('which and type know what each location has', () => {
    const sh = session({ pods: true });
    expect(sh.run('which kubectl minikube')).toEqual(out('/usr/bin/kubectl\n/usr/bin/minikube\n'));
    expect(sh.run('type cd nope')).toEqual({ stdout: 'cd is a shell builtin\n', stderr: 'bash: type: nope: not found\n', exitCode: 1 });
    expect(sh.run('kubectl exec test-pod -c c0 -- which curl')).toEqual({ stdout: '', stderr: 'command terminated with exit code 1\n', exitCode: 1 });
  });

  it('cd reports missing directories in bash\'s words', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('cd nowhere')).toEqual(err('bash: cd: nowhere: No such file or directory\n'));
    expect(sh.run('exit abc')).toEqual({ stdout: 'exit\n', stderr: 'bash: exit: abc: numeric argument required\n', exitCode: 2 });
  });

  it('!! and !$ expand to the previous line and its last word, echoing the result as bash does', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('!!')).toEqual(err('bash: !!: event not found\n'));
    sh.run('minikube ssh');
    sh.run('iptables-save | grep -m1 filter');
    expect(sh.run('sudo !!')).toEqual(out('sudo iptables-save | grep -m1 filter\n*filter\n'));
    expect(sh.run("echo '!!' !$")).toEqual(out("echo '!!' filter\n!! filter\n"));
  });

  it('history lists what was typed', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('echo one');
    sh.run('echo two');
    expect(sh.run('history')).toEqual(out('    1  echo one\n    2  echo two\n    3  history\n'));
  });
});

describe('session: snapshots and lesson limits', () => {
  it('restores files, location, variables and aliases from a snapshot', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('echo one > f.txt; X=1; alias k2=kubectl');
    const snap = sh.snapshot();
    sh.run('echo two > f.txt; X=2; unalias k2; minikube ssh');
    expect(sh.prompt()).toBe('docker@minikube:~$ ');
    sh.restore(snap);
    expect(sh.prompt()).toBe('learner@laptop:~$ ');
    expect(sh.run('cat f.txt; echo $X; alias')).toEqual(out("one\n1\nalias k2='kubectl'\n"));
  });

  it('disabled and allowed commands answer plainly', () => {
    const off = new ShellSession(new Cluster(), { disabled: ['minikube'] });
    expect(off.run('minikube ip')).toEqual(err('bash: minikube: this command is disabled in this lesson\n', 126));
    const only = new ShellSession(new Cluster(), { allowed: ['kubectl', 'echo'] });
    expect(only.run('echo ok')).toEqual(out('ok\n'));
    expect(only.run('curl x')).toEqual(err('bash: curl: this command is disabled in this lesson\n', 126));
  });

  it('isComplete asks for more lines only for open quotes, heredocs and trailing operators', () => {
    const sh = new ShellSession(new Cluster());
    expect(['echo "a', 'cat <<EOF', 'ls |', 'ls &&', 'echo \\'].map((l) => sh.isComplete(l))).toEqual([false, false, false, false, false]);
    expect(['echo a', 'for i in 1; do', 'echo )', ''].map((l) => sh.isComplete(l))).toEqual([true, true, true, true]);
  });
});

describe('session: output in terminal order', () => {
  it('keeps stdout and stderr apart in the result and interleaved in lastOutput()', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('ls nope; echo after; ls nope2')).toEqual({ stdout: 'after\n', stderr: "ls: cannot access 'nope': No such file or directory\nls: cannot access 'nope2': No such file or directory\n", exitCode: 2 });
    expect(sh.lastOutput()).toEqual([
      { fd: 2, text: "ls: cannot access 'nope': No such file or directory\n" },
      { fd: 1, text: 'after\n' },
      { fd: 2, text: "ls: cannot access 'nope2': No such file or directory\n" },
    ]);
  });

  it('shows an earlier pipeline stage\'s error before the last stage\'s output, and 2>&1 merges into stdout in order', () => {
    const sh = new ShellSession(new Cluster());
    sh.run('echo x > f');
    sh.run('cat nope f | wc -l');
    expect(sh.lastOutput()).toEqual([{ fd: 2, text: 'cat: nope: No such file or directory\n' }, { fd: 1, text: '1\n' }]);
    expect(sh.run('echo a; ls nope 2>&1; echo b')).toEqual(out("a\nls: cannot access 'nope': No such file or directory\nb\n"));
    expect(sh.lastOutput()).toEqual([{ fd: 1, text: "a\nls: cannot access 'nope': No such file or directory\nb\n" }]);
  });

  it('finds no command named after Object.prototype members', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('valueOf; constructor')).toEqual(err('bash: valueOf: command not found\nbash: constructor: command not found\n', 127));
  });
});
