/**
 * kubectl's generic printers for `-o yaml|json|name|jsonpath=…|jsonpath-as-json=…|custom-columns=…`: one object when
 * one was asked for by name, otherwise a `kind: List`, exactly as `kubectl get` chooses.
 */
import { qualifiedSingular, resourceForKind, type KubeObject } from '../../../sim/index.js';
import { tabwrite } from '../table.js';
import { evaluate, goTemplate, jsonpath, jsonpathAsJson, printValue, relaxedPath } from './jsonpath.js';
import { asList, canonical, toJson, toYaml } from './yaml.js';

export type OutputResult = { ok: true; text: string } | { ok: false; error: string };

/** Output formats kubectl accepts besides the table ones (`wide`, default). */
export const GENERIC_FORMATS = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'kyaml'];

/** The `-o name` form: `pod/web`, `deployment.apps/web`. */
export function objectRef(o: KubeObject): string {
  const info = resourceForKind(o.kind);
  return `${info ? qualifiedSingular(info) : o.kind.toLowerCase()}/${o.metadata.name}`;
}

/** kubectl's error for an unknown `-o` value. */
export function badFormatError(format: string): string {
  return `error: unable to match a printer suitable for the output format "${format}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml`;
}

function customColumns(spec: string, items: KubeObject[], noHeaders: boolean): OutputResult {
  const cols: { header: string; steps: ReturnType<typeof relaxedPath> }[] = [];
  for (const part of spec.split(',')) {
    const idx = part.indexOf(':');
    if (idx < 0) return { ok: false, error: `error: expected <header>:<json-path-expr> in custom-columns spec, found: ${part}` };
    cols.push({ header: part.slice(0, idx), steps: relaxedPath(part.slice(idx + 1)) });
  }
  for (const c of cols) if (!c.steps.ok) return { ok: false, error: c.steps.error };
  const lines: string[] = [];
  if (!noHeaders) lines.push(cols.map((c) => c.header).join('\t'));
  for (const o of items) {
    const data = canonical(o);
    lines.push(
      cols
        .map((c) => {
          const got = c.steps.ok ? evaluate(c.steps.steps, data) : [];
          return got.length ? got.map(printValue).join(',') : '<none>';
        })
        .join('\t'),
    );
  }
  return { ok: true, text: lines.length ? tabwrite(lines.join('\n') + '\n', 3) : '' };
}

/**
 * Prints objects in a generic format. `single` is true when one object was asked for by name (then it is printed
 * bare, not in a List).
 */
export function printGeneric(format: string, items: KubeObject[], single: boolean, noHeaders = false): OutputResult {
  const eq = format.indexOf('=');
  const name = eq >= 0 ? format.slice(0, eq) : format;
  const arg = eq >= 0 ? format.slice(eq + 1) : '';
  const data = single && items.length === 1 ? items[0]! : asList(items);
  switch (name) {
    case 'yaml':
      return { ok: true, text: toYaml(data) };
    case 'json':
      return { ok: true, text: toJson(data) };
    case 'name':
      return { ok: true, text: items.map((o) => objectRef(o) + '\n').join('') };
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'go-template':
    case 'template': {
      if (!arg) return { ok: false, error: 'error: template format specified but no template given' };
      const run = name === 'jsonpath' ? jsonpath : name === 'jsonpath-as-json' ? jsonpathAsJson : goTemplate;
      return run(arg, canonical(data));
    }
    case 'custom-columns':
      if (!arg) return { ok: false, error: 'error: custom-columns format specified but no custom columns given' };
      return customColumns(arg, items, noHeaders);
    default:
      if (GENERIC_FORMATS.includes(name)) return { ok: false, error: `error: output format "${name}" is not available in this simulated cluster` };
      return { ok: false, error: badFormatError(format) };
  }
}
