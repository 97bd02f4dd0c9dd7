/**
 * The open lesson's task panel, kept short so commands have room on a 30-row screen: the lesson and a mark per task
 * on one line, then the current task's title, prose and what the grader still misses. `tasks` at the prompt lists
 * them all.
 */
import { Box, Text } from 'ink';
import type { LessonView } from '../tutor/types.js';
import type { RenderMarkdown } from './markdown.js';
import { marks, theme } from './theme.js';

export interface TaskListProps {
  lesson: LessonView;
  width: number;
  markdown: RenderMarkdown;
}

export function TaskList({ lesson, width, markdown }: TaskListProps) {
  const index = lesson.tasks.findIndex((t) => t.id === lesson.currentTaskId);
  const current = index >= 0 ? lesson.tasks[index] : undefined;
  const done = lesson.tasks.filter((t) => t.done).length;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.muted} paddingX={1} width={width}>
      <Text>
        <Text bold color={theme.title}>
          {lesson.title}
        </Text>
        <Text color={theme.muted}>{`  ${done}/${lesson.tasks.length} tasks  `}</Text>
        {lesson.tasks.map((t, i) => (
          <Text key={t.id} color={t.done ? theme.success : t === current ? theme.accent : theme.muted}>
            {`${i ? ' ' : ''}${t.done ? marks.done : t === current ? marks.current : marks.todo}`}
          </Text>
        ))}
      </Text>
      {current ? (
        <Box flexDirection="column">
          <Text bold color={theme.accent}>{`Task ${index + 1}: ${current.title}`}</Text>
          <Text>{markdown(current.prose, width - 4)}</Text>
          {current.message ? <Text color={theme.warning}>{`${marks.failed} ${current.message}`}</Text> : null}
        </Box>
      ) : (
        <Text color={theme.success}>All tasks done. Esc returns to the lesson menu.</Text>
      )}
    </Box>
  );
}
