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
}

/** the card's id of the block these taps belong to */
export function blockName(card: ModelCard, taps: BlockTaps): string {
  return card.architecture.blocks[taps.index]?.id ?? `#${taps.index}`;
}
