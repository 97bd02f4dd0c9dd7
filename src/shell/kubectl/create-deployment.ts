/**
 * `kubectl create deployment NAME --image=IMAGE [--image=…] [--replicas=N] [--port=P] [-- COMMAND…]`: a Deployment
 * labelled and selected by `app=NAME`, one container per image named after the image
 * (kubectl `pkg/cmd/create/create_deployment.go`).
 */
import type { CommandContext, CommandResult } from '../types.js';
import { CREATE_COMMON, oneName } from './create.js';
import { usageError } from './errors.js';
import { arr, parseFlags, str } from './flags.js';
import { intFlag } from './generators/int-flag.js';
import { deploymentObject } from './generators/objects.js';
import { checkWriteFlags, createGenerated } from './generators/write.js';

export function createDeployment(ctx: CommandContext, args: string[]): CommandResult {
  const cmd = 'create deployment';
  const parsed = parseFlags(args, [{ name: 'image', type: 'array' }, { name: 'replicas', short: 'r', type: 'string' }, { name: 'port', type: 'string' }, ...CREATE_COMMON]);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  const f = parsed.flags;
  const images = arr(f, 'image');
  if (images.length === 0) return { stdout: '', stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 };
  const replicas = intFlag(f, 'replicas', '-r, --replicas', 1, cmd);
  if (typeof replicas !== 'number') return replicas;
  const port = intFlag(f, 'port', '--port', -1, cmd);
  if (typeof port !== 'number') return port;
  const name = oneName(f.positionals, cmd);
  if (typeof name !== 'string') return name;
  const bad = checkWriteFlags(f);
  if (bad) return bad;
  const ns = str(f, 'namespace');
  const obj = deploymentObject({ name, namespace: ns, images, replicas, port: port >= 0 ? port : undefined, command: f.rest ?? [], suffix: () => ctx.cluster.randomSuffix() });
  return createGenerated(ctx, f, obj, ns ?? 'default', 'failed to create deployment: ');
}
