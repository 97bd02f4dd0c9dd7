import { describe, expect, it } from 'vitest';
import { err, out, session } from './reading-helpers.js';

describe('kubectl get -o', () => {
  it('prints one object as YAML, keys sorted as the apiserver\'s JSON gives them', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get svc web-np -o yaml')).toEqual(
      out(`apiVersion: v1
kind: Service
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web-np","namespace":"default"},"spec":{"ports":[{"nodePort":31341,"port":80}],"selector":{"app":"web"},"type":"NodePort"}}
  creationTimestamp: "2025-01-01T12:21:00Z"
  generation: 1
  name: web-np
  namespace: default
  resourceVersion: "1082"
  uid: 1a2b3ca8-0000-4000-8000-00000000005b
spec:
  clusterIP: 10.103.218.136
  clusterIPs:
  - 10.103.218.136
  externalTrafficPolicy: Cluster
  internalTrafficPolicy: Cluster
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - nodePort: 31341
    port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: web
  sessionAffinity: None
  type: NodePort
status:
  loadBalancer: {}
`),
    );
    expect(sh.run('kubectl get cm settings -o yaml')).toEqual(
      out(`apiVersion: v1
data:
  greeting: hello
  mode: fast
kind: ConfigMap
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","data":{"greeting":"hello","mode":"fast"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}
  creationTimestamp: "2025-01-01T12:21:00Z"
  name: settings
  namespace: default
  resourceVersion: "1094"
  uid: 1a2b3cb4-0000-4000-8000-000000000067
`),
    );
  });

  it('prints one object as JSON indented 4 spaces', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get svc web -o json')).toEqual(
      out(`{
    "apiVersion": "v1",
    "kind": "Service",
    "metadata": {
        "annotations": {
            "kubectl.kubernetes.io/last-applied-configuration": "{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Service\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"web\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"ports\\":[{\\"port\\":80,\\"targetPort\\":80}],\\"selector\\":{\\"app\\":\\"web\\"}}}\\n"
        },
        "creationTimestamp": "2025-01-01T12:21:00Z",
        "generation": 1,
        "name": "web",
        "namespace": "default",
        "resourceVersion": "1079",
        "uid": "1a2b3ca5-0000-4000-8000-000000000058"
    },
    "spec": {
        "clusterIP": "10.109.185.232",
        "clusterIPs": [
            "10.109.185.232"
        ],
        "internalTrafficPolicy": "Cluster",
        "ipFamilies": [
            "IPv4"
        ],
        "ipFamilyPolicy": "SingleStack",
        "ports": [
            {
                "port": 80,
                "protocol": "TCP",
                "targetPort": 80
            }
        ],
        "selector": {
            "app": "web"
        },
        "sessionAffinity": "None",
        "type": "ClusterIP"
    },
    "status": {
        "loadBalancer": {}
    }
}
`),
    );
  });

  it('wraps lists (even of one) in a List', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get cm -o yaml')).toEqual(
      out(`apiVersion: v1
items:
- apiVersion: v1
  data:
    greeting: hello
    mode: fast
  kind: ConfigMap
  metadata:
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: |
        {"apiVersion":"v1","data":{"greeting":"hello","mode":"fast"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}
    creationTimestamp: "2025-01-01T12:21:00Z"
    name: settings
    namespace: default
    resourceVersion: "1094"
    uid: 1a2b3cb4-0000-4000-8000-000000000067
kind: List
metadata:
  resourceVersion: ""
`),
    );
    expect(sh.run('kubectl get netpol -o json')).toEqual(
      out(`{
    "apiVersion": "v1",
    "items": [
        {
            "apiVersion": "networking.k8s.io/v1",
            "kind": "NetworkPolicy",
            "metadata": {
                "annotations": {
                    "kubectl.kubernetes.io/last-applied-configuration": "{\\"apiVersion\\":\\"networking.k8s.io/v1\\",\\"kind\\":\\"NetworkPolicy\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"db-allow-web\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"egress\\":[],\\"ingress\\":[{\\"from\\":[{\\"podSelector\\":{\\"matchLabels\\":{\\"app\\":\\"web\\"}}},{\\"namespaceSelector\\":{\\"matchLabels\\":{\\"team\\":\\"a\\"}},\\"podSelector\\":{\\"matchExpressions\\":[{\\"key\\":\\"role\\",\\"operator\\":\\"In\\",\\"values\\":[\\"x\\",\\"z\\"]}]}}],\\"ports\\":[{\\"port\\":5432}]},{\\"from\\":[{\\"ipBlock\\":{\\"cidr\\":\\"172.17.0.0/16\\",\\"except\\":[\\"172.17.1.0/24\\"]}}]}],\\"podSelector\\":{\\"matchLabels\\":{\\"app\\":\\"db\\"}},\\"policyTypes\\":[\\"Ingress\\",\\"Egress\\"]}}\\n"
                },
                "creationTimestamp": "2025-01-01T12:21:00Z",
                "generation": 1,
                "name": "db-allow-web",
                "namespace": "default",
                "resourceVersion": "1092",
                "uid": "1a2b3cb2-0000-4000-8000-000000000065"
            },
            "spec": {
                "egress": [],
                "ingress": [
                    {
                        "from": [
                            {
                                "podSelector": {
                                    "matchLabels": {
                                        "app": "web"
                                    }
                                }
                            },
                            {
                                "namespaceSelector": {
                                    "matchLabels": {
                                        "team": "a"
                                    }
                                },
                                "podSelector": {
                                    "matchExpressions": [
                                        {
                                            "key": "role",
                                            "operator": "In",
                                            "values": [
                                                "x",
                                                "z"
                                            ]
                                        }
                                    ]
                                }
                            }
                        ],
                        "ports": [
                            {
                                "port": 5432,
                                "protocol": "TCP"
                            }
                        ]
                    },
                    {
                        "from": [
                            {
                                "ipBlock": {
                                    "cidr": "172.17.0.0/16",
                                    "except": [
                                        "172.17.1.0/24"
                                    ]
                                }
                            }
                        ]
                    }
                ],
                "podSelector": {
                    "matchLabels": {
                        "app": "db"
                    }
                },
                "policyTypes": [
                    "Ingress",
                    "Egress"
                ]
            }
        }
    ],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
`),
    );
    expect(sh.run('kubectl get pods -l app=none -o yaml')).toEqual(
      out(`apiVersion: v1
items: []
kind: List
metadata:
  resourceVersion: ""
`),
    );
  });

  it('prints kind/name with -o name', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get svc web db -o name')).toEqual(
      out(`service/web
service/db
`),
    );
    expect(sh.run('kubectl get deploy,rs,ing,netpol,ep -o name')).toEqual(
      { stdout: `deployment.apps/web
replicaset.apps/web-7b5c88c86d
ingress.networking.k8s.io/web
networkpolicy.networking.k8s.io/db-allow-web
endpoints/db
endpoints/kubernetes
endpoints/web
endpoints/web-lb
endpoints/web-np
`, stderr: `Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
`, exitCode: 0 },
    );
  });

  it('evaluates JSONPath templates', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get pods -o jsonpath=\'{.items[*].status.podIP}\'')).toEqual(
      out(`10.244.0.3 10.244.0.4`),
    );
    expect(sh.run('kubectl get svc web -o jsonpath=\'{.spec.clusterIP}\'')).toEqual(
      out(`10.109.185.232`),
    );
    expect(sh.run('kubectl get pods -o jsonpath=\'{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}\'')).toEqual(
      out(`web-7b5c88c86d-j62lh	10.244.0.3
web-7b5c88c86d-rxvbq	10.244.0.4
`),
    );
    expect(sh.run('kubectl get pods -o jsonpath=\'{.items[0].metadata.name}\'')).toEqual(
      out(`web-7b5c88c86d-j62lh`),
    );
    expect(sh.run('kubectl get svc web-lb -o jsonpath=\'{.spec.ports[?(@.name=="https")].nodePort}\'')).toEqual(
      out(`31013`),
    );
    expect(sh.run('kubectl get nodes -o jsonpath=\'{.items[*].status.addresses[?(@.type=="InternalIP")].address}\'')).toEqual(
      out(`192.168.49.2`),
    );
    expect(sh.run('kubectl get svc -o jsonpath=\'{.items[-1:].metadata.name}\'')).toEqual(
      out(`web-np`),
    );
    expect(sh.run('kubectl get svc web -o jsonpath=\'{.spec.selector}\'')).toEqual(
      out(`{"app":"web"}`),
    );
    expect(sh.run('kubectl get svc web -o jsonpath=\'{.spec.ports[*].port} {.metadata.name}\'')).toEqual(
      out(`80 web`),
    );
    expect(sh.run('kubectl get svc web -o jsonpath=\'{..port}\'')).toEqual(
      out(`80`),
    );
    expect(sh.run('kubectl get svc web -o jsonpath=\'{.spec.nothing}\'')).toEqual(
      out(``),
    );
    expect(sh.run('kubectl get svc web -o jsonpath=\'{.spec.ports[}\'')).toEqual(
      err(`error: error parsing jsonpath {.spec.ports[}, unclosed array expect ]
`),
    );
    expect(sh.run('kubectl get svc web -o jsonpath')).toEqual(
      err(`error: template format specified but no template given
`),
    );
  });

  it('feeds command substitution, as tutorials do', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('WEB_IP=$(kubectl get svc web -o jsonpath=\'{.spec.clusterIP}\')')).toEqual(
      out(``),
    );
    expect(sh.run('echo "web is at $WEB_IP"')).toEqual(
      out(`web is at 10.109.185.232
`),
    );
  });

  it('prints custom columns', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName')).toEqual(
      out(`NAME                   IP           NODE
web-7b5c88c86d-j62lh   10.244.0.3   minikube
web-7b5c88c86d-rxvbq   10.244.0.4   minikube
`),
    );
    expect(sh.run('kubectl get svc -o custom-columns=\'NAME:.metadata.name,APP:.spec.selector.app,PORTS:.spec.ports[*].port\' --no-headers')).toEqual(
      out(`db           db       5432
ext          <none>   <none>
kubernetes   <none>   443
web          web      80
web-lb       web      80,443
web-np       web      80
`),
    );
    expect(sh.run('kubectl get svc -o custom-columns=NAME')).toEqual(
      err(`error: expected <header>:<json-path-expr> in custom-columns spec, found: NAME
`),
    );
  });

  it('prints JSONPath results as JSON, and simple Go templates', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl get svc -o jsonpath-as-json=\'{.items[*].metadata.name}\'')).toEqual(
      out(`[
    "db",
    "ext",
    "kubernetes",
    "web",
    "web-lb",
    "web-np"
]
`),
    );
    expect(sh.run('kubectl get pods -o go-template=\'{{range .items}}{{.metadata.name}} {{.status.podIP}}{{"\\n"}}{{end}}\'')).toEqual(
      out(`web-7b5c88c86d-j62lh 10.244.0.3
web-7b5c88c86d-rxvbq 10.244.0.4
`),
    );
    expect(sh.run('kubectl get svc web -o go-template=\'{{.spec.clusterIP}}\'')).toEqual(
      out(`10.109.185.232`),
    );
    expect(sh.run('kubectl get svc web -o go-template=\'{{if .spec}}x{{end}}\'')).toEqual(
      err(`error: go-template action {{if .spec}} is not available in this simulated kubectl; use -o jsonpath
`),
    );
  });
});
