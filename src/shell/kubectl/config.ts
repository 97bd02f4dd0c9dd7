/**
 * `kubectl config view|current-context|get-contexts|get-clusters|get-users|use-context` over the kubeconfig minikube
 * writes (one cluster, context and user, all named `minikube`). Changing the kubeconfig is not simulated and says so.
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_config/
 */
import type { CommandResult } from '../types.js';
import { usageError } from './errors.js';
import { bool, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';
import { jsonpath } from './printers/jsonpath.js';
import { toYaml as goYaml } from './generators/yaml.js';
import { goJsonEscape } from './printers/yaml.js';
import { tabwrite } from './table.js';

const NAME = 'minikube';

function kubeconfig(home: string, server: string): Record<string, unknown> {
  const ext = (name: string) => [{ extension: { 'last-update': 'Wed, 01 Jan 2025 12:00:00 UTC', provider: 'minikube.sigs.k8s.io', version: 'v1.37.0' }, name }];
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority': `${home}/.minikube/ca.crt`, extensions: ext('cluster_info'), server }, name: NAME }],
    contexts: [{ context: { cluster: NAME, extensions: ext('context_info'), namespace: 'default', user: NAME }, name: NAME }],
    'current-context': NAME,
    kind: 'Config',
    preferences: {},
    users: [{ name: NAME, user: { 'client-certificate': `${home}/.minikube/profiles/minikube/client.crt`, 'client-key': `${home}/.minikube/profiles/minikube/client.key` } }],
  };
}

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: 0 });

/** `kubectl config`: see the file comment above. */
export const config: Verb = (ctx, args): CommandResult => {
  const parsed = parseFlags(args, [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'minify', type: 'bool' },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'current', type: 'bool' },
  ]);
  if (!parsed.ok) return usageError('config', parsed.error);
  const f = parsed.flags;
  const [sub, arg] = f.positionals;
  const node = ctx.cluster.nodes()[0];
  const server = `https://${node ? ctx.cluster.nodeIP(node) : '192.168.49.2'}:8443`;
  switch (sub) {
    case 'view': {
      const data = kubeconfig(ctx.session.home, server);
      const out = str(f, 'output') ?? 'yaml';
      if (out === 'yaml') return ok(goYaml(data));
      if (out === 'json') return ok(goJsonEscape(JSON.stringify(data, null, 4)) + '\n');
      if (out.startsWith('jsonpath=')) {
        const r = jsonpath(out.slice(9), data);
        return r.ok ? ok(r.text) : { stdout: '', stderr: r.error + '\n', exitCode: 1 };
      }
      return { stdout: '', stderr: `error: unable to match a printer suitable for the output format "${out}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,yaml\n`, exitCode: 1 };
    }
    case 'current-context':
      return ok(`${NAME}\n`);
    case 'get-contexts': {
      if (arg !== undefined && arg !== NAME) return { stdout: '', stderr: `error: context ${arg} not found\n`, exitCode: 1 };
      const lines = [...(bool(f, 'no-headers') ? [] : ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE']), `*\t${NAME}\t${NAME}\t${NAME}\tdefault`];
      return ok(tabwrite(lines.join('\n') + '\n', 3));
    }
    case 'get-clusters':
      return ok(`NAME\n${NAME}\n`);
    case 'get-users':
      return ok(`NAME\n${NAME}\n`);
    case 'use-context':
      if (!arg) return { stdout: '', stderr: "error: Unexpected args: []\nSee 'kubectl config use-context -h' for help and examples\n", exitCode: 1 };
      if (arg !== NAME) return { stdout: '', stderr: `error: no context exists with the name: "${arg}"\n`, exitCode: 1 };
      return ok(`Switched to context "${NAME}".\n`);
    case undefined:
      return { stdout: '', stderr: 'error: "kubectl config" needs a subcommand: view, current-context, get-contexts, use-context\n', exitCode: 1 };
    default:
      return { stdout: '', stderr: `error: "kubectl config ${sub}" is not available in this simulated cluster (the kubeconfig cannot be changed)\n`, exitCode: 1 };
  }
};
