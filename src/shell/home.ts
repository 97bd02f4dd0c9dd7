/** The learner's home directory on the simulated host. */
export const HOME = '/home/learner';
