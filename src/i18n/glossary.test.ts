import { describe, expect, it } from 'vitest';
import { en } from './en';
import { experimentsEn } from './experiments.en';
import { experimentsKo } from './experiments.ko';
import { GLOSSARY, TRANSLATIONESE, englishVocabularyProblems, glossaryFor, vocabularyProblems } from './glossary';
import { ko } from './ko';
import { lessonEn } from './lesson.en';
import { lessonKo } from './lesson.ko';
import { quizEn } from './quiz.en';
import { quizKo } from './quiz.ko';
import { slidesEn } from './slides.en';
import { slidesKo } from './slides.ko';

const KOREAN_TABLES: Record<string, Record<string, string>> = { ko, lessonKo, experimentsKo, quizKo, slidesKo };
const ENGLISH_TABLES: Record<string, Record<string, string>> = { en, lessonEn, experimentsEn, quizEn, slidesEn };

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

  it('keeps the channel weight s apart from the FC weights W, and names the paper’s tables one way', () => {
    const planted: [string, string][] = [
      ['weight', '0과 1 사이의 가중치'],
      ['weight', 's (가중치)'],
      ['weight', '가중치 s_c를 곱합니다'],
      ['weight', '합성곱의 채널 가중치는'],
      ['fcWeight', '스테이지별 SE 가중치'],
      ['fcWeight', '곁가지의 가중치 W₁과 W₂'],
      ['paperRef', '논문의 Table 11에서'],
      ['paperRef', '(Section 4)'],
    ];
    for (const [concept, text] of planted) expect(vocabularyProblems({ k: text }).map((p) => p.concept), text).toContain(concept);
    expect(vocabularyProblems({ a: '채널 가중치 s_c', b: '채널 {c}의 가중치 s', c: 'FC 가중치 W₁', d: '표 11, 4절', e: '그림 6과 7.2절' })).toEqual([]);
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

describe('English vocabulary', () => {
  for (const [name, table] of Object.entries(ENGLISH_TABLES)) {
    it(`${name} uses only the glossary's English term for each concept`, () => {
      expect(englishVocabularyProblems(table)).toEqual([]);
    });
  }

  it('catches a planted English variant of each concept that lists one', () => {
    const planted: Record<string, string> = {
      shortcut: 'the skip connection is added',
      descriptor: 'the channel vector z',
      reduction: 'the compression ratio r',
      fc: 'two dense layers',
      hidden: 'C/r hidden neurons',
      weight: 'the gate values of block {id}',
      parameter: '{n} params',
      points: '{v} pts better',
      gap: 'global mean pooling',
      featureMap: 'every activation map',
      section: 'the next chapter',
      baseline: 'the vanilla ResNet',
      network: 'a small net',
    };
    for (const [concept, text] of Object.entries(planted)) {
      expect(englishVocabularyProblems({ k: text }).map((p) => p.concept), text).toContain(concept);
    }
  });

  it('keeps the channel weight s apart from the FC weights W', () => {
    const planted: [string, string][] = [
      ['weight', 'a weight for every channel'],
      ['weight', 'turns each into a weight s_c between 0 and 1'],
      ['weight', 's (weight)'],
      ['fcWeight', 'SE weights per stage'],
      ['fcWeight', 'its weights W₁ and W₂'],
    ];
    for (const [concept, text] of planted) expect(englishVocabularyProblems({ k: text }).map((p) => p.concept), text).toContain(concept);
    expect(englishVocabularyProblems({ a: 'its channel weight s_c', b: 'Channel weights s', c: 'the FC weights W₁ and W₂' })).toEqual([]);
  });

  it('leaves names and ordinary words alone', () => {
    // the paper's design names, SENets, the identity function, a summary of a channel
    const ok = {
      a: 'SE-Identity and SE-PRE in Table 14',
      b: 'SENets won ILSVRC 2017',
      c: 'an SE block whose activations are all one is the identity',
      d: 'a summary of it that does not depend on position',
      e: 'the reduction ratio r sets the price',
      f: '{v} points better',
    };
    expect(englishVocabularyProblems(ok)).toEqual([]);
  });

  it('every English term is allowed by its own rules', () => {
    for (const g of GLOSSARY) {
      expect(englishVocabularyProblems({ [g.id]: g.en }).filter((p) => p.concept === g.id), g.en).toEqual([]);
    }
  });
});
