import { describe, expect, it } from 'vitest';
import { err, ipOf, out, session } from './fixtures.js';

const WELCOME_FIRST = '<!DOCTYPE html>\n';

describe('curl', () => {
  it('reaches a Service by name from a pod, and reports curl 8 errors', () => {
    const sh = session({ pods: true });
    const svc = ipOf(sh, 'svc', 'web');
    sh.run('kubectl exec -it web -- bash');
    expect(sh.run('curl -s web | head -1')).toEqual(out(WELCOME_FIRST));
    expect(sh.run('curl -sI web')).toEqual(out('HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Type: text/html\r\nContent-Length: 615\r\n\r\n'));
    expect(sh.run('curl -s -o /dev/null -w "%{http_code}\\n" web/nope')).toEqual(out('404\n'));
    expect(sh.run('curl -f web/nope')).toEqual(err('curl: (22) The requested URL returned error: 404\n', 22));
    expect(sh.run('curl nope')).toEqual(err('curl: (6) Could not resolve host: nope\n', 6));
    expect(sh.run('curl -s nope')).toEqual(err('', 6));
    const bb = ipOf(sh, 'pod', 'bb');
    expect(sh.run(`curl ${bb}:81`)).toEqual(err(`curl: (7) Failed to connect to ${bb} port 81 after 0 ms: Couldn't connect to server\n`, 7));
    expect(sh.run('curl -s localhost:8080')).toEqual(err('', 7));
    expect(sh.run('curl localhost:8080')).toEqual(err("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n", 7));
    expect(sh.run('curl -sv web.default 2>&1 >/dev/null | head -2')).toEqual(out(`*   Trying ${svc}:80...\n* Connected to web.default (${svc}) port 80\n`));
    expect(sh.run('curl -sv web 2>&1 >/dev/null | head -1')).toEqual(out(`*   Trying ${ipOf(sh, 'pod', 'web')}:80...\n`));
  });

  it('shows the progress meter on stderr when the body does not go to the terminal', () => {
    const sh = session({ pods: true });
    const meter = (n: string, speed: string): string => `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n${n}    0     0  ${speed}      0 --:--:-- --:--:-- --:--:-- ${speed}\n`;
    sh.run('kubectl exec -it web -- bash');
    expect(sh.run('curl localhost | head -1')).toEqual({ stdout: WELCOME_FIRST, stderr: meter('100   615  100   615', ' 601k'), exitCode: 0 });
    expect(sh.run('curl localhost > /dev/null')).toEqual({ stdout: '', stderr: meter('100   615  100   615', ' 601k'), exitCode: 0 });
    sh.run('exit');
    expect(sh.run('curl -o page.html $(minikube ip):31341 && wc -c page.html')).toEqual({ stdout: '615 page.html\n', stderr: meter('100   615  100   615', ' 601k'), exitCode: 0 });
    expect(sh.run('curl nope | wc -l')).toEqual({ stdout: '0\n', stderr: meter('  0     0    0     0', '    0').replace(/\n$/, '') + 'curl: (6) Could not resolve host: nope\n', exitCode: 0 });
    expect(sh.run('curl -s $(minikube ip):31341 | wc -l')).toEqual(out('23\n'));
  });

  it('from the host reaches node ports, not pod IPs', () => {
    const sh = session({ pods: true });
    expect(sh.run('curl -s $(minikube ip):31341 | head -1')).toEqual(out(WELCOME_FIRST));
    expect(sh.run(`curl -m 5 ${ipOf(sh, 'pod', 'web')}`)).toEqual(err('curl: (28) Connection timed out after 5001 milliseconds\n', 28));
  });

  it('usage errors', () => {
    const sh = session();
    expect(sh.run('curl')).toEqual(err("curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2));
    expect(sh.run('curl --bogus x')).toEqual(err("curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2));
    expect(sh.run('curl -Z x')).toEqual(err("curl: option -Z: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2));
    expect(sh.run('curl ftp://x')).toEqual(err('curl: (1) Protocol "ftp" not supported\n', 1));
    expect(sh.run('curl --help')).toEqual({ stdout: expect.stringMatching(/^Usage: curl \[options\.\.\.\] <url>\n/), stderr: '', exitCode: 0 });
  });
});

describe('wget', () => {
  it('busybox wget: output, files and errors', () => {
    const sh = session({ pods: true });
    const svc = ipOf(sh, 'svc', 'web');
    sh.run('kubectl exec -it bb -- sh');
    expect(sh.run('wget -qO- web | head -1')).toEqual(out(WELCOME_FIRST));
    expect(sh.run('wget web')).toEqual(err(`Connecting to web (${svc}:80)\nsaving to 'index.html'\nindex.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\n`, 0));
    expect(sh.run('wget web')).toEqual(err(`Connecting to web (${svc}:80)\nwget: can't open 'index.html': File exists\n`));
    expect(sh.run('wget -O - web >/dev/null')).toEqual(err(`Connecting to web (${svc}:80)\nwriting to stdout\n-                    100% |********************************|   615  0:00:00 ETA\nwritten to stdout\n`, 0));
    expect(sh.run('wget --spider web')).toEqual(err(`Connecting to web (${svc}:80)\nremote file exists\n`, 0));
    expect(sh.run('wget http://web/nope')).toEqual(err(`Connecting to web (${svc}:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n`));
    expect(sh.run('wget -q nope')).toEqual(err("wget: bad address 'nope'\n"));
    expect(sh.run('wget -T 2 -qO- web:81')).toEqual(err('wget: download timed out\n'));
    expect(sh.run('wget --bogus')).toEqual({ stdout: '', stderr: expect.stringMatching(/^wget: unrecognized option '--bogus'\nBusyBox v1\.36\.1/), exitCode: 1 });
    expect(sh.run('wget --help')).toEqual({ stdout: '', stderr: expect.stringMatching(/^BusyBox v1\.36\.1 .*\n\nUsage: wget /), exitCode: 0 });
  });

  it('wget -S prints the response status and headers on stderr (busybox with its blank line, GNU after "awaiting response...")', () => {
    const sh = session({ pods: true });
    const svc = ipOf(sh, 'svc', 'web');
    const headers = '  HTTP/1.1 200 OK\n  Server: nginx/1.27.3\n  Content-Type: text/html\n';
    expect(sh.run('kubectl exec bb -- wget -S -O /tmp/x http://web')).toEqual(err(`Connecting to web (${svc}:80)\n${headers}  \nsaving to '/tmp/x'\nx                    100% |********************************|   615  0:00:00 ETA\n'/tmp/x' saved\n`, 0));
    expect(sh.run('kubectl exec bb -- wget -qS -O /dev/null http://web')).toEqual(err(`${headers}  \n`, 0));
    expect(sh.run('kubectl exec bb -- wget -S http://web/nope')).toEqual(err(`Connecting to web (${svc}:80)\n  HTTP/1.1 404 Not Found\nwget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n`));
    expect(sh.run('wget -S -O /dev/null http://192.168.49.2:31341')).toEqual(
      err(`--2025-01-01 12:21:15--  http://192.168.49.2:31341/\nConnecting to 192.168.49.2:31341... connected.\nHTTP request sent, awaiting response... \n${headers}Length: 615 [text/html]\nSaving to: ‘/dev/null’\n\n/dev/null           100%[===================>]     615  --.-KB/s    in 0s      \n\n2025-01-01 12:21:15 (10.0 MB/s) - ‘/dev/null’ saved [615/615]\n\n`, 0),
    );
  });

  it('GNU wget on the host', () => {
    const sh = session({ pods: true });
    const t = new Date(sh.cluster.now()).toISOString().replace('T', ' ').slice(0, 19);
    expect(sh.run('wget 192.168.49.2:31341/nope')).toEqual(err(`--${t}--  http://192.168.49.2:31341/nope\nConnecting to 192.168.49.2:31341... connected.\nHTTP request sent, awaiting response... 404 Not Found\n${t} ERROR 404: Not Found.\n\n`, 8));
    expect(sh.run('wget -q -O - 192.168.49.2:31341 | head -1')).toEqual(out(WELCOME_FIRST));
    expect(sh.run('wget -Z')).toEqual(err("wget: invalid option -- 'Z'\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n", 2));
    const t2 = new Date(sh.cluster.now()).toISOString().replace('T', ' ').slice(0, 19);
    expect(sh.run('wget --spider 192.168.49.2:31341')).toEqual(err(`Spider mode enabled. Check if remote file exists.\n--${t2}--  http://192.168.49.2:31341/\nConnecting to 192.168.49.2:31341... connected.\nHTTP request sent, awaiting response... 200 OK\nLength: 615 [text/html]\nRemote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n`, 0));
  });
});

describe('DNS tools', () => {
  it('busybox 1.36 nslookup', () => {
    const sh = session({ pods: true });
    const svc = ipOf(sh, 'svc', 'web');
    sh.run('kubectl exec -it bb -- sh');
    const head = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';
    expect(sh.run('nslookup web')).toEqual(out(`${head}Name:\tweb.default.svc.cluster.local\nAddress: ${svc}\n\n`));
    expect(sh.run('nslookup kubernetes.default')).toEqual(out(`${head}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n`));
    expect(sh.run('nslookup nope')).toEqual(out(`${head}** server can't find nope: NXDOMAIN\n\n`, 1));
    expect(sh.run('nslookup --bogus')).toEqual({ stdout: '', stderr: expect.stringMatching(/^nslookup: unrecognized option '--bogus'\nBusyBox/), exitCode: 1 });
  });

  it('busybox 1.28 nslookup, as the Kubernetes DNS debugging page shows it', () => {
    const sh = session({ pods: true });
    const svc = ipOf(sh, 'svc', 'web');
    sh.run('kubectl exec -it old -- sh');
    const head = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n';
    expect(sh.run('nslookup web')).toEqual(out(`${head}Name:      web\nAddress 1: ${svc} web.default.svc.cluster.local\n`));
    expect(sh.run('nslookup nope')).toEqual({ stdout: head, stderr: "nslookup: can't resolve 'nope'\n", exitCode: 1 });
  });

  it('times out when CoreDNS has no ready pod', () => {
    const sh = session({ pods: true });
    sh.run('kubectl scale deployment coredns -n kube-system --replicas=0');
    sh.cluster.advance(5_000);
    sh.run('kubectl exec -it bb -- sh');
    expect(sh.run('nslookup web')).toEqual(out(';; connection timed out; no servers could be reached\n\n', 1));
    expect(sh.run('wget -qO- web')).toEqual(err("wget: bad address 'web'\n"));
  });

  it('times out when a NetworkPolicy denies the pod\'s egress to CoreDNS', () => {
    const sh = session({ pods: true });
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-egress\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n';
    expect(sh.run(`cat <<'EOF' | kubectl apply -f -\n${policy}EOF`)).toEqual(out('networkpolicy.networking.k8s.io/deny-egress created\n'));
    sh.run('kubectl exec -it bb -- sh');
    expect(sh.run('nslookup web')).toEqual(out(';; connection timed out; no servers could be reached\n\n', 1));
    expect(sh.run('nc -zv -w 1 10.96.0.10 53')).toEqual(err('nc: 10.96.0.10 (10.96.0.10:53): Connection timed out\n'));
  });

  it('bind tools after apt-get install dnsutils', () => {
    const sh = session({ pods: true });
    const svc = ipOf(sh, 'svc', 'web');
    sh.run('kubectl exec -it test-pod -c c0 -- bash');
    expect(sh.run('nslookup web')).toEqual(err('bash: nslookup: command not found\n', 127));
    expect(sh.run('apt-get update >/dev/null && apt-get install -y dnsutils >/dev/null 2>&1')).toEqual(out(''));
    expect(sh.run('nslookup web')).toEqual(out(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${svc}\n\n`));
    expect(sh.run('nslookup nope')).toEqual(out("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\n", 1));
    expect(sh.run('host web')).toEqual(out(`web.default.svc.cluster.local has address ${svc}\n`));
    expect(sh.run('host nope')).toEqual(out('Host nope not found: 3(NXDOMAIN)\n', 1));
    expect(sh.run('dig +short web.default.svc.cluster.local')).toEqual(out(`${svc}\n`));
    expect(sh.run('dig +short web')).toEqual(out(''));
    expect(sh.run('dig +search web | grep -A1 "ANSWER SECTION"')).toEqual(out(`;; ANSWER SECTION:\nweb.default.svc.cluster.local.\t\t30\tIN\tA\t${svc}\n`));
    expect(sh.run('dig -z')).toEqual(err('Invalid option: -z\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n'));
    expect(sh.run('host -z x')).toEqual(err("host: invalid option -- 'z'\nUsage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n"));
  });
});

describe('ping', () => {
  it('pods answer, a ClusterIP never does, unknown names fail', () => {
    const sh = session({ pods: true });
    const svc = ipOf(sh, 'svc', 'web');
    const bb = ipOf(sh, 'pod', 'bb');
    sh.run('kubectl exec -it bb -- sh');
    expect(sh.run('ping -c 1 bb')).toEqual(out(`PING bb (${bb}): 56 data bytes\n64 bytes from ${bb}: seq=0 ttl=64 time=0.080 ms\n\n--- bb ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = 0.080/0.080/0.080 ms\n`));
    expect(sh.run('ping -c 2 web')).toEqual(out(`PING web (${svc}): 56 data bytes\n\n--- web ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n`, 1));
    expect(sh.run('ping nope')).toEqual(err("ping: bad address 'nope'\n"));
    expect(sh.run('ping --bogus x')).toEqual(err("ping: unrecognized option '--bogus'\nUsage: ping [OPTIONS] HOST\n"));
  });
});
