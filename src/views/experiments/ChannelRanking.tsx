import { useMemo } from 'react';
import type { ModelCard } from '../../types/card';
import type { RankingState } from '../../store/experimentsTransitions';
import { rankingSummary } from '../../compute/channelRanking';
import { signedPoints, type ExLang } from '../../i18n/experiments';
import { blockLabel, className, TWO } from './common';
import './experiments.css';
import { useNamespaceT } from '../useNamespaceT';

export interface ChannelRankingProps {
  lang: ExLang;
  card: ModelCard;
  block: number;
  ranking: RankingState;
  /** the result belongs to another image, block or override set */
  stale: boolean;
  /** the current top class (for the intro before a ranking ran), or null */
  topClass: number | null;
  /** an image is loaded and the block has SE */
  canRun: boolean;
  selectedChannel: number | null;
  onRun: () => void;
  onCancel: () => void;
  onSelect: (channel: number) => void;
}

/** Runs the zero-one-channel-at-a-time ranking and lists the channels by effect on the top class. */
export function ChannelRanking(p: ChannelRankingProps) {
  const t = useNamespaceT('experiments', p.lang);
  const r = p.ranking;
  const id = blockLabel(p.card, p.block);
  const spec = p.card.architecture.blocks[p.block];
  const running = r.status === 'running';
  const top = r.topClass ?? p.topClass;
  const cls = top === null ? '?' : className(p.card, top, p.lang);
  const maxAbs = useMemo(() => Math.max(1e-9, ...r.rows.map((x) => Math.abs(x.delta))), [r.rows]);
  const summary = useMemo(() => rankingSummary(r.rows), [r.rows]);
  const shown = r.status !== 'idle';

  return (
    <section className="panel ex-panel ex-ranking" aria-labelledby="ex-rk-title">
      <h2 id="ex-rk-title">{t('rk.title')}</h2>
      {!spec?.se ? (
        <p className="hint">{t('ex.noSE', { id })}</p>
      ) : (
        <>
          <p className="hint">{t('rk.intro', { id, cls })}</p>
          <div className="row wrap ex-rk-controls">
            {running ? (
              <button type="button" onClick={p.onCancel} data-testid="ranking-cancel">
                {t('rk.cancel')}
              </button>
            ) : (
              <button type="button" className="primary" disabled={!p.canRun} onClick={p.onRun} data-testid="ranking-run">
                {shown ? t('rk.rerun') : t('rk.run', { C: spec.channels })}
              </button>
            )}
            {shown ? (
              <label className="ex-progress">
                <progress max={r.total || 1} value={r.done} data-testid="ranking-progress" data-done={r.done} data-total={r.total} />
                <span className="small">{t('rk.progress', { done: r.done, total: r.total })}</span>
              </label>
            ) : null}
          </div>
          <div aria-live="polite" className="ex-rk-notes">
            {r.status === 'cancelled' ? <p className="hint small">{t('rk.cancelled', { done: r.done, total: r.total })}</p> : null}
            {r.status === 'error' ? (
              <p className="error" role="alert">
                {t('rk.error', { reason: r.error ?? '' })}
              </p>
            ) : null}
            {shown && p.stale && !running ? <p className="notice warn small">{t('rk.stale')}</p> : null}
            {r.status === 'done' && summary.largest ? (
              <p className="small">
                {t('rk.summary', {
                  lowering: summary.lowering,
                  raising: summary.raising,
                  flips: summary.flips,
                  cls,
                  c: summary.largest.channel,
                  delta: signedPoints(summary.largest.delta),
                })}
              </p>
            ) : null}
          </div>
          {!shown ? <p className="hint small">{t('rk.none')}</p> : null}
          {r.rows.length ? (
            <ol className={`ex-rk-list${p.stale ? ' stale' : ''}`} aria-label={t('rk.list', { id, cls })}>
              {r.rows.map((row, i) => {
                const w = (Math.abs(row.delta) / maxAbs) * 50;
                const d = signedPoints(row.delta);
                return (
                  <li key={row.channel}>
                    <button
                      type="button"
                      data-testid="ranking-row"
                      data-channel={row.channel}
                      data-delta={row.delta}
                      aria-pressed={p.selectedChannel === row.channel}
                      className={p.selectedChannel === row.channel ? 'selected' : undefined}
                      aria-label={`${t('rk.row.aria', { c: row.channel, cls, delta: d })}${row.flips ? `, ${t('rk.flips', { cls: className(p.card, row.newTop, p.lang) })}` : ''}`}
                      onClick={() => p.onSelect(row.channel)}
                    >
                      <span className="ex-rank">{i + 1}</span>
                      <span className="ex-ch">{t('ex.channel', { c: row.channel })}</span>
                      <span className="ex-div" aria-hidden>
                        <span className="ex-div-mid" />
                        <span
                          className="ex-div-bar"
                          style={{
                            left: row.delta < 0 ? `${50 - w}%` : '50%',
                            width: `${Math.max(w, 0.4)}%`,
                            background: row.delta < 0 ? TWO.down : TWO.up,
                          }}
                        />
                      </span>
                      <span className="ex-num" aria-hidden>
                        {d}
                      </span>
                      <span className="ex-note small" aria-hidden>
                        {row.flips ? `→ ${className(p.card, row.newTop, p.lang)}` : row.alreadyZero ? t('rk.alreadyZero') : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          ) : null}
        </>
      )}
    </section>
  );
}
