/**
 * `crictl ps [-a]` and `docker ps` on a node: the containers the kubelet runs there, in crictl's table (tabwriter
 * minwidth 20, padding 3) and docker's (`k8s_<container>_<pod>_<namespace>_<uid>_<attempt>` names).
 */
import { lookupImage, type Pod } from '../../sim/index.js';
import type { CommandContext, CommandFn } from '../types.js';

/** docker's `units.HumanDuration`. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  return `${Math.floor(h / 24)} days`;
}

function hex(seed: string, n: number): string {
  let out = '';
  let h = 2166136261;
  for (let i = 0; out.length < n && i < 16; i++) {
    for (const ch of `${seed}#${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, n);
}

interface Row {
  id: string;
  image: string;
  imageRef: string;
  created: number;
  running: boolean;
  name: string;
  attempt: number;
  podId: string;
  pod: Pod;
  argv: string;
}

function rows(ctx: CommandContext, all: boolean): Row[] {
  const node = ctx.location.type === 'node' ? ctx.location.node : '';
  const out: Row[] = [];
  for (const pod of ctx.cluster.list<Pod>('Pod').filter((p) => p.spec.nodeName === node)) {
    const rt = ctx.cluster.state.runtime.get(pod.metadata.uid!);
    if (!rt) continue;
    for (const spec of pod.spec.containers) {
      const cr = rt.containers.get(spec.name);
      if (!cr || (cr.startedAt === undefined && !all)) continue;
      const img = lookupImage(spec.image);
      out.push({
        id: hex(`${pod.metadata.uid}/${spec.name}/${cr.restartCount}`, 13),
        image: hex(spec.image, 13),
        imageRef: spec.image,
        created: cr.startedAt ?? rt.sandboxAt ?? 0,
        running: cr.startedAt !== undefined,
        name: spec.name,
        attempt: cr.restartCount,
        podId: hex(pod.metadata.uid ?? '', 13),
        pod,
        argv: (spec.command ?? img?.defaultArgv ?? []).concat(spec.args ?? []).join(' '),
      });
    }
  }
  return out.sort((a, b) => b.created - a.created || (a.name < b.name ? -1 : 1));
}

function table(head: string[], body: string[][], min: number, pad: number): string {
  const widths = head.map((h, i) => Math.max(min, ...[h, ...body.map((r) => r[i] ?? '')].map((x) => x.length + pad)));
  const line = (r: string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('') + '\n';
  return [head, ...body].map(line).join('');
}

export const crictl: CommandFn = (ctx) => {
  const [cmd, ...rest] = ctx.argv.slice(1);
  if (cmd === undefined || cmd === '--help' || cmd === 'help') return { stdout: 'NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n\nCOMMANDS:\n   ps      List containers\n   pods    List pods\n', stderr: '', exitCode: 0 };
  if (ctx.env.get('USER') !== 'root') return { stdout: '', stderr: 'time="2025-01-01T12:00:00Z" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/cri-dockerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/cri-dockerd.sock: connect: permission denied\\""\n', exitCode: 1 };
  const now = ctx.cluster.now();
  if (cmd === 'ps') {
    const bad = rest.find((a) => !['-a', '--all', '-q', '--quiet'].includes(a));
    if (bad) return { stdout: '', stderr: `time="2025-01-01T12:00:00Z" level=fatal msg="flag provided but not defined: -${bad.replace(/^-+/, '')}"\n`, exitCode: 1 };
    const rs = rows(ctx, rest.includes('-a') || rest.includes('--all'));
    if (rest.includes('-q') || rest.includes('--quiet')) return { stdout: rs.map((r) => r.id + '\n').join(''), stderr: '', exitCode: 0 };
    const body = rs.map((r) => [r.id, r.image, `${humanDuration(now - r.created)} ago`, r.running ? 'Running' : 'Exited', r.name, String(r.attempt), r.podId, r.pod.metadata.name]);
    return { stdout: table(['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD'], body, 20, 3), stderr: '', exitCode: 0 };
  }
  if (cmd === 'pods') {
    const node = ctx.location.type === 'node' ? ctx.location.node : '';
    const pods = ctx.cluster.list<Pod>('Pod').filter((p) => p.spec.nodeName === node && ctx.cluster.state.runtime.has(p.metadata.uid!));
    const body = pods.map((p) => [hex(p.metadata.uid ?? '', 13), `${humanDuration(now - (ctx.cluster.state.runtime.get(p.metadata.uid!)?.sandboxAt ?? now))} ago`, 'Ready', p.metadata.name, p.metadata.namespace ?? 'default', '0', '(default)']);
    return { stdout: table(['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME'], body, 20, 3), stderr: '', exitCode: 0 };
  }
  return { stdout: '', stderr: `time="2025-01-01T12:00:00Z" level=fatal msg="command \\"${cmd}\\" is not supported in this sandbox (ps, pods)"\n`, exitCode: 1 };
};

export const docker: CommandFn = (ctx) => {
  const [cmd, ...rest] = ctx.argv.slice(1);
  if (cmd === undefined || cmd === '--help') return { stdout: '\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  ps          List containers\n', stderr: '', exitCode: 0 };
  if (cmd !== 'ps') return { stdout: '', stderr: `docker: '${cmd}' is not supported in this sandbox (try docker ps).\n`, exitCode: 1 };
  const bad = rest.find((a) => !['-a', '--all', '-q'].includes(a));
  if (bad) return { stdout: '', stderr: `unknown shorthand flag: '${bad.replace(/^-+/, '').slice(0, 1)}' in ${bad}\nSee 'docker ps --help'.\n`, exitCode: 125 };
  const now = ctx.cluster.now();
  const rs = rows(ctx, rest.includes('-a'));
  if (rest.includes('-q')) return { stdout: rs.map((r) => r.id.slice(0, 12) + '\n').join(''), stderr: '', exitCode: 0 };
  const cmdText = (a: string): string => `"${a.length > 20 ? a.slice(0, 19) + '…' : a}"`;
  const body = rs.map((r) => [r.id.slice(0, 12), r.image.slice(0, 12), cmdText(r.argv), `${humanDuration(now - r.created)} ago`, r.running ? `Up ${humanDuration(now - r.created)}` : 'Exited (0) 1 second ago', '', `k8s_${r.name}_${r.pod.metadata.name}_${r.pod.metadata.namespace}_${r.pod.metadata.uid}_${r.attempt}`]);
  return { stdout: table(['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], body, 0, 3), stderr: '', exitCode: 0 };
};
