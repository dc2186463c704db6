import type { ReactNode } from 'react';
import type { LessonFocus } from '../../../compute/lesson/sections';
import type { LessonLang, LessonT } from '../../../i18n/lesson';
import type { ModelCard } from '../../../types/card';
import type { BlockTaps } from '../../../types/forward';

/** What every lesson section receives from the LessonPanel. */
export interface SectionProps {
  card: ModelCard;
  /** taps of the selected block (null before the first classification) */
  taps: BlockTaps | null;
  allBlocks: (BlockTaps | null)[];
  lang: LessonLang;
  t: LessonT;
  onFocus(focus: LessonFocus): void;
  /** a part the lesson view connects to the app's state (e.g. the excitation's influence view) */
  slot?: ReactNode;
}

/** the card's id of the block these taps belong to */
export function blockName(card: ModelCard, taps: BlockTaps): string {
  return card.architecture.blocks[taps.index]?.id ?? `#${taps.index}`;
}
