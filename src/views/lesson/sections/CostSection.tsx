import { useMemo } from 'react';
import { SE_RESNET50_TABLE1, seOverhead } from '../../../compute/lesson/layouts';
import { SECTION4_OVERHEAD, TABLE10_REDUCTION } from '../../../compute/lesson/paperTables';
import { layoutSECosts, ourSECosts, ourTotals, totals } from '../../../compute/lesson/seCost';
import { grouped, num, pct, type LessonT } from '../../../i18n/lesson';
import type { ModelCard } from '../../../types/card';
import type { SectionProps } from './types';
import { isolatedName } from '../../../compute/names';
import { DataTable } from '../../DataTable';

/** 7 · Cost and r: what SE adds, per block of our model and per stage of SE-ResNet-50, and Table 10. */
export function CostSection({ card, t }: SectionProps) {
  return (
    <div>
      <p>{t('cost.p1')}</p>
      <div className="lesson-columns">
        <div>
          <OurCost card={card} t={t} />
          <Flops card={card} t={t} />
        </div>
        <div>
          <ResNet50Cost t={t} />
          <Table10 card={card} t={t} />
        </div>
      </div>
    </div>
  );
}

function OurCost({ card, t }: { card: ModelCard; t: LessonT }) {
  const rows = useMemo(() => ourSECosts(card), [card]);
  const tot = useMemo(() => ourTotals(card), [card]);
  const lastStage = card.architecture.stages.at(-1);
  return (
    <>
      <DataTable
        className="lesson-table lesson-table-compact"
        testid="cost-ours"
        caption={t('cost.oursCaption', { model: isolatedName(card.name), r: card.architecture.seReduction ?? '—' })}
        columns={[t('cost.col.block'), 'C → C/r', t('cost.col.weights'), t('cost.col.biases')]}
      >
        {rows.map((r) => (
          <tr key={r.id} data-block={r.id} data-weights={r.weights} data-biases={r.biases}>
            <th scope="row">{r.id}</th>
            <td className="num">
              {r.channels} → {r.hidden}
            </td>
            <td className="num">{grouped(r.weights)}</td>
            <td className="num">{grouped(r.biases)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="lesson-live" data-testid="cost-ours-total" data-total={tot.weights + tot.biases}>
        {t('cost.oursTotal', {
          weights: grouped(tot.weights),
          biases: grouped(tot.biases),
          total: grouped(tot.weights + tot.biases),
          plain: grouped(card.complexity.paramsWithoutSE),
          with: grouped(card.complexity.paramsWithSE),
          last: pct(tot.lastShare, 0),
          stage: lastStage ? `stage${lastStage.index + 1}` : '—',
        })}
      </p>
    </>
  );
}

function Flops({ card, t }: { card: ModelCard; t: LessonT }) {
  const tot = useMemo(() => ourTotals(card), [card]);
  const o = seOverhead(card);
  const p = SECTION4_OVERHEAD;
  return (
    <>
      <h4>{t('cost.flopsTitle')}</h4>
      <p>{t('cost.flops')}</p>
      <p className="lesson-live" data-testid="cost-flops">
        {t('cost.flopsOurs', { fc: grouped(tot.fcMacs), scale: grouped(tot.scaleMacs), conv: grouped(tot.convMacs), pct: pct(o.macsOverhead, 2) })}
      </p>
      <p>
        {t('cost.flopsPaper', {
          plain: num(p.gflops.plain, 2),
          se: num(p.gflops.se, 2),
          gpuPlain: p.gpuTrainMs.plain,
          gpuSe: p.gpuTrainMs.se,
          cpuPlain: p.cpuMs.plain,
          cpuSe: p.cpuMs.se,
          flopsPct: pct(p.gflops.se / p.gflops.plain - 1, 2),
          gpuPct: pct(p.gpuTrainMs.se / p.gpuTrainMs.plain - 1, 0),
          cpuPct: pct(p.cpuMs.se / p.cpuMs.plain - 1, 1),
        })}
      </p>
    </>
  );
}

function ResNet50Cost({ t }: { t: LessonT }) {
  const stages = layoutSECosts(SE_RESNET50_TABLE1);
  const tot = totals(stages, stages.slice(-1));
  return (
    <>
      <DataTable
        className="lesson-table lesson-table-compact"
        testid="cost-r50"
        caption={t('cost.r50Caption')}
        columns={[t('arch.col.stage'), 'N', 'C → C/r', t('cost.col.weightsN')]}
      >
        {stages.map((s) => (
          <tr key={s.stage} data-weights={s.weights}>
            <th scope="row">{s.stage}</th>
            <td className="num">{s.blocks}</td>
            <td className="num">
              {s.channels} → {s.hidden}
            </td>
            <td className="num">{grouped(s.weights)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="lesson-live" data-testid="cost-r50-total" data-weights={tot.weights}>
        {t('cost.r50Total', {
          weights: grouped(tot.weights),
          biases: grouped(tot.biases),
          last: pct(tot.lastShare, 0),
          paperPlain: num(SECTION4_OVERHEAD.paramsM.plain, 1),
          paperSe: num(SECTION4_OVERHEAD.paramsM.se, 1),
        })}
      </p>
      <p>{t('cost.lastStage', { pct: SECTION4_OVERHEAD.withoutLastStagePct })}</p>
    </>
  );
}

function Table10({ card, t }: { card: ModelCard; t: LessonT }) {
  const upTo16 = TABLE10_REDUCTION.filter((r) => r.r !== null && r.r <= 16);
  const top1 = upTo16.map((r) => r.top1);
  const r2 = TABLE10_REDUCTION.find((r) => r.r === 2)!;
  const r16 = TABLE10_REDUCTION.find((r) => r.r === 16)!;
  const r32 = TABLE10_REDUCTION.find((r) => r.r === 32)!;
  return (
    <>
      <DataTable
        className="lesson-table lesson-table-compact"
        testid="cost-table10"
        caption={t('cost.t10Caption')}
        columns={['r', t('results.col.top1'), t('results.col.top5'), t('cost.col.params')]}
      >
        {TABLE10_REDUCTION.map((r) => (
          <tr key={r.r ?? 'plain'}>
            <th scope="row">{r.r ?? t('cost.t10Plain')}</th>
            <td className="num">{num(r.top1, 2)}</td>
            <td className="num">{num(r.top5, 2)}</td>
            <td className="num">{num(r.paramsM, 1)} M</td>
          </tr>
        ))}
      </DataTable>
      <p className="lesson-caveat">{t('cost.t10Recipe')}</p>
      <p data-testid="cost-table10-reading">
        {t('cost.t10Reading', {
          lo: num(Math.min(...top1), 2),
          hi: num(Math.max(...top1), 2),
          p2: num(r2.paramsM, 1),
          p16: num(r16.paramsM, 1),
          e32: num(r32.top1, 2),
          r: card.architecture.seReduction ?? '—',
        })}
      </p>
    </>
  );
}
