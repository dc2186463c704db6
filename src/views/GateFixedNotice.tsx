import { FIXED_GATE_SD } from '../compute/gateLiveness';
import { fmt } from '../compute/chartdata';
import { grouped } from '../i18n/format';
import { useGateLiveness } from './useGateLiveness';
import type { TFn } from './useT';

/** Says so when the selected block's gate is the same for every image (a fixed per-channel scale). */
export function GateFixedNotice({ block, t }: { block: number; t: TFn }) {
  const live = useGateLiveness();
  const g = live?.byBlock.get(block);
  if (!live || !g?.fixed) return null;
  return (
    <div className="notice warn gate-fixed" role="note" data-testid="gate-fixed" data-block={block}>
      <p>
        <strong>{t('inspector.gateFixed.title')}</strong> {t('inspector.gateFixed', { images: grouped(live.images), sd: g.sd.toFixed(4), threshold: fmt(FIXED_GATE_SD) })}
      </p>
      <p className="small">{t('inspector.gateFixed.why')}</p>
    </div>
  );
}
