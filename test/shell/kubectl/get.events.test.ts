import { describe, expect, it } from 'vitest';
import { PODS, err, out, session } from './reading-helpers.js';

describe('kubectl events and get events', () => {
  it('lists events by time, with repeats and filters', () => {
    const sh = session({ 'pods.yaml': PODS });
    sh.run('kubectl apply -f pods.yaml');
    sh.run('sleep 20');
    expect(sh.run('kubectl events --for pod/typo')).toEqual(
      out(`LAST SEEN           TYPE      REASON      OBJECT     MESSAGE
24s                 Normal    Scheduled   Pod/typo   Successfully assigned default/typo to minikube
13s (x2 over 23s)   Normal    Pulling     Pod/typo   Pulling image "ngnix"
13s (x2 over 23s)   Warning   Failed      Pod/typo   Failed to pull image "ngnix": Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
13s (x2 over 23s)   Warning   Failed      Pod/typo   Error: ErrImagePull
12s (x2 over 22s)   Normal    BackOff     Pod/typo   Back-off pulling image "ngnix"
12s (x2 over 22s)   Warning   Failed      Pod/typo   Error: ImagePullBackOff
`),
    );
    expect(sh.run('kubectl events --types=Warning')).toEqual(
      out(`LAST SEEN           TYPE      REASON             OBJECT        MESSAGE
15s (x2 over 25s)   Warning   Failed             Pod/typo      Failed to pull image "ngnix": Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
15s (x2 over 25s)   Warning   Failed             Pod/typo      Error: ErrImagePull
14s (x2 over 24s)   Warning   Failed             Pod/typo      Error: ImagePullBackOff
11s (x3 over 26s)   Warning   FailedScheduling   Pod/nowhere   0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.
10s (x2 over 21s)   Warning   BackOff            Pod/crash     Back-off restarting failed container app in pod crash_default(1a2b3cc6-0000-4000-8000-000000000079)
`),
    );
    expect(sh.run('kubectl get ev -o wide --field-selector reason=Scheduled,involvedObject.name=typo')).toEqual(
      out(`LAST SEEN   TYPE     REASON      OBJECT     SUBOBJECT   SOURCE              MESSAGE                                          FIRST SEEN   COUNT   NAME
28s         Normal   Scheduled   pod/typo               default-scheduler   Successfully assigned default/typo to minikube   28s          1       typo.0000000000000077
`),
    );
    expect(sh.run('kubectl get events --field-selector type=Warning')).toEqual(
      out(`LAST SEEN   TYPE      REASON             OBJECT        MESSAGE
19s         Warning   Failed             pod/typo      Failed to pull image "ngnix": Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
19s         Warning   Failed             pod/typo      Error: ErrImagePull
18s         Warning   Failed             pod/typo      Error: ImagePullBackOff
15s         Warning   FailedScheduling   pod/nowhere   0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.
14s         Warning   BackOff            pod/crash     Back-off restarting failed container app in pod crash_default(1a2b3cc6-0000-4000-8000-000000000079)
`),
    );
    expect(sh.run('kubectl events -A --for pod/nope')).toEqual(
      err(`No events found.
`, 0),
    );
    expect(sh.run('kubectl events --types=Bad')).toEqual(
      err(`error: valid --types are Normal or Warning
`),
    );
    expect(sh.run('kubectl events --for typo')).toEqual(
      err(`error: --for must be in resource/name form
`),
    );
    expect(sh.run('kubectl events --bogus')).toEqual(
      err(`error: unknown flag: --bogus
See 'kubectl events --help' for usage.
`),
    );
  });
});
