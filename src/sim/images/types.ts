/**
 * The shapes of the simulator's container images: what a server sees and answers, what the main process does, and
 * what an image ships (tools, shells, working directory, files, tags).
 */

/** An HTTP request as a simulated server sees it. */
export interface HttpRequest {
  method: string;
  path: string;
  host: string;
  headers: Record<string, string>;
}

/** An HTTP response from a simulated server. */
export interface HttpResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
}

/** What a server needs to know about the container it runs in. */
export interface ServerContext {
  podName: string;
  args: string[];
  /** Reads a file from the container's view of its file system (document roots, volumes); undefined if absent. */
  readFile(path: string): string | undefined;
  /** Whether a path is a directory in that view (a request for it without the trailing slash is redirected). */
  isDir?(path: string): boolean;
}

/** A listening socket of a container's main process. */
export interface ServerSpec {
  port: number;
  protocol: 'TCP' | 'UDP';
  handle(req: HttpRequest, ctx: ServerContext): HttpResponse;
}

/** What the main process does when the container starts. */
export type MainProcess =
  | { type: 'serve'; servers: ServerSpec[]; argv: string[] }
  | { type: 'exit'; code: number; argv: string[]; output?: string }
  | { type: 'sleep'; argv: string[] };

/** An image the simulator can pull, and how containers from it behave. */
export interface ImageInfo {
  /** Repository name without tag (`nginx`, `hashicorp/http-echo`). */
  repository: string;
  /** The tag pulled (set by `lookupImage`; `latest` when the reference names none or pins a digest). */
  tag?: string;
  /** Tools on the image's PATH. */
  tools: string[];
  /** The shell binaries present (`bash`, `sh`), empty for distroless images. */
  shells: string[];
  /** OS name for `/etc/os-release` and prompts. */
  os: 'debian' | 'ubuntu' | 'busybox' | 'alpine' | 'none';
  /** The image's `WORKDIR` (`/` when its Dockerfile sets none): where `kubectl exec` starts. */
  workingDir: string;
  /** Image default entrypoint+cmd, used when the pod gives no command/args. */
  defaultArgv: string[];
  /** Decides the main process from the container's final argv (and the tag pulled, for images whose tag is their version). */
  main(argv: string[], tag?: string): MainProcess;
  /** Whether the registry has this tag of the repository. */
  hasTag(tag: string): boolean;
  /** Lines the main process writes to stdout at start (what `kubectl logs` shows). */
  startupLogs(argv: string[], podIP: string): string[];
  /** Files the image ships beyond the base directories: absolute path → content; a path ending in `/` is a directory. */
  files?: Record<string, string>;
  /** Compressed size the kubelet reports after a pull (`Image size: N bytes.`). */
  size?: number;
}
