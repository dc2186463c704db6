import { useCallback, useMemo } from 'react';
import { Bars } from '../charts/Bars';
import { HeatmapGrid } from '../charts/HeatmapGrid';
import { Legend } from '../charts/Legend';
import { paletteFor } from '../charts/scales';
import { Strip } from '../charts/Strip';
import { channelOrder, type ChannelOrder } from '../compute/chartdata';
import { mapDomains, vectorDomain, type DomainMode } from '../compute/domain';
import { appStore, drawnCard, highlighted, isRunning, loadProgressPlace, shownResult, useAppShallow } from '../store';
import { LoadProgress } from './LoadProgress';
import { ChannelFacts } from './ChannelFacts';
import { GateFixedNotice } from './GateFixedNotice';
import { ExcitationInfluence } from './ExcitationInfluence';
import { useT, type TFn } from './useT';

function Segmented<V extends string>({ label, value, options, onChange, testid }: { label: string; value: V; options: { value: V; label: string }[]; onChange: (v: V) => void; testid: string }) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label} data-testid={testid} data-value={value}>
      <span className="seg-label">{label}</span>
      {options.map((o) => (
        <button key={o.value} type="button" role="radio" aria-checked={o.value === value} className={o.value === value ? 'on' : undefined} onClick={() => onChange(o.value)} data-value={o.value}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

function Controls({ t, mode, order, hasSe }: { t: TFn; mode: DomainMode; order: ChannelOrder; hasSe: boolean }) {
  const st = appStore.getState();
  return (
    <div className="controls">
      <Segmented
        label={t('inspector.domain')}
        testid="domain-mode"
        value={mode}
        onChange={st.setDomainMode}
        options={(['channel', 'block', 'network'] as const).map((m) => ({ value: m, label: t(`inspector.domain.${m}`) }))}
      />
      <Segmented
        label={t('inspector.sort')}
        testid="channel-order"
        value={order}
        onChange={st.setOrder}
        options={(hasSe ? (['index', 'z', 's'] as const) : (['index'] as const)).map((o) => ({ value: o, label: t(`inspector.sort.${o}`) }))}
      />
    </div>
  );
}

export function Inspector() {
  const t = useT();
  const s = useAppShallow((s) => ({
    card: s.card,
    // the first model's card counts too (read before its weights): the panel's head is in place early
    drawn: drawnCard(s),
    // a result is on its way: the panel keeps room for it, so the page below does not jump
    awaiting: !!(s.loadingCard || isRunning(s) || s.decoding || s.waiting),
    progressHere: loadProgressPlace(s) === 'inspector',
    prediction: s.prediction,
    input: s.input,
    sel: s.selectedBlock,
    mode: s.domainMode,
    order: s.order,
    hovered: s.hovered,
    pinned: s.pinned,
    focus: s.mode === 'lesson' ? s.focusPanel : null,
    seWeights: s.seWeights,
  }));
  const spec = s.drawn?.architecture.blocks[s.sel] ?? null;
  const shown = shownResult(s);
  const blocks = useMemo(() => shown?.blocks ?? [], [shown]);
  const taps = blocks[s.sel] ?? null;
  const fcs = s.seWeights?.[s.sel] ?? null;
  const hZeroUnits = taps?.h ? hZeros(taps.h) : 0;
  const hl = highlighted({ hovered: s.hovered, pinned: s.pinned, selectedBlock: s.sel });

  const sel = s.sel;
  const onHover = useCallback((c: number | null) => appStore.getState().hoverChannel(c === null ? null : { block: sel, channel: c }), [sel]);
  const onPick = useCallback((c: number) => appStore.getState().togglePin({ block: sel, channel: c }), [sel]);
  const chLabel = useCallback((c: number) => t('tooltip.channel', { c }), [t]);

  const order = useMemo(() => (taps ? channelOrder(taps.shape[2], s.order, taps.z, taps.s) : []), [taps, s.order]);
  const uDomains = useMemo(() => (taps ? mapDomains(blocks, sel, 'u', s.mode) : []), [taps, blocks, sel, s.mode]);
  const outDomains = useMemo(() => (taps ? mapDomains(blocks, sel, 'out', s.mode) : []), [taps, blocks, sel, s.mode]);
  const vec = useMemo(
    () =>
      taps?.z
        ? { z: vectorDomain(blocks, sel, 'z', s.mode), h: vectorDomain(blocks, sel, 'h', s.mode), s: vectorDomain(blocks, sel, 's', s.mode) }
        : null,
    [taps, blocks, sel, s.mode],
  );
  // identity shortcut of a later block = the previous block's output, which we have
  const shortcut = spec && spec.shortcut === 'identity' && sel > 0 ? (blocks[sel - 1] ?? null) : null;
  const shortcutDomains = useMemo(() => (shortcut ? mapDomains(blocks, sel - 1, 'out', s.mode) : []), [shortcut, blocks, sel, s.mode]);

  if (!spec) {
    return (
      <section className="panel inspector">
        {s.progressHere ? <LoadProgress at="inspector" /> : <p className="hint">{t('inspector.none')}</p>}
      </section>
    );
  }
  const [H, W, C] = taps?.shape ?? [spec.outputSize, spec.outputSize, spec.channels];
  const perChannel = s.mode === 'channel';
  const mapNote = (signed: boolean) => (perChannel ? t('legend.perChannel') : signed ? t('legend.signed') : t('legend.magnitude'));
  const single = (ds: { lo: number; hi: number }[]) => (perChannel || !ds.length ? null : ds[0]!);
  /** the panel the lesson is about is outlined (and scrolled to by "show this in the explorer") */
  const lp = (panel: 'u' | 'scaled' | 'z' | 's' | 'out') => ({
    'data-lesson-panel': panel,
    className: `step${panel === 'out' ? ' residual' : ''}${s.focus === panel ? ' lesson-focus' : ''}`,
  });

  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector" data-block={sel} data-block-id={spec.id}>
      <div className="inspector-head">
        <h2 id="inspector-title">{t('inspector.title', { id: spec.id })}</h2>
        <p className="small" data-testid="inspector-shape">
          {spec.se ? t('inspector.shape', { h: H, w: W, c: C, hidden: spec.se.hidden, r: spec.se.reduction }) : `U: ${H}×${W}×${C} · ${t('arch.noSe')}`}
        </p>
        <Controls t={t} mode={s.mode} order={s.order} hasSe={!!spec.se} />
        {s.mode === 'channel' ? <p className="hint small">{t('inspector.domain.help')}</p> : null}
        {spec.se ? <GateFixedNotice block={sel} t={t} /> : null}
      </div>
      {!taps ? (
        <div className={s.awaiting ? 'awaiting-result' : undefined}>
          {s.progressHere ? <LoadProgress at="inspector" /> : <p className="hint">{t('inspector.noResult')}</p>}
        </div>
      ) : (
        <>
          {s.pinned && s.pinned.block === sel ? (
            <div className="pinned" data-testid="pinned">
              <ChannelFacts taps={taps} c={s.pinned.channel} blockId={spec.id} t={t} />
              <p className="small">{t('inspector.pinned', { c: s.pinned.channel })}</p>
            </div>
          ) : null}
          <div className="pair">
            <figure {...lp('u')}>
              <figcaption>
                <strong>{t('inspector.u')}</strong>
                <span className="small">{t('inspector.u.help')}</span>
              </figcaption>
              <Legend palette={paletteFor('u')} domain={single(uDomains)} note={mapNote(true)} />
              <HeatmapGrid name="u" focusable data={taps.u} shape={taps.shape} order={order} domains={uDomains} palette={paletteFor('u')} highlight={hl} channelLabel={chLabel} onHover={onHover} onPick={onPick} />
            </figure>
            <figure {...lp('scaled')}>
              <figcaption>
                <strong>{spec.se ? t('inspector.scaled') : 'U'}</strong>
                <span className="small">{spec.se ? t('inspector.scaled.help') : t('inspector.noSe')}</span>
              </figcaption>
              <Legend palette={paletteFor('u')} domain={single(uDomains)} note={mapNote(true)} />
              <HeatmapGrid name="scaled" data={taps.scaled} shape={taps.shape} order={order} domains={uDomains} palette={paletteFor('u')} highlight={hl} channelLabel={chLabel} onHover={onHover} onPick={onPick} />
            </figure>
          </div>

          {taps.z && taps.h && taps.s && vec ? (
            <div className="vectors">
              <figure {...lp('z')}>
                <figcaption>
                  <strong>{t('inspector.z')}</strong>
                </figcaption>
                <Legend palette={paletteFor('z')} domain={vec.z} note={t('legend.signed')} />
                <Strip name="z" values={taps.z} domain={vec.z} palette={paletteFor('z')} highlight={hl} interactive label={chLabel} onHover={onHover} onPick={onPick} />
                <Bars name="z" values={taps.z} order={order} domain={vec.z} palette={paletteFor('z')} highlight={hl} label={t('inspector.z')} onHover={onHover} onPick={onPick} />
              </figure>
              <figure className="step">
                <figcaption>
                  <strong>{t('inspector.h', { n: taps.h.length })}</strong>
                </figcaption>
                {hZeroUnits === taps.h.length ? (
                  // every unit cut off: a legend over 0..0 says nothing; say what it means instead
                  <p className="hint small" data-testid="h-all-zero">
                    {t('inspector.hAllZero', { n: taps.h.length })}
                  </p>
                ) : (
                  <>
                    <Legend palette={paletteFor('h')} domain={vec.h} note={t('legend.magnitude')} />
                    {hZeroUnits > 0 ? <p className="hint small">{t('inspector.hSomeZero', { k: hZeroUnits, n: taps.h.length })}</p> : null}
                  </>
                )}
                <Strip name="h" values={taps.h} domain={vec.h} palette={paletteFor('h')} highlight={null} interactive={false} label={(i) => `${t('tooltip.h')} ${i}`} />
              </figure>
              <figure {...lp('s')}>
                <figcaption>
                  <strong>{t('inspector.s')}</strong>
                </figcaption>
                <Legend palette={paletteFor('s')} domain={vec.s} note={t('legend.magnitude')} />
                <Strip name="s" focusable values={taps.s} domain={vec.s} palette={paletteFor('s')} highlight={hl} interactive label={chLabel} onHover={onHover} onPick={onPick} />
                <Bars name="s" values={taps.s} order={order} domain={vec.s} palette={paletteFor('s')} highlight={hl} label={t('inspector.s')} onHover={onHover} onPick={onPick} />
              </figure>
            </div>
          ) : (
            <p className="hint">{t('inspector.noSe')}</p>
          )}
          {fcs && taps.z && taps.h && taps.sModel && fcs.channels === C ? (
            <ExcitationInfluence weights={fcs} z={taps.z} h={taps.h} s={taps.sModel} order={order} highlight={hl} onHover={onHover} />
          ) : null}

          <figure {...lp('out')}>
            <figcaption>
              <strong>{t('inspector.residual')}</strong>
              <span className="small">
                {spec.shortcut === 'projection' ? t('inspector.shortcut.projection') : sel === 0 ? t('inspector.shortcut.stem') : ''}
              </span>
            </figcaption>
            <div className="pair">
              {shortcut ? (
                <div>
                  <div className="sub">{t('inspector.shortcut')}</div>
                  <Legend palette={paletteFor('out')} domain={single(shortcutDomains)} note={mapNote(false)} />
                  <HeatmapGrid name="shortcut" data={shortcut.out} shape={shortcut.shape} order={order} domains={shortcutDomains} palette={paletteFor('out')} highlight={hl} channelLabel={chLabel} onHover={onHover} onPick={onPick} />
                </div>
              ) : null}
              <div>
                <div className="sub">{t('inspector.out')}</div>
                <Legend palette={paletteFor('out')} domain={single(outDomains)} note={mapNote(false)} />
                <HeatmapGrid name="out" data={taps.out} shape={taps.shape} order={order} domains={outDomains} palette={paletteFor('out')} highlight={hl} channelLabel={chLabel} onHover={onHover} onPick={onPick} />
              </div>
            </div>
          </figure>
        </>
      )}
    </section>
  );
}

/** FC1 units that ReLU set to exactly 0 */
const hZeros = (h: Float32Array) => h.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
