import { describe, expect, it } from 'vitest';
import type { Overrides } from '../types/forward';
import { deserialiseOverrides, fitOverrides, quantiseWeight, serialiseOverrides } from './overridesCodec';

describe('overrides codec', () => {
  it('round-trips gates and channel weights with up to three decimals', () => {
    const ov: Overrides = {
      0: { gate: 'off' },
      3: { gate: 'softmax', channels: { 0: 0, 31: 1 } },
      8: { channels: { 63: 0.125, 2: 0.5, 10: 0.29 } },
    };
    const text = serialiseOverrides(ov);
    expect(text).toBe('0o_3x.0-0.31-1000_8.2-500.10-290.63-125');
    expect(encodeURIComponent(text)).toBe(text);
    expect(deserialiseOverrides(text)).toEqual(ov);
  });

  it('round-trips random override sets', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const ov: Overrides = {};
      for (let b = 0; b < 9; b++) {
        if (rnd() < 0.5) continue;
        const g = rnd();
        const o: Overrides[number] = {};
        if (g < 0.2) o.gate = 'off';
        else if (g < 0.4) o.gate = 'softmax';
        const k = Math.floor(rnd() * 4);
        if (k) {
          o.channels = {};
          for (let i = 0; i < k; i++) o.channels[Math.floor(rnd() * 64)] = quantiseWeight(rnd());
        }
        if (o.gate || o.channels) ov[b] = o;
      }
      expect(deserialiseOverrides(serialiseOverrides(ov))).toEqual(ov);
    }
  });

  it('drops no-op overrides and orders blocks and channels canonically', () => {
    expect(serialiseOverrides({})).toBe('');
    expect(serialiseOverrides({ 2: { gate: 'sigmoid' }, 4: { channels: {} } })).toBe('');
    expect(serialiseOverrides({ 5: { channels: { 9: 0.3333 } }, 1: { gate: 'off' } })).toBe('1o_5.9-333');
    expect(deserialiseOverrides('')).toEqual({});
  });

  it('clamps weights into [0, 1]', () => {
    expect(serialiseOverrides({ 0: { channels: { 1: 1.7, 2: -0.2 } } })).toBe('0.1-1000.2-0');
    expect(quantiseWeight(Number.NaN)).toBe(0);
  });

  it('rejects malformed strings', () => {
    for (const bad of ['x', '1y', '1.2', '1.2-', '1.2-1001', '1_1', '1o_', '-1', '1.2-3.2-4', '1 o', '1%20o']) {
      expect(deserialiseOverrides(bad), bad).toBeNull();
    }
  });

  it('fits overrides to a model and counts what it dropped', () => {
    const shape = [16, null, 32];
    const { overrides, dropped } = fitOverrides(
      { 0: { channels: { 3: 0.5, 16: 0 } }, 1: { gate: 'off' }, 2: { gate: 'sigmoid', channels: { 31: 0 } }, 9: { gate: 'softmax' } },
      shape,
    );
    expect(overrides).toEqual({ 0: { channels: { 3: 0.5 } }, 2: { channels: { 31: 0 } } });
    expect(dropped).toBe(3);
  });
});
