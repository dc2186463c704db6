import { useMemo, useState } from 'react';
import { DEMO_LOGITS, LOGIT_PRESETS, LOGIT_RANGE, compareGates } from '../../../compute/lesson/gates';
import { num, type LessonT } from '../../../i18n/lesson';
import { GateBars } from '../../../charts/GateBars';
import { ACCENT } from '../../../charts/stepColours';

export function GateLegend({ t }: { t: LessonT }) {
  return (
    <div className="legend-row" aria-hidden="true">
      <span>
        <span className="legend-swatch" style={{ background: ACCENT.sigmoid }} />
        {t('excite.sigmoid')}
      </span>
      <span>
        <span className="legend-swatch" style={{ background: `repeating-linear-gradient(45deg, ${ACCENT.softmax} 0 3px, #fff 3px 5px)` }} />
        {t('excite.softmax')}
      </span>
    </div>
  );
}

/** Sliders for a few logits; bars of sigmoid and softmax on the same values. */
export function GateComparison({ t }: { t: LessonT }) {
  const [logits, setLogits] = useState<number[]>(DEMO_LOGITS);
  const cmp = useMemo(() => compareGates(logits), [logits]);
  return (
    <div className="lesson-live" data-testid="gate-compare">
      <p style={{ fontWeight: 600 }}>{t('excite.try')}</p>
      <div className="gate-sliders">
        {logits.map((v, i) => (
          <label key={i} style={{ display: 'contents' }}>
            <span>{t('excite.logit', { i: i + 1 })}</span>
            <input
              type="range"
              min={LOGIT_RANGE.min}
              max={LOGIT_RANGE.max}
              step={LOGIT_RANGE.step}
              value={v}
              data-testid="gate-logit"
              onChange={(e) => {
                const next = [...logits];
                next[i] = Number(e.currentTarget.value);
                setLogits(next);
              }}
            />
            <output>{num(v, 1)}</output>
          </label>
        ))}
      </div>
      <div className="gate-presets">
        {(['all', 'none', 'mixed'] as const).map((k) => (
          <button key={k} type="button" className="lesson-button" onClick={() => setLogits(LOGIT_PRESETS[k])} data-testid={`gate-preset-${k}`}>
            {t(`excite.preset.${k}`)}
          </button>
        ))}
      </div>
      <GateLegend t={t} />
      <GateBars
        sigmoid={cmp.sigmoid}
        softmax={cmp.softmax}
        labels={logits.map((_, i) => t('excite.logit', { i: i + 1 }))}
        label={t('excite.chart')}
        testid="gate-bars"
        height={170}
      />
      <p style={{ margin: '6px 0 0' }} data-testid="gate-sums" data-sigmoid={cmp.sigmoidSum} data-softmax={cmp.softmaxSum}>
        {t('excite.sums', { sig: num(cmp.sigmoidSum, 2), soft: num(cmp.softmaxSum, 2) })} {t('excite.above', { sig: cmp.sigmoidAboveHalf, soft: cmp.softmaxAboveHalf })}
      </p>
    </div>
  );
}
