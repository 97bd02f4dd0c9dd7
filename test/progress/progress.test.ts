import { describe, expect, it } from 'vitest';
import { createMemoryProgress, emptyProgress, markLessonCompleted, markTaskDone, normalizeProgress } from '../../src/progress/index.js';

describe('progress data', () => {
  it('gives a fresh start for anything unreadable, never an exception', () => {
    for (const raw of [undefined, null, 'text', 42, [], {}, { version: 2, lessons: {} }, { version: 1, lessons: [] }, { version: 1 }]) {
      expect(normalizeProgress(raw)).toEqual({ version: 1, lessons: {} });
    }
  });

  it('keeps good entries, drops malformed ones, dedupes task ids', () => {
    expect(
      normalizeProgress({
        version: 1,
        currentLesson: 'intra-pod',
        lessons: { 'intra-pod': { tasksDone: ['a', 'a', 3, 'b'], completed: true }, broken: { tasksDone: 'a' }, odd: 7, half: { tasksDone: [] } },
      }),
    ).toEqual({ version: 1, currentLesson: 'intra-pod', lessons: { 'intra-pod': { tasksDone: ['a', 'b'], completed: true }, half: { tasksDone: [], completed: false } } });
  });

  it('marks tasks and lessons without changing the input', () => {
    const start = emptyProgress();
    const one = markTaskDone(start, 'l', 't1');
    const two = markTaskDone(one, 'l', 't2');
    expect(start).toEqual({ version: 1, lessons: {} });
    expect(two).toEqual({ version: 1, lessons: { l: { tasksDone: ['t1', 't2'], completed: false } } });
    expect(markTaskDone(two, 'l', 't1')).toBe(two);
    expect(markLessonCompleted(two, 'l')).toEqual({ version: 1, lessons: { l: { tasksDone: ['t1', 't2'], completed: true } } });
  });

  it('the memory store returns copies and normalizes what it is given', () => {
    const store = createMemoryProgress({ version: 1, lessons: { x: { tasksDone: ['a'], completed: false } } });
    const loaded = store.load();
    loaded.lessons.x!.tasksDone.push('mutated');
    expect(store.load()).toEqual({ version: 1, lessons: { x: { tasksDone: ['a'], completed: false } } });
    store.save({ version: 1, lessons: {}, currentLesson: 'y' });
    expect([store.load(), store.saves]).toEqual([{ version: 1, lessons: {}, currentLesson: 'y' }, 1]);
    expect(createMemoryProgress('garbage').load()).toEqual({ version: 1, lessons: {} });
  });
});
