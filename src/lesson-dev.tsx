/**
 * Development harness for the lesson components, outside the app shell (served by `npx vite`
 * at /lesson-dev.html). URL parameters: lang=en|ko, view=anim|lesson, block=N, step=N,
 * progress=0..1, section=N, channel=N, pattern=stripes|rings|checker.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createEngine } from './model/engine';
import type { ModelCard } from './types/card';
import type { BlockTaps } from './types/forward';
import { LessonDemo } from './views/lesson/LessonDemo';

const params = new URLSearchParams(location.search);

/** a colourful 32×32 test pattern (RGB bytes, HWC) */
function pattern(kind: string, size = 32): Float32Array {
  const px = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      const r = Math.hypot(x - size / 2, y - size / 2);
      const v = kind === 'rings' ? (Math.sin(r * 0.9) + 1) / 2 : kind === 'checker' ? ((x >> 2) + (y >> 2)) % 2 : (Math.sin(x * 0.7) + 1) / 2;
      px[i] = 255 * v;
      px[i + 1] = 255 * (y / size);
      px[i + 2] = 255 * (1 - v) * (x / size);
    }
  return px;
}

function Harness() {
  const [state, setState] = useState<{ card: ModelCard; blocks: (BlockTaps | null)[] } | { error: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const engine = await createEngine({ modelsUrl: './models/' });
        const result = await engine.classify(pattern(params.get('pattern') ?? 'stripes'), undefined, 'all');
        if (!cancelled) setState({ card: engine.card, blocks: result.blocks });
      } catch (e) {
        if (!cancelled) setState({ error: String(e) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  if (!state) return <p data-testid="harness-loading">Loading the model…</p>;
  if ('error' in state) return <p role="alert">{state.error}</p>;
  return <LessonDemo card={state.card} blocks={state.blocks} params={params} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
