/** The controllers, in the order one reconcile round runs them. */
import type { Cluster } from '../cluster.js';
import { kubeletController } from './kubelet.js';
import { workloadsController } from './workloads.js';
import { endpointsController } from './endpoints.js';
import { loadBalancerController } from '../services.js';
import { ingressController } from './ingress.js';
import { statefulSetController } from './statefulset.js';
import { daemonSetController } from './daemonset.js';
import { jobController } from './job.js';

export type Controller = (c: Cluster) => void;

export const CONTROLLERS: Controller[] = [workloadsController, statefulSetController, daemonSetController, jobController, kubeletController, endpointsController, loadBalancerController, ingressController];
