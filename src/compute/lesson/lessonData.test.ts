import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../types/card';
import { channelHealth, quietChannels, quietCountPerBlock } from './channelHealth';
import { fakeTaps } from './fixtures.test-util';
import { compareGates } from './gates';
import { softmax } from '../gateMath';
import { SE_RESNET50_TABLE1, cardLayout, seOverhead } from './layouts';
import { COMPARISONS, gain, ourResults } from './results';
import { TABLE2_IMAGENET, TABLE2_RESNET50, TABLE4_CIFAR10, table2Gain } from './paperTables';
import { SECTIONS, SECTION_IDS, clampSection, resolveFocus } from './sections';
import cardJson from '../../../public/models/se-resnet20-cifar10/card.json';

const card = cardJson as unknown as ModelCard;

describe('near-empty channels', () => {
  it('finds dead and faint channels, emptiest first', () => {
    const t = fakeTaps();
    const h = channelHealth(t.u, t.shape);
    expect(h[1]).toMatchObject({ zeroFraction: 1, reason: 'dead', maxAbs: 0 });
    expect(h[0]!.reason).toBeNull();
    expect(quietChannels(t.u, t.shape).map((q) => q.channel)).toEqual([1]);
    expect(quietChannels(t.u, t.shape, { faintFraction: 0.5, deadFraction: 0.98 }).map((q) => q.channel)).toEqual([1, 2]);
    expect(quietCountPerBlock([t, null])).toEqual([{ quiet: expect.any(Number), channels: 3 }, null]);
  });
});

describe('sigmoid versus softmax', () => {
  it('softmax sums to 1 and survives large logits', () => {
    const s = softmax([1000, 1000]);
    expect(Array.from(s)).toEqual([0.5, 0.5]);
    expect(Array.from(softmax([]))).toEqual([]);
  });
  it('sigmoid lets all channels pass together, softmax cannot', () => {
    const c = compareGates([3, 3, 3, 3]);
    expect(c.sigmoidAboveHalf).toBe(4);
    expect(c.softmaxAboveHalf).toBe(0);
    expect(c.softmaxSum).toBeCloseTo(1);
    expect(compareGates([-3, -3, -3, -3]).sigmoidSum).toBeLessThan(0.2);
  });
});

describe('architecture tables', () => {
  it('Table 1 of the paper: 3-4-6-3 bottleneck blocks with SE fc [C/16, C]', () => {
    const stages = SE_RESNET50_TABLE1.filter((r) => r.se);
    expect(stages.map((r) => r.repeat)).toEqual([3, 4, 6, 3]);
    for (const r of stages) expect(r.se![1] / r.se![0]).toBe(16);
  });
  it('our layout comes from the card', () => {
    const rows = cardLayout(card);
    const stages = rows.filter((r) => r.se);
    expect(stages.map((r) => r.repeat)).toEqual(card.architecture.stages.map((s) => s.blocks));
    expect(stages[0]!.se).toEqual([card.architecture.blocks[0]!.se!.hidden, card.architecture.stages[0]!.channels]);
    expect(rows.at(-1)!.note!.params.classes).toBe(card.architecture.head.classes);
    expect(seOverhead(card).paramsOverhead).toBeCloseTo(
      (card.complexity.paramsWithSE - card.complexity.paramsWithoutSE) / card.complexity.paramsWithoutSE,
    );
  });
});

describe('results', () => {
  it('published gains keep their sign convention', () => {
    expect(gain(COMPARISONS.find((c) => c.id === 'o20')!)).toBeCloseTo(-0.04);
    expect(gain(COMPARISONS.find((c) => c.id === 'r20')!)).toBeCloseTo(0.4);
    for (const c of COMPARISONS) expect(c.source).toBeTruthy();
    for (const c of COMPARISONS) expect(Number.isFinite(c.plain)).toBe(true);
  });
  it('no row sets two recipes against each other, and the paper’s CIFAR rows come from its Table 4', () => {
    // torchvision's ResNet-50 against another project's SE-ResNet-50 was such a row
    expect(COMPARISONS.map((c) => c.id)).not.toContain('in-50');
    expect(COMPARISONS.every((c) => c.dataset === 'CIFAR-10')).toBe(true);
    // the paper's CIFAR networks are Table 4's rows (PaperTable4), not repeated here
    const t4 = new Set(TABLE4_CIFAR10.map((t) => t.network));
    expect(COMPARISONS.filter((c) => t4.has(c.plainModel))).toEqual([]);
  });
  it('Table 2: the gain over the re-implementation matches every bracket of the paper', () => {
    expect(TABLE2_IMAGENET.map((r) => r.network)).toEqual(expect.arrayContaining(['ResNet-50', 'ResNet-101', 'ResNet-152', 'VGG-16']));
    for (const r of TABLE2_IMAGENET) expect(table2Gain(r), r.network).toEqual(r.statedGain);
    expect(table2Gain(TABLE2_IMAGENET.find((r) => r.network === 'ResNet-50')!)).toEqual({ top1: 1.51, top5: 0.86 });
    expect(TABLE2_RESNET50.reimplementation.top1).toBe(24.8);
    expect(TABLE2_IMAGENET.find((r) => r.network === 'VGG-16')!.original).toBeNull();
  });
  it('ours from the card, with honest caveats', () => {
    const r = ourResults(card);
    expect(r.se).toBe(card.metrics.testTop1);
    if (card.interim) expect(r.caveats).toContain('interim');
    const done: ModelCard = {
      ...card,
      interim: false,
      training: { ...card.training, epochs: 10, plannedEpochs: 10 },
      metrics: { ...card.metrics, testTop1: 0.9, baseline: { ...card.metrics.baseline!, finished: true, testTop1: 0.88 } },
    };
    expect(ourResults(done)).toMatchObject({ caveats: ['final'], plain: 0.88 });
    expect(ourResults(done).gainPoints).toBeCloseTo(2);
    expect(ourResults({ ...done, metrics: { ...done.metrics, baseline: null } }).caveats).toEqual(['baseline-missing']);
  });
});

describe('sections', () => {
  it('follow the note: why, squeeze, excitation, scale, instantiation, architecture, then cost and results', () => {
    expect(SECTION_IDS).toEqual(['why', 'squeeze', 'excitation', 'scale', 'instantiation', 'architecture', 'cost', 'results', 'summary']);
    expect(SECTIONS.map((s) => s.id)).toEqual([...SECTION_IDS]);
    expect(clampSection(42)).toBe(SECTIONS.length - 1);
  });
  it('resolve focus to indices', () => {
    const t = fakeTaps();
    const r = resolveFocus(SECTIONS[2]!.focus, [0, 1, 2], 1, () => t);
    expect(r).toEqual({ block: null, step: 3, channel: 1, panel: 's' });
    expect(resolveFocus({ block: 'last' }, [0, 4], null, () => null).block).toBe(4);
    expect(resolveFocus({ block: 'first', channel: 'loudest' }, [], null, () => t).channel).toBeNull();
  });
  it('most-quiet picks the block with the most nearly empty output channels', () => {
    const t = fakeTaps();
    const dead = { ...t, out: new Float32Array(t.out.length) };
    expect(resolveFocus({ block: 'most-quiet' }, [0, 3, 5], null, (b) => (b === 3 ? dead : b === 5 ? t : null)).block).toBe(3);
    expect(resolveFocus({ block: 'most-quiet' }, [2, 4], null, () => null).block).toBe(2);
  });
});
