import { describe, expect, it } from 'vitest';
import cardJson from '../../../public/models/se-resnet20-cifar10/card.json';
import { SECTION_IDS } from '../../compute/lesson/sections';
import type { ModelCard } from '../../types/card';
import { slideParams } from './SlideText';
import { placeholders } from '../../i18n/index';
import { itHasParity } from '../../i18n/parity.test-util';
import { slideLines, slideText, slideTitle } from '../../i18n/slides';
import { slidesEn } from '../../i18n/slides.en';
import { slidesKo } from '../../i18n/slides.ko';

const card = cardJson as unknown as ModelCard;

describe('slide text (presenter mode)', () => {
  itHasParity(slidesEn as Record<string, string>, slidesKo as Record<string, string>);

  it('every section has a short title and two or three lines, and nothing else is in the table', () => {
    const used = new Set<string>();
    for (const id of SECTION_IDS) {
      const title = slideTitle(id);
      expect(title, id).not.toBeNull();
      const lines = slideLines(id);
      expect(lines.length, id).toBeGreaterThanOrEqual(2);
      expect(lines.length, id).toBeLessThanOrEqual(3);
      [title!, ...lines].forEach((k) => used.add(k));
    }
    expect(Object.keys(slidesEn).filter((k) => !used.has(k))).toEqual([]);
    expect(slideLines('no-such-section')).toEqual([]);
    expect(slideTitle('no-such-section')).toBeNull();
  });

  it('lines are short: one or two sentences a class reads at a glance', () => {
    // filled with the real card's numbers; about three lines of the slide's text column each
    const params = slideParams(card);
    for (const id of SECTION_IDS) {
      for (const k of slideLines(id)) {
        const en = slideText('en', k, params);
        const ko = slideText('ko', k, params);
        expect(en.length, `${k}: ${en}`).toBeLessThanOrEqual(95);
        expect(ko.length, `${k}: ${ko}`).toBeLessThanOrEqual(60);
        expect(en.match(/[.?!](?:\s|$)/g)?.length ?? 0, `${k}: at most two sentences`).toBeLessThanOrEqual(2);
      }
      expect(slideText('en', slideTitle(id)!).length).toBeLessThanOrEqual(24);
      expect(slideText('ko', slideTitle(id)!).length).toBeLessThanOrEqual(16);
    }
  });

  it('every placeholder is filled from the card and the paper’s tables', () => {
    const params = slideParams(card);
    for (const text of Object.values(slidesEn)) {
      for (const name of placeholders(text)) expect(params[name], name).not.toBeUndefined();
    }
    expect(slideText('en', 'architecture.2', params)).toContain(`r = ${card.architecture.seReduction}`);
    expect(slideText('ko', 'results.1', params)).not.toMatch(/\{\w+\}/);
  });
});
