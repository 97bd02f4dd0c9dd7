import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse, formatReport } from '../../src/lessons/index.js';

const lessons = join(import.meta.dirname, '..', '..', 'lessons');

describe('the real course passes the lesson check', () => {
  it('every goal fails before its task, passes after its solution and alternatives; every wrong attempt fails as listed', async () => {
    const report = await checkCourse(lessons);
    expect(formatReport(report)).toBe('✓ intra-pod (5 tasks)\n1 lessons, 5 tasks: all checks passed\n');
    expect(report).toEqual({
      ok: true,
      problems: [],
      failures: [],
      lessons: [
        {
          id: 'intra-pod',
          tasks: [
            { id: 'run-pod', ok: true },
            { id: 'curl-localhost', ok: true },
            { id: 'fix-clash', ok: true },
            { id: 'signal-across', ok: true },
            { id: 'logs-pid1', ok: true },
          ],
        },
      ],
    });
  }, 60_000);
});
