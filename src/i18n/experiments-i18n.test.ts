import { describe, expect, it } from 'vitest';
import { itHasParity } from './parity.test-util';
import { experimentsEn } from './experiments.en';
import { experimentsKo } from './experiments.ko';
import { exText, fixed, grouped, millions, percent, signedPoints } from './experiments';


describe('experiments strings', () => {
  itHasParity(experimentsEn as Record<string, string>, experimentsKo as Record<string, string>);
  it('formats placeholders and numbers', () => {
    expect(exText('en', 'rk.progress', { done: 3, total: 16 })).toBe('Channel 3 of 16');
    expect(exText('ko', 'rk.progress', { done: 3, total: 16 })).toBe('채널 16개 중 3번째');
    expect(exText('en', 'ex.block', {})).toBe('block {id}');
    expect(percent(0.1234)).toBe('12.3%');
    expect(signedPoints(0.0123)).toBe('+1.2');
    expect(signedPoints(-0.0123)).toBe('−1.2');
    expect(signedPoints(0.00001)).toBe('0.0');
    expect(fixed(-0.0001)).toBe('0.00');
    expect(grouped(280958)).toBe('280,958');
    expect(millions(40907264)).toBe('40.9 M');
  });
});
