/**
 * `kubectl version [--client] [-o json|yaml]`: the client and the simulated cluster's server version, in kubectl's
 * format (`Client Version: …`, `Kustomize Version: …`, `Server Version: …`; JSON indented 2 spaces in struct order).
 */
import type { CommandResult } from '../types.js';
import { usageError } from './errors.js';
import { bool, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';
import { toYaml } from './printers/yaml.js';

/** The kubectl the simulated host has. */
export const CLIENT_VERSION = 'v1.34.1';
const KUSTOMIZE = 'v5.7.1';

function info(gitVersion: string, commit: string, date: string): Record<string, string> {
  const [major, minor] = gitVersion.slice(1).split('.');
  return { major: major!, minor: minor!, gitVersion, gitCommit: commit, gitTreeState: 'clean', buildDate: date, goVersion: 'go1.24.6', compiler: 'gc', platform: 'linux/amd64' };
}

/** `kubectl version`: see the file comment above. */
export const version: Verb = (ctx, args): CommandResult => {
  const parsed = parseFlags(args, [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ]);
  if (!parsed.ok) return usageError('version', parsed.error);
  const f = parsed.flags;
  const server = ctx.cluster.nodes()[0]?.status.nodeInfo.kubeletVersion ?? 'v1.34.0';
  const data: Record<string, unknown> = { clientVersion: info(CLIENT_VERSION, '93248f9ae092f571eb870b7664c534bfc7d00f03', '2025-09-09T19:44:50Z'), kustomizeVersion: KUSTOMIZE };
  if (!bool(f, 'client')) data.serverVersion = info(server, 'f28b4c9efbca5c5c0af716d9f2d5702667ee8a45', '2025-08-27T10:09:14Z');
  const out = str(f, 'output');
  if (out === 'json') return { stdout: JSON.stringify(data, null, 2) + '\n', stderr: '', exitCode: 0 };
  if (out === 'yaml') return { stdout: toYaml(data), stderr: '', exitCode: 0 };
  if (out !== undefined && out !== '') return { stdout: '', stderr: `error: --output must be 'yaml' or 'json'\n`, exitCode: 1 };
  let text = `Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE}\n`;
  if (!bool(f, 'client')) text += `Server Version: ${server}\n`;
  return { stdout: text, stderr: '', exitCode: 0 };
};
