import { useId, useMemo, type ReactNode } from 'react';
import { STEP_IDS } from '../../compute/lesson/steps';
import { EXAMPLE, handFigure, shapeText, workedNumbers, type WorkedNumbers } from '../../compute/lesson/workedExample';
import type { LessonKey, LessonLang } from '../../i18n/lesson';
import { useNamespaceT } from '../useNamespaceT';
import { column, MiniMatrix, square } from './MiniMatrix';
import { exampleParams, workedInfluence } from '../../compute/lesson/workedInfluence';
import './workedExample.css';

export interface WorkedExampleProps {
  /** the animation's step: its row is marked */
  step: number;
  lang: LessonLang;
  /** the numbers to show; default: the recorded pass of the example block */
  numbers?: WorkedNumbers;
}

const ROW_KEYS: LessonKey[] = ['worked.row.u', 'worked.row.z', 'worked.row.fc1', 'worked.row.fc2', 'worked.row.scale', 'worked.row.residual'];

const Op = ({ children }: { children: ReactNode }) => (
  <span className="worked-op" aria-hidden="true">
    {children}
  </span>
);

/** The worked example (C = 4, r = 2, 2×2 maps): every intermediate as a small matrix or vector with its shape. */
export function WorkedExample({ step, lang, numbers }: WorkedExampleProps) {
  const t = useNamespaceT('lesson', lang);
  const n = useMemo(() => numbers ?? workedNumbers(), [numbers]);
  const influence = useMemo(() => workedInfluence(), []);
  const { size, channels: C } = EXAMPLE;
  const hidden = n.h.length;
  const mapShape = shapeText([size, size, C]);
  const titleId = useId();
  const maps = (name: string, values: number[][], testId: string) => (
    <div className="worked-maps" data-testid={testId}>
      {values.map((m, c) => (
        <MiniMatrix key={c} name={`${name}[${c}]`} rows={square(m)} caption={t('worked.channel', { c })} />
      ))}
    </div>
  );
  const clipped = n.pre1.filter((v) => v < 0);
  const cells: ReactNode[] = [
    <>
      {maps('U', n.u, 'worked-u')}
      <span className="worked-shape">U ∈ {mapShape}</span>
    </>,
    <MiniMatrix name="z" rows={[n.z]} shape={[C]} testId="worked-z" />,
    <>
      <MiniMatrix name="W₁" rows={n.w1} shape={[hidden, C]} />
      <MiniMatrix name="z" rows={column(n.z)} shape={[C]} />
      <Op>=</Op>
      <MiniMatrix name="W₁z" rows={column(n.pre1)} shape={[hidden]} testId="worked-pre1" />
      <Op>→ ReLU →</Op>
      <MiniMatrix name="h" rows={column(n.h)} shape={[hidden]} testId="worked-h" />
      {clipped.length ? <p className="worked-note">{clipped.map((v) => t('worked.relu', { v: handFigure(v) })).join(' ')}</p> : null}
    </>,
    <>
      <MiniMatrix name="W₂" rows={n.w2} shape={[C, hidden]} />
      <MiniMatrix name="h" rows={column(n.h)} shape={[hidden]} />
      <Op>=</Op>
      <MiniMatrix name="e" rows={column(n.e)} shape={[C]} testId="worked-e" />
      <Op>→ σ →</Op>
      <MiniMatrix name="s" rows={column(n.s)} shape={[C]} testId="worked-s" />
    </>,
    <>
      {maps('U·s', n.scaled, 'worked-scaled')}
      <span className="worked-shape">U·s ∈ {mapShape}</span>
    </>,
    <>
      {maps('out', n.out, 'worked-out')}
      <span className="worked-shape">ReLU(U·s + x) ∈ {mapShape}</span>
    </>,
  ];
  const current = Math.min(STEP_IDS.length - 1, Math.max(0, Math.round(step)));
  return (
    <section className="worked-example" data-testid="worked-example" data-step={current} aria-labelledby={titleId} lang={lang}>
      <h3 id={titleId}>{t('worked.title')}</h3>
      <p className="worked-intro">{t('worked.intro')}</p>
      <ol className="worked-rows">
        {cells.map((cell, k) => (
          <li key={STEP_IDS[k]} className={k === current ? 'worked-row current' : 'worked-row'} aria-current={k === current ? 'step' : undefined} data-testid="worked-row" data-step={k}>
            <span className="worked-label">
              {k === current ? <span aria-hidden="true">▶ </span> : null}
              {k + 1}. {t(ROW_KEYS[k]!)}
            </span>
            <div className="worked-cell">{cell}</div>
          </li>
        ))}
      </ol>
      <div className="worked-influence" data-testid="worked-influence">
        <h4>{t('worked.influence')}</h4>
        <MiniMatrix name="∂s/∂z" rows={influence.rows} shape={[C, C]} testId="worked-influence-matrix" />
        <p className="worked-note">{t('excite.mixExample', exampleParams())}</p>
      </div>
      <p className="worked-note">{t('worked.rounded')}</p>
    </section>
  );
}
