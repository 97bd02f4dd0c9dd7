/** The CLI's usage text. */
export const HELP = `kube-net-tutor — learn Kubernetes networking by doing, in a simulated cluster in your terminal.

Usage:
  kube-net-tutor [--lessons DIR]               start the tutor (needs an interactive terminal)
  kube-net-tutor list [--lessons DIR]          list the lessons with your progress
  kube-net-tutor sandbox --script FILE|-       run commands in a fresh simulated cluster, printing each
                                               command after its prompt, then its output
  kube-net-tutor check LESSON --script FILE|- [--task ID]... [--json]
                                               run a script from the lesson's starting state and grade
                                               every task, or only the --task ones (exit 0 only when
                                               all graded tasks pass)
  kube-net-tutor lessons check [DIR]           validate a course folder: schema, files, and that every
                                               task's goal fails before and passes after its solution
  kube-net-tutor reset [LESSON] --yes          forget saved progress (all, or one lesson)

Options:
  --lessons DIR   use the course in DIR instead of the built-in one (see lessons/README.md)
  -h, --help      show this help
  -v, --version   print the version

Inside the tutor, type shell commands (kubectl, minikube, curl, ls, cat, …) or:
  hint   the next hint for the current task      undo    undo the last command that changed the cluster
  help   what you can type                        reset   start the lesson again
  tasks  the task list                            quit    leave (progress is saved)
`;
