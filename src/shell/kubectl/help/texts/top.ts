/** `kubectl top --help` and its subcommands, recorded from real kubectl (Client Version: v1.32.4-dispatcher) by scripts/record-kubectl-help.mjs. */
export const topHelp: [string, string][] = [
  ["top", `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`],
];
