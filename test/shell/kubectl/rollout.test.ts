import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { Cluster } from '../../../src/sim/index.js';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, stdout = '') => ({ stdout, stderr, exitCode: 1 });

function deployed(): ShellSession {
  const sh = new ShellSession(new Cluster());
  sh.run('kubectl create deployment web --image=nginx --replicas=3');
  sh.run('sleep 10');
  return sh;
}

describe('kubectl rollout status', () => {
  it('waits (in simulated time) until a new Deployment is available', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl create deployment web --image=nginx --replicas=3 && kubectl rollout status deployment/web')).toEqual(
      ok('deployment.apps/web created\nWaiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...\ndeployment "web" successfully rolled out\n'),
    );
  });

  it('follows a rolling update step by step', () => {
    const sh = deployed();
    expect(sh.run('kubectl set image deployment/web nginx=nginx:1.25 && kubectl rollout status deploy web')).toEqual(
      ok(
        'deployment.apps/web image updated\n' +
          'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n' +
          'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...\n' +
          'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n' +
          'deployment "web" successfully rolled out\n',
      ),
    );
  });

  it('gives up on a broken image at --timeout or at the progress deadline', () => {
    const sh = deployed();
    expect(sh.run('kubectl set image deployment/web nginx=nginx:doesnotexist && kubectl rollout status deploy/web --timeout=20s')).toEqual(
      err('error: timed out waiting for the condition\n', 'deployment.apps/web image updated\nWaiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n'),
    );
    expect(sh.run('kubectl rollout status deploy/web')).toEqual(
      err('error: deployment "web" exceeded its progress deadline\n', 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n'),
    );
  });

  it('prints once with --watch=false, and needs a resource', () => {
    const sh = deployed();
    expect(sh.run('kubectl rollout status deploy/web --watch=false')).toEqual(ok('deployment "web" successfully rolled out\n'));
    expect(sh.run('kubectl rollout status')).toEqual(err('error: required resource not specified\n'));
    expect(sh.run('kubectl rollout status deploy/web --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl rollout status --help' for usage.\n"));
  });
});

describe('kubectl rollout history and undo', () => {
  it('lists revisions with their change cause, and undo makes an old one the newest', () => {
    const sh = deployed();
    sh.run('kubectl set image deployment/web nginx=nginx:1.25');
    sh.run('kubectl annotate deployment web kubernetes.io/change-cause="nginx 1.26"');
    sh.run('kubectl set image deployment/web nginx=nginx:1.26');
    sh.run('sleep 20');
    expect(sh.run('kubectl rollout history deployment/web')).toEqual(ok('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         nginx 1.26\n3         nginx 1.26\n\n'));
    expect(sh.run('kubectl rollout undo deployment/web --to-revision=1')).toEqual(ok('deployment.apps/web rolled back\n'));
    expect(sh.run('kubectl rollout history deploy web')).toEqual(ok('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         nginx 1.26\n3         nginx 1.26\n4         <none>\n\n'));
    expect(sh.run('kubectl rollout undo deployment/web --to-revision=4')).toEqual(ok('deployment.apps/web skipped rollback (current template already matches revision 4)\n'));
    expect(sh.run('kubectl rollout undo deployment/web --to-revision=9')).toEqual(err('error: unable to find specified revision 9 in history\n'));
  });

  it('an annotation made after a rollout lands on the current revision (the controller copies it to the newest ReplicaSet)', () => {
    const sh = deployed();
    sh.run('kubectl set image deployment/web nginx=nginx:1.27');
    expect(sh.run('kubectl annotate deployment web kubernetes.io/change-cause="upgrade to 1.27"')).toEqual(ok('deployment.apps/web annotated\n'));
    expect(sh.run('kubectl rollout history deployment/web')).toEqual(ok('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         upgrade to 1.27\n\n'));
    sh.run('kubectl annotate deployment web kubernetes.io/change-cause="still 1.27" --overwrite');
    expect(sh.run('kubectl rollout history deployment/web')).toEqual(ok('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         still 1.27\n\n'));
  });

  it('shows one revision as its pod template', () => {
    const sh = deployed();
    expect(sh.run('kubectl rollout history deployment/web --revision=1')).toEqual(
      ok(
        'deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=7bbbff7566\n  Containers:\n   nginx:\n    Image:\tnginx\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n',
      ),
    );
    expect(sh.run('kubectl rollout history deployment/web --revision=7')).toEqual(err('error: unable to find the specified revision\n'));
  });

  it('has nothing to undo on a first revision', () => {
    const sh = deployed();
    expect(sh.run('kubectl rollout undo deployment/web')).toEqual(err('error: no rollout history found for deployment "web"\n'));
  });
});

describe('kubectl rollout restart', () => {
  it('rolls the pods by stamping the template, and refuses a Pod', () => {
    const sh = deployed();
    expect(sh.run('kubectl rollout restart deployment/web')).toEqual(ok('deployment.apps/web restarted\n'));
    sh.run('kubectl run p --image=nginx');
    expect(sh.run('kubectl rollout restart pod/p')).toEqual(err('error: pods "p" restarting is not supported\n'));
    expect(sh.run('kubectl rollout foo deploy/web')).toEqual(err("error: unknown command \"foo deploy/web\"\nSee 'kubectl rollout -h' for help and examples\n"));
  });
});

describe('kubectl rollout pause and resume', () => {
  it('pauses once, resumes once', () => {
    const sh = deployed();
    expect(sh.run('kubectl rollout pause deployment/web')).toEqual(ok('deployment.apps/web paused\n'));
    expect(sh.run('kubectl rollout pause deployment/web')).toEqual(err('error: deployments.apps "web" is already paused\n'));
    expect(sh.run('kubectl rollout undo deployment/web')).toEqual(err('error: no rollout history found for deployment "web"\n'));
    expect(sh.run('kubectl rollout resume deployment/web')).toEqual(ok('deployment.apps/web resumed\n'));
    expect(sh.run('kubectl rollout resume deployment/web')).toEqual(err('error: deployments.apps "web" is not paused\n'));
  });
});
