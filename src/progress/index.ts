/** Progress: the store interface, defensive parsing, and an in-memory store. The conf-backed store lives in cli/. */
export { PROGRESS_VERSION, type LessonProgress, type ProgressData, type ProgressStore } from './types.js';
export { emptyProgress, normalizeProgress, markTaskDone, markLessonCompleted } from './data.js';
export { createMemoryProgress } from './memory.js';
