/**
 * Goals as data: named semantic checks a task's goal is made of, and the verdicts the grader returns. Checks describe
 * behaviour and label selectors, never generated pod names or IPs, so every correct path passes (imperative or
 * declarative, any naming of the pods a Deployment creates).
 */
import type { ActionRecord } from '../shell/types.js';
import type { Cluster, FileSystem } from '../sim/index.js';

/** A label selector in a goal: `{app: web}` (every key=value must match, as a Service's `spec.selector`). */
export type Selector = Record<string, string>;

/** Where a connection starts: pods chosen by labels (optionally one container), the learner's laptop, or a node. */
export type ConnectionFrom = { pod: Selector; namespace?: string; container?: string } | { host: true } | { node: string };

/**
 * Where a connection goes: a URL as the learner would type it (`http://web.default:80/`, `http://192.168.49.2:30080`),
 * a Service by name and port, or pods chosen by labels and a port.
 */
export type ConnectionTo =
  | { url: string }
  | { service: string; namespace?: string; port: number }
  | { pod: Selector; namespace?: string; port: number };

/** What a connection probe must find. `allowed` = a server answered; the others are the failure kinds. */
export type ConnectionExpect = 'allowed' | 'denied' | 'refused' | 'timeout';

/** Where a command ran or a file lives. */
export type CheckLocation = 'host' | 'node' | 'container';

/** One named check. `message` (optional on every check) replaces the grader's own failure message. */
export type Check =
  | {
      type: 'objectExists';
      kind: string;
      name?: string;
      selector?: Selector;
      namespace?: string;
      /** Field expectations by dotted path (`spec.ports.0.port: 80`, `spec.type: NodePort`); arrays match by index. */
      where?: Record<string, unknown>;
      /** false: the object must NOT exist. Default true. */
      exists?: boolean;
      message?: string;
    }
  | { type: 'podsReady'; selector: Selector; namespace?: string; count?: number; message?: string }
  | { type: 'serviceEndpoints'; service: string; namespace?: string; count?: number; min?: number; message?: string }
  | { type: 'dnsResolves'; from: Selector; namespace?: string; name: string; expect?: string | 'nxdomain'; message?: string }
  | { type: 'connection'; from: ConnectionFrom; to: ConnectionTo; expect: ConnectionExpect; body?: string; message?: string }
  | {
      type: 'ranInContainer';
      selector?: Selector;
      container?: string;
      /** Regular expression matched against the command's argv joined by spaces. */
      command: string;
      /** Regular expression matched against what the command printed (stdout then stderr). */
      outputMatches?: string;
      exitCode?: number;
      message?: string;
    }
  | { type: 'ranCommand'; location: CheckLocation; command: string; outputMatches?: string; exitCode?: number; message?: string }
  | { type: 'fileContains'; location: 'host' | { node: string } | { pod: Selector; namespace?: string; container?: string }; path: string; text: string; message?: string }
  | { type: 'cel'; expr: string; message: string };

/** A task's goal: every check must pass. */
export type Goal = Check[];

/** What the grader sees: the cluster, the commands the learner ran, and the learner's home directory. */
export interface GraderInput {
  cluster: Cluster;
  actions: readonly ActionRecord[];
  /** The learner's home file system (for `fileContains` on the host). */
  home?: FileSystem;
}

/** The outcome of one check, in the learner's terms either way. */
export interface CheckVerdict {
  ok: boolean;
  message: string;
}

/** The outcome of a goal: ok when every check passed; `message` is the first failure (or the last success). */
export interface GoalVerdict {
  ok: boolean;
  message: string;
  checks: CheckVerdict[];
}
