import { useMemo } from 'react';
import { meanAbs, outputChannels, type SqueezeCell } from '../../compute/lesson/stepData';
import { num, type LessonLang } from '../../i18n/lesson';
import type { BlockTaps } from '../../types/forward';
import { useNamespaceT } from '../useNamespaceT';

/** The highlighted channel's numbers, revealed as the animation reaches them. */
export function StepReadout({ taps, cells, channel, step, lang }: { taps: BlockTaps; cells: SqueezeCell[]; channel: number; step: number; lang: LessonLang }) {
  const t = useNamespaceT('lesson', lang);
  const out = useMemo(() => outputChannels(taps)[channel]!, [taps, channel]);
  const before = meanAbs(taps.u, taps.shape, channel);
  const after = meanAbs(taps.scaled, taps.shape, channel);
  const items: { k: string; v: string; from: number }[] = [
    { k: 'mean |u|', v: num(before, 3), from: 0 },
    { k: 'z', v: num(cells[channel]!.z, 3), from: 1 },
  ];
  if (taps.e && taps.s) {
    items.push({ k: 'e', v: num(taps.e[channel]!, 3), from: 3 });
    items.push({ k: 's', v: num(taps.s[channel]!, 3), from: 3 });
    items.push({ k: 'mean |u·s|', v: num(after, 3), from: 4 });
  }
  items.push({ k: 'mean out', v: num(out.outMean, 3), from: 5 });
  return (
    <div className="step-readout" data-testid="anim-readout" data-channel={channel}>
      <span className="step-readout-head">{t('lesson.channel', { c: channel })}</span>
      <dl className="step-readout-items">
      {items
        .filter((i) => i.from <= step)
        .map((i) => (
          <div key={i.k} className="step-readout-item">
            <dt>{i.k}</dt>
            <dd data-value={i.v}>{i.v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
