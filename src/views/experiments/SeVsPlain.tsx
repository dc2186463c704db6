import { useMemo } from 'react';
import type { ModelCard } from '../../types/card';
import { seVsPlain } from '../../compute/seVsPlain';
import { duration, segmentRows, trainingSummary, type SegmentRow } from '../../compute/trainingSummary';
import { PUBLISHED_CIFAR10, PUBLISHED_SOURCES, publishedGain, type PublishedRow } from '../../compute/publishedCifar';
import { fixed, grouped, millions, percent, signedPoints, type ExLang, type ExT } from '../../i18n/experiments';
import { SeedSpreadPanel } from './SeedSpreadPanel';
import './experiments.css';
import { useNamespaceT } from '../useNamespaceT';
import { DataTable } from '../DataTable';

export interface SeVsPlainProps {
  lang: ExLang;
  card: ModelCard;
}

const pctPlain = (v: number) => `${fixed(v * 100, 2)}%`;

const published = (r: PublishedRow, v: number, t: ExT) => t(r.metric === 'error' ? 'sv.pub.error' : 'sv.pub.acc', { v: String(v) });

/** Our SE-ResNet against the plain ResNet of the same recipe, beside published CIFAR-10 results. */
export function SeVsPlain({ lang, card }: SeVsPlainProps) {
  const t = useNamespaceT('experiments', lang);
  const d = useMemo(() => seVsPlain(card), [card]);
  const training = useMemo(() => trainingSummary(card), [card]);
  const plainSegments = useMemo(() => segmentRows(card.metrics.baseline?.segments), [card]);
  const epochs = (e: number | null, planned: number | null) =>
    e === null ? t('sv.noRun') : planned ? t('sv.epochs', { n: e, planned }) : String(e);
  const plainTop1 =
    d.baseline === 'missing' ? t('sv.noRun') : d.plain.top1 === null ? t('sv.notEvaluated') : percent(d.plain.top1);
  const statusKey =
    d.baseline === 'missing'
      ? 'sv.status.missing'
      : d.baseline === 'not-evaluated'
        ? 'sv.status.notEvaluated'
        : d.baseline === 'unfinished'
          ? 'sv.status.unfinished'
          : 'sv.status.finished';

  return (
    <section className="panel ex-panel ex-sevsplain" aria-labelledby="ex-sv-title" data-testid="se-vs-plain" data-baseline={d.baseline}>
      <h2 id="ex-sv-title">{t('sv.title')}</h2>
      <p className="hint">{t('sv.intro')}</p>
      <div className="ex-sv-grid">
        <div>
          <h3>{t('sv.ours')}</h3>
          <DataTable className="ex-table" columns={[t('sv.col.metric'), d.se.name, d.plain.name, t('sv.col.diff')]}>
            <tr data-testid="sv-top1">
              <th scope="row">{t('sv.row.top1', { n: grouped(d.testImages) })}</th>
              <td>{d.se.top1 === null ? '–' : percent(d.se.top1)}</td>
              <td>{plainTop1}</td>
              <td>{d.gainPoints === null ? '–' : t('ex.points', { v: `${d.gainPoints >= 0 ? '+' : ''}${fixed(d.gainPoints, 1)}` })}</td>
            </tr>
            <tr>
              <th scope="row">{t('sv.row.params')}</th>
              <td>{grouped(d.se.params)}</td>
              <td>
                {grouped(d.plain.params)}
                {d.baseline === 'missing' ? <span className="small"> ({t('sv.fromArch')})</span> : null}
              </td>
              <td>+{pctPlain(d.paramOverhead)}</td>
            </tr>
            <tr>
              <th scope="row">{t('sv.row.macs')}</th>
              <td>{millions(d.se.macs, 2)}</td>
              <td>{millions(d.plain.macs, 2)}</td>
              <td>+{pctPlain(d.macOverhead)}</td>
            </tr>
            <tr>
              <th scope="row">{t('sv.row.epochs')}</th>
              <td>{epochs(d.se.epochs, d.se.plannedEpochs)}</td>
              <td>{d.baseline === 'missing' ? t('sv.noRun') : epochs(d.plain.epochs, d.plain.plannedEpochs)}</td>
              <td />
            </tr>
          </DataTable>
          <ul className="ex-caveats small">
            {d.seInterim ? <li className="warn">{t('sv.interim', { epochs: d.se.epochs ?? 0, planned: d.se.plannedEpochs ?? 0 })}</li> : null}
            <li className={d.baseline === 'finished' ? undefined : 'warn'}>{t(statusKey, { name: d.plain.name, epochs: d.plain.epochs ?? 0 })}</li>
            {d.plain.top1 !== null && !d.comparable ? <li className="warn">{t('sv.epochsDiffer', { se: d.se.epochs ?? 0, plain: d.plain.epochs ?? 0 })}</li> : null}
            {d.comparable && d.gainPoints !== null ? (
              <li>{t(d.seed !== null ? 'sv.oneRun' : 'sv.oneRunNoSeed', { seed: d.seed ?? '', gain: signedPoints(d.gainPoints / 100) })}</li>
            ) : null}
            {d.recipeDiffers ? <li>{d.recipeDiffers.length ? t('sv.recipeDiffers', { keys: d.recipeDiffers.join(', ') }) : t('sv.recipeSame')}</li> : null}
            {d.seOnlyDecay ? (
              <li data-testid="sv-se-only">{t('sv.seOnly', { seWd: String(d.seOnlyDecay.seWeightDecay), wd: String(d.seOnlyDecay.weightDecay) })}</li>
            ) : null}
            <li>
              {t('sv.cost', {
                params: grouped(d.se.params - d.plain.params),
                paramsPct: pctPlain(d.paramOverhead),
                macs: grouped(d.se.macs - d.plain.macs),
                macsPct: pctPlain(d.macOverhead),
              })}
            </li>
          </ul>
          <SeedSpreadPanel card={card} seName={d.se.name} plainName={d.plain.name} t={t} />
          <details className="ex-training" data-testid="sv-training">
            <summary>{t('sv.train.title')}</summary>
            <dl className="ex-recipe">
              {training.recipe.map((r) => (
                <div key={r.key}>
                  <dt>{t(`sv.train.key.${r.key}`)}</dt>
                  <dd>{r.value === 'true' ? t('sv.train.yes') : r.value === 'false' ? t('sv.train.no') : r.value}</dd>
                </div>
              ))}
            </dl>
            <p className="small">{t('sv.train.schedule')}</p>
            <Segments title={d.se.name} rows={training.segments} t={t} />
            {d.baseline !== 'missing' ? <Segments title={d.plain.name} rows={plainSegments} t={t} /> : null}
            {training.segments.length ? <p className="small">{t('sv.train.wallNote')}</p> : null}
          </details>
        </div>
        <div>
          <h3>{t('sv.published')}</h3>
          <DataTable className="ex-table ex-pub" columns={[t('sv.pub.plain'), t('sv.pub.se'), t('sv.pub.gain'), t('sv.pub.source')]}>
            {PUBLISHED_CIFAR10.map((r) => {
              const g = publishedGain(r);
              const src = PUBLISHED_SOURCES[r.source];
              return (
                <tr key={r.id} data-testid="published-row" data-source={r.source}>
                  <td>
                    {r.plainModel}
                    <br />
                    {published(r, r.plain, t)}
                  </td>
                  <td>
                    {r.seModel}
                    <br />
                    {published(r, r.se, t)}
                  </td>
                  <td className={g < 0 ? 'worse' : undefined}>
                    {g >= 0 ? t('sv.pub.better', { g: fixed(g, 2) }) : t('sv.pub.worse', { g: fixed(-g, 2) })}
                  </td>
                  <td className="small">
                    <a href={src.url} target="_blank" rel="noreferrer noopener">
                      {src.label}
                    </a>
                    <br />
                    {t(`sv.note.${r.note}`)}
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <p className="small">{t('sv.smallNet')}</p>
        </div>
      </div>
    </section>
  );
}

/** Where one run's epochs ran and how long they took (from the training log, via the card). */
function Segments({ title, rows, t }: { title: string; rows: SegmentRow[]; t: ExT }) {
  if (!rows.length) return null;
  const units = { h: t('sv.train.unit.h'), min: t('sv.train.unit.min'), s: t('sv.train.unit.s') };
  return (
    <>
      <h4>{title}</h4>
      <ul className="ex-caveats small" data-testid="sv-segments">
        {rows.map((r) => (
          <li key={r.from}>
            {t('sv.train.segment', {
              from: r.from,
              to: r.to,
              place: r.place === 'cpu' || r.place === 'gpu' ? t(`sv.train.place.${r.place}`) : r.place,
              time: duration(r.seconds, units),
              per: duration(r.perEpoch, units),
            })}
            {r.cpuSeconds != null ? t('sv.train.cpu', { n: r.cpuEpochs, time: duration(r.cpuSeconds, units) }) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
