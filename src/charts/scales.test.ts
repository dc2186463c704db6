import { describe, expect, it } from 'vitest';
import { cssColour, legendTicks, paletteFor, paletteLut, parseColour } from './scales';

describe('colour scales', () => {
  it('parses both colour notations d3 produces', () => {
    expect(parseColour('#440154')).toEqual([0x44, 0x01, 0x54]);
    expect(parseColour('rgb(5, 48, 97)')).toEqual([5, 48, 97]);
  });

  it('builds memoised 256-entry tables', () => {
    const a = paletteLut('viridis');
    expect(a).toBe(paletteLut('viridis'));
    expect(a.length).toBe(256 * 3);
    expect(Array.from(a.subarray(0, 3))).toEqual([0x44, 0x01, 0x54]); // viridis starts dark purple
  });

  it('diverging: negative is blue, positive red, zero near white', () => {
    const d = { lo: -1, hi: 1 };
    const [r0, , b0] = parseColour(cssColour('diverging', d, -1));
    const [r1, , b1] = parseColour(cssColour('diverging', d, 1));
    const mid = parseColour(cssColour('diverging', d, 0));
    expect(b0).toBeGreaterThan(r0);
    expect(r1).toBeGreaterThan(b1);
    expect(Math.min(...mid)).toBeGreaterThan(230);
  });

  it('signed quantities get the diverging palette, the gate cividis', () => {
    expect(paletteFor('u')).toBe('diverging');
    expect(paletteFor('z')).toBe('diverging');
    expect(paletteFor('s')).toBe('cividis');
    expect(paletteFor('out')).toBe('viridis');
  });

  it('legend ticks lie inside the domain', () => {
    const t = legendTicks({ lo: -2.3, hi: 2.3 });
    expect(t.length).toBeGreaterThanOrEqual(2);
    for (const x of t) {
      expect(x.at).toBeGreaterThanOrEqual(0);
      expect(x.at).toBeLessThanOrEqual(1);
    }
    expect(t.map((x) => x.label)).toContain('0');
  });
});
