/**
 * One vocabulary for both languages: for each concept the Korean term we chose, the English
 * term we chose, and the variants that must not appear, Korean (`banned`) and English
 * (`enBanned`); glossary.test.ts checks every Korean and every English string against them. The
 * lesson shows the entries of the current section as a box. Pure data.
 */

export interface GlossaryEntry {
  id: string;
  ko: string;
  en: string;
  /** lesson sections (ids of compute/lesson/sections) where the box lists this term */
  sections: readonly string[];
  /** variants banned from every Korean string; the chosen term must not match any */
  banned: readonly RegExp[];
  /** variants banned from every English string; the English term must not match any */
  enBanned: readonly RegExp[];
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  // the SE block's own operations ("Squeeze-and-Excitation" as a name stays in English)
  { id: 'squeeze', ko: '스퀴즈', en: 'squeeze', sections: ['squeeze', 'instantiation'], banned: [/(?<![-A-Za-z])[Ss]queeze(?!-and)/, /압축 단계/], enBanned: [/\bcompress(?:ion)? (?:step|stage|operation)\b/i] },
  {
    id: 'excitation',
    ko: '익사이테이션',
    en: 'excitation',
    sections: ['excitation', 'instantiation'],
    // "여기" for excitation reads as "here"; 여기서 / 여기의 (here) stay allowed
    banned: [/(?<!-and-)[Ee]xcitation/, /여기\s*\(/, /(평균|클래스별|같은|채널별) 여기(?![서의에])/, /여기 (값|통계|로짓|히트맵)/, /들뜸/],
    enBanned: [/\bexcite (?:step|stage|operation|weights?)\b/i, /\bexcitement\b/i],
  },
  { id: 'scale', ko: '스케일', en: 'scale', sections: ['scale', 'instantiation'], banned: [/(?<![A-Za-z_])[Ss]cale(?![A-Za-z])/], enBanned: [/\brescal(?:e|ing) (?:step|operation)\b/i, /\bre-?weighting (?:step|operation)\b/i] },
  { id: 'reduction', ko: '축소 비율 r', en: 'reduction ratio r', sections: ['excitation', 'architecture', 'cost'], banned: [/감소 ?비율/, /축소비(?!율)/, /리덕션/, /[Rr]eduction/], enBanned: [/\b(?:compression|squeeze|shrink(?:age)?|bottleneck) (?:ratio|factor|rate)\b/i, /\breduction (?:factor|rate)\b/i] },
  { id: 'descriptor', ko: '채널 기술자', en: 'channel descriptor', sections: ['squeeze'], banned: [/채널 ?(디스크립터|서술자|설명자)/, /[Dd]escriptor/], enBanned: [/\bchannel[- ](?:vector|summary)\b/i, /\b(?:summary|squeezed?) vector\b/i, /\bchannel-wise descriptor\b/i] },
  { id: 'featureMap', ko: '특징 맵', en: 'feature map', sections: ['why', 'squeeze', 'scale'], banned: [/피[쳐처] ?맵/, /특성 ?맵/, /특징맵/, /[Ff]eature map/], enBanned: [/\bactivation maps?\b/i, /\bfeature-maps?\b/i, /\bfeature planes?\b/i] },
  { id: 'gap', ko: '전역 평균 풀링', en: 'global average pooling', sections: ['squeeze'], banned: [/글로벌 ?평균/, /[Gg]lobal average/, /광역 평균/], enBanned: [/\bGAP\b/, /\bglobal mean pool(?:ing)?\b/i] },
  { id: 'fc', ko: '완전 연결층 (FC)', en: 'fully connected layer (FC)', sections: ['excitation', 'cost'], banned: [/전결합/, /완전연결/, /완전 연결 ?레이어/, /[Ff]ully connected/], enBanned: [/\bdense layers?\b/i, /\blinear layers?\b/i, /\bfully-connected\b/i] },
  { id: 'hidden', ko: '은닉 유닛', en: 'hidden unit', sections: ['excitation'], banned: [/히든 ?유닛/, /은닉 ?(단위|뉴런|노드)/], enBanned: [/\bhidden (?:neurons?|nodes?)\b/i, /\bbottleneck units?\b/i] },
  { id: 'sigmoid', ko: '시그모이드', en: 'sigmoid', sections: ['excitation'], banned: [/[Ss]igmoid/], enBanned: [/\blogistic (?:function|curve)\b/i] },
  { id: 'softmax', ko: '소프트맥스', en: 'softmax', sections: ['excitation'], banned: [/[Ss]oftmax/], enBanned: [/\bsoft[- ]max\b/i] },
  { id: 'logit', ko: '로짓', en: 'logit', sections: ['excitation'], banned: [/로지트/, /(?<![A-Za-z])[Ll]ogit/], enBanned: [/\bpre-?activations?\b/i, /\braw scores?\b/i] },
  { id: 'gate', ko: '게이트', en: 'gate', sections: ['excitation'], banned: [/관문/], enBanned: [/\bgating (?:function|unit|mechanism)s?\b/i] },
  { id: 'attention', ko: '어텐션', en: 'attention', sections: ['excitation'], banned: [/주의 ?(집중|메커니즘|기제)/, /[Aa]ttention/], enBanned: [/\battention mask\b/i] },
  // s (one per channel, computed for each image) and W (learned, fixed after training) are both
  // "weights": each always says which it is ("channel weight s", "FC weights W").
  {
    id: 'weight',
    ko: '채널 가중치 s',
    en: 'channel weight s',
    sections: ['excitation', 'scale'],
    banned: [/게이트 ?값/, /스케일링 ?계수/, /중요도 ?점수/, /채널별 가중치/, /합성곱의 채널 가중치/, /s \(가중치\)/, /사이의 가중치/, /(?<!채널 |의 )가중치 s(?:_c)?(?![A-Za-z])/],
    enBanned: [
      /\bgate values?\b/i,
      /\bscal(?:e|ing) factors?\b/i,
      /\bexcitation weights?\b/i,
      /\battention weights?\b/i,
      /\bimportance (?:scores?|weights?)\b/i,
      /\bs \(weight\)/,
      /\ba weight for every channel\b/i,
      /(?<![Cc]hannel )\bweights? s(?:_c)?\b/,
      /(?<![Cc]hannel )\bweights? between 0 and 1\b/,
    ],
  },
  {
    id: 'fcWeight',
    ko: 'FC 가중치 W',
    en: 'FC weights W',
    sections: ['excitation', 'cost'],
    banned: [/SE 가중치/, /(?<!FC )가중치 W/],
    enBanned: [/\bSE weights\b/, /(?<!FC )\bweights W/],
  },
  { id: 'bias', ko: '편향', en: 'bias', sections: ['excitation', 'cost'], banned: [/바이어스/, /(?<![A-Za-z])[Bb]ias/], enBanned: [/\boffset terms?\b/i] },
  { id: 'convolution', ko: '합성곱', en: 'convolution', sections: ['why', 'instantiation'], banned: [/컨[볼벌]루션/, /콘볼루션/, /[Cc]onvolution/], enBanned: [/\bconv layers?\b/i] },
  { id: 'residual', ko: '잔차', en: 'residual', sections: ['instantiation'], banned: [/레지듀얼/, /(?<![A-Za-z-])[Rr]esidual/], enBanned: [/\bresidual (?:path|mapping|function|connection)s?\b/i] },
  { id: 'shortcut', ko: '지름길', en: 'shortcut', sections: ['instantiation', 'scale'], banned: [/숏컷/, /쇼트컷/, /스킵 ?연결/, /[Ss]hortcut/], enBanned: [/\bskip[- ]?connections?\b/i, /\bidentity (?:path|branch|connection|mapping|shortcut)s?\b/i, /\bbypass\b/i] },
  { id: 'bottleneck', ko: '병목', en: 'bottleneck', sections: ['architecture', 'excitation'], banned: [/보틀넥/, /[Bb]ottleneck/], enBanned: [] },
  { id: 'stage', ko: '스테이지', en: 'stage', sections: ['architecture', 'cost'], banned: [/단계\.블록/, /(?<![가-힣])단계 \{n\}/], enBanned: [] },
  { id: 'step', ko: '단계', en: 'step (of the animation)', sections: [], banned: [], enBanned: [] },
  { id: 'parameter', ko: '파라미터', en: 'parameter', sections: ['architecture', 'cost'], banned: [/매개변수/, /매개 변수/], enBanned: [/\bparams\b/i] },
  { id: 'epoch', ko: '에포크', en: 'epoch', sections: ['results'], banned: [/에폭/], enBanned: [] },
  { id: 'network', ko: '신경망', en: 'network', sections: [], banned: [/네트워크/], enBanned: [/\bneural nets?\b/i, /\bnets?\b/i] },
  { id: 'baseline', ko: '기준 모델', en: 'baseline', sections: ['results'], banned: [/기준선/, /베이스라인/], enBanned: [/\bvanilla\b/i, /\breference model\b/i] },
  { id: 'ablation', ko: '어블레이션 실험', en: 'ablation', sections: ['squeeze', 'cost'], banned: [/[Aa]blation/, /절제 실험/], enBanned: [/\bablative\b/i] },
  { id: 'lesson', ko: '강의', en: 'lesson', sections: [], banned: [/레슨/], enBanned: [/\btutorial\b/i] },
  { id: 'section', ko: '단원', en: 'section (of the lesson)', sections: [], banned: [/(?<![가-힣\d.])절(?=$|[\s.,:)]|[을이의에은도])/], enBanned: [/\bchapters?\b/i] },
  // the paper's tables and sections, named one way in Korean: 표 11, 4절 (as 그림 6, 7.2절)
  { id: 'paperRef', ko: '표 11, 4절', en: 'Table 11, Section 4', sections: [], banned: [/Table ?\d/, /Tables ?\d/, /Section ?\d/, /테이블 ?\d/], enBanned: [/\bTab\. ?\d/, /\bSec\. ?\d/] },
  { id: 'points', ko: '%p (퍼센트포인트)', en: 'percentage points', sections: ['results'], banned: [/\}p(?![A-Za-z])/, /\d(?:pt|p)(?![A-Za-z])/, /[\d}] ?포인트/], enBanned: [/\bpts\b/i, /\bpp\b/, /\bpercent points?\b/i, /%[- ]points?\b/i] },
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

/** Every banned English variant found in a table of English strings. */
export function englishVocabularyProblems(strings: Record<string, string>): VocabularyProblem[] {
  const out: VocabularyProblem[] = [];
  for (const [key, raw] of Object.entries(strings)) {
    const text = raw.replace(/\{\w+\}/g, '{}');
    for (const g of GLOSSARY) {
      for (const re of g.enBanned) {
        const m = re.exec(text);
        if (m) out.push({ key, concept: g.id, match: m[0] });
      }
    }
  }
  return out;
}

/** The entries the lesson's box lists for a section, in glossary order. */
export function glossaryFor(section: string): GlossaryEntry[] {
  return GLOSSARY.filter((g) => g.sections.includes(section));
}
