import { useMemo } from 'react';
import { SE_RESNET50_TABLE1, cardLayout, seOverhead, type LayerRow } from '../../../compute/lesson/layouts';
import { grouped, pct, type LessonKey, type LessonT } from '../../../i18n/lesson';
import type { SectionProps } from './types';
import { isolatedName } from '../../../compute/names';
import { DataTable } from '../../DataTable';

function LayoutTable({ rows, caption, t, testid }: { rows: LayerRow[]; caption: string; t: LessonT; testid: string }) {
  return (
    <DataTable
      className="lesson-table"
      testid={testid}
      caption={caption}
      columns={[t('arch.col.stage'), t('arch.col.output'), t('arch.col.block'), t('arch.col.se'), t('arch.col.repeat')]}
    >
      {rows.map((r, i) => (
        <tr key={i} data-stage={r.name}>
          <th scope="row">{r.name}</th>
          <td>{r.output}</td>
          {r.note ? (
            <td colSpan={3}>{t(`arch.note.${r.note.key}` as LessonKey, r.note.params)}</td>
          ) : (
            <>
              <td>
                <span className="stack">
                  {r.convs.map((c, j) => (
                    <span key={j}>{c}</span>
                  ))}
                </span>
              </td>
              <td>{r.se ? `[${r.se[0]}, ${r.se[1]}]` : '—'}</td>
              <td className="num">×{r.repeat}</td>
            </>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

/** 6 · Example architecture: the paper's SE-ResNet-50 (Table 1) beside our model from its card. */
export function ArchitectureSection({ card, t }: SectionProps) {
  const ours = useMemo(() => cardLayout(card), [card]);
  const o = seOverhead(card);
  const a = card.architecture;
  return (
    <div>
      <p>{t('arch.p1')}</p>
      <p>{t('arch.p2', { r: a.seReduction ?? '—' })}</p>
      <div className="lesson-columns">
        <div>
          <LayoutTable rows={SE_RESNET50_TABLE1} caption={t('arch.paper')} t={t} testid="arch-paper" />
          <p className="lesson-source">{t('arch.source')}</p>
        </div>
        <div>
          <LayoutTable rows={ours} caption={t('arch.ours', { model: isolatedName(card.name), size: a.inputSize })} t={t} testid="arch-ours" />
          <p className="lesson-live" data-testid="arch-overhead">
            {t('arch.overhead', {
              extra: grouped(o.params - o.paramsWithoutSE),
              plain: grouped(o.paramsWithoutSE),
              pct: pct(o.paramsOverhead, 1),
              macs: pct(o.macsOverhead, 2),
            })}
          </p>
        </div>
      </div>
    </div>
  );
}
