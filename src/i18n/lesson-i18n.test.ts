import { describe, expect, it } from 'vitest';
import { itHasParity } from './parity.test-util';
import { lessonEn } from './lesson.en';
import { lessonKo } from './lesson.ko';
import { lessonText, num, signed } from './lesson';


describe('lesson strings', () => {
  itHasParity(lessonEn as Record<string, string>, lessonKo as Record<string, string>);
  it('formats placeholders and numbers', () => {
    expect(lessonText('en', 'lesson.progress', { n: 2, total: 7 })).toBe('Section 2 of 7');
    expect(lessonText('ko', 'lesson.progress', { n: 2, total: 7 })).toBe('7개 단원 중 2번째');
    expect(num(-0.0001)).toBe('0.00');
    expect(num(-1.5, 1)).toBe('−1.5');
    expect(signed(0.4, 1)).toBe('+0.4');
  });
});
