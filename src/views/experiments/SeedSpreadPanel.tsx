import { useMemo } from 'react';
import type { ModelCard } from '../../types/card';
import { seedSpread, type Spread } from '../../compute/seedSpread';
import { fixed, percent, signedPoints, type ExT } from '../../i18n/experiments';
import { DataTable } from '../DataTable';

export interface SeedSpreadPanelProps {
  card: ModelCard;
  seName: string;
  plainName: string;
  t: ExT;
}

const pct2 = (v: number) => percent(v, 2);

function summary(name: string, s: Spread, t: ExT): string {
  if (s.mean === null) return t('sv.seeds.none', { name });
  if (s.sd === null) return t('sv.seeds.meanOnly', { name, mean: pct2(s.mean), n: s.n });
  return t('sv.seeds.meanSd', { name, mean: pct2(s.mean), sd: fixed(s.sd * 100, 2), n: s.n });
}

/** Every training run of the recipe and the seed-to-seed spread of SE, plain and their difference. */
export function SeedSpreadPanel({ card, seName, plainName, t }: SeedSpreadPanelProps) {
  const d = useMemo(() => seedSpread(card), [card]);
  const diff = d.difference;
  return (
    <div className="ex-seeds" data-testid="seed-spread" data-se-runs={d.se.n} data-plain-runs={d.plain.n}>
      <h4>{t('sv.seeds.title')}</h4>
      <p className="small">{t('sv.seeds.intro')}</p>
      <DataTable className="ex-table" columns={[t('sv.seeds.col.network'), t('sv.seeds.col.seed'), t('sv.seeds.col.epochs'), t('sv.seeds.col.top1')]}>
        {d.runs.map((r) => (
          <tr key={r.run} data-testid="seed-run" data-network={r.network} data-seed={r.seed}>
            <td>{r.network === 'se' ? seName : plainName}</td>
            <td>{r.seed}</td>
            <td>{r.finished ? r.epochs : t('sv.epochs', { n: r.epochs, planned: r.plannedEpochs })}</td>
            <td>
              {r.testTop1 === null ? '–' : pct2(r.testTop1)}
              {r.finished ? null : <span className="small"> ({t('sv.seeds.running')})</span>}
            </td>
          </tr>
        ))}
      </DataTable>
      <ul className="ex-caveats small">
        <li data-testid="seed-summary-se">{summary(seName, d.se, t)}</li>
        <li data-testid="seed-summary-plain">{summary(plainName, d.plain, t)}</li>
        {diff.mean !== null ? (
          <li data-testid="seed-summary-diff">
            {diff.sd === null
              ? t('sv.seeds.diffOne', { mean: signedPoints(diff.mean, 2), seeds: diff.seeds.join(', ') })
              : t('sv.seeds.diff', { mean: signedPoints(diff.mean, 2), sd: fixed(diff.sd * 100, 2), n: diff.n })}
          </li>
        ) : null}
        <li className={d.plannedSeeds !== null && Math.min(d.se.n, d.plain.n) < d.plannedSeeds ? 'warn' : undefined} data-testid="seed-count">
          {d.plannedSeeds !== null
            ? t('sv.seeds.count', { se: d.se.n, plain: d.plain.n, planned: d.plannedSeeds })
            : t('sv.seeds.countUnplanned', { se: d.se.n, plain: d.plain.n })}
        </li>
        {d.reconstructed ? <li>{t('sv.seeds.reconstructed')}</li> : null}
      </ul>
    </div>
  );
}
