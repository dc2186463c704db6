import { AUTHORS_IMAGENET, COMPARISONS, ILSVRC2017, SOURCES, gain, ourResults, type SourceId } from '../../../compute/lesson/results';
import { TABLE2_IMAGENET, TABLE4_CIFAR10, TABLE5_CIFAR100, table2Gain } from '../../../compute/lesson/paperTables';
import { seedSpread } from '../../../compute/seedSpread';
import { fixed } from '../../../i18n/format';
import { pct, signed, type LessonKey } from '../../../i18n/lesson';
import type { ModelCard } from '../../../types/card';
import { DataTable } from '../../DataTable';
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

const f2 = (v: number) => fixed(v, 2);

/** one decimal, or two where the paper prints two (23.0, 7.82) */
const paperFigure = (v: number) => fixed(v, Math.round(v * 100) % 10 === 0 ? 1 : 2);

/**
 * 8 · Results: the paper's own tables (Table 2, ImageNet; Table 4, CIFAR-10), our SE and plain
 * networks run by run with their seeds, small-network results from others, and the authors'
 * retrained models. Every number comes from paperTables, results or the card.
 */
export function ResultsSection({ card, t }: SectionProps) {
  const ours = ourResults(card);
  const metric = (m: 'accuracy' | 'error') => t(`results.metric.${m}`);
  return (
    <div>
      <p>
        {t('results.ilsvrc', { err: ILSVRC2017.top5Error, rel: ILSVRC2017.relativeImprovement })} <Cite id={ILSVRC2017.source} />
      </p>
      <PaperTable2 t={t} />
      <div className="lesson-columns" style={{ marginTop: 14 }}>
        <div>
          <OurResults ours={ours} card={card} t={t} />
        </div>
        <div>
          <PaperCifarTable t={t} testid="results-table4" rows={TABLE4_CIFAR10} caption={t('results.t4Caption')} note={t('results.t4Note')} />
          <div style={{ marginTop: 12 }}>
            <PaperCifarTable t={t} testid="results-table5" rows={TABLE5_CIFAR100} caption={t('results.t5Caption')} note={t('results.t5Note')} />
          </div>
          <DataTable
            className="lesson-table lesson-table-compact"
            testid="results-compare"
            caption={t('results.smallCaption')}
            columns={[t('results.col.model'), t('results.col.plain'), t('results.col.se'), t('results.col.gain'), t('results.col.source')]}
            scrollLabel={t('results.smallCaption')}
            scrollStyle={{ marginTop: 12 }}
          >
            {COMPARISONS.map((c) => {
              const g = gain(c);
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
                  <td className="num">{c.plain}%</td>
                  <td className="num">{c.se}%</td>
                  <td className="num">{t('results.points', { v: signed(g, 2) })}</td>
                  <td>
                    <Cite id={c.source} />
                    {c.remark ? <div className="lesson-muted">{t(`results.remark.${c.remark}` as LessonKey)}</div> : null}
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <p className="lesson-muted" style={{ marginTop: 8 }}>
            {t('results.small')}
          </p>
        </div>
      </div>
      <DataTable
        className="lesson-table lesson-table-compact"
        testid="results-authors"
        caption={t('results.authorsTitle')}
        columns={[t('results.col.model'), t('results.col.top1'), t('results.col.top5')]}
        scrollLabel={t('results.authorsTitle')}
        scrollStyle={{ marginTop: 12 }}
      >
        {AUTHORS_IMAGENET.map((r) => (
          <tr key={r.model}>
            <th scope="row">{r.model}</th>
            <td className="num">{f2(r.top1)}</td>
            <td className="num">{f2(r.top5)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="lesson-muted" style={{ marginTop: 6 }}>
        {t('results.authors')} <Cite id="authorsRepo" />
      </p>
    </div>
  );
}

/** Table 2 of the paper: original, re-implementation, SENet and the gain over the re-implementation. */
function PaperTable2({ t }: { t: SectionProps['t'] }) {
  return (
    <>
      <DataTable
        className="lesson-table lesson-table-compact lesson-table-t2"
        testid="results-table2"
        caption={t('results.t2Caption')}
        scrollLabel={t('results.t2Caption')}
        headRows={
          <>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('results.col.network')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('results.col.original')}
                <br />
                <span className="lesson-muted">{t('results.col.top1top5')}</span>
              </th>
              <th scope="colgroup" colSpan={3}>
                {t('results.col.top1')}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t('results.col.top5')}
              </th>
            </tr>
            <tr>
              {[0, 1].map((k) => (
                <SubHeads key={k} t={t} />
              ))}
            </tr>
          </>
        }
      >
        {TABLE2_IMAGENET.map((r) => {
          const g = table2Gain(r);
          return (
            <tr key={r.network} data-row={r.network} data-gain-top1={g.top1} data-gain-top5={g.top5}>
              <th scope="row">{r.network}</th>
              <td className="num lesson-muted">
                {/* as printed in the paper (one or two decimals) */}
                {r.original ? `${paperFigure(r.original.top1)} / ${r.original.top5 === null ? '–' : paperFigure(r.original.top5)}` : '–'}
                {r.originalDagger ? '†' : ''}
              </td>
              <td className="num">{f2(r.reimplementation.top1)}</td>
              <td className="num">{f2(r.senet.top1)}</td>
              <td className="num lesson-gain">{signed(g.top1, 2)}</td>
              <td className="num">{f2(r.reimplementation.top5)}</td>
              <td className="num">{f2(r.senet.top5)}</td>
              <td className="num lesson-gain">{signed(g.top5, 2)}</td>
            </tr>
          );
        })}
      </DataTable>
      <p className="lesson-muted" style={{ marginTop: 6 }}>
        {t('results.t2Note')} <Cite id="paperTables" />
      </p>
    </>
  );
}

/** re-impl. | SENet | gain, under top-1 and again under top-5 */
function SubHeads({ t }: { t: SectionProps['t'] }) {
  return (
    <>
      <th scope="col">{t('results.col.reimpl')}</th>
      <th scope="col">{t('results.col.senet')}</th>
      <th scope="col">{t('results.col.gain')}</th>
    </>
  );
}

/** Table 4 (CIFAR-10) or Table 5 (CIFAR-100) of the paper: error, original vs SENet, and the difference. */
function PaperCifarTable({ t, testid, rows, caption, note }: { t: SectionProps['t']; testid: string; rows: typeof TABLE4_CIFAR10; caption: string; note: string }) {
  return (
    <>
      <DataTable
        className="lesson-table lesson-table-compact"
        testid={testid}
        caption={caption}
        columns={[t('results.col.network'), t('results.col.original'), t('results.col.senet'), t('results.col.gain')]}
        scrollLabel={caption}
      >
        {rows.map((r) => (
          <tr key={r.network} data-row={r.network}>
            <th scope="row">{r.network}</th>
            <td className="num">{f2(r.original)}</td>
            <td className="num">{f2(r.senet)}</td>
            <td className="num lesson-gain">{signed(Math.round((r.original - r.senet) * 100) / 100, 2)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="lesson-muted" style={{ marginTop: 6 }}>
        {note} <Cite id="paperTables" />
      </p>
    </>
  );
}

/** Our SE and plain networks, run by run with their seeds, and the paired difference. */
function OurResults({ ours, card, t }: { ours: ReturnType<typeof ourResults>; card: ModelCard; t: SectionProps['t'] }) {
  const d = seedSpread(card);
  const name = (network: 'se' | 'plain') => (network === 'se' ? t('results.ours.se', { model: ours.model }) : ours.plainModel ? t('results.ours.plain', { model: ours.plainModel }) : t('results.ours.noPlain'));
  const runs = [...d.runs].sort((a, b) => (a.network === b.network ? a.seed - b.seed : a.network === 'se' ? -1 : 1));
  const diff = d.difference;
  const fewer = d.plannedSeeds !== null && Math.min(d.se.n, d.plain.n) < d.plannedSeeds;
  return (
    <div className="lesson-live" data-testid="results-ours" data-se={ours.se} data-plain={ours.plain ?? ''} data-caveats={ours.caveats.join(' ')}>
      <h4 style={{ marginTop: 0 }}>{t('results.ours', { images: ours.testImages.toLocaleString('en-US') })}</h4>
      <DataTable className="lesson-table" columns={[t('results.ours.col.network'), t('results.ours.col.seed'), t('results.ours.col.top1')]}>
        {runs.map((r) => (
          <tr key={r.run} className={r.network === 'se' ? 'mine' : undefined} data-testid="results-ours-run" data-network={r.network} data-seed={r.seed}>
            <th scope="row">{name(r.network)}</th>
            <td className="num">{r.seed}</td>
            <td className="num">
              {r.testTop1 === null ? t('results.ours.pending') : pct(r.testTop1, 2)}
              {r.finished ? null : <div className="lesson-muted">{t('results.ours.running', { epochs: r.epochs, planned: r.plannedEpochs })}</div>}
            </td>
          </tr>
        ))}
        {ours.plainModel === null ? (
          <tr>
            <th scope="row">{t('results.ours.noPlain')}</th>
            <td />
            <td className="num">{t('results.ours.pending')}</td>
          </tr>
        ) : null}
      </DataTable>
      {diff.mean !== null ? (
        <p style={{ margin: '6px 0' }} data-testid="results-ours-gain">
          {diff.sd === null
            ? t('results.ours.gain', { gain: signed(diff.mean * 100, 2), seeds: diff.seeds.join(', ') })
            : t('results.ours.gainMean', { gain: signed(diff.mean * 100, 2), sd: f2(diff.sd * 100), n: diff.n })}
        </p>
      ) : null}
      {fewer ? (
        <p className="lesson-muted" style={{ margin: '6px 0' }} data-testid="results-ours-seeds">
          {t('results.ours.seeds', { se: d.se.n, plain: d.plain.n, planned: d.plannedSeeds ?? 0 })}
        </p>
      ) : null}
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
