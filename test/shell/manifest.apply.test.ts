import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../src/shell/index.js';
import { Cluster } from '../../src/sim/index.js';

/** Writes `text` to `file` in a fresh session's home, then runs `kubectl apply -f file`. */
function apply(file: string, text: string): { stdout: string; stderr: string; exitCode: number } {
  const sh = new ShellSession(new Cluster());
  expect(sh.run(`cat <<'EOF' > ${file}\n${text}EOF`).exitCode).toBe(0);
  return sh.run(`kubectl apply -f ${file}`);
}

describe('manifests through kubectl apply: what the learner sees', () => {
  it('an unknown field is refused by the server with its path', () => {
    expect(apply('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    volumeMount: []\n')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].volumeMount"\n',
      exitCode: 1,
    });
  });

  it('a wrong type is refused with Go\'s unmarshal error', () => {
    expect(apply('web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "3"\n')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n',
      exitCode: 1,
    });
  });

  it('a YAML syntax error never reaches the server', () => {
    expect(apply('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n    labels: {}\n')).toEqual({
      stdout: '',
      stderr: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n',
      exitCode: 1,
    });
  });
});
