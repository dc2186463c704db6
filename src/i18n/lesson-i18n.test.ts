import { describe, expect, it } from 'vitest';
import { lessonEn } from './lesson.en';
import { lessonKo } from './lesson.ko';
import { lessonText, num, signed } from './lesson';

const placeholders = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!).sort();

describe('lesson strings', () => {
  const en = lessonEn as Record<string, string>;
  const ko = lessonKo as Record<string, string>;
  it('every English key exists, non-empty, in Korean', () => {
    const missing = Object.keys(en).filter((k) => typeof ko[k] !== 'string' || !ko[k]!.trim());
    expect(missing).toEqual([]);
  });
  it('every Korean key exists, non-empty, in English', () => {
    const missing = Object.keys(ko).filter((k) => typeof en[k] !== 'string' || !en[k]!.trim());
    expect(missing).toEqual([]);
  });
  it('both languages use the same placeholders', () => {
    const differ = Object.keys(en).filter((k) => ko[k] !== undefined && placeholders(en[k]!).join() !== placeholders(ko[k]!).join());
    expect(differ).toEqual([]);
  });
  it('formats placeholders and numbers', () => {
    expect(lessonText('en', 'lesson.progress', { n: 2, total: 7 })).toBe('Section 2 of 7');
    expect(lessonText('ko', 'lesson.progress', { n: 2, total: 7 })).toBe('7개 중 2번째 절');
    expect(num(-0.0001)).toBe('0.00');
    expect(num(-1.5, 1)).toBe('−1.5');
    expect(signed(0.4, 1)).toBe('+0.4');
  });
});
