import { describe, expect, it } from 'vitest';
import type { BlockTaps } from '../types/forward';
import { blockExtent, channelExtents, extent, mapDomains, networkExtent, normalise, vectorDomain } from './domain';

function taps(index: number, H: number, W: number, C: number, f: (y: number, x: number, c: number) => number, s?: number[]): BlockTaps {
  const u = new Float32Array(H * W * C);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < C; c++) u[(y * W + x) * C + c] = f(y, x, c);
  const sv = Float32Array.from(s ?? new Array(C).fill(0.5));
  const z = new Float32Array(C);
  return { index, shape: [H, W, C], u, z, h: new Float32Array(1).fill(index), e: sv.map((v) => Math.log(v / (1 - v))), sModel: sv, s: sv, scaled: u.map((v, i) => v * sv[i % C]!), out: u.map((v) => Math.max(0, v)) };
}

describe('colour domains', () => {
  const b0 = taps(0, 2, 2, 3, (y, x, c) => (c === 0 ? y + x : c === 1 ? -10 * (y + x) + 0 : 0.5), [0.1, 0.9, 0.5]);
  const b1 = taps(1, 1, 2, 2, (_y, x, c) => (c === 0 ? 100 * x : -3), [0.2, 0.3]);
  const blocks = [b0, b1];

  it('extent and per-channel extents of an interleaved tensor', () => {
    expect(extent([3, -1, 2])).toEqual({ lo: -1, hi: 3 });
    expect(extent([])).toEqual({ lo: 0, hi: 0 });
    expect(channelExtents(b0.u, 3)).toEqual([
      { lo: 0, hi: 2 },
      { lo: -20, hi: 0 },
      { lo: 0.5, hi: 0.5 },
    ]);
  });

  it('signed domains are symmetric, unsigned ones start at 0, flat ones are widened', () => {
    expect(normalise({ lo: -2, hi: 5 }, true)).toEqual({ lo: -5, hi: 5 });
    expect(normalise({ lo: 2, hi: 5 }, false)).toEqual({ lo: 0, hi: 5 });
    const flat = normalise({ lo: 0, hi: 0 }, false);
    expect(flat.hi).toBeGreaterThan(flat.lo);
    const flatSigned = normalise({ lo: 0, hi: 0 }, true);
    expect(flatSigned.hi).toBeGreaterThan(0);
    expect(flatSigned.lo).toBeLessThan(0);
  });

  it('per channel: every map has its own (symmetric) range', () => {
    const d = mapDomains(blocks, 0, 'u', 'channel');
    expect(d).toHaveLength(3);
    expect(d[0]).toEqual({ lo: -2, hi: 2 });
    expect(d[1]).toEqual({ lo: -20, hi: 20 });
  });

  it('per block: one range for the whole block', () => {
    const d = mapDomains(blocks, 0, 'u', 'block');
    expect(new Set(d.map((x) => JSON.stringify(x))).size).toBe(1);
    expect(d[0]).toEqual({ lo: -20, hi: 20 });
    expect(blockExtent(b0, 'u')).toEqual({ lo: -20, hi: 2 });
  });

  it('whole network: one range over every block', () => {
    expect(networkExtent(blocks, 'u')).toEqual({ lo: -20, hi: 100 });
    expect(mapDomains(blocks, 0, 'u', 'network')[0]).toEqual({ lo: -100, hi: 100 });
    expect(mapDomains(blocks, 1, 'u', 'network')[1]).toEqual({ lo: -100, hi: 100 });
  });

  it('U·s drawn on U’s scale (so dimmed channels look dimmed)', () => {
    expect(mapDomains(blocks, 0, 'scaled', 'block', 'u')).toEqual(mapDomains(blocks, 0, 'u', 'block'));
  });

  it('out is unsigned (starts at 0)', () => {
    expect(mapDomains(blocks, 1, 'out', 'block')[0]).toEqual({ lo: 0, hi: 100 });
  });

  it('vector domains: per-channel mode falls back to the block', () => {
    expect(vectorDomain(blocks, 0, 's', 'channel')).toEqual({ lo: 0, hi: Math.fround(0.9) });
    expect(vectorDomain(blocks, 0, 's', 'block')).toEqual({ lo: 0, hi: Math.fround(0.9) });
    expect(vectorDomain(blocks, 1, 's', 'network')).toEqual({ lo: 0, hi: Math.fround(0.9) });
    expect(vectorDomain(blocks, 1, 'h', 'network')).toEqual({ lo: 0, hi: 1 });
    expect(vectorDomain([null], 0, 's', 'block')).toEqual({ lo: 0, hi: 1 });
  });
});
