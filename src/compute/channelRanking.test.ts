import { describe, expect, it } from 'vitest';
import { argmax, isZeroed, rankChannels, rankingSummary, withChannelZeroed } from './channelRanking';

describe('channel ranking', () => {
  const base = [0.1, 0.6, 0.3];
  it('ranks by the absolute change of the top class probability', () => {
    const rows = rankChannels(base, [
      [0.1, 0.55, 0.35], // −0.05
      [0.2, 0.2, 0.6], // −0.4, flips to class 2
      [0.05, 0.7, 0.25], // +0.1
      [0.1, 0.6, 0.3], // 0
    ]);
    expect(rows.map((r) => r.channel)).toEqual([1, 2, 0, 3]);
    expect(rows[0]).toMatchObject({ channel: 1, newTop: 2, flips: true });
    expect(rows[0]!.delta).toBeCloseTo(-0.4, 10);
    expect(rows[1]!.delta).toBeCloseTo(0.1, 10);
    expect(rows[3]!.delta).toBe(0);
    expect(rows.every((r) => r.pTop === r.delta + 0.6 || Math.abs(r.pTop - (r.delta + 0.6)) < 1e-12)).toBe(true);
  });

  it('breaks ties by channel and skips channels that were not computed', () => {
    const rows = rankChannels(base, [undefined, [0.2, 0.5, 0.3], undefined, [0.1, 0.5, 0.4]]);
    expect(rows.map((r) => r.channel)).toEqual([1, 3]);
  });

  it('marks channels the user already zeroed', () => {
    const rows = rankChannels(base, [base, base], (c) => c === 1);
    expect(rows.map((r) => r.alreadyZero)).toEqual([false, true]);
  });

  it('summarises for text alternatives', () => {
    const rows = rankChannels(base, [[0.1, 0.5, 0.4], [0.5, 0.4, 0.1], [0, 0.7, 0.3]]);
    expect(rankingSummary(rows)).toMatchObject({ lowering: 2, raising: 1, flips: 1 });
    expect(rankingSummary([]).largest).toBeNull();
  });

  it('adds s_c = 0 without touching the other overrides', () => {
    const ov = { 2: { gate: 'softmax' as const, channels: { 1: 0.5 } }, 4: { gate: 'off' as const } };
    const z = withChannelZeroed(ov, 2, 7);
    expect(z).toEqual({ 2: { gate: 'softmax', channels: { 1: 0.5, 7: 0 } }, 4: { gate: 'off' } });
    expect(ov[2].channels).toEqual({ 1: 0.5 });
    expect(withChannelZeroed({}, 0, 3)).toEqual({ 0: { channels: { 3: 0 } } });
    expect(isZeroed(z, 2, 7)).toBe(true);
    expect(isZeroed(z, 2, 1)).toBe(false);
    expect(argmax([0.2, 0.2, 0.1])).toBe(0);
  });
});
