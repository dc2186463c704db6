/**
 * The inference session's interventions on the real shipped network (tfjs CPU backend): interventions through
 * partial re-runs equal full passes with the same overrides, SE off everywhere equals s = 1,
 * and the channel ranking leaves the engine's cache as it found it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { SENetwork } from '../src/model/network';
import type { Overrides } from '../src/types/forward';
import { createSessionSlice, type SessionEngine, type SessionSlice } from '../src/store/slices/session';
import { InferenceSession } from '../src/store/inferenceSession';
import { withChannelZeroed } from '../src/compute/channelRanking';
import { loadShipped } from './model-fixture';

let net: SENetwork;
let pixels: Float32Array;

beforeAll(async () => {
  const loaded = await loadShipped();
  net = loaded.net;
  pixels = loaded.golden[`${loaded.inputs[0]}/input`]!.dataSync() as Float32Array;
  Object.values(loaded.golden).forEach((t) => t.dispose());
});
afterAll(() => net.dispose());

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

function setup() {
  const calls: string[] = [];
  const engine: SessionEngine = {
    card: net.card,
    classify: (px, overrides, taps) => (calls.push('classify'), net.run(px, { overrides, taps })),
    update: (overrides, taps) => (calls.push('update'), net.update(overrides, { taps })),
    rerunFrom: (b, overrides, taps) => (calls.push(`rerun@${b}`), net.rerunFrom(b, overrides, { taps })),
  };
  const session = new InferenceSession();
  session.useEngine(engine);
  const store = createStore<SessionSlice>()((...a) => createSessionSlice<SessionSlice>(session)(...a));
  // before/after of the one prediction, under the names these tests had
  const s = () => {
    const st = store.getState();
    return Object.assign(Object.create(st) as SessionSlice, {
      exBefore: st.prediction?.before ?? null,
      exAfter: st.prediction?.after ?? null,
      exSetImage: (key: string, px: ArrayLike<number>) => st.runImage(key, px),
    });
  };
  return { s, calls };
}

describe('experiments on the shipped network', () => {
  it('an override changes the prediction exactly as a full pass with the same overrides', async () => {
    const { s } = setup();
    await s().exSetImage('golden0', pixels);
    const last = net.card.architecture.blocks.length - 1;
    s().zeroChannel(last - 1, 3);
    s().setChannelWeight(last, 10, 0.25);
    s().setGate(3, 'softmax');
    await s().exSettled();
    expect(s().exAfter!.fromBlock).toBe(3);
    const full = await net.run(pixels, { overrides: s().exOverrides, taps: 'all' });
    expect(maxAbsDiff(s().exAfter!.logits, full.logits)).toBeLessThan(1e-5);
    // merged taps are complete and match the full pass block by block
    for (let b = 0; b <= last; b++) expect(maxAbsDiff(s().exAfter!.blocks[b]!.out, full.blocks[b]!.out)).toBeLessThan(1e-4);
    expect(s().exAfter!.blocks[last]!.s![10]).toBeCloseTo(0.25, 6);
  });

  it('SE off everywhere equals s = 1 everywhere', async () => {
    const { s } = setup();
    await s().exSetImage('golden0', pixels);
    s().setAllSE(true);
    await s().exSettled();
    const off = Float32Array.from(s().exAfter!.logits);
    const ones: Overrides = Object.fromEntries(
      net.card.architecture.blocks.filter((b) => b.se).map((b) => [b.index, { channels: Object.fromEntries(Array.from({ length: b.channels }, (_, c) => [c, 1])) }]),
    );
    expect(s().setOverrides(ones)).toBe(0);
    await s().exSettled();
    expect(maxAbsDiff(off, s().exAfter!.logits)).toBeLessThan(1e-5);
    expect(maxAbsDiff(off, s().exBefore!.logits)).toBeGreaterThan(1e-3);
  });

  it('ranks channels with partial re-runs and restores the cache', async () => {
    const { s, calls } = setup();
    await s().exSetImage('golden0', pixels);
    s().zeroChannel(1, 0);
    await s().exSettled();
    const block = net.card.architecture.blocks.length - 1;
    const C = net.card.architecture.blocks[block]!.channels;
    calls.length = 0;
    await s().rankChannels(block);
    const r = s().exRanking;
    expect(r.status).toBe('done');
    expect(r.rows).toHaveLength(C);
    expect(calls.filter((c) => c === `rerun@${block}`)).toHaveLength(C);
    // one row against a direct full pass
    const row = r.rows[0]!;
    const direct = await net.run(pixels, { overrides: withChannelZeroed(s().exOverrides, block, row.channel), taps: 'none' });
    const top = r.topClass!;
    expect(direct.probs[top]! - r.baseProb!).toBeCloseTo(row.delta, 5);
    // the cache was left at the current overrides: run() above replaced it, so line it up again
    await s().exSetImage('golden0', pixels);
    await s().rankChannels(block);
    const afterRanking = await net.update(s().exOverrides, { taps: 'none' });
    expect(afterRanking.fromBlock).toBe(block); // nothing changed: only the last block re-runs
    expect(maxAbsDiff(afterRanking.logits, s().exAfter!.logits)).toBeLessThan(1e-5);
    s().setChannelWeight(block, 0, 0.5);
    await s().exSettled();
    const full = await net.run(pixels, { overrides: s().exOverrides, taps: 'none' });
    expect(maxAbsDiff(full.logits, s().exAfter!.logits)).toBeLessThan(1e-5);
  });
});
