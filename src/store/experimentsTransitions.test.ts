import { describe, expect, it } from 'vitest';
import type { BlockTaps, ForwardResult } from '../types/forward';
import * as x from './experimentsTransitions';
import { overridesKey } from '../types/overridesKey';

const taps = (i: number) => ({ index: i }) as unknown as BlockTaps;
const result = (fromBlock: number, n: number): ForwardResult => ({
  logits: new Float32Array(2),
  probs: new Float32Array(2),
  blocks: Array.from({ length: n }, (_, b) => (b < fromBlock ? null : taps(100 + b))),
  fromBlock,
  ms: 1,
});

describe('override edits', () => {
  it('sets, zeroes and resets channel weights, clamped and in thousandths', () => {
    let ov = x.setChannelWeight({}, 2, 5, 0.12345);
    expect(ov).toEqual({ 2: { channels: { 5: 0.123 } } });
    ov = x.setChannelWeight(ov, 2, 6, 7);
    ov = x.zeroChannel(ov, 3, 0);
    expect(ov).toEqual({ 2: { channels: { 5: 0.123, 6: 1 } }, 3: { channels: { 0: 0 } } });
    ov = x.resetChannel(x.resetChannel(ov, 2, 5), 3, 0);
    expect(ov).toEqual({ 2: { channels: { 6: 1 } } });
    expect(x.resetChannel(ov, 2, 6)).toEqual({});
  });

  it('does not mutate its input', () => {
    const ov = { 1: { channels: { 0: 0.5 } } };
    const frozen = JSON.stringify(ov);
    x.setChannelWeight(ov, 1, 0, 0.2);
    x.resetChannel(ov, 1, 0);
    x.setBlockSE(ov, 1, false);
    expect(JSON.stringify(ov)).toBe(frozen);
  });

  it('switches SE per block and keeps forced channels', () => {
    let ov = x.setChannelWeight({}, 4, 1, 0);
    ov = x.setBlockSE(ov, 4, false);
    expect(ov).toEqual({ 4: { channels: { 1: 0 }, gate: 'off' } });
    expect(x.isSEOff(ov, 4)).toBe(true);
    ov = x.setBlockSE(ov, 4, true);
    expect(ov).toEqual({ 4: { channels: { 1: 0 } } });
    expect(x.setBlockSE({}, 0, true)).toEqual({});
  });

  it('switches SE off everywhere as exactly the network without SE, and back on', () => {
    const seBlocks = [0, 1, 2];
    const start = x.setGate(x.setChannelWeight({}, 1, 3, 0.2), 2, 'softmax');
    const off = x.setAllSE(start, seBlocks, true);
    expect(off).toEqual({ 0: { gate: 'off' }, 1: { gate: 'off' }, 2: { gate: 'off' } });
    expect(x.allSEOff(off, seBlocks)).toBe(true);
    expect(x.allSEOff(x.setBlockSE(off, 1, true), seBlocks)).toBe(false);
    expect(x.setAllSE(off, seBlocks, false)).toEqual({});
    // turning it back on leaves other gates alone
    expect(x.setAllSE({ 0: { gate: 'off' }, 2: { gate: 'softmax' } }, seBlocks, false)).toEqual({ 2: { gate: 'softmax' } });
    expect(x.allSEOff({}, [])).toBe(false);
  });

  it('sets the gate and removes whole blocks', () => {
    const ov = x.setGate({}, 3, 'softmax');
    expect(ov).toEqual({ 3: { gate: 'softmax' } });
    expect(x.setGate(ov, 3, 'sigmoid')).toEqual({});
    expect(x.removeBlock({ 1: { gate: 'off' }, 3: { gate: 'softmax' } }, 1)).toEqual({ 3: { gate: 'softmax' } });
  });

  it('gives equal keys to equal overrides and counts interventions', () => {
    const a = { 2: { channels: { 1: 0, 0: 0.5 } }, 0: { gate: 'off' as const } };
    const b = { 0: { gate: 'off' as const, channels: {} }, 2: { channels: { 0: 0.5, 1: 0 } }, 5: { gate: 'sigmoid' as const } };
    expect(overridesKey(a)).toBe(overridesKey(b));
    expect(overridesKey(a)).not.toBe(overridesKey({ 2: { channels: { 1: 0 } } }));
    expect(overridesKey({})).toBe('');
    expect(x.countInterventions(a)).toBe(3);
    expect(x.normalise(b)).toEqual(a);
  });
});

describe('merging a partial re-run', () => {
  it('keeps the earlier blocks of the previous pass', () => {
    const prev = [taps(0), taps(1), taps(2), taps(3)];
    const merged = x.mergePassTaps(prev, result(2, 4))!;
    expect(merged.map((t) => (t as unknown as { index: number }).index)).toEqual([0, 1, 102, 103]);
    expect(x.mergePassTaps(prev, result(0, 4))!.map((t) => (t as unknown as { index: number }).index)).toEqual([100, 101, 102, 103]);
  });
  it('asks for a full pass when the previous taps are missing', () => {
    expect(x.mergePassTaps(null, result(1, 3))).toBeNull();
    expect(x.mergePassTaps([taps(0), null, taps(2)], result(2, 3))).toBeNull();
  });
});

describe('ranking state', () => {
  it('runs, reports progress, finishes and becomes stale when inputs change', () => {
    const ov = { 1: { gate: 'off' as const } };
    let r = x.rankingStarted(3, 16, 'img1', overridesKey(ov));
    expect(r).toMatchObject({ status: 'running', block: 3, done: 0, total: 16 });
    r = x.rankingProgress(r, 4, [], 2, 0.7);
    expect(r).toMatchObject({ done: 4, topClass: 2, baseProb: 0.7 });
    r = x.rankingFinished(r, 'cancelled');
    expect(r.status).toBe('cancelled');
    expect(x.rankingStale(r, 'img1', ov, 3)).toBe(false);
    expect(x.rankingStale(r, 'img2', ov, 3)).toBe(true);
    expect(x.rankingStale(r, 'img1', {}, 3)).toBe(true);
    expect(x.rankingStale(r, 'img1', ov, 4)).toBe(true);
    expect(x.rankingStale(x.IDLE_RANKING, null, {}, 0)).toBe(false);
  });
});
