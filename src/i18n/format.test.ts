import { describe, expect, it } from 'vitest';
import { grouped } from './format';

describe('grouped', () => {
  it('groups digits by three with commas, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 12345, 280958, 41943040, 1234567890, -1234, -12]) {
      expect(grouped(n)).toBe(n.toLocaleString('en-US'));
    }
  });
  it('rounds first', () => {
    expect(grouped(999.6)).toBe('1,000');
    expect(grouped(-0.4)).toBe('0');
  });
});
