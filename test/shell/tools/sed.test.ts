import { describe, expect, it } from 'vitest';
import { err, out, session } from './fixtures.js';

const YAML = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.14\n';

describe('sed', () => {
  it('substitutes with s/a/b/, s|a|b|g, & and groups, and -e more than once', () => {
    const sh = session();
    sh.homeFs.writeFile('/home/learner/p.yaml', YAML);
    expect(sh.run("sed 's/nginx:1.14/nginx:1.16/' p.yaml | tail -1")).toEqual(out('    image: nginx:1.16\n'));
    expect(sh.run("echo a/b/a | sed 's|a|x|g'")).toEqual(out('x/b/x\n'));
    expect(sh.run("echo port 80 | sed 's/[0-9]\\+/<&>/'")).toEqual(out('port <80>\n'));
    expect(sh.run("echo key=value | sed 's/\\(.*\\)=\\(.*\\)/\\2=\\1/'")).toEqual(out('value=key\n'));
    expect(sh.run("echo key=value | sed -E 's/(.*)=(.*)/\\2 \\1/'")).toEqual(out('value key\n'));
    expect(sh.run("echo aaa | sed 's/a/b/2'")).toEqual(out('aba\n'));
    expect(sh.run("head -2 p.yaml | sed -e 's/v1/V1/' -e 's/Pod/Service/'")).toEqual(out('apiVersion: V1\nkind: Service\n'));
  });

  it('prints with -n and p, deletes with /re/d and ranges, stops at q', () => {
    const sh = session();
    sh.homeFs.writeFile('/home/learner/p.yaml', YAML);
    expect(sh.run("sed -n '2p' p.yaml")).toEqual(out('kind: Pod\n'));
    expect(sh.run("sed -n '$p' p.yaml")).toEqual(out('    image: nginx:1.14\n'));
    expect(sh.run("sed '/^ /d' p.yaml")).toEqual(out('apiVersion: v1\nkind: Pod\nmetadata:\nspec:\n'));
    expect(sh.run("sed '2,7d' p.yaml")).toEqual(out('apiVersion: v1\n    image: nginx:1.14\n'));
    expect(sh.run("sed -n '/metadata/,/spec/p' p.yaml")).toEqual(out('metadata:\n  name: web\nspec:\n'));
    expect(sh.run("sed '2q' p.yaml")).toEqual(out('apiVersion: v1\nkind: Pod\n'));
    expect(sh.run("sed -n 's/web/api/p' p.yaml")).toEqual(out('  name: api\n  - name: api\n'));
  });

  it('edits in place with -i (and keeps a backup with -i.bak), as tutorials fix manifests', () => {
    const sh = session();
    sh.homeFs.writeFile('/home/learner/p.yaml', YAML);
    expect(sh.run("sed -i 's/nginx:1.14/nginx:1.16/' p.yaml")).toEqual(out(''));
    expect(sh.run('tail -1 p.yaml')).toEqual(out('    image: nginx:1.16\n'));
    expect(sh.run("sed -i.bak 's/web/api/g' p.yaml && grep -c api p.yaml && grep -c web p.yaml.bak")).toEqual(out('3\n2\n'));
  });

  it('fails in GNU sed words on the host and busybox words in busybox', () => {
    const sh = session({ pods: true });
    expect(sh.run("sed 's/a/b' x")).toEqual(err("sed: -e expression #1, char 5: unterminated `s' command\n"));
    expect(sh.run("sed 's/a/b/' missing")).toEqual(err("sed: can't read missing: No such file or directory\n", 2));
    expect(sh.run("sed -i 's/a/b/'")).toEqual(err('sed: no input files\n', 4));
    expect(sh.run('sed')).toEqual(err('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n'));
    expect(sh.run("sed 'k' x")).toEqual(err("sed: -e expression #1, char 1: unknown command: `k'\n"));
    expect(sh.run("kubectl exec bb -- sed 's/a/b' x")).toEqual(err("sed: unmatched '/'\ncommand terminated with exit code 1\n"));
    expect(sh.run("kubectl exec bb -- sed 's/a/b/' missing")).toEqual(err('sed: missing: No such file or directory\ncommand terminated with exit code 1\n'));
  });

  it('is in debian, ubuntu and busybox images and edits the container\'s own files', () => {
    const sh = session({ pods: true });
    expect(sh.run("kubectl exec bb -- sed -i 's/^/# /' /etc/hostname")).toEqual(out(''));
    expect(sh.run('kubectl exec bb -- cat /etc/hostname')).toEqual(out('# bb\n'));
    expect(sh.run("kubectl exec test-pod -c c0 -- sed -n '1p' /etc/hostname")).toEqual(out('test-pod\n'));
  });
});

describe('busybox wording', () => {
  it('cat, ls, rm and mkdir in a busybox image say what busybox says; ubuntu keeps GNU', () => {
    const sh = session({ pods: true });
    expect(sh.run('kubectl exec bb -- cat missing')).toEqual(err("cat: can't open 'missing': No such file or directory\ncommand terminated with exit code 1\n"));
    expect(sh.run('kubectl exec bb -- ls missing')).toEqual(err('ls: missing: No such file or directory\ncommand terminated with exit code 1\n'));
    expect(sh.run('kubectl exec bb -- rm missing')).toEqual(err("rm: can't remove 'missing': No such file or directory\ncommand terminated with exit code 1\n"));
    expect(sh.run('kubectl exec bb -- rm /etc')).toEqual(err("rm: '/etc' is a directory\ncommand terminated with exit code 1\n"));
    expect(sh.run('kubectl exec bb -- mkdir /etc')).toEqual(err("mkdir: can't create directory '/etc': File exists\ncommand terminated with exit code 1\n"));
    expect(sh.run('kubectl exec test-pod -c c0 -- cat missing')).toEqual(err('cat: missing: No such file or directory\ncommand terminated with exit code 1\n'));
    expect(sh.run('kubectl exec test-pod -c c0 -- ls missing')).toEqual(err("ls: cannot access 'missing': No such file or directory\ncommand terminated with exit code 2\n", 2));
    expect(sh.run('cat missing')).toEqual(err('cat: missing: No such file or directory\n'));
    expect(sh.run('kubectl exec bb -- cp missing x')).toEqual(err("cp: can't stat 'missing': No such file or directory\ncommand terminated with exit code 1\n"));
    expect(sh.run('kubectl exec bb -- cp /etc x')).toEqual(err("cp: omitting directory '/etc'\ncommand terminated with exit code 1\n"));
    expect(sh.run('kubectl exec bb -- mv missing x')).toEqual(err("mv: can't rename 'missing': No such file or directory\ncommand terminated with exit code 1\n"));
    expect(sh.run('kubectl exec bb -- touch /nope/x')).toEqual(err('touch: /nope/x: No such file or directory\ncommand terminated with exit code 1\n'));
    expect(sh.run('kubectl exec test-pod -c c0 -- touch /nope/x')).toEqual(err("touch: cannot touch '/nope/x': No such file or directory\ncommand terminated with exit code 1\n"));
  });
});
