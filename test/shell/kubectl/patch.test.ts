import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/shell/index.js';
import { helpText } from '../../../src/shell/kubectl/help/index.js';
import { jsonPatch, JsonPatchError, mergePatch, strategicMerge } from '../../../src/shell/kubectl/generators/patch-ops.js';
import { Cluster, type Deployment, type Service } from '../../../src/sim/index.js';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, stdout = '') => ({ stdout, stderr, exitCode: 1 });

function withWeb(): { c: Cluster; sh: ShellSession } {
  const c = new Cluster();
  const sh = new ShellSession(c);
  sh.run('kubectl create deployment web --image=nginx --port=80');
  return { c, sh };
}
const web = (c: Cluster) => c.get<Deployment>('Deployment', 'default', 'web')!;

describe('kubectl patch (strategic merge, the default)', () => {
  it('sets replicas, then reports no change for the same patch', () => {
    const { c, sh } = withWeb();
    expect(sh.run(`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`)).toEqual(ok('deployment.apps/web patched\n'));
    expect(web(c).spec.replicas).toBe(3);
    expect(sh.run(`kubectl patch deploy/web -p '{"spec":{"replicas":3}}'`)).toEqual(ok('deployment.apps/web patched (no change)\n'));
  });

  it('merges containers by name and their ports by containerPort; adds a new container', () => {
    const { c, sh } = withWeb();
    expect(sh.run(`kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80,"name":"http"}]}]}}}}'`)).toEqual(ok('deployment.apps/web patched\n'));
    expect(sh.run(`kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox"}]}}}}'`)).toEqual(ok('deployment.apps/web patched\n'));
    expect(web(c).spec.template.spec.containers.map((x) => [x.name, x.image, JSON.stringify(x.ports ?? [])])).toEqual([
      ['nginx', 'nginx:1.27', '[{"containerPort":80,"name":"http"}]'],
      ['side', 'busybox', '[]'],
    ]);
  });

  it('takes YAML, deletes a key with null, and merges Service ports by port', () => {
    const { c, sh } = withWeb();
    sh.run('kubectl label deployment web tier=fe');
    sh.run('kubectl expose deployment web --port=80');
    expect(sh.run(`kubectl patch deployment web -p 'metadata: {labels: {tier: null}}'`)).toEqual(ok('deployment.apps/web patched\n'));
    expect(web(c).metadata.labels).toEqual({ app: 'web' });
    expect(sh.run(`kubectl patch svc web -p '{"spec":{"ports":[{"port":80,"targetPort":8080}]}}'`)).toEqual(ok('service/web patched\n'));
    expect(c.get<Service>('Service', 'default', 'web')!.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 8080 }]);
  });
});

describe('kubectl patch --type=merge and --type=json', () => {
  it('merge replaces a whole list', () => {
    const { c, sh } = withWeb();
    expect(sh.run(`kubectl patch deployment web --type=merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"httpd"}]}}}}'`)).toEqual(ok('deployment.apps/web patched\n'));
    expect(web(c).spec.template.spec.containers.map((x) => x.name)).toEqual(['app']);
  });

  it('json add, replace and remove', () => {
    const { c, sh } = withWeb();
    expect(sh.run(`kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2},{"op":"add","path":"/metadata/labels/tier","value":"fe"}]'`)).toEqual(ok('deployment.apps/web patched\n'));
    expect(sh.run(`kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/metadata/labels/tier"}]'`)).toEqual(ok('deployment.apps/web patched\n'));
    expect([web(c).spec.replicas, web(c).metadata.labels]).toEqual([2, { app: 'web' }]);
  });

  it('json errors as the apiserver returns them', () => {
    const { sh } = withWeb();
    expect(sh.run(`kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/spec/nope"}]'`)).toEqual(err('The request is invalid: the server rejected our request due to an error in our request\n'));
    expect(sh.run(`kubectl patch deployment web --type=json -p '{"spec":{"replicas":3}}'`)).toEqual(err('Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n'));
  });
});

describe('kubectl patch errors', () => {
  it('words its mistakes as kubectl does', () => {
    const { sh } = withWeb();
    expect(sh.run('kubectl patch deployment web')).toEqual(err('error: must specify --patch or --patch-file containing the contents of the patch\n'));
    expect(sh.run(`kubectl patch deployment web --type=foo -p '{}'`)).toEqual(err('error: --type must be one of [json merge strategic], not "foo"\n'));
    expect(sh.run(`kubectl patch deployment web -p '{bad'`)).toEqual(err('error: invalid JSON document\n'));
    expect(sh.run(`kubectl patch deployment web -p '{}' --patch-file p.json`)).toEqual(err('error: cannot specify --patch and --patch-file together\n'));
    expect(sh.run('kubectl patch deployment web --patch-file p.json')).toEqual(err('error: unable to read patch file: open p.json: no such file or directory\n'));
    expect(sh.run(`kubectl patch deployment nope -p '{}'`)).toEqual(err('Error from server (NotFound): deployments.apps "nope" not found\n'));
    expect(sh.run(`kubectl patch deployment web -p '{"spec":{"replicas":-1}}'`)).toEqual(err('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'));
    expect(sh.run(`kubectl patch deployment web -p '{}' --subresource=logs`)).toEqual(err('Error from server (NotFound): the server could not find the requested resource\n'));
    expect(sh.run(`kubectl patch deployment web -p '{}' --bogus`)).toEqual(err("error: unknown flag: --bogus\nSee 'kubectl patch --help' for usage.\n"));
  });

  it('reads --patch-file and prints --dry-run and -o name', () => {
    const { c, sh } = withWeb();
    sh.run(`echo '{"spec":{"replicas":4}}' > p.json`);
    expect(sh.run('kubectl patch deployment web --patch-file p.json --dry-run=client')).toEqual(ok('deployment.apps/web patched (dry run)\n'));
    expect(web(c).spec.replicas).toBe(1);
    expect(sh.run('kubectl patch deployment web --patch-file p.json -o name')).toEqual(ok('deployment.apps/web\n'));
    expect(web(c).spec.replicas).toBe(4);
  });

  it('has --help', () => {
    const sh = new ShellSession(new Cluster());
    expect(sh.run('kubectl patch --help')).toEqual(ok(helpText('patch')!));
  });
});

describe('patch operations', () => {
  it('strategic merge: $patch delete removes a keyed element, other lists are replaced', () => {
    const live = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }], tolerations: [{ key: 'k' }] } };
    expect(strategicMerge(live, { spec: { containers: [{ name: 'a', $patch: 'delete' }], tolerations: [{ key: 'z' }] } })).toEqual({ spec: { containers: [{ name: 'b', image: 'y' }], tolerations: [{ key: 'z' }] } });
  });

  it('merge patch follows RFC 7386', () => {
    expect(mergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } })).toEqual({ a: 'z', c: { d: 'e' } });
  });

  it('json patch: array append, move, test failure and the library wording', () => {
    expect(jsonPatch({ a: [1], b: 2 }, [{ op: 'add', path: '/a/-', value: 3 }, { op: 'move', from: '/b', path: '/c' }])).toEqual({ a: [1, 3], c: 2 });
    expect(jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toEqual(new JsonPatchError('testing value /a failed: test failed'));
    expect(jsonPatch({ a: [1] }, [{ op: 'remove', path: '/a/3' }])).toEqual(new JsonPatchError("error in remove for path: '/a/3': Unable to access invalid index: 3: invalid index referenced"));
    expect(jsonPatch({ a: 1 }, [{ op: 'add', path: '/x/y', value: 1 }])).toEqual(new JsonPatchError('add operation does not apply: doc is missing path: "/x/y": missing value'));
    expect(jsonPatch({ a: 1 }, [{ op: 'bad', path: '/a' }])).toEqual(new JsonPatchError('Unexpected kind: bad'));
  });
});

describe('kubectl patch --local', () => {
  it('patches the objects of a file without touching the cluster', () => {
    const { c, sh } = withWeb();
    sh.run('kubectl get deployment web -o yaml > web.yaml');
    expect(sh.run(`kubectl patch --local -f web.yaml -p '{"spec":{"replicas":5}}'`)).toEqual(ok('deployment.apps/web patched\n'));
    expect(sh.run(`kubectl patch --local -f web.yaml -p '{"spec":{"replicas":5}}' -o name`)).toEqual(ok('deployment.apps/web\n'));
    expect(web(c).spec.replicas).toBe(1);
    expect(sh.run(`kubectl patch deployment web --local -p '{}'`)).toEqual(err('error: cannot specify --local and server resources\n'));
    expect(sh.run(`kubectl patch --local -p '{}'`)).toEqual(err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"));
  });
});
