import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/sim/index.js';
import { ShellSession } from '../../../src/shell/index.js';
import { err, ipOf, out, session } from './fixtures.js';

describe('alias, tee, less, watch, printf', () => {
  it('aliases expand the first word', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('alias kgp="kubectl get pods" && alias')).toEqual(out("alias kgp='kubectl get pods'\n"));
    expect(sh.run('kgp')).toEqual(err('No resources found in default namespace.\n', 0));
    expect(sh.run('alias nope')).toEqual(err('bash: alias: nope: not found\n'));
    expect(sh.run('unalias kgp && kgp')).toEqual(err('bash: kgp: command not found\n', 127));
  });

  it('tee copies, less prints, watch explains', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('echo hi | tee a.txt | tr a-z A-Z; cat a.txt')).toEqual(out('HI\nhi\n'));
    expect(sh.run('echo more | tee -a a.txt >/dev/null; less a.txt')).toEqual(out('hi\nmore\n'));
    expect(sh.run('less')).toEqual(err('Missing filename ("less --help" for help)\n'));
    expect(sh.run('watch kubectl get pods')).toEqual(err("watch: redrawing forever is not supported in this sandbox; run 'kubectl get pods' again, or use 'kubectl get pods -w' (it ends)\n"));
    expect(sh.run('printf "%s=%d\\n" a 1 b 2')).toEqual(out('a=1\nb=2\n'));
    expect(sh.run('printf')).toEqual(err('printf: usage: printf [-v var] format [arguments]\n', 2));
  });
});

describe('nc and netstat in busybox', () => {
  it('nc -zv checks a port through the Service', () => {
    const sh = session({ pods: true });
    const svc = ipOf(sh, 'svc', 'web');
    const bb = ipOf(sh, 'pod', 'bb');
    sh.run('kubectl exec -it bb -- sh');
    expect(sh.run('nc -zv web 80')).toEqual(err(`web (${svc}:80) open\n`, 0));
    expect(sh.run('nc -z web 80 && echo up')).toEqual(out('up\n'));
    expect(sh.run(`nc -zv ${bb} 81`)).toEqual(err(`nc: ${bb} (${bb}:81): Connection refused\n`));
    expect(sh.run('nc -zv nope 80')).toEqual(err("nc: bad address 'nope'\n"));
    expect(sh.run('nc web 80')).toEqual(err('nc: interactive connections are not simulated in this sandbox; check a port with: nc -zv HOST PORT\n'));
    expect(sh.run('nc --bogus')).toEqual({ stdout: '', stderr: expect.stringMatching(/^nc: unrecognized option '--bogus'\nBusyBox/), exitCode: 1 });
  });

  it('netstat lists what the pod listens on', () => {
    const sh = session({ pods: true });
    expect(sh.run('kubectl exec bb -- netstat -tln')).toEqual(out('Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n'));
    expect(sh.run('kubectl exec bb -- netstat -z')).toEqual({ stdout: '', stderr: "netstat: invalid option -- 'z'\nUsage: netstat [-ral] [-tuwx] [-enWp]\ncommand terminated with exit code 1\n", exitCode: 1 });
  });
});

describe('shells and working directories', () => {
  it('an httpd container starts in its WORKDIR', () => {
    const sh = session({ pods: true });
    sh.run('kubectl exec -it test-pod -c c01 -- bash');
    expect(sh.prompt()).toBe('root@test-pod:/usr/local/apache2# ');
    expect(sh.run('ls')).toEqual(out('bin  cgi-bin  conf  error  htdocs  icons  logs  modules\n'));
  });

  it('sh runs a script file; bash -c needs an argument; bad options are reported', () => {
    const sh = new ShellSession(new Cluster(), { files: { 's.sh': 'echo one\necho two\n' } });
    expect(sh.run('sh s.sh')).toEqual(out('one\ntwo\n'));
    expect(sh.run('bash -c')).toEqual(err('bash: -c: option requires an argument\n', 2));
    expect(sh.run('bash -Q')).toEqual(err('bash: -Q: invalid option\n', 2));
    expect(sh.run('sh nope.sh')).toEqual(err('sh: nope.sh: No such file or directory\n', 127));
    expect(sh.run("bash -c 'for x in a; do :; done'")).toEqual(err('bash: -c: for: not supported in this sandbox (no loops, conditionals, functions or subshells; run one command at a time)\n', 2));
  });
});

describe('--help and unknown flags for the remaining tools', () => {
  const host: [string, RegExp][] = [
    ['ip --help', /^Usage: ip /],
    ['sudo --help', /^usage: sudo /],
    ['nano --help', /^Usage: nano /],
    ['tee --help', /^Usage: tee /],
    ['printf --help', /^Usage: printf /],
  ];
  for (const [cmd, re] of host) {
    it(cmd, () => {
      const r = new ShellSession(new Cluster()).run(cmd);
      expect(r.exitCode).toBe(0);
      expect(r.stdout + r.stderr).toMatch(re);
    });
  }
  it('unknown flags', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('ip -Z a')).toEqual(err('Option "-Z" is unknown, try "ip -help".\n', 255));
    expect(sh.run('sudo -Z ls')).toEqual(err("sudo: invalid option -- 'Z'\nusage: sudo -h | -K | -k | -V\n"));
    expect(sh.run('tee -Z')).toEqual(err("tee: invalid option -- 'Z'\nTry 'tee --help' for more information.\n"));
    expect(sh.run('whoami -Z')).toEqual(err("whoami: invalid option -- 'Z'\nTry 'whoami --help' for more information.\n"));
    expect(sh.run('whoami x')).toEqual(err("whoami: extra operand ‘x’\nTry 'whoami --help' for more information.\n"));
    expect(sh.run('cut -f 0 /etc/hosts')).toEqual(err("cut: fields are numbered from 1\nTry 'cut --help' for more information.\n"));
    expect(sh.run('date +%s')).toEqual(err('date: formats are not supported in this sandbox\n'));
    expect(sh.run('id -u')).toEqual(err('id: options are not supported in this sandbox\n'));
    expect(sh.run('uname -a')).toEqual(out('Linux laptop 6.8.0-1021-aws #23-Ubuntu SMP Mon Dec  9 23:20:07 UTC 2024 x86_64 GNU/Linux\n'));
    sh.run('minikube ssh');
    expect(sh.run('ifconfig -Z')).toEqual(err("ifconfig: option `-Z' not recognised.\nifconfig: `--help' gives usage information.\n"));
    expect(sh.run('route -Z')).toEqual(err("route: invalid option -- 'Z'\nUsage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n"));
    expect(sh.run('crictl frob')).toEqual(err('time="2025-01-01T12:00:00Z" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/cri-dockerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/cri-dockerd.sock: connect: permission denied\\""\n'));
    expect(sh.run('sudo crictl frob')).toEqual(err('time="2025-01-01T12:00:00Z" level=fatal msg="command \\"frob\\" is not supported in this sandbox (ps, pods)"\n'));
    expect(sh.run('crictl --help | head -2')).toEqual(out('NAME:\n   crictl - client for CRI\n'));
    expect(sh.run('docker frob')).toEqual(err("docker: 'frob' is not supported in this sandbox (try docker ps).\n"));
  });
});
