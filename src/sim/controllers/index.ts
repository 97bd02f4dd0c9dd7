/** The controllers, in the order one reconcile round runs them. */
import type { Cluster } from '../cluster.js';
import { kubeletController } from './kubelet.js';
import { workloadsController } from './workloads.js';

export type Controller = (c: Cluster) => void;

export const CONTROLLERS: Controller[] = [workloadsController, kubeletController];
