/** The checklist of the open lesson: a mark per task, the current task's prose, and what the grader still misses. */
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
        <Text color={theme.muted}>{`  ${done}/${lesson.tasks.length} tasks`}</Text>
      </Text>
      {lesson.tasks.map((t) => (
        <Text key={t.id} color={t.done ? theme.success : t === current ? theme.accent : theme.muted}>
          {`${t.done ? marks.done : t === current ? marks.current : marks.todo} ${t.title}`}
        </Text>
      ))}
      {current ? (
        <Box flexDirection="column" marginTop={1}>
          <Text>{markdown(current.prose, width - 4)}</Text>
          {current.message ? <Text color={theme.warning}>{`${marks.failed} ${current.message}`}</Text> : null}
        </Box>
      ) : (
        <Text color={theme.success}>All tasks done. Esc returns to the lesson menu.</Text>
      )}
    </Box>
  );
}
