/** The lesson screen: the checklist with the current task, the prompt, and a key-help line. The transcript is above, in `<Static>`. */
import { Box, Text } from 'ink';
import type { Tutor, TutorSnapshot } from '../tutor/types.js';
import { KEY_HELP } from './keys.js';
import type { RenderMarkdown } from './markdown.js';
import { PromptInput } from './PromptInput.js';
import { TaskList } from './TaskList.js';
import { theme } from './theme.js';

export interface LessonScreenProps {
  snapshot: TutorSnapshot;
  tutor: Tutor;
  width: number;
  markdown: RenderMarkdown;
  notice?: string;
  onInterrupt(): void;
  onClear(): void;
}

export function LessonScreen({ snapshot, tutor, width, markdown, notice, onInterrupt, onClear }: LessonScreenProps) {
  const lesson = snapshot.lesson!;
  return (
    <Box flexDirection="column">
      <TaskList lesson={lesson} width={width} markdown={markdown} />
      <Box flexDirection="column" marginTop={1}>
        <PromptInput
          prompt={snapshot.prompt}
          history={snapshot.history}
          onSubmit={(line) => tutor.submit(line)}
          complete={(line) => tutor.complete(line)}
          onEscape={() => tutor.backToMenu()}
          onInterrupt={onInterrupt}
          onClear={onClear}
        />
      </Box>
      <Text color={theme.muted}>{notice ?? KEY_HELP.lesson}</Text>
    </Box>
  );
}
