import { describe, expect, it } from 'vitest';
import { experimentsKo } from './experiments.ko';
import { GLOSSARY, TRANSLATIONESE, glossaryFor, vocabularyProblems } from './glossary';
import { ko } from './ko';
import { lessonKo } from './lesson.ko';
import { quizKo } from './quiz.ko';

const KOREAN_TABLES: Record<string, Record<string, string>> = { ko, lessonKo, experimentsKo, quizKo };

describe('Korean vocabulary', () => {
  for (const [name, table] of Object.entries(KOREAN_TABLES)) {
    it(`${name} uses only the glossary's term for each concept and no translated phrasing`, () => {
      expect(vocabularyProblems(table)).toEqual([]);
    });
  }

  it('catches a planted variant of each concept that lists one', () => {
    const planted: Record<string, string> = {
      excitation: '클래스별 여기(excitation) 통계',
      epoch: '100 에폭 동안',
      parameter: '매개변수 수',
      lesson: '레슨을 시작합니다',
      section: '7개 중 2번째 절',
      network: '일반 네트워크',
      baseline: '일반 기준선',
      points: '{gain}p 차이',
      shortcut: '숏컷을 더합니다',
    };
    for (const [concept, text] of Object.entries(planted)) {
      expect(vocabularyProblems({ k: text }).map((p) => p.concept), text).toContain(concept);
    }
    expect(vocabularyProblems({ k: 'ReLU에 의해 잘렸습니다' })[0]?.concept).toBe('translationese');
  });

  it('leaves the ordinary words that look like a variant alone', () => {
    // 여기서 = "here", 절반 = "half", the paper's name stays in English
    expect(vocabularyProblems({ a: '여기서 다시 계산한 값', b: '세기의 절반 넘게', c: 'Squeeze-and-Excitation Networks', d: '1.2%p 차이' })).toEqual([]);
  });

  it('every chosen term is allowed by its own rules and the ids are unique', () => {
    for (const g of GLOSSARY) {
      expect(vocabularyProblems({ [g.id]: g.ko }).filter((p) => p.concept === g.id)).toEqual([]);
      expect(g.en.trim()).not.toBe('');
    }
    expect(new Set(GLOSSARY.map((g) => g.id)).size).toBe(GLOSSARY.length);
    expect(TRANSLATIONESE.length).toBeGreaterThan(0);
  });

  it('the box lists the terms of a section', () => {
    expect(glossaryFor('squeeze').map((g) => g.id)).toEqual(expect.arrayContaining(['squeeze', 'descriptor', 'gap']));
    expect(glossaryFor('no-such-section')).toEqual([]);
  });
});
