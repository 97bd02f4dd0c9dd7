import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/index.js';

const root = join(import.meta.dirname, '../..');
const configDir = mkdtempSync(join(tmpdir(), 'knt-cli-test-'));
afterAll(() => rmSync(configDir, { recursive: true, force: true }));

/** Runs the CLI from sources (no build needed), as a separate process without a terminal. */
function cli(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, KUBE_NET_TUTOR_CONFIG_DIR: configDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    cwd: root,
  });
  return { stdout: r.stdout, stderr: r.stderr.replace(/.*npm warn.*\n/g, ''), code: r.status };
}

describe('kube-net-tutor CLI', () => {
  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version'])).toEqual({ stdout: `${pkg.version}\n`, stderr: '', code: 0 });
  });

  it('an unknown option is a usage error', () => {
    expect(cli(['--frobnicate'])).toEqual({
      stdout: '',
      stderr: "kube-net-tutor: Unknown option '--frobnicate'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--frobnicate\"\nRun 'kube-net-tutor --help' for usage.\n",
      code: 2,
    });
  });

  it('without a terminal, says how to use the sandbox instead and exits 2', () => {
    expect(cli([])).toEqual({
      stdout: '',
      stderr: 'kube-net-tutor needs an interactive terminal. To run commands from a file or a pipe, use: kube-net-tutor sandbox --script FILE (or - for stdin)\n',
      code: 2,
    });
  });

  it('sandbox runs each line in a fresh cluster, echoing it after its prompt', () => {
    expect(cli(['sandbox', '--script', '-'], 'kubectl get pods\n')).toEqual({
      stdout: 'learner@laptop:~$ kubectl get pods\nNo resources found in default namespace.\n',
      stderr: '',
      code: 0,
    });
  });

  it('sandbox runs heredocs in scripts', () => {
    const script = 'cat <<EOF > pod.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\nEOF\nkubectl apply -f pod.yaml\n';
    const r = cli(['sandbox', '--script', '-'], script);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('learner@laptop:~$ kubectl apply -f pod.yaml\npod/web created\n');
  });

  it('sandbox without --script is a usage error', () => {
    expect(cli(['sandbox'])).toEqual({ stdout: '', stderr: "kube-net-tutor: --script FILE is required (use '-' to read the script from standard input)\n", code: 2 });
  });

  it('check fails an empty script with what is missing', () => {
    const empty = cli(['check', 'intra-pod', '--script', '-'], '');
    expect(empty.code).toBe(1);
    expect(empty.stdout.split('\n')[0]).toMatch(/^Inside one pod: 0\/\d+ tasks passed$/);
    expect(empty.stdout).toContain('✗ ');
  });

  it('check passes a script made of the lesson\'s reference solutions', async () => {
    const r = await loadCourse(join(root, 'lessons'));
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const lesson = r.course.lessons.find((l) => l.id === 'intra-pod')!;
    const out = cli(['check', 'intra-pod', '--script', '-'], lesson.tasks.map((t) => t.solution).join('\n') + '\n');
    expect(out.stdout.split('\n')[0]).toBe(`Inside one pod: ${lesson.tasks.length}/${lesson.tasks.length} tasks passed`);
    expect(out.code).toBe(0);
  });

  it('check --task grades only the named tasks: the pod applied and curl over localhost pass the first two', () => {
    const script = "kubectl apply -f pod.yaml\nkubectl exec duo -c client -- bash -c 'apt-get update && apt-get install -y curl'\nkubectl exec duo -c client -- curl -s localhost:80\n";
    expect(cli(['check', 'intra-pod', '--script', '-', '--task', 'run-pod', '--task', 'curl-localhost'], script)).toEqual({
      stdout: 'Inside one pod: 2/2 tasks passed\n  ✓ Start a pod with two containers\n      Pod duo exists as expected\n  ✓ Reach the web server over localhost\n      You ran curl -s localhost:80 in container client of pod duo\n',
      stderr: '',
      code: 0,
    });
    expect(cli(['check', 'intra-pod', '--script', '-', '--task', 'nope'], '')).toEqual({
      stdout: '',
      stderr: 'kube-net-tutor: lesson intra-pod has no task "nope"; tasks: run-pod, curl-localhost, fix-clash, signal-across, logs-pid1\n',
      code: 2,
    });
  });

  it('check with --json reports each task', () => {
    const r = cli(['check', 'intra-pod', '--script', '-', '--json'], '');
    const report = JSON.parse(r.stdout) as { lesson: string; allPassed: boolean; tasks: { id: string; done: boolean; message: string }[] };
    expect(report.lesson).toBe('intra-pod');
    expect(report.allPassed).toBe(false);
    expect(report.tasks.every((t) => !t.done && t.message.length > 0)).toBe(true);
  });

  it('check names the lessons when the id is unknown', () => {
    const r = cli(['check', 'nope', '--script', '-'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kube-net-tutor: no lesson "nope"; lessons: .*intra-pod/);
  });

  it('list shows the lessons and the progress saved', () => {
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ version: 1, lessons: { 'intra-pod': { tasksDone: ['run-pod'], completed: false } } }));
    const r = cli(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/◐ +\d+\. intra-pod +Inside one pod +1\/\d+/);
  });

  it('an unreadable progress file is set aside and the learner starts fresh', () => {
    writeFileSync(join(configDir, 'config.json'), '{ this is not json');
    const r = cli(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/○ +\d+\. intra-pod +Inside one pod +0\/\d+/);
    expect(readFileSync(join(configDir, 'config.json.bak'), 'utf8')).toBe('{ this is not json');
  });

  it('lessons check reports a broken course with file:line problems', () => {
    const r = cli(['lessons', 'check', join(root, 'test/fixtures/courses/broken-lesson')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/lesson\.yaml:\d+ /);
  });
});
