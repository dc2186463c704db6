import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ModelCard } from '../../types/card';
import { createSessionSlice, type SessionSlice } from './session';
import { FakeEngine, C } from '../../../tests/fixtures/fakeSessionEngine';
import { InferenceSession } from '../inferenceSession';

type Host = SessionSlice<FakeEngine>;

function setup() {
  const engine = new FakeEngine();
  const published: (string | number)[] = [];
  const session = new InferenceSession<FakeEngine>({ published: (image) => published.push(image) });
  session.useEngine(engine);
  const store = createStore<Host>()((set, get, api) => ({
    ...createSessionSlice<Host, FakeEngine>(session)(set, get, api),
  }));
  const s = () => {
    const st = store.getState();
    // the names the slice had before it became the session: before/after/afterKey of the one prediction
    return Object.assign(Object.create(st) as Host, {
      exBefore: st.prediction?.before ?? null,
      exAfter: st.prediction?.after ?? null,
      exAfterKey: st.prediction?.overridesKey ?? null,
      exSetImage: (key: string | number, pixels: ArrayLike<number>) => st.runImage(key, pixels),
    });
  };
  return { engine, store, session, s, published };
}
const px = new Float32Array(12);

describe('inference session', () => {
  it('classifies the image once, then re-runs only from the changed block', async () => {
    const { engine, s } = setup();
    await s().exSetImage('a', px);
    expect(engine.calls).toEqual(['classify']);
    expect(s().exAfter).toBe(s().exBefore);
    s().zeroChannel(2, 5);
    await s().exSettled();
    expect(engine.calls).toEqual(['classify', 'update@2']);
    expect(s().exAfterKey).toBe('2:|5=0');
    // earlier blocks' taps come from the previous pass, later ones from the re-run
    expect(s().exAfter!.blocks.map((b) => (b as unknown as { key: string }).key)).toEqual(['', '', '|5=0', '']);
    expect(s().exAfter!.probs[0]).toBeLessThan(s().exBefore!.probs[0]!);
    expect(s().exBusy).toBe(false);
  });

  it('coalesces a burst of slider moves into few passes and ends on the last value', async () => {
    const { engine, s } = setup();
    await s().exSetImage('a', px);
    for (let i = 0; i <= 10; i++) s().setChannelWeight(3, 0, i / 10);
    await s().exSettled();
    expect(engine.calls.filter((c) => c.startsWith('update')).length).toBeLessThanOrEqual(2);
    expect(s().exOverrides).toEqual({ 3: { channels: { 0: 1 } } });
    expect(s().exAfterKey).toBe('3:|0=1');
  });

  it('keeps the overrides for a new image: one full pass, then a re-run from the first overridden block', async () => {
    const { engine, s, published } = setup();
    await s().exSetImage('a', px);
    s().setBlockSE(0, false);
    await s().exSettled();
    engine.calls = [];
    await s().exSetImage('b', px);
    expect(engine.calls).toEqual(['classify', 'update@0']);
    expect(s().exAfterKey).toBe('0:off|');
    expect(s().exAfter).not.toBe(s().exBefore);
    // published once per image, only with both passes done
    expect(published).toEqual(['a', 'b']);
  });

  it('publishes nothing stale: a newer image or another engine wins over a pass in flight', async () => {
    const { engine, session, s, published } = setup();
    const first = s().exSetImage('a', px);
    const second = s().exSetImage('b', px);
    await Promise.all([first, second]);
    expect(published).toEqual(['b']);
    expect(s().prediction?.image).toBe('b');
    // the model is switched while a pass runs: the old engine's result is dropped
    const other = new FakeEngine();
    other.card = { ...other.card, id: 'other' } as ModelCard;
    const run = s().exSetImage('c', px);
    session.useEngine(other);
    await run;
    expect(s().prediction?.model).not.toBe('fake');
    await s().rerunImage();
    expect(s().prediction).toMatchObject({ model: 'other', image: 'c' });
    expect(engine.calls.length).toBeGreaterThan(0);
  });

  it('SE off everywhere turns off every SE block only, and resetAll clears', async () => {
    const { s } = setup();
    await s().exSetImage('a', px);
    s().setChannelWeight(0, 1, 0.3);
    s().setAllSE(true);
    expect(s().exOverrides).toEqual({ 0: { gate: 'off' }, 2: { gate: 'off' }, 3: { gate: 'off' } });
    s().resetAll();
    await s().exSettled();
    expect(s().exOverrides).toEqual({});
    expect(Array.from(s().exAfter!.probs)).toEqual(Array.from(s().exBefore!.probs));
  });

  it('round-trips the overrides through the link text and fits them to the model', async () => {
    const { s } = setup();
    await s().exSetImage('a', px);
    s().setGate(2, 'softmax');
    s().setChannelWeight(3, 4, 0.25);
    const text = s().overridesText();
    s().resetAll();
    expect(s().applyOverridesText(text)).toEqual({ ok: true, dropped: 0 });
    expect(s().exOverrides).toEqual({ 2: { gate: 'softmax' }, 3: { channels: { 4: 0.25 } } });
    expect(s().applyOverridesText('1o_3.9-0')).toEqual({ ok: true, dropped: 2 }); // block 1 has no SE, channel 9 does not exist
    expect(s().applyOverridesText('nonsense!')).toEqual({ ok: false, dropped: 0 });
    await s().exSettled();
  });

  it('ranks the channels of a block by the change of the top class, and restores the cache', async () => {
    const { engine, s } = setup();
    await s().exSetImage('a', px);
    s().setChannelWeight(0, 0, 0.5);
    s().zeroChannel(2, 1);
    await s().exSettled();
    engine.calls = [];
    await s().rankChannels(2);
    const r = s().exRanking;
    expect(r.status).toBe('done');
    expect(r.done).toBe(C);
    expect(r.topClass).toBe(0);
    // zeroing channel c lowers class 0's logit by c + 1: the highest channel matters most
    expect(r.rows.map((x) => x.channel)).toEqual([5, 4, 3, 2, 0, 1]);
    expect(r.rows.find((x) => x.channel === 1)).toMatchObject({ delta: 0, alreadyZero: true });
    // one update to line the cache up, C − 1 partial runs from block 2, one restore
    expect(engine.calls).toEqual(['update@3', 'rerun@2', 'rerun@2', 'rerun@2', 'rerun@2', 'rerun@2', 'update@2']);
    expect(engine.cache).toEqual(['|0=0.5', '', '|1=0', '']);
    // and later edits still re-run correctly from the restored cache
    s().setBlockSE(3, false);
    await s().exSettled();
    expect(engine.calls.at(-1)).toBe('update@3');
  });

  it('cancels a ranking when asked or when the overrides change, and restores the cache', async () => {
    const { engine, s } = setup();
    await s().exSetImage('a', px);
    const run = s().rankChannels(0);
    await new Promise((r) => setTimeout(r, 3));
    s().cancelRanking();
    await run;
    expect(s().exRanking.status).toBe('cancelled');
    expect(s().exRanking.done).toBeLessThan(C);
    expect(engine.cache).toEqual(['', '', '', '']);

    const run2 = s().rankChannels(3);
    await new Promise((r) => setTimeout(r, 3));
    s().zeroChannel(0, 2);
    await run2;
    await s().exSettled();
    expect(s().exRanking.status).toBe('cancelled');
    expect(engine.cache).toEqual(['|2=0', '', '', '']);
    expect(s().exAfterKey).toBe('0:|2=0');
  });

  it('does not rank a block without SE and reports engine errors', async () => {
    const { engine, s } = setup();
    await s().exSetImage('a', px);
    await s().rankChannels(1);
    expect(s().exRanking.status).toBe('idle');
    engine.failAt = 2;
    s().zeroChannel(2, 0);
    await s().exSettled();
    expect(s().exError).toBe('boom');
    engine.failAt = null;
    s().zeroChannel(2, 1);
    await s().exSettled();
    expect(s().exError).toBeNull();
    // after a failure the slice no longer trusts its taps and runs a full pass
    expect(engine.calls.at(-1)).toBe('classify');
  });
});
