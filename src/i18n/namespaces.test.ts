import { describe, expect, it } from 'vitest';
import { lookup } from './format';
import { NAMESPACES, namespaceT, text } from './namespaces';
import { translate } from './index';
import { lessonText } from './lesson';
import { exText } from './experiments';
import { quizT } from './quiz';
import { slideText } from './slides';

describe('string namespaces', () => {
  it('list every string table in src/i18n (en.ts and each <namespace>.en.ts)', () => {
    const files = Object.keys(import.meta.glob('./*en.ts')).map((p) => p.slice(2));
    const namespaces = files.filter((f) => /^(?:\w+\.)?en\.ts$/.test(f)).map((f) => (f === 'en.ts' ? 'app' : f.split('.')[0])).sort();
    expect(Object.keys(NAMESPACES).sort()).toEqual(namespaces);
  });

  it("route every namespace's own lookup through the registry", () => {
    expect(translate('ko', 'app.title')).toBe(text('app', 'ko', 'app.title'));
    expect(lessonText('ko', 'lesson.progress', { n: 2, total: 7 })).toBe(text('lesson', 'ko', 'lesson.progress', { n: 2, total: 7 }));
    expect(exText('ko', 'rk.progress', { done: 3, total: 16 })).toBe(namespaceT('experiments', 'ko')('rk.progress', { done: 3, total: 16 }));
    expect(quizT('ko')('quiz.title')).toBe(NAMESPACES.quiz.ko['quiz.title']);
    expect(slideText('ko', 'why.title')).toBe(NAMESPACES.slides.ko['why.title']);
  });
});

describe('the fallback rule (format.ts lookup)', () => {
  const tables: { en: Record<string, string>; ko: Record<string, string> } = { en: { a: 'A {x}', b: 'B', c: '' }, ko: { a: '에이 {x}', b: '' } };

  it('uses the language when it has the message', () => {
    expect(lookup(tables, 'ko', 'a', { x: 1 })).toBe('에이 1');
  });
  it('falls back to English for a missing or empty Korean message', () => {
    expect(lookup({ en: { a: 'A' }, ko: {} }, 'ko', 'a')).toBe('A');
    expect(lookup(tables, 'ko', 'b')).toBe('B');
  });
  it('falls back to the key itself when English has nothing either', () => {
    expect(lookup(tables, 'ko', 'c')).toBe('c');
    expect(lookup(tables, 'ko', 'missing')).toBe('missing');
  });
  it('falls back to English for a language it has no table for', () => {
    expect(lookup(tables, 'fr', 'a', { x: 2 })).toBe('A 2');
  });
});
