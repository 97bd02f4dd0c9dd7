/**
 * `iptables-save` and `iptables [-t TABLE] -L [CHAIN] [-n]` on a node: the rules kube-proxy programs (rendered by
 * `src/sim/kube-proxy.ts`), the listing derived from the same rules. Reading the tables needs root, as on a real node.
 */
import { iptablesSave as render } from '../../sim/kube-proxy.js';
import type { CommandContext, CommandFn, CommandResult } from '../types.js';

function nodeOf(ctx: CommandContext): string | undefined {
  return ctx.location.type === 'node' ? ctx.location.node : undefined;
}

function isRoot(ctx: CommandContext): boolean {
  return ctx.env.get('USER') === 'root';
}

const DENIED = 'iptables-save v1.8.7 (legacy): Cannot initialize: Permission denied (you must be root)\n';

export const iptablesSave: CommandFn = (ctx) => {
  const node = nodeOf(ctx);
  const args = ctx.argv.slice(1);
  if (args[0] === '--help' || args[0] === '-h') return { stdout: 'Usage: iptables-save [-b] [-c] [-t table] [-M path]\n', stderr: '', exitCode: 0 };
  const t = args.indexOf('-t');
  const only = t >= 0 ? args[t + 1] : undefined;
  const bad = args.find((a, i) => a.startsWith('-') && a !== '-t' && a !== '-c' && (t < 0 || i !== t + 1));
  if (bad) return { stdout: '', stderr: `iptables-save: unrecognized option '${bad}'\nUsage: iptables-save [-b] [-c] [-t table] [-M path]\n`, exitCode: 1 };
  if (!node) return { stdout: '', stderr: 'iptables-save: command not available here\n', exitCode: 127 };
  if (!isRoot(ctx)) return { stdout: '', stderr: DENIED, exitCode: 1 };
  const text = render(ctx.cluster, node);
  if (only === undefined) return { stdout: text, stderr: '', exitCode: 0 };
  const blocks = tables(text);
  const b = blocks.get(only);
  if (!b) return { stdout: '', stderr: `iptables-save: Unable to initialize table '${only}'\n`, exitCode: 1 };
  return { stdout: b.join('\n') + '\n', stderr: '', exitCode: 0 };
};

/** `*table` blocks of iptables-save output, by table name. */
function tables(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let cur: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('*')) {
      cur = [line];
      out.set(line.slice(1), cur);
    } else if (cur && !line.startsWith('#') && line) {
      cur.push(line);
      if (line === 'COMMIT') cur = undefined;
    }
  }
  return out;
}

function opt(tokens: string[], name: string): string | undefined {
  const i = tokens.indexOf(name);
  return i >= 0 ? tokens[i + 1] : undefined;
}

/** One `-A` rule as `iptables -L` prints it. */
function listRule(rule: string, numeric: boolean): string {
  const tokens: string[] = rule.match(/"[^"]*"|\S+/g) ?? [];
  const target = opt(tokens, '-j') ?? '';
  const neg = (flag: string): string | undefined => {
    const i = tokens.indexOf(flag);
    if (i < 0) return undefined;
    return tokens[i - 1] === '!' ? `!${tokens[i + 1]}` : tokens[i + 1];
  };
  const any = numeric ? '0.0.0.0/0' : 'anywhere';
  const src = (neg('-s') ?? any).replace(/\/32$/, '');
  const dst = (neg('-d') ?? any).replace(/\/32$/, '');
  const prot = opt(tokens, '-p') ?? 'all';
  const extra: string[] = [];
  const comment = opt(tokens, '--comment');
  if (comment) extra.push(`/* ${comment.replace(/^"|"$/g, '')} */`);
  const dport = opt(tokens, '--dport');
  if (dport) extra.push(`${prot} dpt:${dport}`);
  const to = opt(tokens, '--to-destination');
  if (to) extra.push(`${prot} to:${to}`);
  if (tokens.includes('--probability')) extra.push(`statistic mode random probability ${opt(tokens, '--probability')}`);
  if (tokens.includes('--src-type')) extra.push(`ADDRTYPE match src-type ${opt(tokens, '--src-type')}`);
  if (tokens.includes('--dst-type')) extra.push(`ADDRTYPE match dst-type ${opt(tokens, '--dst-type')}`);
  return `${target.padEnd(10)} ${prot.padEnd(4)} --  ${src.padEnd(20)} ${dst.padEnd(20)} ${extra.join(' ')}`.trimEnd() + '\n';
}

export const iptables: CommandFn = (ctx): CommandResult => {
  const args = ctx.argv.slice(1);
  if (args.includes('--help') || args.includes('-h')) return { stdout: 'iptables v1.8.7\n\nUsage: iptables -[ACD] chain rule-specification [options]\n       iptables -L [chain [rulenum]] [options]\n       iptables -S [chain [rulenum]]\n', stderr: '', exitCode: 0 };
  let table = 'filter';
  let list = false;
  let save = false;
  let numeric = false;
  let chain: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-t' || a === '--table') table = args[++i] ?? '';
    else if (/^-[Lnv]+$/.test(a) && a.includes('L')) {
      list = true;
      if (a.includes('n')) numeric = true;
    } else if (a === '-S' || a === '--list-rules') save = true;
    else if (a === '-n' || a === '--numeric' || a === '-v' || a === '--line-numbers') numeric = numeric || a === '-n' || a === '--numeric';
    else if (a === '--list') list = true;
    else if (/^-[ADIRNXFPZ]$/.test(a)) return { stdout: '', stderr: 'iptables: changing rules is not supported in this sandbox (kube-proxy owns these chains)\n', exitCode: 1 };
    else if (a.startsWith('-')) return { stdout: '', stderr: `iptables v1.8.7 (legacy): unknown option "${a}"\nTry \`iptables -h' or 'iptables --help' for more information.\n`, exitCode: 2 };
    else chain = a;
  }
  if (!list && !save) return { stdout: '', stderr: "iptables v1.8.7 (legacy): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n", exitCode: 2 };
  const node = nodeOf(ctx);
  if (!node) return { stdout: '', stderr: 'iptables: command not available here\n', exitCode: 127 };
  if (!isRoot(ctx)) return { stdout: '', stderr: 'iptables v1.8.7 (legacy): can\'t initialize iptables table `' + table + "': Permission denied (you must be root)\nPerhaps iptables or your kernel needs to be upgraded.\n", exitCode: 3 };
  const block = tables(render(ctx.cluster, node)).get(table);
  if (!block) return { stdout: '', stderr: `iptables v1.8.7 (legacy): can't initialize iptables table \`${table}': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.\n`, exitCode: 3 };
  const chains = block.filter((l) => l.startsWith(':')).map((l) => ({ name: l.slice(1).split(' ')[0]!, policy: l.split(' ')[1]! }));
  const rules = block.filter((l) => l.startsWith('-A '));
  if (chain !== undefined && !chains.some((c) => c.name === chain)) return { stdout: '', stderr: `iptables: No chain/target/match by that name.\n`, exitCode: 1 };
  const shown = chains.filter((c) => chain === undefined || c.name === chain);
  if (save) {
    const out = shown.map((c) => (c.policy === '-' ? `-N ${c.name}\n` : `-P ${c.name} ${c.policy}\n`)).join('') + rules.filter((r) => chain === undefined || r.split(' ')[1] === chain).map((r) => r + '\n').join('');
    return { stdout: out, stderr: '', exitCode: 0 };
  }
  const out = shown
    .map((c) => {
      const mine = rules.filter((r) => r.split(' ')[1] === c.name);
      const refs = rules.filter((r) => (r.match(/-j (\S+)/)?.[1] ?? '') === c.name).length;
      const head = c.policy === '-' ? `Chain ${c.name} (${refs} references)\n` : `Chain ${c.name} (policy ${c.policy})\n`;
      return `${head}target     prot opt source               destination         \n${mine.map((r) => listRule(r, numeric)).join('')}`;
    })
    .join('\n');
  return { stdout: out, stderr: '', exitCode: 0 };
};
