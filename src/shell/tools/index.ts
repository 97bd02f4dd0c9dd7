/** The command tables for each location. Each tool is one file in this folder. */
import type { CommandFn } from '../types.js';
import { apt, aptGet } from './apt-get.js';
import { base64 } from './base64.js';
import { cat } from './cat.js';
import { cp } from './cp.js';
import { crictl, docker } from './crictl.js';
import { curl } from './curl.js';
import { cut } from './cut.js';
import { dig } from './dig.js';
import { echo } from './echo.js';
import { editor } from './editor.js';
import { env, printenv } from './env.js';
import { grep } from './grep.js';
import { head, tail } from './head.js';
import { host } from './host.js';
import { hostname } from './hostname.js';
import { ifconfig, route } from './ifconfig.js';
import { ip } from './ip.js';
import { iptables, iptablesSave } from './iptables.js';
import { kill } from './kill.js';
import { ls } from './ls.js';
import { minikube } from './minikube.js';
import { mkdir } from './mkdir.js';
import { mv } from './mv.js';
import { nc } from './nc.js';
import { netstat } from './netstat.js';
import { nslookup } from './nslookup.js';
import { pager, watch } from './pager.js';
import { ping } from './ping.js';
import { printf } from './printf.js';
import { ps } from './ps.js';
import { rm } from './rm.js';
import { sed } from './sed.js';
import { shellC } from './sh.js';
import { sleep } from './sleep.js';
import { sort } from './sort.js';
import { sudo } from './sudo.js';
import { date, id, uname, whoami } from './sysinfo.js';
import { tee } from './tee.js';
import { touch } from './touch.js';
import { tr } from './tr.js';
import { uniq } from './uniq.js';
import { wc } from './wc.js';
import { wget } from './wget.js';

/** Text tools every location has (a container only if its image ships them). */
const COREUTILS: Record<string, CommandFn> = { ls, cat, echo, mkdir, rm, cp, mv, touch, grep, egrep: grep, head, tail, wc, sort, uniq, cut, tr, sleep, base64, env, printenv, sed, printf, date, whoami, id, uname, hostname, tee, less: pager, more: pager };

/** Commands on the learner's machine (kubectl is added by commands.ts). */
export const HOST_TOOLS: Record<string, CommandFn> = { ...COREUTILS, curl, wget, minikube, sudo, ip, ping, nano: editor, vi: editor, vim: editor, edit: editor, watch, sh: shellC, bash: shellC };

/** Commands inside containers; a container only has those its image ships (see `ImageInfo.tools`) or apt installed. */
export const CONTAINER_TOOLS: Record<string, CommandFn> = {
  ...COREUTILS,
  curl,
  wget,
  nslookup,
  dig,
  host,
  ping,
  'apt-get': aptGet,
  apt,
  ps,
  kill,
  ip,
  ifconfig,
  route,
  nc,
  netstat,
  nano: editor,
  vi: editor,
  vim: editor,
  sh: shellC,
  bash: shellC,
};

/** Commands on a node (`minikube ssh`): the minikube node image's tools. */
export const NODE_TOOLS: Record<string, CommandFn> = { ...COREUTILS, curl, ping, ip, ifconfig, route, 'iptables-save': iptablesSave, iptables, crictl, docker, sudo, sh: shellC, bash: shellC };
