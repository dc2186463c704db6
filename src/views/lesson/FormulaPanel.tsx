import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';
import { meanAbs, outputChannels } from '../../compute/lesson/stepData';
import type { LessonKey, LessonLang } from '../../i18n/lesson';
import type { BlockTaps } from '../../types/forward';
import { formulaOfStep, formulaTex, liveTex, type ChannelNumbers, type FormulaId } from './formulas';
import './lesson.css';
import { useNamespaceT } from '../useNamespaceT';

const ROWS: { id: FormulaId; label: LessonKey }[] = [
  { id: 'squeeze', label: 'formula.squeeze' },
  { id: 'excite', label: 'formula.excite' },
  { id: 'scale', label: 'formula.scale' },
  { id: 'residual', label: 'formula.residual' },
];

function Tex({ tex, display }: { tex: string; display: boolean }) {
  const html = useMemo(() => katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' }), [tex, display]);
  return <span className="tex" dangerouslySetInnerHTML={{ __html: html }} />;
}

export interface FormulaPanelProps {
  step: number;
  lang: LessonLang;
  /** with taps and a channel, each formula also shows this image's numbers */
  taps?: BlockTaps | null;
  channel?: number | null;
  /** the taps are the worked example's (the live numbers say so) */
  example?: boolean;
}

/** The squeeze, excitation, scale (and residual) equations, the current step highlighted. */
export function FormulaPanel({ step, lang, taps = null, channel = null, example = false }: FormulaPanelProps) {
  const t = useNamespaceT('lesson', lang);
  const active = formulaOfStep(step);
  const numbers = useMemo<ChannelNumbers | null>(() => {
    if (!taps || channel === null || channel < 0 || channel >= taps.shape[2]) return null;
    const [H, W] = taps.shape;
    const u = meanAbs(taps.u, taps.shape, channel);
    return {
      c: channel,
      z: taps.z ? taps.z[channel]! : 0,
      e: taps.e ? taps.e[channel]! : null,
      s: taps.s ? taps.s[channel]! : null,
      meanAbsU: u,
      meanAbsScaled: meanAbs(taps.scaled, taps.shape, channel),
      meanOut: outputChannels(taps)[channel]!.outMean,
      count: H * W,
    };
  }, [taps, channel]);
  return (
    <section className="formula-panel" data-testid="formula-panel" data-step={step} data-active={active} aria-label={t('formula.title')} lang={lang}>
      <h3>{t('formula.title')}</h3>
      {numbers ? <p className="formula-live-head">{t(example ? 'worked.live' : 'formula.live', { c: numbers.c })}</p> : null}
      <ol className="formula-rows">
        {ROWS.map((r) => (
          // a long formula scrolls sideways: the row takes keyboard focus so that it can be scrolled
          <li key={r.id} className={r.id === active ? 'formula-row active' : 'formula-row'} data-testid="formula-row" data-formula={r.id} aria-current={r.id === active ? 'step' : undefined} tabIndex={0}>
            <span className="formula-label">{t(r.label)}</span>
            <Tex tex={formulaTex(r.id, step)} display />
            {numbers ? (
              <span className="formula-live" data-testid="formula-live">
                <Tex tex={liveTex(r.id, numbers)} display={false} />
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="formula-legend">{t('formula.legend')}</p>
      <p className="formula-legend" data-testid="formula-bias">
        {t('formula.bias')}
      </p>
    </section>
  );
}
