/** A hook that gives the markdown renderer once its lazy chunk has loaded (undefined until then). */
import { useEffect, useState } from 'react';
import { loadMarkdown, markdownIfLoaded, type RenderMarkdown } from './markdown.js';

export function useMarkdown(): RenderMarkdown | undefined {
  const [render, setRender] = useState<RenderMarkdown | undefined>(() => markdownIfLoaded());
  useEffect(() => {
    if (render) return;
    let alive = true;
    void loadMarkdown().then((r) => {
      if (alive) setRender(() => r);
    });
    return () => {
      alive = false;
    };
  }, [render]);
  return render;
}
