import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelCard, ModelIndex } from '../src/types/card';
import { examplesForCard, parseCatalogue } from '../src/compute/examples';

const pub = join(__dirname, '..', 'public');
const index = JSON.parse(readFileSync(join(pub, 'models', 'index.json'), 'utf8')) as ModelIndex;
const card = JSON.parse(readFileSync(join(pub, 'models', index.default, 'card.json'), 'utf8')) as ModelCard;
const catalogue = parseCatalogue(JSON.parse(readFileSync(join(pub, 'examples', 'examples.json'), 'utf8')));
const base = 'https://school.example/se/examples/examples.json';

describe('example images', () => {
  it('the shipped model gets at least ten examples, one or more of every class', () => {
    const ex = examplesForCard(catalogue, card, base);
    expect(ex.length).toBeGreaterThanOrEqual(10);
    for (const c of card.classes) expect(ex.some((e) => e.class === c.key)).toBe(true);
    expect(new Set(ex.map((e) => e.id)).size).toBe(ex.length);
    expect(ex[0]!.url.startsWith('https://school.example/se/examples/')).toBe(true);
  });

  it('every listed file is a PNG of the set’s size, and its provenance names split, class and number', () => {
    for (const set of catalogue.sets) {
      for (const im of set.images) {
        const bytes = readFileSync(join(pub, 'examples', im.file));
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([set.inputSize, set.inputSize]);
        const dir = im.file.replace(/\/[^/]*$/, '');
        const provenance = readFileSync(join(pub, 'examples', dir, 'PROVENANCE.md'), 'utf8');
        const name = im.file.replace(/^.*\//, '');
        expect(provenance).toContain(`| \`${name}\` | ${set.split} | ${im.class} | ${String(im.number).padStart(4, '0')} |`);
      }
    }
  });

  it('a model with other classes, another order or another input size gets none', () => {
    const other = { ...card, classes: card.classes.map((c, i) => (i === 0 ? { ...c, key: 'plane' } : c)) };
    expect(examplesForCard(catalogue, other, base)).toEqual([]);
    expect(examplesForCard(catalogue, { ...card, classes: [...card.classes].reverse() }, base)).toEqual([]);
    expect(examplesForCard(catalogue, { ...card, preprocessing: { ...card.preprocessing, inputSize: 64 } }, base)).toEqual([]);
  });

  it('a malformed catalogue counts as none', () => {
    expect(parseCatalogue(null).sets).toEqual([]);
    expect(parseCatalogue({ sets: 'x' }).sets).toEqual([]);
    expect(parseCatalogue({ sets: [{ id: 'a', images: [{ file: 3 }] }] }).sets).toEqual([]);
    expect(examplesForCard(parseCatalogue({}), card, base)).toEqual([]);
  });
});
