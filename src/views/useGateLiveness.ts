import { useMemo } from 'react';
import { gateLiveness, type GateLiveness } from '../compute/gateLiveness';
import { useApp } from '../store';

/**
 * How alive each SE block's gate is, from the running model's exported test-set statistics;
 * null while they load or when the model has none (then nothing is claimed either way).
 */
export function useGateLiveness(): { byBlock: Map<number, GateLiveness>; images: number } | null {
  const stats = useApp((s) => s.excitationStats);
  return useMemo(
    () => (stats ? { byBlock: new Map(gateLiveness(stats).map((g) => [g.block, g])), images: stats.images } : null),
    [stats],
  );
}
