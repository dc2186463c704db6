import { useCallback, useMemo, useState } from 'react';
import { InfluenceMatrix } from '../charts/InfluenceMatrix';
import { Legend } from '../charts/Legend';
import { NudgeBars } from '../charts/NudgeBars';
import { fmt } from '../compute/chartdata';
import { excitationJacobian, gatesFromZ, influenceAt, influenceExtent, type Influence } from '../compute/excitationInfluence';
import type { SEWeights } from '../types/seWeights';
import { useT } from './useT';

export interface ExcitationInfluenceProps {
  weights: SEWeights;
  /** the block's taps for this image: z, h = ReLU(W₁z + b₁), and the trained gate s = σ(e) */
  z: ArrayLike<number>;
  h: ArrayLike<number>;
  s: ArrayLike<number>;
  /** the inspector's channel order */
  order: number[];
  /** the channel highlighted everywhere (hovered or pinned) */
  highlight: number | null;
  onHover: (c: number | null) => void;
  /** write the values in the cells (the worked example, C = 4) */
  showValues?: boolean;
  /** the worked example: a block on its own, no image and no network to re-run */
  example?: boolean;
  /** leave out the caption's explanation (the lesson's text around it gives it) */
  bare?: boolean;
  testid?: string;
}

/** the column j whose z moves the gates most in total: where "nudge z_j" starts */
function strongestColumn(m: Influence): number {
  let best = 0;
  let bestSum = -1;
  for (let j = 0; j < m.channels; j++) {
    let sum = 0;
    for (let c = 0; c < m.channels; c++) sum += Math.abs(influenceAt(m, c, j));
    if (sum > bestSum) [best, bestSum] = [j, sum];
  }
  return best;
}

/**
 * Where s_c comes from: the C×C influence ∂s_c/∂z_j of the selected block for this image, and
 * "nudge z_j", which runs the block's own FCs on a changed z (no network pass).
 */
export function ExcitationInfluence({ weights, z, h, s, order, highlight, onHover, showValues = false, example = false, bare = false, testid = 'excitation-influence' }: ExcitationInfluenceProps) {
  const t = useT();
  const influence = useMemo(() => excitationJacobian(weights, h, s), [weights, h, s]);
  const extent = useMemo(() => influenceExtent(influence), [influence]);
  const domain = useMemo(() => ({ lo: -extent || -1, hi: extent || 1 }), [extent]);
  const unitsOn = useMemo(() => Array.from(h).filter((v) => v > 0).length, [h]);
  const [cell, setCell] = useState<{ c: number; j: number } | null>(null);
  const onCell = useCallback(
    (next: { c: number; j: number } | null) => {
      setCell(next);
      onHover(next ? next.c : null);
    },
    [onHover],
  );
  const cellLabel = useCallback((c: number, j: number, v: number) => t('influence.cell', { c, j, v: fmt(v) }), [t]);
  const [nudgeJ, setNudgeJ] = useState<number | null>(null);
  const j = nudgeJ !== null && nudgeJ < weights.channels ? nudgeJ : strongestColumn(influence);
  return (
    <figure className="step influence-figure" data-testid={testid} data-channels={weights.channels} data-units-on={unitsOn}>
      <figcaption>
        <strong>{t('influence.title')}</strong>
        {bare ? null : <span className="small">{t('influence.help')}</span>}
      </figcaption>
      <div className="influence">
        <div>
          <Legend palette="diverging" domain={domain} note={t('influence.legend')} />
          <p className="influence-axes">{t('influence.axes')}</p>
          <InfluenceMatrix
            testid="influence-matrix"
            influence={influence}
            order={order}
            domain={domain}
            highlight={highlight}
            showValues={showValues}
            cellLabel={cellLabel}
            label={t('influence.title')}
            onCell={onCell}
            onPick={(picked) => setNudgeJ(picked.j)}
            cursor={cell}
          />
          <p className="influence-readout" data-testid="influence-readout" aria-live="polite">
            {cell
              ? t('influence.cell', { c: cell.c, j: cell.j, v: fmt(influenceAt(influence, cell.c, cell.j)) })
              : extent === 0
                ? t('influence.allZero', { n: h.length })
                : t(example ? 'influence.unitsExample' : 'influence.units', { on: unitsOn, n: h.length })}
          </p>
        </div>
        <Nudge key={`${j}`} weights={weights} z={z} s={s} j={j} order={order} highlight={highlight} onHover={onHover} onPickJ={setNudgeJ} example={example} />
      </div>
    </figure>
  );
}

interface NudgeProps {
  weights: SEWeights;
  z: ArrayLike<number>;
  s: ArrayLike<number>;
  j: number;
  order: number[];
  highlight: number | null;
  onHover: (c: number | null) => void;
  onPickJ: (j: number) => void;
  example: boolean;
}

/** how far the slider reaches on either side of z_j: the largest |z| of the block (so the range means something for this image) */
function nudgeSpan(z: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < z.length; i++) m = Math.max(m, Math.abs(z[i]!));
  return m || 1;
}

function sameZ(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 1e-4 * (1 + Math.abs(a[i]!))) return false;
  return true;
}

/** "nudge z_j": one squeezed value changed, every gate recomputed with the block's own FCs */
function Nudge({ weights, z, s, j, order, highlight, onHover, onPickJ, example }: NudgeProps) {
  const t = useT();
  const span = useMemo(() => nudgeSpan(z), [z]);
  // a new image (another z) starts the nudge again at 0; the same image run again on another
  // backend (z equal but for rounding) keeps it
  const [nudge, setNudge] = useState<{ z: ArrayLike<number>; delta: number }>({ z, delta: 0 });
  const delta = sameZ(nudge.z, z) ? nudge.delta : 0;
  const setDelta = (d: number) => setNudge({ z, delta: d });
  const nudged = useMemo(() => {
    const moved = Float64Array.from(z);
    moved[j] = z[j]! + delta;
    return gatesFromZ(weights, moved).s;
  }, [weights, z, j, delta]);
  const change = useMemo(() => {
    let max = 0;
    let at = 0;
    let moved = 0;
    for (let c = 0; c < nudged.length; c++) {
      const d = Math.abs(nudged[c]! - s[c]!);
      if (d > 1e-3) moved++;
      if (d > max) [max, at] = [d, c];
    }
    return { max, at, moved };
  }, [nudged, s]);
  const C = weights.channels;
  return (
    <div className="nudge" data-testid="nudge" data-channel={j} data-delta={delta}>
      <label>
        {t('nudge.pick')}{' '}
        <select value={j} onChange={(e) => onPickJ(Number(e.currentTarget.value))} data-testid="nudge-channel">
          {order.map((c) => (
            <option key={c} value={c}>
              {t('tooltip.channel', { c })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('nudge.slider', { j, z: fmt(z[j]! + delta) })}
        <input
          type="range"
          min={-span}
          max={span}
          step={span / 100}
          value={delta}
          onChange={(e) => setDelta(Number(e.currentTarget.value))}
          data-testid="nudge-slider"
          aria-valuetext={fmt(z[j]! + delta)}
        />
      </label>
      <NudgeBars before={s} after={nudged} order={order} highlight={highlight} onHover={onHover} label={t('nudge.chart')} />
      <p className="influence-readout" data-testid="nudge-readout" aria-live="polite">
        {delta === 0 ? t('nudge.idle') : t('nudge.moved', { k: change.moved, n: C, max: fmt(change.max), c: change.at })}
      </p>
      <p className="hint small">{t(example ? 'nudge.example' : 'nudge.prediction')}</p>
    </div>
  );
}
