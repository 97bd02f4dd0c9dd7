/** The lesson menu: each lesson with its progress mark; ↑/↓ to choose, Enter to open, q to quit. */
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { TutorSnapshot } from '../tutor/types.js';
import { KEY_HELP, match } from './keys.js';
import { marks, theme } from './theme.js';

export interface MenuProps {
  snapshot: TutorSnapshot;
  onOpen(id: string): void;
  onQuit(): void;
}

function mark(l: TutorSnapshot['lessons'][number]): { text: string; color: string } {
  if (l.completed) return { text: marks.done, color: theme.success };
  if (l.tasksDone > 0) return { text: marks.partial, color: theme.warning };
  return { text: marks.todo, color: theme.muted };
}

export function Menu({ snapshot, onOpen, onQuit }: MenuProps) {
  const lessons = snapshot.lessons;
  const initial = Math.max(0, lessons.findIndex((l) => l.id === snapshot.selectedLessonId));
  const [index, setIndex] = useState(initial);
  useInput((input, key) => {
    if (match('menuUp', input, key)) setIndex((i) => (i - 1 + lessons.length) % Math.max(1, lessons.length));
    else if (match('menuDown', input, key)) setIndex((i) => (i + 1) % Math.max(1, lessons.length));
    else if (match('menuOpen', input, key) && lessons[index]) onOpen(lessons[index].id);
    else if (match('menuQuit', input, key) || match('interrupt', input, key)) onQuit();
    else if (/^[1-9]$/.test(input) && lessons[Number(input) - 1]) setIndex(Number(input) - 1);
  });
  const selected = lessons[index];
  const titleWidth = Math.max(...lessons.map((l) => l.title.length), 10);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.title}>
        {snapshot.courseTitle}
      </Text>
      <Text color={theme.muted}>Pick a lesson. Everything runs in a simulated cluster: nothing touches your machine.</Text>
      <Box flexDirection="column" marginTop={1}>
        {lessons.map((l, i) => {
          const m = mark(l);
          const active = i === index;
          return (
            <Text key={l.id}>
              <Text color={active ? theme.accent : undefined}>{active ? `${marks.current} ` : '  '}</Text>
              <Text color={m.color}>{m.text}</Text>
              <Text bold={active} color={active ? theme.accent : undefined}>
                {` ${String(i + 1).padStart(2)}. ${l.title.padEnd(titleWidth)}`}
              </Text>
              <Text color={theme.muted}>{`  ${l.tasksDone}/${l.tasksTotal}`}</Text>
            </Text>
          );
        })}
      </Box>
      {selected ? (
        <Box marginTop={1}>
          <Text wrap="wrap">{selected.summary}</Text>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text color={theme.muted}>{KEY_HELP.menu}</Text>
      </Box>
    </Box>
  );
}
