import { describe, expect, it } from 'vitest';
import cardJson from '../../../public/models/se-resnet20-cifar10/card.json';
import type { ModelCard } from '../../types/card';
import { SE_RESNET50_TABLE1 } from './layouts';
import { SECTION4_OVERHEAD } from './paperTables';
import { layoutSECosts, ourSECosts, ourTotals, seWeights, totals } from './seCost';

const card = cardJson as unknown as ModelCard;

describe('SE cost of our model, per block', () => {
  it('adds up to the card’s parameter difference (weights + biases)', () => {
    const rows = ourSECosts(card);
    expect(rows).toHaveLength(card.architecture.blocks.filter((b) => b.se).length);
    const t = ourTotals(card);
    expect(t.weights + t.biases).toBe(card.complexity.paramsWithSE - card.complexity.paramsWithoutSE);
  });
  it('its multiply-adds match the card’s SE and convolution counts', () => {
    const t = ourTotals(card);
    expect(t.fcMacs + t.scaleMacs).toBe(card.complexity.macs.se);
    const a = card.architecture;
    const stem = a.inputSize * a.inputSize * a.stem.channels * a.inputChannels * a.stem.kernel ** 2;
    expect(t.convMacs + stem).toBe(card.complexity.macs.conv);
  });
  it('a block on 16 channels with r = 4 has 2·16·4 weights and 4 + 16 biases', () => {
    const first = ourSECosts(card)[0]!;
    expect([first.channels, first.hidden, first.weights, first.biases]).toEqual([16, 4, 128, 20]);
    expect(first.fcMacs).toBe(first.weights);
  });
});

describe('SE cost of SE-ResNet-50 from the paper’s Table 1 layout', () => {
  const stages = layoutSECosts(SE_RESNET50_TABLE1);
  const t = totals(stages, stages.slice(-1));
  it('is Eq. 5: (2/r)·Σ N·C² with r = 16', () => {
    expect(stages.map((s) => s.stage)).toEqual(['conv2_x', 'conv3_x', 'conv4_x', 'conv5_x']);
    expect(t.weights).toBe((2 / 16) * (3 * 256 ** 2 + 4 * 512 ** 2 + 6 * 1024 ** 2 + 3 * 2048 ** 2));
  });
  it('agrees with the paper’s ~2.5 M extra parameters (28.1 M − 25.6 M), most in the last stage', () => {
    const paperExtra = (SECTION4_OVERHEAD.paramsM.se - SECTION4_OVERHEAD.paramsM.plain) * 1e6;
    expect(Math.abs(t.weights + t.biases - paperExtra)).toBeLessThan(0.06e6);
    expect(t.lastShare).toBeCloseTo((3 * 2048 ** 2) / (3 * 256 ** 2 + 4 * 512 ** 2 + 6 * 1024 ** 2 + 3 * 2048 ** 2), 12);
    expect(t.lastShare).toBeGreaterThan(0.6);
  });
  it('W₁ for C = 64 and r = 16 is 4 × 64', () => {
    expect(seWeights(64, 64 / 16) / 2).toBe(4 * 64);
  });
});
