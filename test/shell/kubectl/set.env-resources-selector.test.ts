import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { helpText } from '../../../src/shell/kubectl/help/index.js';
import { Cluster, type Deployment, type KubeObject, type Service } from '../../../src/sim/index.js';

const ok = (stdout: string, stderr = '') => ({ stdout, stderr, exitCode: 0 });
const err = (stderr: string, stdout = '') => ({ stdout, stderr, exitCode: 1 });

function withWeb(): { c: Cluster; sh: ShellSession } {
  const c = new Cluster();
  const sh = new ShellSession(c);
  sh.run('kubectl create deployment web --image=nginx');
  sh.run('kubectl expose deployment web --port=80');
  return { c, sh };
}
const container = (c: Cluster) => c.get<Deployment>('Deployment', 'default', 'web')!.spec.template.spec.containers[0]!;

describe('kubectl set env', () => {
  it('sets, lists, leaves unchanged objects silent, and removes with KEY-', () => {
    const { c, sh } = withWeb();
    expect(sh.run('kubectl set env deployment/web KEY=VALUE MODE=dev')).toEqual(ok('deployment.apps/web env updated\n'));
    expect(container(c).env).toEqual([{ name: 'KEY', value: 'VALUE' }, { name: 'MODE', value: 'dev' }]);
    expect(sh.run('kubectl set env deployment/web KEY=VALUE')).toEqual(ok(''));
    expect(sh.run('kubectl set env deployment web --list')).toEqual(ok('# Deployment web, container nginx\nKEY=VALUE\nMODE=dev\n'));
    expect(sh.run('kubectl set env deployment/web KEY-')).toEqual(ok('deployment.apps/web env updated\n'));
    expect(container(c).env).toEqual([{ name: 'MODE', value: 'dev' }]);
    expect(sh.run('kubectl set env deployment/web -e A=1 --dry-run=client')).toEqual(ok('deployment.apps/web env updated (dry run)\n'));
  });

  it('new pods see the variable after the rollout', () => {
    const { sh } = withWeb();
    sh.run('kubectl set env deployment/web GREETING=hello');
    sh.run('sleep 30');
    expect(sh.run('kubectl exec deploy/web -- printenv GREETING')).toEqual(ok('hello\n'));
  });

  it('words its refusals as kubectl does', () => {
    const { sh } = withWeb();
    sh.run('kubectl set env deployment/web KEY=VALUE');
    expect(sh.run('kubectl set env deployment/web KEY=OTHER --overwrite=false')).toEqual(err("error: deployment.apps/web\n 'KEY' already has a value (VALUE), and --overwrite is false\n"));
    expect(sh.run('kubectl set env deployment/web -c nope A=1')).toEqual(ok('', 'Warning: Deployment/web does not have any containers matching "nope"\n'));
    expect(sh.run('kubectl set env service/web A=1')).toEqual(err('error: service/web the object is not a pod or does not have a pod template: *v1.Service\n'));
    expect(sh.run('kubectl set env deployment/web 1A=b')).toEqual(err(`error: "1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`));
    expect(sh.run('kubectl set env deployment/web A=1 --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl set env --help' for usage.\n"));
    expect(sh.run('kubectl set env --help')).toEqual(ok(helpText('set env')!));
  });
});

describe('kubectl set env --from', () => {
  it('injects every key of a ConfigMap (or --keys) as references, named as kubectl names them', () => {
    const { c, sh } = withWeb();
    sh.run('kubectl create configmap cfg --from-literal=db.host=db --from-literal=mode=dev');
    sh.run('kubectl create secret generic creds --from-literal=password=s3cret');
    expect(sh.run('kubectl set env deployment/web --from=configmap/cfg')).toEqual(ok('deployment.apps/web env updated\n'));
    expect(sh.run('kubectl set env deployment/web --from=secret/creds --keys=password --prefix=APP_')).toEqual(ok('deployment.apps/web env updated\n'));
    expect(container(c).env).toEqual([
      { name: 'DB_HOST', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'db.host' } } },
      { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode' } } },
      { name: 'APP_PASSWORD', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
    ]);
    expect(sh.run('kubectl set env deployment/web --list')).toEqual(
      ok('# Deployment web, container nginx\n# DB_HOST from configmap cfg, key db.host\n# MODE from configmap cfg, key mode\n# APP_PASSWORD from secret creds, key password\n'),
    );
  });

  it('refuses what kubectl refuses', () => {
    const { sh } = withWeb();
    expect(sh.run('kubectl set env deployment/web --from=service/web')).toEqual(err('error: unsupported resource specified in --from\n'));
    expect(sh.run('kubectl set env deployment/web --from=configmap/nope')).toEqual(err('Error from server (NotFound): configmaps "nope" not found\n'));
    expect(sh.run('kubectl set env deployment/web --keys=a A=1')).toEqual(err('error: when specifying --keys, a configmap or secret must be provided with --from\n'));
    expect(sh.run('kubectl set env A=1')).toEqual(err('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'));
    expect(sh.run('kubectl set env A=1 deployment/web')).toEqual(err('error: all resources must be specified before environment changes: A=1 deployment/web\n'));
    expect(sh.run('kubectl set env deployment/web --list -o yaml')).toEqual(err('error: --list and --output may not be specified together\n'));
  });
});

describe('kubectl set resources', () => {
  it('sets requests and limits, and is silent when nothing changes', () => {
    const { c, sh } = withWeb();
    expect(sh.run('kubectl set resources deployment/web --requests=cpu=100m,memory=64Mi --limits=cpu=200m,memory=128Mi')).toEqual(ok('deployment.apps/web resource requirements updated\n'));
    expect(container(c).resources).toEqual({ limits: { cpu: '200m', memory: '128Mi' }, requests: { cpu: '100m', memory: '64Mi' } });
    expect(sh.run('kubectl set resources deployment web --requests=cpu=100m')).toEqual(ok(''));
    expect(sh.run('kubectl set resources deployment web -c nginx --limits=memory=256Mi -o name')).toEqual(ok('deployment.apps/web\n'));
    expect(container(c).resources).toEqual({ limits: { cpu: '200m', memory: '256Mi' }, requests: { cpu: '100m', memory: '64Mi' } });
  });

  it('words its refusals as kubectl does', () => {
    const { sh } = withWeb();
    expect(sh.run('kubectl set resources deployment/web')).toEqual(err('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n'));
    expect(sh.run('kubectl set resources deployment/web --requests=cpu')).toEqual(err('error: Invalid argument syntax cpu, expected <resource>=<value>\n'));
    expect(sh.run('kubectl set resources deployment/web --requests=cpu=abc')).toEqual(err("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"));
    expect(sh.run('kubectl set resources deployment/web -c nope --limits=cpu=1')).toEqual(err('error: unable to find container named nope\n'));
    expect(sh.run('kubectl set resources service/web --limits=cpu=1')).toEqual(err('error: service/web the object is not a pod or does not have a pod template: *v1.Service\n'));
    expect(sh.run('kubectl set resources deployment/web --requests=cpu=2 --limits=cpu=1')).toEqual(
      err('error: failed to patch resources update to pod template Deployment.apps "web" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1\n'),
    );
    expect(sh.run('kubectl set resources deployment/web -c "ng*" --requests=cpu=50m')).toEqual(ok('deployment.apps/web resource requirements updated\n'));
    expect(sh.run('kubectl set resources deployment/web --cpu=1')).toEqual(err("error: unknown flag: --cpu\nSee 'kubectl set resources --help' for usage.\n"));
    expect(sh.run('kubectl set resources --help')).toEqual(ok(helpText('set resources')!));
  });
});

describe('kubectl set selector', () => {
  it("replaces a Service's selector, which changes its endpoints", () => {
    const { c, sh } = withWeb();
    expect(sh.run('kubectl set selector service web app=web2')).toEqual(ok('service/web selector updated\n'));
    expect(c.get<Service>('Service', 'default', 'web')!.spec.selector).toEqual({ app: 'web2' });
    const endpoints = () => c.list<{ endpoints?: unknown[] } & KubeObject>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web').flatMap((s) => s.endpoints ?? []).length;
    expect(endpoints()).toBe(0);
    sh.run('kubectl set selector service web app=web');
    expect(endpoints()).toBe(1);
    expect(sh.run('kubectl set selector svc/web app=web,tier=fe --dry-run=client')).toEqual(ok('service/web selector updated (dry run)\n'));
  });

  it('words its refusals as kubectl does', () => {
    const { sh } = withWeb();
    expect(sh.run("kubectl set selector svc/web 'app in (a,b)'")).toEqual(err('error: match expression [{app In [a b]}] not supported on this object\n'));
    expect(sh.run("kubectl set selector svc/web 'a b'")).toEqual(err(`error: couldn't parse the selector string "a b": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt\n`));
    expect(sh.run('kubectl set selector deployment/web app=x')).toEqual(err('error: setting a selector is only supported for Services\n'));
    expect(sh.run('kubectl set selector')).toEqual(err('error: one selector is required\n'));
    expect(sh.run('kubectl set selector svc/web app=x --bogus')).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl set selector --help' for usage.\n"));
    expect(sh.run('kubectl set selector --help')).toEqual(ok(helpText('set selector')!));
  });
});
