/** `date`, `whoami`, `id`, `uname [-a|-r|-m|-s|-n]`: from simulated time and the location (root in containers). */
import type { Node, Pod } from '../../sim/index.js';
import type { CommandContext, CommandFn } from '../types.js';

function user(ctx: CommandContext): string {
  if (ctx.location.type === 'container') return 'root';
  return ctx.env.get('USER') ?? (ctx.location.type === 'node' ? 'docker' : 'learner');
}

export const date: CommandFn = (ctx) => {
  if (ctx.argv.length > 1 && ctx.argv[1] !== '-u' && ctx.argv[1] !== '--utc') return { stdout: '', stderr: `date: formats are not supported in this sandbox\n`, exitCode: 1 };
  const d = new Date(ctx.cluster.now());
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number): string => String(n).padStart(2, '0');
  return { stdout: `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}\n`, stderr: '', exitCode: 0 };
};

export const whoami: CommandFn = (ctx) => {
  const a = ctx.argv[1];
  if (a !== undefined) return { stdout: '', stderr: `whoami: ${a.startsWith('-') && a.length > 1 ? `invalid option -- '${a.slice(1, 2)}'` : `extra operand ‘${a}’`}\nTry 'whoami --help' for more information.\n`, exitCode: 1 };
  return { stdout: `${user(ctx)}\n`, stderr: '', exitCode: 0 };
};

export const id: CommandFn = (ctx) => {
  const u = user(ctx);
  const line = u === 'root' ? 'uid=0(root) gid=0(root) groups=0(root)' : u === 'docker' ? 'uid=1000(docker) gid=999(docker) groups=999(docker),27(sudo)' : 'uid=1000(learner) gid=1000(learner) groups=1000(learner),27(sudo),999(docker)';
  if (ctx.argv.length > 1) return { stdout: '', stderr: `id: options are not supported in this sandbox\n`, exitCode: 1 };
  return { stdout: line + '\n', stderr: '', exitCode: 0 };
};

export const uname: CommandFn = (ctx) => {
  const loc = ctx.location;
  let host = 'laptop';
  if (loc.type === 'node') host = loc.node;
  if (loc.type === 'container') host = ctx.cluster.get<Pod>('Pod', loc.namespace, loc.pod)?.spec.hostname ?? loc.pod;
  const node = ctx.cluster.nodes()[0] as Node | undefined;
  const kernel = node?.status.nodeInfo?.kernelVersion ?? '6.8.0-1021-aws';
  const parts: Record<string, string> = { s: 'Linux', n: host, r: kernel, v: '#23-Ubuntu SMP Mon Dec  9 23:20:07 UTC 2024', m: 'x86_64', o: 'GNU/Linux' };
  const flags = ctx.argv.slice(1).join('').replace(/-/g, '');
  if (!/^[asnrvmo]*$/.test(flags)) return { stdout: '', stderr: `uname: invalid option -- '${flags.replace(/[asnrvmo]/g, '')[0]}'\nTry 'uname --help' for more information.\n`, exitCode: 1 };
  const order = flags.includes('a') ? ['s', 'n', 'r', 'v', 'm', 'o'] : ['s', 'n', 'r', 'v', 'm', 'o'].filter((k) => flags.includes(k));
  return { stdout: (order.length ? order : ['s']).map((k) => parts[k]).join(' ') + '\n', stderr: '', exitCode: 0 };
};
