import { sigmoid } from '../gateMath';
import { describe, expect, it } from 'vitest';
import { fakeTaps } from './fixtures.test-util';
import {
  channelSlice, gatePoints, hiddenUnits, outputChannels, pickChannel, robustAbsMax, scaledChannels, sigmoidCurve, sigmoidDomain,
  squeezeCells, stepDomains,
} from './stepData';

describe('step data from taps', () => {
  const taps = fakeTaps();
  it('slices one channel out of NHWC', () => {
    expect(Array.from(channelSlice(taps.u, taps.shape, 0))).toEqual([1, 2, 3, 4]);
    expect(Array.from(channelSlice(taps.u, taps.shape, 2))).toEqual([-1, 1, -1, 1]);
  });
  it('squeeze: z from the taps, mean recomputed, count H·W', () => {
    const cells = squeezeCells(taps);
    expect(cells.map((c) => c.z)).toEqual([2.5, 0, 0]);
    expect(cells[0]).toMatchObject({ recomputed: 2.5, count: 4, min: 1, max: 4 });
  });
  it('FC1: zero outputs are marked clipped by the ReLU', () => {
    expect(hiddenUnits(taps).map((u) => u.clipped)).toEqual([true, false]);
    expect(hiddenUnits({ ...taps, h: null })).toEqual([]);
  });
  it('FC2: e, σ(e) and the applied s; overrides are detected', () => {
    const pts = gatePoints(taps);
    expect(pts[0]!.sModel).toBeCloseTo(sigmoid(2), 6);
    expect(pts.every((p) => !p.overridden)).toBe(true);
    const s = Float32Array.from(taps.s!);
    s[1] = 1;
    expect(gatePoints({ ...taps, s }).map((p) => p.overridden)).toEqual([false, true, false]);
  });
  it('sigmoid is stable and the plot domain covers every logit', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoidDomain(gatePoints(taps))).toEqual({ lo: -6, hi: 6 });
    expect(sigmoidDomain([{ channel: 0, e: -9.2, sModel: 0, s: 0, overridden: false }]).lo).toBe(-10);
    expect(sigmoidCurve({ lo: -1, hi: 1 }, 3).map((p) => p.x)).toEqual([-1, 0, 1]);
  });
  it('scale: mean |u| shrinks by s', () => {
    const sc = scaledChannels(taps);
    expect(sc[0]!.before).toBeCloseTo(2.5);
    expect(sc[0]!.after).toBeCloseTo(2.5 * sigmoid(2), 5);
  });
  it('residual: zero fraction after the final ReLU', () => {
    const out = outputChannels(taps);
    expect(out[1]!.zeroFraction).toBe(0); // 0·s + 0.1 > 0
    expect(out[2]!.zeroFraction).toBe(0.5);
  });
  it('domains: maps symmetric, h starts at 0', () => {
    const d = stepDomains(taps);
    expect(d.maps.lo).toBe(-d.maps.hi);
    expect(d.h).toEqual({ lo: 0, hi: 1.5 });
  });
  it('robust colour range ignores a lone extreme value', () => {
    const v = new Float32Array(1000).fill(1);
    v[0] = 100;
    expect(robustAbsMax([v])).toBe(1);
    expect(robustAbsMax([new Float32Array(4)])).toBe(1);
  });
  it('picks channels to talk about', () => {
    expect(pickChannel(taps, 'most-suppressed')).toBe(1);
    expect(pickChannel(taps, 'most-kept')).toBe(0);
    expect(pickChannel(taps, 'quietest')).toBe(1);
    expect(pickChannel(taps, 'loudest')).toBe(0);
    expect(pickChannel(taps, 2)).toBe(2);
    expect(pickChannel(taps, 7)).toBeNull();
    expect(pickChannel({ ...taps, s: null }, 'most-kept')).toBeNull();
  });
});
