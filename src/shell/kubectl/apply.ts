/** `kubectl apply -f FILE|DIR|-`: reads manifests from the current location's file system and applies each object. */
import { FsError, SimError, qualifiedSingular, resolvePath, resourceForKind } from '../../sim/index.js';
import { parseManifests } from '../manifest.js';
import type { CommandResult } from '../types.js';
import { errorText, usageError } from './errors.js';
import { arr, parseFlags, str } from './flags.js';
import type { Verb } from './index.js';

export const apply: Verb = (ctx, args) => {
  const parsed = parseFlags(args, [
    { name: 'filename', short: 'f', type: 'array' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'dry-run', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
  ]);
  if (!parsed.ok) return usageError('apply', parsed.error);
  const flags = parsed.flags;
  const files = arr(flags, 'filename');
  if (files.length === 0) return usageError('apply', 'error: must specify one of -f and -k');
  const ns = str(flags, 'namespace');
  let out = '';
  let err = '';
  for (const f of files) {
    let text: string;
    const names: { path: string; shown: string }[] = [];
    if (f === '-') names.push({ path: '-', shown: 'STDIN' });
    else {
      const p = resolvePath(ctx.cwd, f.replace(/^~(?=\/|$)/, ctx.env.get('HOME') ?? '/'));
      if (!ctx.fs.exists(p)) {
        err += `error: the path "${f}" does not exist\n`;
        continue;
      }
      if (ctx.fs.isDir(p)) {
        for (const n of ctx.fs.readdir(p)) if (/\.(ya?ml|json)$/.test(n)) names.push({ path: `${p}/${n}`, shown: `${f.replace(/\/$/, '')}/${n}` });
      } else names.push({ path: p, shown: f });
    }
    for (const { path, shown } of names) {
      try {
        text = path === '-' ? ctx.stdin : ctx.fs.readFile(path);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        err += `error: the path "${f}" does not exist\n`;
        continue;
      }
      const m = parseManifests(text, shown);
      if (!m.ok) {
        err += m.error + '\n';
        continue;
      }
      if (m.objects.length === 0) {
        err += 'error: no objects passed to apply\n';
        continue;
      }
      for (const obj of m.objects) {
        try {
          const info = resourceForKind(String(obj.kind));
          if (!info) {
            err += `error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${shown}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first\n`;
            continue;
          }
          const r = ctx.cluster.apply(obj, ns);
          out += `${qualifiedSingular(info)}/${r.object.metadata.name} ${r.action}\n`;
        } catch (e) {
          if (!(e instanceof SimError)) throw e;
          err += errorText(e, { file: shown, verb: ctx.cluster.get(String(obj.kind), obj.metadata?.namespace ?? ns, obj.metadata?.name ?? '') ? 'patching' : 'creating' }) + '\n';
        }
      }
    }
  }
  const result: CommandResult = { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  return result;
};
