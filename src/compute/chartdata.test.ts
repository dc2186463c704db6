import { describe, expect, it } from 'vitest';
import { channelMap, channelMeans, channelOrder, colourise, fmt, lutIndex, rgbToRgba, topK } from './chartdata';

describe('chart data mapping', () => {
  // H=2, W=3, C=2: value = 100·c + 10·y + x
  const shape: [number, number, number] = [2, 3, 2];
  const data = new Float32Array(12);
  for (let y = 0; y < 2; y++) for (let x = 0; x < 3; x++) for (let c = 0; c < 2; c++) data[(y * 3 + x) * 2 + c] = 100 * c + 10 * y + x;

  it('extracts one channel as a row-major H×W map', () => {
    expect(Array.from(channelMap(data, shape, 0))).toEqual([0, 1, 2, 10, 11, 12]);
    expect(Array.from(channelMap(data, shape, 1))).toEqual([100, 101, 102, 110, 111, 112]);
  });

  it('channel means are the squeeze', () => {
    expect(Array.from(channelMeans(data, shape))).toEqual([6, 106]);
  });

  it('maps values to lookup-table indices, clamped', () => {
    const d = { lo: -1, hi: 1 };
    expect(lutIndex(-1, d, 256)).toBe(0);
    expect(lutIndex(1, d, 256)).toBe(255);
    expect(lutIndex(0, d, 256)).toBe(128);
    expect(lutIndex(5, d, 256)).toBe(255);
    expect(lutIndex(-5, d, 256)).toBe(0);
    expect(lutIndex(NaN, d, 256)).toBe(0);
  });

  it('colourises through the table, opaque', () => {
    const lut = Uint8Array.from([0, 0, 0, 255, 255, 255]);
    expect(Array.from(colourise([0, 1, 0.4], { lo: 0, hi: 1 }, lut))).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255]);
  });

  it('top-k, largest first, stable on ties', () => {
    expect(topK([0.1, 0.5, 0.2, 0.5], 3)).toEqual([
      { index: 1, value: 0.5 },
      { index: 3, value: 0.5 },
      { index: 2, value: 0.2 },
    ]);
    expect(topK([1], 5)).toHaveLength(1);
  });

  it('channel orders', () => {
    const z = [0.1, -3, 2];
    const s = [0.9, 0.2, 0.5];
    expect(channelOrder(3, 'index', z, s)).toEqual([0, 1, 2]);
    expect(channelOrder(3, 'z', z, s)).toEqual([2, 0, 1]);
    expect(channelOrder(3, 's', z, s)).toEqual([0, 2, 1]);
    expect(channelOrder(3, 's', null, null)).toEqual([0, 1, 2]);
  });

  it('rgb → rgba and number formatting', () => {
    expect(Array.from(rgbToRgba([1, 2, 3, 4, 5, 6]))).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
    expect(fmt(0.123456)).toBe('0.123');
    expect(fmt(0)).toBe('0.000');
    expect(fmt(12345.6)).toBe('1.23e+4');
    expect(fmt(0.00001234)).toBe('1.23e-5');
  });
});
