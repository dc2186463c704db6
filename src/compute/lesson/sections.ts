/**
 * The guided lesson's sections, in the order of the study note (plus 'cost', what SE adds and
 * how r sets it, before the results), each with the live-view focus
 * the app applies when a learner arrives at it. Pure data plus a resolver the app can use.
 */
import type { BlockTaps } from '../../types/forward';
import { quietChannels } from './channelHealth';
import { pickChannel, type ChannelPick } from './stepData';
import { LAST_STEP } from './steps';

export type FocusPanel = 'u' | 'z' | 's' | 'scaled' | 'out';

/**
 * What the explorer should show for a section. Every field is optional: a missing field means
 * "leave it as it is".
 * - block: 'first' / 'last' SE block of the network, 'most-quiet' (the SE block with the most
 *   nearly empty output channels for the current image; the first SE block without taps),
 *   or a block index
 * - step: the animation step (0 input … 5 residual); the app animates it to its result
 *   (goTo) or shows the result at once (show) under reduced motion
 * - channel: a channel of the focused block, picked from the current taps (see pickChannel)
 * - panel: which tap the inspector should bring forward
 */
export interface LessonFocus {
  block?: 'first' | 'last' | 'most-quiet' | number;
  step?: number;
  channel?: ChannelPick | number;
  panel?: FocusPanel;
}

export const SECTION_IDS = ['why', 'squeeze', 'excitation', 'scale', 'instantiation', 'architecture', 'cost', 'results', 'summary'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface SectionDef {
  id: SectionId;
  focus: LessonFocus;
}

export const SECTIONS: SectionDef[] = [
  { id: 'why', focus: { block: 'most-quiet', step: 0, panel: 'out', channel: 'quietest' } },
  { id: 'squeeze', focus: { step: 1, panel: 'z', channel: 'loudest' } },
  { id: 'excitation', focus: { step: 3, panel: 's', channel: 'most-suppressed' } },
  { id: 'scale', focus: { step: 4, panel: 'scaled', channel: 'most-suppressed' } },
  { id: 'instantiation', focus: { step: LAST_STEP, panel: 'out' } },
  { id: 'architecture', focus: { block: 'last', step: 3, panel: 's' } },
  // cost and r: the FC step of the last block, where SE costs the most
  { id: 'cost', focus: { block: 'last', step: 2 } },
  { id: 'results', focus: {} },
  // the whole block on one screen: the animation at its last step
  { id: 'summary', focus: { step: LAST_STEP } },
];

export const SECTION_COUNT = SECTIONS.length;

export function clampSection(n: number): number {
  return Math.min(SECTION_COUNT - 1, Math.max(0, Math.round(Number.isFinite(n) ? n : 0)));
}

export interface ResolvedFocus {
  block: number | null;
  step: number | null;
  channel: number | null;
  panel: FocusPanel | null;
}

/**
 * Turn a declarative focus into indices. `seBlocks` are the indices of blocks that have SE
 * (in network order); `tapsOf` gives the taps of a block when known (for channel picks).
 */
export function resolveFocus(
  focus: LessonFocus,
  seBlocks: number[],
  currentBlock: number | null,
  tapsOf: (block: number) => BlockTaps | null,
): ResolvedFocus {
  let block: number | null = null;
  if (focus.block === 'first') block = seBlocks[0] ?? null;
  else if (focus.block === 'last') block = seBlocks[seBlocks.length - 1] ?? null;
  else if (focus.block === 'most-quiet') block = mostQuietBlock(seBlocks, tapsOf);
  else if (typeof focus.block === 'number') block = focus.block;
  const target = block ?? currentBlock;
  const taps = target === null ? null : tapsOf(target);
  const channel = focus.channel === undefined || !taps ? null : pickChannel(taps, focus.channel);
  const step = focus.step === undefined ? null : Math.min(LAST_STEP, Math.max(0, Math.round(focus.step)));
  return { block, step, channel, panel: focus.panel ?? null };
}

/** The SE block with the most nearly empty output channels (first on ties, or without taps). */
export function mostQuietBlock(seBlocks: number[], tapsOf: (block: number) => BlockTaps | null): number | null {
  let best: number | null = seBlocks[0] ?? null;
  let most = 0;
  for (const b of seBlocks) {
    const taps = tapsOf(b);
    if (!taps) continue;
    const n = quietChannels(taps.out, taps.shape).length;
    if (n > most) {
      most = n;
      best = b;
    }
  }
  return best;
}
