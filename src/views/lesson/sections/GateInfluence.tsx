import { useCallback, useMemo } from 'react';
import { channelOrder } from '../../../compute/chartdata';
import { EXAMPLE_TAPS } from '../../../compute/lesson/workedExample';
import { EXAMPLE_SE_WEIGHTS, exampleParams } from '../../../compute/lesson/workedInfluence';
import { appStore, highlighted, useAppShallow } from '../../../store';
import type { BlockTaps } from '../../../types/forward';
import { ExcitationInfluence } from '../../ExcitationInfluence';
import { useNamespaceT } from '../../useNamespaceT';
import { useGateLiveness } from '../../useGateLiveness';
import { blockName, type SectionProps } from './types';

const EXAMPLE_ORDER = [0, 1, 2, 3];

/**
 * "Where each gate comes from" in the excitation section (placed there through the section's
 * slot, as it reads the app's state): why every s_c depends on all of z, and the influence
 * matrix for this image's block, or for the worked example when the lesson shows its numbers.
 */
export function GateInfluence({ card, taps, lang }: Pick<SectionProps, 'card' | 'lang'> & { taps: BlockTaps | null }) {
  const t = useNamespaceT('lesson', lang);
  const s = useAppShallow((s) => ({ numbers: s.numbers, seWeights: s.seWeights, order: s.order, hovered: s.hovered, pinned: s.pinned, sel: s.selectedBlock }));
  const example = s.numbers === 'example';
  const fcs = taps ? (s.seWeights?.[taps.index] ?? null) : null;
  const order = useMemo(() => (taps ? channelOrder(taps.shape[2], s.order, taps.z, taps.s) : []), [taps, s.order]);
  const onHover = useCallback((c: number | null) => appStore.getState().hoverChannel(c === null || !taps ? null : { block: taps.index, channel: c }), [taps]);
  const noHover = useCallback(() => {}, []);
  const params = useMemo(() => (example ? exampleParams() : null), [example]);
  // a gate the model's statistics call fixed: its matrix is ~0 everywhere, and the lesson says why
  const liveness = useGateLiveness();
  const fixedGate = taps ? (liveness?.byBlock.get(taps.index) ?? null) : null;
  return (
    <div className="lesson-influence" data-testid="lesson-influence" data-numbers={example ? 'example' : 'image'}>
      <h4>{t('excite.mixTitle')}</h4>
      <p>{t('excite.mix')}</p>
      {example && params ? (
        <>
          <p>{t('excite.mixExample', params)}</p>
          <ExcitationInfluence weights={EXAMPLE_SE_WEIGHTS} z={EXAMPLE_TAPS.z!} h={EXAMPLE_TAPS.h!} s={EXAMPLE_TAPS.sModel!} order={EXAMPLE_ORDER} highlight={null} onHover={noHover} showValues example bare />
        </>
      ) : taps?.z && taps.h && taps.sModel && fcs && fcs.channels === taps.shape[2] ? (
        <>
          <p>{t('excite.mixLive', { block: blockName(card, taps) })}</p>
          {fixedGate?.fixed ? (
            <p className="notice warn" data-testid="lesson-gate-fixed">
              {t('excite.fixedGate', { block: blockName(card, taps), sd: fixedGate.sd.toFixed(4) })}
            </p>
          ) : null}
          <ExcitationInfluence
            weights={fcs}
            z={taps.z}
            h={taps.h}
            s={taps.sModel}
            order={order}
            highlight={highlighted({ hovered: s.hovered, pinned: s.pinned, selectedBlock: s.sel })}
            onHover={onHover}
            bare
          />
        </>
      ) : null}
    </div>
  );
}
