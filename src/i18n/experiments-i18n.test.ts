import { describe, expect, it } from 'vitest';
import { experimentsEn } from './experiments.en';
import { experimentsKo } from './experiments.ko';
import { exText, fixed, grouped, millions, percent, signedPoints } from './experiments';

const placeholders = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!).sort();

describe('experiments strings', () => {
  const en = experimentsEn as Record<string, string>;
  const ko = experimentsKo as Record<string, string>;
  it('every English key exists, non-empty, in Korean', () => {
    const missing = Object.keys(en).filter((k) => typeof ko[k] !== 'string' || !ko[k]!.trim());
    expect(missing).toEqual([]);
  });
  it('every Korean key exists, non-empty, in English', () => {
    const missing = Object.keys(ko).filter((k) => typeof en[k] !== 'string' || !en[k]!.trim());
    expect(missing).toEqual([]);
  });
  it('both languages use the same placeholders', () => {
    const differ = Object.keys(en).filter((k) => placeholders(en[k]!).join() !== placeholders(ko[k] ?? '').join());
    expect(differ).toEqual([]);
  });
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
