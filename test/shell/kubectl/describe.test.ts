import { describe, expect, it } from 'vitest';
import { PODS, RICH, err, out, session } from './reading-helpers.js';

describe('kubectl describe', () => {
  it('describes a running pod: containers, conditions, QoS, events', () => {
    const sh = session({ 'pods.yaml': PODS });
    sh.run('kubectl apply -f pods.yaml');
    expect(sh.run('kubectl describe pod two')).toEqual(
      out(`Name:         two
Namespace:    default
Node:         minikube/192.168.49.2
Start Time:   Wed, 01 Jan 2025 12:21:02 +0000
Labels:       app=two
Annotations:  <none>
Status:       Running
IP:           10.244.0.7
IPs:
  IP:  10.244.0.7
Containers:
  main:
    Container ID:  docker://c2d2beeac3d2c07dc0d2bbc4c1d2bd57bed2b89ebfd2ba31bcd2b578bdd2b70b
    Image:         busybox
    Image ID:      docker-pullable://busybox@sha256:61c522c662c524595fc51fa060c5213365c5291266c52aa563c525ec64c5277f
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      echo hello from main; echo second line; echo third line; sleep 3600
    State:          Running
      Started:      Wed, 01 Jan 2025 12:21:03 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
  side:
    Container ID:   docker://ce1576b0cf157843d01579d6d1157b69d2157cfcd3157e8fd4158022d51581b5
    Image:          nginx
    Image ID:       docker-pullable://nginx@sha256:122c1ab0132c1c43142c1dd6152c1f69162c20fc172c228f182c2422192c25b5
    Port:           <none>
    Host Port:      <none>
    State:          Running
      Started:      Wed, 01 Jan 2025 12:21:03 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:                      <none>
QoS Class:                    BestEffort
Node-Selectors:               <none>
Tolerations:                  <none>
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  2s    default-scheduler  Successfully assigned default/two to minikube
  Normal  Pulling    1s    kubelet            Pulling image "busybox"
  Normal  Pulled     1s    kubelet            Successfully pulled image "busybox" in 1.2s (1.2s including waiting). Image size: 72195292 bytes.
  Normal  Created    1s    kubelet            Created container: main
  Normal  Started    1s    kubelet            Started container main
  Normal  Pulling    1s    kubelet            Pulling image "nginx"
  Normal  Pulled     1s    kubelet            Successfully pulled image "nginx" in 1.2s (1.2s including waiting). Image size: 72195292 bytes.
  Normal  Created    1s    kubelet            Created container: side
  Normal  Started    1s    kubelet            Started container side
`),
    );
  });

  it('describes env from fields, resources, probes, named ports and volumes', () => {
    const sh = session({ 'rich.yaml': RICH });
    sh.run('kubectl apply -f rich.yaml');
    sh.run('sleep 10');
    expect(sh.run('kubectl describe pod rich')).toEqual(
      out(`Name:         rich
Namespace:    default
Node:         minikube/192.168.49.2
Start Time:   Wed, 01 Jan 2025 12:21:02 +0000
Labels:       <none>
Annotations:  note: hello
Status:       Running
IP:           10.244.0.5
IPs:
  IP:  10.244.0.5
Containers:
  web:
    Container ID:   docker://d7c03c63d6c03ad0d9c03f89d8c03df6dbc042afdac0411cddc045d5dcc04442
    Image:          nginx
    Image ID:       docker-pullable://nginx@sha256:122c1ab0132c1c43142c1dd6152c1f69162c20fc172c228f182c2422192c25b5
    Ports:          80/TCP (http), 443/TCP (https)
    Host Ports:     0/TCP (http), 0/TCP (https)
    State:          Running
      Started:      Wed, 01 Jan 2025 12:21:03 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      memory:  128Mi
    Requests:
      cpu:      100m
      memory:   64Mi
    Readiness:  http-get http://:80/ delay=0s timeout=1s period=5s #success=1 #failure=3
    Environment:
      MODE:    fast
      POD_IP:   (v1:status.podIP)
    Mounts:
      /etc/cfg from cfg (ro)
      /var/cache/nginx from data (rw)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  data:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  <unset>
  host:
    Type:          HostPath (bare host directory volume)
    Path:          /data
    HostPathType:  DirectoryOrCreate
  cfg:
    Type:        ConfigMap (a volume populated by a ConfigMap)
    Name:        settings
    Optional:    false
QoS Class:       Burstable
Node-Selectors:  <none>
Tolerations:     <none>
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  14s   default-scheduler  Successfully assigned default/rich to minikube
  Normal  Pulling    13s   kubelet            Pulling image "nginx"
  Normal  Pulled     13s   kubelet            Successfully pulled image "nginx" in 1.2s (1.2s including waiting). Image size: 72195292 bytes.
  Normal  Created    13s   kubelet            Created container: web
  Normal  Started    13s   kubelet            Started container web
`),
    );
  });

  it('describes a pod whose image cannot be pulled, and one that cannot be scheduled', () => {
    const sh = session({ 'pods.yaml': PODS });
    sh.run('kubectl apply -f pods.yaml');
    sh.run('sleep 20');
    expect(sh.run('kubectl describe po typo')).toEqual(
      out(`Name:         typo
Namespace:    default
Node:         minikube/192.168.49.2
Start Time:   Wed, 01 Jan 2025 12:21:02 +0000
Labels:       <none>
Annotations:  <none>
Status:       Pending
IP:           10.244.0.5
IPs:
  IP:  10.244.0.5
Containers:
  web:
    Container ID:   
    Image:          ngnix
    Image ID:       
    Port:           <none>
    Host Port:      <none>
    State:          Waiting
      Reason:       ImagePullBackOff
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:                      <none>
QoS Class:                    BestEffort
Node-Selectors:               <none>
Tolerations:                  <none>
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  24s                default-scheduler  Successfully assigned default/typo to minikube
  Normal   Pulling    13s (x2 over 23s)  kubelet            Pulling image "ngnix"
  Warning  Failed     13s (x2 over 23s)  kubelet            Failed to pull image "ngnix": Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
  Warning  Failed     13s (x2 over 23s)  kubelet            Error: ErrImagePull
  Normal   BackOff    12s (x2 over 22s)  kubelet            Back-off pulling image "ngnix"
  Warning  Failed     12s (x2 over 22s)  kubelet            Error: ImagePullBackOff
`),
    );
    expect(sh.run('kubectl describe pods/nowhere')).toEqual(
      out(`Name:         nowhere
Namespace:    default
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       Pending
IP:           
IPs:          <none>
Containers:
  web:
    Image:        nginx
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:       <none>
Conditions:
  Type           Status
  PodScheduled   False 
Volumes:         <none>
QoS Class:       BestEffort
Node-Selectors:  disk=ssd
Tolerations:     <none>
Events:
  Type     Reason            Age                From               Message
  ----     ------            ----               ----               -------
  Warning  FailedScheduling  11s (x3 over 26s)  default-scheduler  0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.
`),
    );
  });

  it('describes Services with their endpoints and node ports', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl describe svc web-lb')).toEqual(
      out(`Name:                     web-lb
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.100.115.90
IPs:                      10.100.115.90
Port:                     http  80/TCP
TargetPort:               80/TCP
NodePort:                 http  30594/TCP
Endpoints:                10.244.0.3:80,10.244.0.4:80
Port:                     https  443/TCP
TargetPort:               80/TCP
NodePort:                 https  31013/TCP
Endpoints:                10.244.0.3:80,10.244.0.4:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`),
    );
    expect(sh.run('kubectl describe service db')).toEqual(
      out(`Name:                     db
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=db
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       None
IPs:                      None
Port:                     <unset>  5432/TCP
TargetPort:               5432/TCP
Endpoints:                
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
`),
    );
    expect(sh.run('kubectl describe svc ext')).toEqual(
      out(`Name:              ext
Namespace:         default
Labels:            <none>
Annotations:       <none>
Selector:          <none>
Type:              ExternalName
IP Families:       <none>
IP:                
IPs:               <none>
External Name:     example.com
Session Affinity:  None
Events:            <none>
`),
    );
  });

  it('describes a Deployment and its ReplicaSet', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl describe deploy web')).toEqual(
      out(`Name:                   web
Namespace:              default
CreationTimestamp:      Wed, 01 Jan 2025 12:21:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
           tier=front
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-7b5c88c86d (2/2 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  14s   deployment-controller  Scaled up replica set web-7b5c88c86d from 0 to 2
`),
    );
    expect(sh.run('kubectl describe rs')).toEqual(
      out(`Name:           web-7b5c88c86d
Namespace:      default
Selector:       app=web,pod-template-hash=7b5c88c86d
Labels:         app=web
                pod-template-hash=7b5c88c86d
                tier=front
Annotations:    deployment.kubernetes.io/desired-replicas: 2
                deployment.kubernetes.io/max-replicas: 3
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       2 current / 2 desired
Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=7b5c88c86d
           tier=front
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From                   Message
  ----    ------            ----  ----                   -------
  Normal  SuccessfulCreate  16s   replicaset-controller  Created pod: web-7b5c88c86d-j62lh
  Normal  SuccessfulCreate  16s   replicaset-controller  Created pod: web-7b5c88c86d-rxvbq
`),
    );
  });

  it('describes an Ingress, with backends resolved to endpoints', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl describe ing web')).toEqual(
      out(`Name:             web
Labels:           <none>
Namespace:        default
Address:          
Ingress Class:    nginx
Default backend:  <default>
Rules:
  Host           Path  Backends
  ----           ----  --------
  hello.example  
                 /   web:80 (10.244.0.3:80,10.244.0.4:80)
Annotations:     <none>
Events:          <none>
`),
    );
  });

  it('describes a NetworkPolicy in kubectl\'s prose', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl describe netpol db-allow-web')).toEqual(
      out(`Name:         db-allow-web
Namespace:    default
Created on:   2025-01-01 12:21:00 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     app=db
  Allowing ingress traffic:
    To Port: 5432/TCP
    From:
      PodSelector: app=web
    From:
      NamespaceSelector: team=a
      PodSelector: role in (x,z)
    ----------
    To Port: <any> (traffic allowed to all ports)
    From:
      IPBlock:
        CIDR: 172.17.0.0/16
        Except: 172.17.1.0/24
  Allowing egress traffic:
    <none> (Selected pods are isolated for egress connectivity)
  Policy Types: Ingress, Egress
`),
    );
  });

  it('describes Endpoints, ConfigMaps, Namespaces and Nodes', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl describe ep web')).toEqual(
      { stdout: `Name:         web
Namespace:    default
Labels:       <none>
Annotations:  <none>
Subsets:
  Addresses:          10.244.0.3,10.244.0.4
  NotReadyAddresses:  <none>
  Ports:
    Name     Port  Protocol
    ----     ----  --------
    <unset>  80    TCP

Events:  <none>
`, stderr: `Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
`, exitCode: 0 },
    );
    expect(sh.run('kubectl describe cm settings')).toEqual(
      out(`Name:         settings
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
greeting:
----
hello

mode:
----
fast


BinaryData
====

Events:  <none>
`),
    );
    expect(sh.run('kubectl describe ns default')).toEqual(
      out(`Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`),
    );
    expect(sh.run('kubectl describe node minikube')).toEqual(
      out(`Name:               minikube
Roles:              control-plane
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=minikube
                    kubernetes.io/os=linux
                    minikube.k8s.io/name=minikube
                    minikube.k8s.io/primary=true
                    node-role.kubernetes.io/control-plane=
Annotations:        <none>
CreationTimestamp:  Wed, 01 Jan 2025 12:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  minikube
  AcquireTime:     <unset>
  RenewTime:       Wed, 01 Jan 2025 12:21:20 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Wed, 01 Jan 2025 12:21:20 +0000   Wed, 01 Jan 2025 12:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Wed, 01 Jan 2025 12:21:20 +0000   Wed, 01 Jan 2025 12:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Wed, 01 Jan 2025 12:21:20 +0000   Wed, 01 Jan 2025 12:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Wed, 01 Jan 2025 12:21:20 +0000   Wed, 01 Jan 2025 12:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  192.168.49.2
  Hostname:    minikube
Capacity:
  cpu:                2
  ephemeral-storage:  17784760Ki
  memory:             4010Mi
  pods:               110
Allocatable:
  cpu:                2
  ephemeral-storage:  17784760Ki
  memory:             4010Mi
  pods:               110
System Info:
  Machine ID:                 1a2b3c52000040008000000000000005
  System UUID:                1a2b3c52-0000-4000-8000-000000000005
  Boot ID:                    1a2b3c52-0000-4000-8000-000000000005
  Kernel Version:             6.8.0-1021-aws
  OS Image:                   Ubuntu 22.04.5 LTS
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  docker://28.4.0
  Kubelet Version:            v1.34.0
PodCIDR:                      10.244.0.0/24
PodCIDRs:                     10.244.0.0/24
Non-terminated Pods:          (11 in total)
  Namespace                   Name                                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                                        ------------  ----------  ---------------  -------------  ---
  default                     web-7b5c88c86d-j62lh                        0 (0%)        0 (0%)      0 (0%)           0 (0%)         20s
  default                     web-7b5c88c86d-rxvbq                        0 (0%)        0 (0%)      0 (0%)           0 (0%)         20s
  kube-system                 calico-kube-controllers-2p2w2bpw69-fpx25    0 (0%)        0 (0%)      0 (0%)           0 (0%)         20m
  kube-system                 calico-node-mchc6                           0 (0%)        0 (0%)      0 (0%)           0 (0%)         20m
  kube-system                 coredns-558548c584-vq6xg                    100m (5%)     0 (0%)      70Mi (1%)        170Mi (4%)     21m
  kube-system                 etcd-minikube                               0 (0%)        0 (0%)      0 (0%)           0 (0%)         21m
  kube-system                 kube-apiserver-minikube                     0 (0%)        0 (0%)      0 (0%)           0 (0%)         21m
  kube-system                 kube-controller-manager-minikube            0 (0%)        0 (0%)      0 (0%)           0 (0%)         21m
  kube-system                 kube-proxy-skv6q                            0 (0%)        0 (0%)      0 (0%)           0 (0%)         21m
  kube-system                 kube-scheduler-minikube                     0 (0%)        0 (0%)      0 (0%)           0 (0%)         21m
  kube-system                 storage-provisioner                         0 (0%)        0 (0%)      0 (0%)           0 (0%)         20m
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                100m (5%)  0 (0%)
  memory             70Mi (1%)  170Mi (4%)
  ephemeral-storage  0 (0%)     0 (0%)
Events:              <none>
`),
    );
  });

  it('describes EndpointSlices, IngressClasses and other kinds', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl describe endpointslices -l kubernetes.io/service-name=web')).toEqual(
      out(`Name:         web-5fjsw
Namespace:    default
Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=web
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  <unset>  80    TCP
Endpoints:
  - Addresses:  10.244.0.3
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-7b5c88c86d-j62lh
    NodeName:   minikube
    Zone:       <unset>
  - Addresses:  10.244.0.4
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-7b5c88c86d-rxvbq
    NodeName:   minikube
    Zone:       <unset>
Events:         <none>
`),
    );
    sh.run('minikube addons enable ingress');
    sh.run('sleep 30');
    expect(sh.run('kubectl describe ingressclass nginx')).toEqual(
      out(`Name:         nginx
Labels:       app.kubernetes.io/component=controller
              app.kubernetes.io/instance=ingress-nginx
              app.kubernetes.io/name=ingress-nginx
Annotations:  ingressclass.kubernetes.io/is-default-class: true
Controller:   k8s.io/ingress-nginx
Events:       <none>
`),
    );
    expect(sh.run('kubectl describe ns kube-public')).toEqual(
      out(`Name:         kube-public
Labels:       kubernetes.io/metadata.name=kube-public
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`),
    );
  });

  it('matches names by prefix, and shows the Events of every object described', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl describe svc web-')).toEqual(
      out(`Name:                     web-lb
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.100.115.90
IPs:                      10.100.115.90
Port:                     http  80/TCP
TargetPort:               80/TCP
NodePort:                 http  30594/TCP
Endpoints:                10.244.0.3:80,10.244.0.4:80
Port:                     https  443/TCP
TargetPort:               80/TCP
NodePort:                 https  31013/TCP
Endpoints:                10.244.0.3:80,10.244.0.4:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>

Name:                     web-np
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.103.218.136
IPs:                      10.103.218.136
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  31341/TCP
Endpoints:                10.244.0.3:80,10.244.0.4:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>

`),
    );
    expect(sh.run('kubectl describe svc kubernetes web-np')).toEqual(
      out(`Name:                     kubernetes
Namespace:                default
Labels:                   component=apiserver
                          provider=kubernetes
Annotations:              <none>
Selector:                 <none>
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.0.1
IPs:                      10.96.0.1
Port:                     https  443/TCP
TargetPort:               8443/TCP
Endpoints:                192.168.49.2:8443
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>


Name:                     web-np
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.103.218.136
IPs:                      10.103.218.136
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  31341/TCP
Endpoints:                10.244.0.3:80,10.244.0.4:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`),
    );
    expect(sh.run('kubectl describe rs -l app=web --show-events=false')).toEqual(
      out(`Name:           web-7b5c88c86d
Namespace:      default
Selector:       app=web,pod-template-hash=7b5c88c86d
Labels:         app=web
                pod-template-hash=7b5c88c86d
                tier=front
Annotations:    deployment.kubernetes.io/desired-replicas: 2
                deployment.kubernetes.io/max-replicas: 3
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       2 current / 2 desired
Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=7b5c88c86d
           tier=front
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`),
    );
    expect(sh.run('kubectl describe svc web- --show-events')).toEqual(
      out(`Name:                     web-lb
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.100.115.90
IPs:                      10.100.115.90
Port:                     http  80/TCP
TargetPort:               80/TCP
NodePort:                 http  30594/TCP
Endpoints:                10.244.0.3:80,10.244.0.4:80
Port:                     https  443/TCP
TargetPort:               80/TCP
NodePort:                 https  31013/TCP
Endpoints:                10.244.0.3:80,10.244.0.4:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>

Name:                     web-np
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.103.218.136
IPs:                      10.103.218.136
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  31341/TCP
Endpoints:                10.244.0.3:80,10.244.0.4:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>

`),
    );
  });

  it('answers mistakes in kubectl\'s words', () => {
    const sh = session();
    sh.run('sleep 10');
    expect(sh.run('kubectl describe')).toEqual(
      err(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
See 'kubectl describe -h' for help and examples
`),
    );
    expect(sh.run('kubectl describe pod nope')).toEqual(
      err(`Error from server (NotFound): pods "nope" not found
`),
    );
    expect(sh.run('kubectl describe svc web nope')).toEqual(
      { stdout: `Name:                     web
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.109.185.232
IPs:                      10.109.185.232
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
Endpoints:                10.244.0.3:80,10.244.0.4:80
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
`, stderr: `Error from server (NotFound): services "nope" not found
`, exitCode: 1 },
    );
    expect(sh.run('kubectl describe foo')).toEqual(
      err(`error: the server doesn't have a resource type "foo"
`),
    );
    expect(sh.run('kubectl describe pods -l app=none')).toEqual(
      err(`No resources found in default namespace.
`, 0),
    );
    expect(sh.run('kubectl describe nodes -A -l x=y')).toEqual(
      err(`No resources found
`, 0),
    );
    expect(sh.run('kubectl describe pods --bogus')).toEqual(
      err(`error: unknown flag: --bogus
See 'kubectl describe --help' for usage.
`),
    );
  });
});
