/**
 * `ps`, `ps aux`, `ps -ef` (procps) or busybox's `ps`: the container's processes (every container's with
 * `shareProcessNamespace`, PID 1 being `/pause`), the learner's shell and `ps` itself.
 */
import type { CommandFn } from '../types.js';
import { flavour } from './net.js';
import { processTable, type ProcRow } from './procs.js';

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

const HELP = "\nUsage:\n ps [options]\n\n Try 'ps --help <s|l|o|t|m|a>'\n  for additional help text.\n\nFor more details see ps(1).\n";

export const ps: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const joined = args.join('').replace(/-/g, '');
  if (args.includes('--help')) return { stdout: HELP, stderr: '', exitCode: 0 };
  if (!/^[auxefwl]*$/.test(joined)) return { stdout: '', stderr: `error: unsupported option (BSD syntax)\n${HELP}`, exitCode: 1 };
  const rows = processTable(ctx);
  const shell = rows[rows.length - 1]!;
  const now = ctx.cluster.now();
  const self: ProcRow = { pid: shell.pid + 7, ppid: shell.pid, user: 'root', command: ['ps', ...args].join(' '), tty: true };
  const all = [...rows, self];
  if (flavour(ctx) === 'busybox') {
    return { stdout: `PID   USER     TIME  COMMAND\n${all.map((r) => `${String(r.pid).padStart(5)} ${r.user.padEnd(8).slice(0, 8)}  0:00 ${r.command}\n`).join('')}`, stderr: '', exitCode: 0 };
  }
  const start = (r: ProcRow): string => hhmm(r.startedAt ?? now);
  const tty = (r: ProcRow): string => (r.tty ? 'pts/0   ' : '?       ');
  if (/u/.test(joined) || (/a/.test(joined) && /x/.test(joined))) {
    const line = (r: ProcRow, i: number): string =>
      `${r.user.padEnd(8).slice(0, 8)} ${String(r.pid).padStart(7)}  0.0  0.${i % 3}  ${String(2576 + i * 1611).padStart(5)} ${String(896 + i * 512).padStart(5)} ${tty(r)} ${r === self ? 'R+  ' : r.ppid === 0 ? 'Ss  ' : 'S   '} ${start(r)}   0:00 ${r.command}\n`;
    return { stdout: 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' + all.map(line).join(''), stderr: '', exitCode: 0 };
  }
  if (/[ef]/.test(joined)) {
    const line = (r: ProcRow): string => `${r.user.padEnd(8).slice(0, 8)} ${String(r.pid).padStart(7)} ${String(r.ppid).padStart(7)}  0 ${start(r)} ${tty(r)} 00:00:00 ${r.command}\n`;
    return { stdout: 'UID          PID    PPID  C STIME TTY          TIME CMD\n' + all.map(line).join(''), stderr: '', exitCode: 0 };
  }
  return { stdout: `    PID TTY          TIME CMD\n${[shell, self].map((r) => `${String(r.pid).padStart(7)} pts/0    00:00:00 ${r.command.split(' ')[0]}\n`).join('')}`, stderr: '', exitCode: 0 };
};
