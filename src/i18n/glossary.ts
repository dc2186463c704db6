/**
 * One vocabulary for the Korean text: for each concept the Korean term we chose, the English
 * term, and the Korean variants that must not appear (glossary.test.ts checks every Korean
 * string against `banned`). The lesson shows the entries of the current section as a box.
 * Pure data.
 */

export interface GlossaryEntry {
  id: string;
  ko: string;
  en: string;
  /** lesson sections (ids of compute/lesson/sections) where the box lists this term */
  sections: readonly string[];
  /** variants banned from every Korean string; the chosen term must not match any */
  banned: readonly RegExp[];
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  // the SE block's own operations ("Squeeze-and-Excitation" as a name stays in English)
  { id: 'squeeze', ko: '스퀴즈', en: 'squeeze', sections: ['squeeze', 'instantiation'], banned: [/(?<![-A-Za-z])[Ss]queeze(?!-and)/, /압축 단계/] },
  {
    id: 'excitation',
    ko: '익사이테이션',
    en: 'excitation',
    sections: ['excitation', 'instantiation'],
    // "여기" for excitation reads as "here"; 여기서 / 여기의 (here) stay allowed
    banned: [/(?<!-and-)[Ee]xcitation/, /여기\s*\(/, /(평균|클래스별|같은|채널별) 여기(?![서의에])/, /여기 (값|통계|로짓|히트맵)/, /들뜸/],
  },
  { id: 'scale', ko: '스케일', en: 'scale', sections: ['scale', 'instantiation'], banned: [/(?<![A-Za-z_])[Ss]cale(?![A-Za-z])/] },
  { id: 'reduction', ko: '축소 비율 r', en: 'reduction ratio r', sections: ['excitation', 'architecture', 'cost'], banned: [/감소 ?비율/, /축소비(?!율)/, /리덕션/, /[Rr]eduction/] },
  { id: 'descriptor', ko: '채널 기술자', en: 'channel descriptor', sections: ['squeeze'], banned: [/채널 ?(디스크립터|서술자|설명자)/, /[Dd]escriptor/] },
  { id: 'featureMap', ko: '특징 맵', en: 'feature map', sections: ['why', 'squeeze', 'scale'], banned: [/피[쳐처] ?맵/, /특성 ?맵/, /특징맵/, /[Ff]eature map/] },
  { id: 'gap', ko: '전역 평균 풀링', en: 'global average pooling', sections: ['squeeze'], banned: [/글로벌 ?평균/, /[Gg]lobal average/, /광역 평균/] },
  { id: 'fc', ko: '완전 연결층 (FC)', en: 'fully connected layer (FC)', sections: ['excitation', 'cost'], banned: [/전결합/, /완전연결/, /완전 연결 ?레이어/, /[Ff]ully connected/] },
  { id: 'hidden', ko: '은닉 유닛', en: 'hidden unit', sections: ['excitation'], banned: [/히든 ?유닛/, /은닉 ?(단위|뉴런|노드)/] },
  { id: 'sigmoid', ko: '시그모이드', en: 'sigmoid', sections: ['excitation'], banned: [/[Ss]igmoid/] },
  { id: 'softmax', ko: '소프트맥스', en: 'softmax', sections: ['excitation'], banned: [/[Ss]oftmax/] },
  { id: 'logit', ko: '로짓', en: 'logit', sections: ['excitation'], banned: [/로지트/, /(?<![A-Za-z])[Ll]ogit/] },
  { id: 'gate', ko: '게이트', en: 'gate', sections: ['excitation'], banned: [/관문/] },
  { id: 'attention', ko: '어텐션', en: 'attention', sections: ['excitation'], banned: [/주의 ?(집중|메커니즘|기제)/, /[Aa]ttention/] },
  { id: 'bias', ko: '편향', en: 'bias', sections: ['excitation', 'cost'], banned: [/바이어스/, /(?<![A-Za-z])[Bb]ias/] },
  { id: 'convolution', ko: '합성곱', en: 'convolution', sections: ['why', 'instantiation'], banned: [/컨[볼벌]루션/, /콘볼루션/, /[Cc]onvolution/] },
  { id: 'residual', ko: '잔차', en: 'residual', sections: ['instantiation'], banned: [/레지듀얼/, /(?<![A-Za-z-])[Rr]esidual/] },
  { id: 'shortcut', ko: '지름길', en: 'shortcut', sections: ['instantiation', 'scale'], banned: [/숏컷/, /쇼트컷/, /스킵 ?연결/, /[Ss]hortcut/] },
  { id: 'bottleneck', ko: '병목', en: 'bottleneck', sections: ['architecture', 'excitation'], banned: [/보틀넥/, /[Bb]ottleneck/] },
  { id: 'stage', ko: '스테이지', en: 'stage', sections: ['architecture', 'cost'], banned: [/단계\.블록/, /(?<![가-힣])단계 \{n\}/] },
  { id: 'step', ko: '단계', en: 'step (of the animation)', sections: [], banned: [] },
  { id: 'parameter', ko: '파라미터', en: 'parameter', sections: ['architecture', 'cost'], banned: [/매개변수/, /매개 변수/] },
  { id: 'epoch', ko: '에포크', en: 'epoch', sections: ['results'], banned: [/에폭/] },
  { id: 'network', ko: '신경망', en: 'network', sections: [], banned: [/네트워크/] },
  { id: 'baseline', ko: '기준 모델', en: 'baseline', sections: ['results'], banned: [/기준선/, /베이스라인/] },
  { id: 'ablation', ko: '어블레이션 실험', en: 'ablation', sections: ['squeeze', 'cost'], banned: [/[Aa]blation/, /절제 실험/] },
  { id: 'lesson', ko: '강의', en: 'lesson', sections: [], banned: [/레슨/] },
  { id: 'section', ko: '단원', en: 'section (of the lesson)', sections: [], banned: [/(?<![가-힣\d.])절(?=$|[\s.,:)]|[을이의에은도])/] },
  { id: 'points', ko: '%p (퍼센트포인트)', en: 'percentage points', sections: ['results'], banned: [/\}p(?![A-Za-z])/, /\d(?:pt|p)(?![A-Za-z])/, /[\d}] ?포인트/] },
];

/** Wording that reads as translated rather than said: banned from every Korean string too. */
export const TRANSLATIONESE: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /에 의해/, why: 'passive “에 의해” (say who does it: “ReLU가 …”)' },
  { pattern: /그들의|그것의|그녀의/, why: 'English possessive pronouns' },
  { pattern: /을 가지고 있/, why: '“have” translated word for word' },
  { pattern: /에 대해서의|에 있어서/, why: 'stacked particles of translated English' },
];

export interface VocabularyProblem {
  key: string;
  concept: string;
  match: string;
}

/** Every banned variant or translated phrase found in a table of Korean strings. */
export function vocabularyProblems(strings: Record<string, string>): VocabularyProblem[] {
  const out: VocabularyProblem[] = [];
  for (const [key, raw] of Object.entries(strings)) {
    // placeholders are names, not words: check {} in their place (so '{gain}p' still shows)
    const text = raw.replace(/\{\w+\}/g, '{}');
    for (const g of GLOSSARY) {
      for (const re of g.banned) {
        const m = re.exec(text);
        if (m) out.push({ key, concept: g.id, match: m[0] });
      }
    }
    for (const t of TRANSLATIONESE) {
      const m = t.pattern.exec(text);
      if (m) out.push({ key, concept: 'translationese', match: m[0] });
    }
  }
  return out;
}

/** The entries the lesson's box lists for a section, in glossary order. */
export function glossaryFor(section: string): GlossaryEntry[] {
  return GLOSSARY.filter((g) => g.sections.includes(section));
}
