import { AUTHORS_IMAGENET, COMPARISONS, ILSVRC2017, SOURCES, gain, ourResults, plainOf, type SourceId } from '../../../compute/lesson/results';
import { pct, signed, type LessonKey } from '../../../i18n/lesson';
import type { SectionProps } from './types';

function Cite({ id }: { id: SourceId }) {
  const s = SOURCES[id];
  return (
    <span className="lesson-source" data-source={id}>
      <a href={s.url} target="_blank" rel="noreferrer">
        {s.label}
      </a>
    </span>
  );
}

/** 7 · Results: published numbers with their sources beside our own, measured, from the card. */
export function ResultsSection({ card, t }: SectionProps) {
  const ours = ourResults(card);
  const metric = (m: 'accuracy' | 'error') => t(`results.metric.${m}`);
  return (
    <div>
      <p>
        {t('results.ilsvrc', { err: ILSVRC2017.top5Error, rel: ILSVRC2017.relativeImprovement })} <Cite id={ILSVRC2017.source} />
      </p>
      <div className="lesson-columns">
        <div>
          <OurResults ours={ours} t={t} />
          <table className="lesson-table" data-testid="results-authors" style={{ marginTop: 12 }}>
            <caption>{t('results.authorsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.col.model')}</th>
                <th scope="col">{t('results.col.top1')}</th>
                <th scope="col">{t('results.col.top5')}</th>
              </tr>
            </thead>
            <tbody>
              {AUTHORS_IMAGENET.map((r) => (
                <tr key={r.model}>
                  <th scope="row">{r.model}</th>
                  <td className="num">{r.top1.toFixed(2)}</td>
                  <td className="num">{r.top5.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="lesson-muted" style={{ marginTop: 6 }}>
            {t('results.authors')} <Cite id="authorsRepo" />
          </p>
        </div>
        <div>
          <table className="lesson-table" data-testid="results-compare">
            <caption>{t('results.compare')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.col.model')}</th>
                <th scope="col">{t('results.col.plain')}</th>
                <th scope="col">{t('results.col.se')}</th>
                <th scope="col">{t('results.col.gain')}</th>
                <th scope="col">{t('results.col.source')}</th>
              </tr>
            </thead>
            <tbody>
              {COMPARISONS.map((c) => {
                const g = gain(c);
                const plain = plainOf(c);
                return (
                  <tr key={c.id} data-row={c.id}>
                    <th scope="row">
                      <span className="stack">
                        <span>{c.seModel}</span>
                        <span className="lesson-muted">
                          {c.dataset}, {metric(c.metric)}
                        </span>
                      </span>
                    </th>
                    <td className="num" data-computed={plain?.computed ? 'true' : undefined}>
                      {plain === null ? '—' : `${plain.value}%`}
                      {plain?.computed ? <div className="lesson-muted">{t('results.computedMark')}</div> : null}
                    </td>
                    <td className="num">{c.se}%</td>
                    <td className="num">{g === null ? '—' : t('results.points', { v: signed(g, 2) })}</td>
                    <td>
                      <Cite id={c.source} />
                      {c.remark ? <div className="lesson-muted">{t(`results.remark.${c.remark}` as LessonKey)}</div> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {COMPARISONS.some((c) => plainOf(c)?.computed) ? (
            <p className="lesson-muted" style={{ marginTop: 8 }} data-testid="results-computed-note">
              {t('results.computed')}
            </p>
          ) : null}
          <p className="lesson-muted" style={{ marginTop: 8 }}>
            {t('results.small')}
          </p>
        </div>
      </div>
    </div>
  );
}

function OurResults({ ours, t }: { ours: ReturnType<typeof ourResults>; t: SectionProps['t'] }) {
  return (
    <div className="lesson-live" data-testid="results-ours" data-se={ours.se} data-plain={ours.plain ?? ''} data-caveats={ours.caveats.join(' ')}>
      <h4 style={{ marginTop: 0 }}>{t('results.ours', { images: ours.testImages.toLocaleString('en-US') })}</h4>
      <table className="lesson-table">
        <tbody>
          <tr className="mine">
            <th scope="row">{t('results.ours.se', { model: ours.model })}</th>
            <td className="num" data-testid="results-ours-se">
              {pct(ours.se, 2)}
            </td>
          </tr>
          <tr>
            <th scope="row">{ours.plainModel ? t('results.ours.plain', { model: ours.plainModel }) : t('results.ours.noPlain')}</th>
            <td className="num" data-testid="results-ours-plain">
              {ours.plain === null ? t('results.ours.pending') : pct(ours.plain, 2)}
            </td>
          </tr>
        </tbody>
      </table>
      {ours.gainPoints !== null ? <p style={{ margin: '6px 0' }}>{t('results.ours.gain', { gain: signed(ours.gainPoints, 2) })}</p> : null}
      {ours.caveats.map((c) => (
        <p key={c} className="lesson-caveat" data-testid="results-caveat" data-caveat={c}>
          {t(`results.caveat.${c}` as LessonKey, {
            epochs: c === 'baseline-unfinished' ? (ours.baselineEpochs ?? 0) : ours.epochs,
            planned: ours.plannedEpochs,
          })}
        </p>
      ))}
    </div>
  );
}
