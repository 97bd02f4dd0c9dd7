/** A progress store in memory, for tests and for runs that must not touch the disk. */
import { normalizeProgress } from './data.js';
import type { ProgressData, ProgressStore } from './types.js';

/** A store holding progress in memory; `initial` may be anything (it is normalized as a file's content would be). */
export function createMemoryProgress(initial?: unknown): ProgressStore & { saves: number } {
  let data = normalizeProgress(initial);
  const store = {
    saves: 0,
    load: (): ProgressData => structuredClone(data),
    save(next: ProgressData): void {
      data = normalizeProgress(structuredClone(next));
      store.saves++;
    },
  };
  return store;
}
