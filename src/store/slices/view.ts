/** The view slice: selected block, hovered/pinned channel, colour domain, channel order, language. */
import type { StateCreator } from 'zustand/vanilla';
import type { DomainMode } from '../../compute/domain';
import type { ChannelOrder } from '../../compute/chartdata';
import type { Lang } from '../../i18n';
import type { ModelCard } from '../../types/card';
import { firstSeBlock } from '../../compute/cardFacts';
import * as tr from '../transitions';
import type { ChannelRef, ViewState } from '../transitions';
import type { AppState } from '../store';

export type { ViewState } from '../transitions';

/** A fresh app's view: the first block selected, nothing hovered or pinned. */
export const INITIAL_VIEW: ViewState = {
  selectedBlock: 0,
  hovered: null,
  pinned: null,
  domainMode: 'block',
  order: 'index',
  lang: 'en',
};

export interface ViewSlice extends ViewState {
  selectBlock: (index: number) => void;
  hoverChannel: (ref: ChannelRef | null) => void;
  togglePin: (ref: ChannelRef) => void;
  /** pins a channel (the lesson's focus and channel choice); `clearHover` drops the hovered one too */
  pinChannel: (ref: ChannelRef, clearHover: boolean) => void;
  /** a model was installed: its first SE block is selected, nothing is pinned or hovered */
  viewForModel: (card: ModelCard) => void;
  setDomainMode: (m: DomainMode) => void;
  setOrder: (o: ChannelOrder) => void;
  setLang: (l: Lang) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => {
  const apply = (f: (s: AppState) => Partial<ViewState>) => set((s) => f(s));
  return {
    ...INITIAL_VIEW,
    selectBlock(index) {
      const n = get().card?.architecture.blocks.length ?? 0;
      const before = get().selectedBlock;
      apply((s) => tr.blockSelected(s, index, n));
      if (get().selectedBlock !== before) get().lessonBlockChanged();
    },
    hoverChannel(ref) {
      const h = get().hovered;
      if (h === ref || (h && ref && h.block === ref.block && h.channel === ref.channel)) return;
      apply((s) => tr.channelHovered(s, ref));
    },
    togglePin(ref) {
      apply((s) => tr.channelPinToggled(s, ref));
    },
    pinChannel(ref, clearHover) {
      set(clearHover ? { pinned: ref, hovered: null } : { pinned: ref });
    },
    viewForModel(card) {
      set({ selectedBlock: firstSeBlock(card), pinned: null, hovered: null });
    },
    setDomainMode(m) {
      apply((s) => tr.domainModeChanged(s, m));
    },
    setOrder(o) {
      apply((s) => tr.orderChanged(s, o));
    },
    setLang(l) {
      apply((s) => tr.langChanged(s, l));
    },
  };
};
