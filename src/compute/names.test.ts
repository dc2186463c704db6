import { describe, expect, it } from 'vitest';
import { cleanName, fullName, isolatedName, NAME_CHARS, shortName } from './names';
import { className, classTitle, modelName } from './cardFacts';
import type { ModelCard } from '../types/card';

const RLO = '\u202e';

describe('names from a model are data', () => {
  it('removes bidi overrides, isolates, marks and control characters', () => {
    expect(cleanName(`${RLO}evil\u202c name`)).toBe('evil name');
    expect(cleanName('a\u2066b\u2069c\u200fd\u061ce')).toBe('a b c d e');
    expect(cleanName('line\nbreak\ttab\u0000nul')).toBe('line break tab nul');
    // letters of right-to-left scripts stay: only the formatting characters go
    expect(cleanName('שלום עולם')).toBe('שלום עולם');
    expect(cleanName('고양이')).toBe('고양이');
  });

  it('cuts a long name with an ellipsis, by code point', () => {
    const long = 'x'.repeat(10_000);
    expect(shortName(long)).toHaveLength(NAME_CHARS);
    expect(shortName(long).endsWith('…')).toBe(true);
    expect(shortName('short')).toBe('short');
    const emoji = '😀'.repeat(100);
    expect([...shortName(emoji)]).toHaveLength(NAME_CHARS);
    expect(shortName(emoji)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no half pair
    expect(fullName(long)).toHaveLength(2000);
  });

  it('isolates a name for a sentence with FSI…PDI', () => {
    expect(isolatedName(`${RLO}sruoy`)).toBe('\u2068sruoy\u2069');
  });

  it('className and modelName show the clean, short name; classTitle the full one', () => {
    const card = { name: `${RLO}${'N'.repeat(300)}`, classes: [{ key: 'a', en: 'c'.repeat(10_000), ko: `고양이${RLO}` }] } as unknown as ModelCard;
    expect(className(card, 0, 'en')).toHaveLength(NAME_CHARS);
    expect(classTitle(card, 0, 'en').length).toBeGreaterThan(NAME_CHARS);
    expect(className(card, 0, 'ko')).toBe('고양이');
    expect(modelName(card)).toBe(`${'N'.repeat(NAME_CHARS - 1)}…`);
  });
});
