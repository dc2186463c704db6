import { describe, expect, it } from 'vitest';
import cardJson from '../../public/models/se-resnet20-cifar10/card.json';
import { quizNumbers } from '../compute/lesson/quizNumbers';
import { SECTION_IDS } from '../compute/lesson/sections';
import type { ModelCard } from '../types/card';
import { fill } from './format';
import { itHasParity } from './parity.test-util';
import { quizFor, quizT } from './quiz';
import { quizEn } from './quiz.en';
import { quizKo } from './quiz.ko';

const card = cardJson as unknown as ModelCard;

describe('quiz strings', () => {
  itHasParity(quizEn as Record<string, string>, quizKo as Record<string, string>);

  it('every teaching section has 3–6 questions, each with an answer', () => {
    for (const id of SECTION_IDS.filter((s) => s !== 'summary')) {
      const qs = quizFor(id);
      expect(qs.length, id).toBeGreaterThanOrEqual(3);
      expect(qs.length, id).toBeLessThanOrEqual(6);
      for (const { a } of qs) expect(a in quizEn, a).toBe(true);
    }
    expect(quizFor('no-such-section')).toEqual([]);
  });

  it('every placeholder of every answer and summary line is filled from computed numbers', () => {
    const n = quizNumbers(card);
    for (const table of [quizEn, quizKo] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(table)) {
        if (key.startsWith('summary.')) continue; // filled by the summary section (card + tables)
        expect(fill(text, n), key).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('answers carry the computed values', () => {
    const n = quizNumbers(card);
    expect(quizT('en')('excitation.a1', n)).toContain('512 FC weights');
    expect(quizT('ko')('cost.a1', n)).toContain('8,192개');
    // C/r and r are both 16 here: the answer writes C²/r, not 2 · 256 · 16 (which reads as 2·C·r)
    expect(quizT('en')('cost.a1', n)).toContain('2 · 256² / 16 = 8,192');
    expect(quizT('en')('cost.a1', n)).not.toContain('2 · 256 · 16');
    expect(quizT('en')('cost.a4', n)).toContain('63%');
    expect(quizT('en')('results.a3', n)).toBe('Top-1 error 24.80% → 23.29%, 1.51 points better.');
    expect(quizT('en')('squeeze.q1', n)).toContain(`C = ${card.architecture.blocks.at(-1)!.channels}`);
  });
});
