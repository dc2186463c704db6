import { describe, expect, it } from 'vitest';
import { itHasParity } from './parity.test-util';
import { lessonEn } from './lesson.en';
import { lessonKo } from './lesson.ko';
import { lessonText, num, signed } from './lesson';
import { quizEn } from './quiz.en';
import { quizKo } from './quiz.ko';


describe('lesson strings', () => {
  itHasParity(lessonEn as Record<string, string>, lessonKo as Record<string, string>);
  it('say that every s_c is computed from all of z, and place SE as Table 14 does (issue 22)', () => {
    // the sigmoid normalises each gate by itself; the FCs still compute each one from every channel
    expect(lessonEn['excite.why']).toContain('computed from all of z');
    expect(lessonKo['excite.why']).toContain('z 전체로부터 계산');
    expect(lessonEn['excite.p1']).toContain('mix the channels');
    expect(lessonKo['excite.p1']).toContain('채널을 섞습니다');
    expect(quizEn['excitation.a2']).toContain('computed from all of z');
    expect(quizKo['excitation.a2']).toContain('z 전체로부터 계산');
    expect(quizEn['instantiation.a3']).toMatch(/^No\. Table 14’s SE-Identity puts SE on the shortcut/);
    expect(quizKo['instantiation.a3']).toMatch(/^아니요\. 표 14의 SE-Identity는 SE를 잔차 가지와 나란히 지름길 위에/);
    for (const text of [...Object.values(lessonEn), ...Object.values(lessonKo), ...Object.values(quizEn), ...Object.values(quizKo)]) {
      expect(text).not.toMatch(/judges each channel on its own|independent of the others|채널을 하나씩 따로 판단/);
      expect(text).not.toMatch(/shortcut is left untouched, so|지름길은 건드리지 않으므로/);
    }
    // Table 14: SE on the shortcut (SE-Identity) does as well; what matters is acting before the addition
    expect(lessonEn['inst.resnet']).toMatch(/SE-Identity.*before the branches are added/s);
    expect(lessonKo['inst.resnet']).toMatch(/SE-Identity.*더하기 전에만 SE를 적용하면/s);
  });
  it('formats placeholders and numbers', () => {
    expect(lessonText('en', 'lesson.progress', { n: 2, total: 7 })).toBe('Section 2 of 7');
    expect(lessonText('ko', 'lesson.progress', { n: 2, total: 7 })).toBe('7개 단원 중 2번째');
    expect(num(-0.0001)).toBe('0.00');
    expect(num(-1.5, 1)).toBe('−1.5');
    expect(signed(0.4, 1)).toBe('+0.4');
  });
});
