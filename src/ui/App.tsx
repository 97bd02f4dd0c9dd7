/**
 * The root component: reads the tutor's snapshot with useSyncExternalStore, prints the transcript once (`<Static>`),
 * and shows the menu or the lesson screen. Requests from the shell (clear, open an editor, exit) are handed to the
 * composition root through `host`, which owns the terminal and processes.
 */
import { Box, Static, useApp, useStdout } from 'ink';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Tutor, UiRequest } from '../tutor/types.js';
import { LessonScreen } from './LessonScreen.js';
import { Menu } from './Menu.js';
import { TranscriptItem } from './TranscriptItem.js';
import { useMarkdown } from './use-markdown.js';

/** What the UI asks of the program around it. */
export interface UiHost {
  /** Clears the terminal and draws the app afresh (the host remounts it: Ink prints `<Static>` items only once). */
  clear(): void;
  /** Opens the learner's editor on a file's content; resolves with the saved content, or undefined if unchanged/failed. */
  edit(path: string, content: string): Promise<string | undefined>;
}

export interface AppProps {
  tutor: Tutor;
  host: UiHost;
  /** Called with the edited content for a path (writes into the session's file system). */
  onEdited(path: string, content: string, request: Extract<UiRequest, { type: 'edit' }>): void;
}

export function App({ tutor, host, onEdited }: AppProps) {
  const snapshot = useSyncExternalStore(tutor.subscribe, tutor.getSnapshot);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const markdown = useMarkdown();
  const [columns, setColumns] = useState(stdout.columns || 80);
  const [notice, setNotice] = useState<string | undefined>();
  const [armed, setArmed] = useState(false);

  useEffect(() => {
    const onResize = (): void => setColumns(stdout.columns || 80);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);

  // A new transcript (another lesson, a reset, back to the menu): clear the screen and draw afresh.
  const view = `${snapshot.screen}:${snapshot.lesson?.id ?? ''}:${snapshot.transcript[0]?.id ?? ''}`;
  const shown = useRef(view);
  useEffect(() => {
    if (shown.current === view) return;
    shown.current = view;
    host.clear();
  }, [view]);

  useEffect(() => {
    if (snapshot.uiRequests === 0) return;
    for (const r of tutor.takeUiRequests()) {
      if (r.type === 'exit-tutor') exit();
      else if (r.type === 'clear') host.clear();
      else if (r.type === 'edit') {
        void host.edit(r.path, r.content).then((content) => {
          if (content !== undefined) onEdited(r.path, content, r);
          host.clear();
        });
      }
    }
  }, [snapshot.uiRequests]);

  const width = Math.max(40, Math.min(columns, 120) - 1);
  const onInterrupt = (): void => {
    if (snapshot.pendingInput) return tutor.cancelInput();
    if (armed) return exit();
    setArmed(true);
    setNotice('Press Ctrl-C again to quit (your progress is saved), or keep typing.');
    setTimeout(() => {
      setArmed(false);
      setNotice(undefined);
    }, 2000);
  };

  if (snapshot.screen === 'menu') {
    return <Menu snapshot={snapshot} onOpen={(id) => tutor.openLesson(id)} onQuit={() => exit()} />;
  }
  if (!markdown || !snapshot.lesson) return null;
  return (
    <Box flexDirection="column">
      <Static items={snapshot.transcript}>
        {(item) => (
          <Box key={item.id} flexDirection="column">
            <TranscriptItem item={item} width={width} markdown={markdown} />
          </Box>
        )}
      </Static>
      <LessonScreen
        snapshot={snapshot}
        tutor={tutor}
        width={width}
        markdown={markdown}
        notice={notice}
        onInterrupt={onInterrupt}
        onClear={() => host.clear()}
      />
    </Box>
  );
}
