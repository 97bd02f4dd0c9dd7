/**
 * `kubectl explain RESOURCE[.field…] [--recursive]`: offline field documentation (explain-schema.ts) printed in
 * the layout of kubectl's plaintext template (`pkg/explain/v2/templates/plaintext.tmpl`): KIND/VERSION header,
 * `FIELD: name <type>`, DESCRIPTION wrapped at 76 columns and indented 4, FIELDS with `name<TAB><type> -required-`.
 */
import { resolveResource } from '../../sim/index.js';
import type { CommandResult } from '../types.js';
import { usageError } from './errors.js';
import { bool, parseFlags } from './flags.js';
import type { Verb } from './index.js';
import { EXPLAIN_KINDS, TYPES, type FieldDoc, type TypeDoc } from './explain-schema.js';

/** sprig's `wrap` (go-wordwrap): greedy word wrap that keeps existing line breaks. */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      for (const word of line.split(' ')) {
        if (cur === '') cur = word;
        else if (cur.length + 1 + word.length <= width) cur += ' ' + word;
        else {
          out.push(cur);
          cur = word;
        }
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

/** sprig's `indent`: every line, even the empty one after a final newline, gets the padding. */
function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return pad + text.replace(/\n/g, '\n' + pad);
}

function fieldList(t: TypeDoc, level: number, recursive: boolean, depth = 0): string {
  let out = '';
  for (const name of Object.keys(t.fields).sort()) {
    const f = t.fields[name]!;
    const ind = level * 2;
    out += `${' '.repeat(ind)}${name}\t<${f.type}>${f.required ? ' -required-' : ''}`;
    if (f.enum) out += `\n${' '.repeat(ind)}enum: ${f.enum.slice(0, 4).join(', ')}${f.enum.length > 4 ? ', ....' : ''}`;
    out += '\n';
    if (!recursive) out += indent(wrap(f.desc, 78 - ind), ind + 2) + '\n\n';
    const sub = f.ref ? TYPES[f.ref] : undefined;
    if (recursive && sub && depth < 15) out += fieldList(sub, level + 1, recursive, depth + 1);
  }
  return out;
}

/** `kubectl explain`: see the file comment above. */
export const explain: Verb = (_ctx, args): CommandResult => {
  const parsed = parseFlags(args, [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
  ]);
  if (!parsed.ok) return usageError('explain', parsed.error);
  const f = parsed.flags;
  const [target, extra] = f.positionals;
  if (!target) {
    return {
      stdout: '',
      stderr: `You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples\n`,
      exitCode: 1,
    };
  }
  if (extra !== undefined) return { stdout: '', stderr: `error: We accept only this format: explain RESOURCE\nSee 'kubectl explain -h' for help and examples\n`, exitCode: 1 };
  const [resName, ...path] = target.split('.').filter((p, idx) => idx === 0 || p !== '');
  const info = resolveResource(resName!);
  if (!info) return { stdout: '', stderr: `error: the server doesn't have a resource type "${resName}"\n`, exitCode: 1 };
  const kind = EXPLAIN_KINDS[info.kind];
  if (!kind) return { stdout: '', stderr: `error: no offline documentation for "${info.plural}" in this simulated cluster; try pods, services, deployments, replicasets, ingresses, networkpolicies, configmaps, namespaces or endpoints\n`, exitCode: 1 };
  let out = `${kind.group ? `GROUP:      ${kind.group}\n` : ''}KIND:       ${info.kind}\nVERSION:    ${kind.version}\n\n`;
  let type: TypeDoc | undefined = TYPES[kind.type]!;
  let field: FieldDoc | undefined;
  for (const seg of path) {
    const next: FieldDoc | undefined = type?.fields[seg];
    if (!next) return { stdout: '', stderr: `error: field "${seg}" does not exist\n`, exitCode: 1 };
    field = next;
    type = next.ref ? TYPES[next.ref] : undefined;
  }
  const name = path[path.length - 1];
  if (field && name) {
    out += `FIELD: ${name} <${field.type}>\n`;
    out += field.enum ? `ENUM:${field.enum.map((e) => `\n    ${e}`).join('')}\n\n` : '\n\n';
  }
  const desc = field ? `${field.desc}\n${type ? `${type.desc}\n` : ''}` : `${type!.desc}\n`;
  out += 'DESCRIPTION:\n' + indent(wrap(desc, 76), 4) + '\n';
  if (type && Object.keys(type.fields).length) out += 'FIELDS:\n' + fieldList(type, 1, bool(f, 'recursive'));
  out += '\n';
  return { stdout: out, stderr: '', exitCode: 0 };
};
