import { describe, expect, it } from 'vitest';
import type { BaselineSummary, ModelCard } from '../types/card';
import { recipeDifferences, seOnlyDecay, seVsPlain } from './seVsPlain';
import { PUBLISHED_CIFAR10, PUBLISHED_SOURCES, publishedGain } from './publishedCifar';
import { TABLE4_CIFAR10 } from './lesson/paperTables';

function card(baseline: BaselineSummary | null, over: Partial<ModelCard['training']> = {}, interim = true): ModelCard {
  return {
    name: 'SE-ResNet-20',
    interim,
    metrics: { testTop1: 0.6, testTop1PerClass: {}, testImages: 10000, baseline },
    complexity: { params: 110, paramsWithSE: 110, paramsWithoutSE: 100, macs: { conv: 0, se: 0, fc: 0, total: 0 }, macsWithSE: 1001, macsWithoutSE: 1000, weightsBytes: 0 },
    training: { recipe: { lr: 0.1, epochs: 100, se: true }, epochs: 10, plannedEpochs: 100, trainingSeconds: 1, run: 'x', framework: 'y', ...over },
  } as unknown as ModelCard;
}
const base = (o: Partial<BaselineSummary>): BaselineSummary => ({
  name: 'ResNet-20 (no SE)', run: 'r', finished: false, epochs: 10, testTop1: null, trainingSeconds: null, config: { lr: 0.1, epochs: 100, se: false }, ...o,
});

describe('SE vs plain from the card', () => {
  it('has no comparison without a baseline, but still the architecture costs', () => {
    const d = seVsPlain(card(null));
    expect(d.baseline).toBe('missing');
    expect(d.gainPoints).toBeNull();
    expect(d.comparable).toBe(false);
    expect(d.recipeDiffers).toBeNull();
    expect(d.paramOverhead).toBeCloseTo(0.1, 12);
    expect(d.macOverhead).toBeCloseTo(0.001, 12);
    expect(d.plain.name).toBe('ResNet-20');
  });

  it('tells a baseline without a number from an unfinished and a finished one', () => {
    expect(seVsPlain(card(base({ testTop1: null }))).baseline).toBe('not-evaluated');
    const u = seVsPlain(card(base({ testTop1: 0.55 })));
    expect(u.baseline).toBe('unfinished');
    expect(u.gainPoints).toBeCloseTo(5, 10);
    expect(u.comparable).toBe(true);
    const f = seVsPlain(card(base({ testTop1: 0.55, finished: true, epochs: 100 }), { epochs: 100 }, false));
    expect(f.baseline).toBe('finished');
    expect(f.seInterim).toBe(false);
    expect(f.recipeDiffers).toEqual([]);
  });

  it('passes on the seed of the recipe (each accuracy is one run), null when it names none', () => {
    expect(seVsPlain(card(null)).seed).toBeNull();
    expect(seVsPlain(card(null, { recipe: { lr: 0.1, seed: 7 } })).seed).toBe(7);
  });

  it('is not comparable when the runs trained for different epochs', () => {
    const d = seVsPlain(card(base({ testTop1: 0.5, epochs: 4 })));
    expect(d.comparable).toBe(false);
    expect(d.plain.epochs).toBe(4);
  });

  it('lists recipe differences other than SE itself', () => {
    expect(recipeDifferences({ lr: 0.1, se: true, widths: [16, 32] }, { lr: 0.05, se: false, widths: [16, 32] })).toEqual(['lr']);
    // a run resumed with two threads, or tested more often, still has the same recipe
    expect(recipeDifferences({ lr: 0.1, se: true, threads: 2, eval_every: 1 }, { lr: 0.1, se: false, threads: 1, eval_every: 5 })).toEqual([]);
  });

  it('does not count a setting of SE parameters against the plain twin, but states it', () => {
    const se = { lr: 0.1, se: true, weight_decay: 5e-4, se_weight_decay: 0 };
    const plain = { lr: 0.1, se: false, weight_decay: 5e-4 };
    expect(recipeDifferences(se, plain)).toEqual([]);
    expect(seOnlyDecay(se)).toEqual({ seWeightDecay: 0, weightDecay: 5e-4 });
    // two SE runs that differ in it do not share a recipe
    expect(recipeDifferences(se, { ...se, se_weight_decay: 5e-4 })).toEqual(['se_weight_decay']);
    // SE weights decayed like the rest: nothing to say
    expect(seOnlyDecay({ ...se, se_weight_decay: 5e-4 })).toBeNull();
    expect(seOnlyDecay(plain)).toBeNull();
  });
});

describe('published CIFAR-10 numbers', () => {
  it('every row names a known source and a gain in points', () => {
    for (const r of PUBLISHED_CIFAR10) {
      expect(PUBLISHED_SOURCES[r.source]).toBeDefined();
      expect(publishedGain(r)).not.toBeNull();
    }
    expect(publishedGain(PUBLISHED_CIFAR10.find((r) => r.id === 'o20')!)).toBeCloseTo(-0.04, 10);
    expect(publishedGain(PUBLISHED_CIFAR10.find((r) => r.id === 'r20')!)).toBeCloseTo(0.4, 10);
  });
  it('the paper’s rows are its Table 4, every network, cited to the paper, before the re-implementations', () => {
    const paper = PUBLISHED_CIFAR10.filter((r) => r.source === 'paperTable4');
    expect(paper.map((r) => r.plainModel)).toEqual(TABLE4_CIFAR10.map((t) => t.network));
    for (const [i, r] of paper.entries()) {
      expect(PUBLISHED_CIFAR10[i]).toBe(r);
      expect([r.metric, r.plain, r.se]).toEqual(['error', TABLE4_CIFAR10[i].original, TABLE4_CIFAR10[i].senet]);
    }
    expect(paper.map(publishedGain)).toEqual([1.16, 1.07, 0.39, 0.44]);
    expect(PUBLISHED_SOURCES.paperTable4.label).toContain('Table 4');
    // no number of the paper's reaches the table through another site
    expect(PUBLISHED_CIFAR10.filter((r) => r.source !== 'paperTable4').map((r) => r.id)).toEqual(['r20', 'm20', 'o20']);
  });
});
