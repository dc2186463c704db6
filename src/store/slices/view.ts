/** The view slice: selected block, hovered/pinned channel, colour domain, channel order, language. */
import type { StateCreator } from 'zustand/vanilla';
import type { DomainMode } from '../../compute/domain';
import type { ChannelOrder } from '../../compute/chartdata';
import type { Lang } from '../../i18n';
import * as tr from '../transitions';
import type { ChannelRef } from '../transitions';
import { lessonBlockChanged } from '../lessonTransitions';
import type { AppState } from '../store';

export interface ViewSlice {
  selectBlock: (index: number) => void;
  hoverChannel: (ref: ChannelRef | null) => void;
  togglePin: (ref: ChannelRef) => void;
  setDomainMode: (m: DomainMode) => void;
  setOrder: (o: ChannelOrder) => void;
  setLang: (l: Lang) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => {
  const apply = (f: (s: AppState) => Partial<AppState>) => set((s) => f(s));
  return {
    selectBlock(index) {
      const n = get().card?.architecture.blocks.length ?? 0;
      const before = get().selectedBlock;
      apply((s) => tr.blockSelected(s, index, n));
      if (get().selectedBlock !== before) set(lessonBlockChanged(get()));
    },
    hoverChannel(ref) {
      const h = get().hovered;
      if (h === ref || (h && ref && h.block === ref.block && h.channel === ref.channel)) return;
      apply((s) => tr.channelHovered(s, ref));
    },
    togglePin(ref) {
      apply((s) => tr.channelPinToggled(s, ref));
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
