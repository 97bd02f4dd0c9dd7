/** One transcript entry, printed once (inside `<Static>`): commands with their prompt, outputs, hints, task ticks. */
import { Box, Text } from 'ink';
import type { HistoryItem } from '../tutor/types.js';
import type { RenderMarkdown } from './markdown.js';
import { marks, theme } from './theme.js';

export interface TranscriptItemProps {
  item: HistoryItem;
  width: number;
  markdown: RenderMarkdown;
}

const trimEnd = (s: string): string => s.replace(/\n+$/, '');

export function TranscriptItem({ item, width, markdown }: TranscriptItemProps) {
  switch (item.type) {
    case 'lesson-intro':
      return (
        <Box flexDirection="column" paddingX={1} marginBottom={1}>
          {/^#\s/.test(item.markdown.trimStart()) ? null : (
            <Text bold color={theme.title}>
              {item.title}
            </Text>
          )}
          <Text>{markdown(item.markdown, width - 2)}</Text>
        </Box>
      );
    case 'command':
      return (
        <Text>
          <Text color={theme.prompt}>{item.prompt}</Text>
          <Text color={theme.command}>{item.text}</Text>
        </Text>
      );
    case 'output': {
      const chunks = item.chunks ?? [{ fd: 1, text: item.stdout }, { fd: 2, text: item.stderr }];
      return (
        <Box flexDirection="column">
          {chunks.map((c, i) => (c.text ? <Text key={i} color={c.fd === 2 ? theme.danger : undefined}>{trimEnd(c.text)}</Text> : null))}
        </Box>
      );
    }
    case 'info': {
      const color = item.tone === 'error' ? theme.danger : item.tone === 'warning' ? theme.warning : theme.accent;
      return <Box paddingX={1}>{item.markdown ? <Text>{markdown(item.text, width - 2)}</Text> : <Text color={color}>{item.text}</Text>}</Box>;
    }
    case 'hint':
      return (
        <Box paddingX={1} flexDirection="column">
          <Text color={theme.hint} bold>{`Hint ${item.index}/${item.total}`}</Text>
          <Text>{markdown(item.text, width - 2)}</Text>
        </Box>
      );
    case 'solution':
      return (
        <Box paddingX={1} flexDirection="column">
          <Text color={theme.warning} bold>
            Reference solution
          </Text>
          <Text>{item.text}</Text>
        </Box>
      );
    case 'task-passed':
      return (
        <Box paddingX={1} marginY={1} flexDirection="column">
          <Text color={theme.success} bold>{`${marks.done} Task done: ${item.title}`}</Text>
          {item.message ? <Text color={theme.muted}>{item.message}</Text> : null}
        </Box>
      );
    case 'lesson-complete':
      return (
        <Box paddingX={1} marginY={1} flexDirection="column" borderStyle="round" borderColor={theme.success}>
          <Text color={theme.success} bold>{`Lesson complete: ${item.title}`}</Text>
          <Text>{markdown(item.debrief, width - 6)}</Text>
          <Text color={theme.muted}>{item.nextLessonId ? 'Press Esc for the lesson menu: the next lesson is waiting.' : 'Press Esc for the lesson menu.'}</Text>
        </Box>
      );
  }
}
