import { describe, expect, it } from 'vitest';
import { EXAMPLE } from '../compute/lesson/workedExample';
import type { ModelCard } from '../types/card';
import { readSEWeights } from './seWeights';
import { loadWeightData } from './weights';
import { memoryReader, workedExampleFolder } from './workedExampleFolder';

describe('readSEWeights', () => {
  it('reads the worked example’s FCs from its weight bytes in the paper’s orientation', async () => {
    const reader = memoryReader(workedExampleFolder());
    const card = (await reader.json('card.json')) as ModelCard;
    const weights = await loadWeightData(reader, card.files.weights);
    const [w] = readSEWeights(card, weights);
    expect(w).not.toBeNull();
    expect(w!.channels).toBe(4);
    expect(w!.hidden).toBe(2);
    expect(Array.from(w!.w1)).toEqual(EXAMPLE.w1.flat());
    expect(Array.from(w!.w2)).toEqual(EXAMPLE.w2.flat());
    expect(Array.from(w!.b1)).toEqual(EXAMPLE.b1);
    expect(Array.from(w!.b2)).toEqual(EXAMPLE.b2);
  });
});
