import { describe, expect, it } from 'vitest';
import cardJson from '../../public/models/se-resnet20-cifar10/card.json';
import type { ModelCard, RunSummary } from '../types/card';
import { seedSpread, spreadOf } from './seedSpread';

const run = (network: 'se' | 'plain', seed: number, top1: number | null, finished = true): RunSummary => ({
  run: `${network}-s${seed}`, network, seed, finished, epochs: finished ? 200 : 50, plannedEpochs: 200, testTop1: top1, trainingSeconds: 10,
});

function cardWith(runs: RunSummary[] | undefined, plannedSeeds: number | null = 3): ModelCard {
  return {
    name: 'SE-ResNet-20',
    interim: false,
    architecture: { seBlocks: 9, blocks: [] },
    metrics: { testTop1: 0.92, testTop1PerClass: {}, testImages: 10000, baseline: null, runs, plannedSeeds },
    training: { recipe: { seed: 0 }, epochs: 200, plannedEpochs: 200, trainingSeconds: 1, run: 'x', framework: 'y' },
  } as unknown as ModelCard;
}

describe('seed-to-seed spread', () => {
  it('computes mean and sample standard deviation (n − 1)', () => {
    const s = spreadOf([0.9, 0.92, 0.94]);
    expect(s.n).toBe(3);
    expect(s.mean).toBeCloseTo(0.92, 12);
    expect(s.sd).toBeCloseTo(0.02, 12);
    expect(spreadOf([0.5])).toEqual({ n: 1, mean: 0.5, sd: null });
    expect(spreadOf([])).toEqual({ n: 0, mean: null, sd: null });
  });

  it('pairs the SE − plain difference by seed and leaves out unfinished runs', () => {
    const d = seedSpread(
      cardWith([run('se', 0, 0.93), run('se', 1, 0.925), run('se', 2, 0.5, false), run('plain', 0, 0.92), run('plain', 1, 0.91), run('plain', 3, 0.9)]),
    );
    expect(d.se.n).toBe(2);
    expect(d.plain.n).toBe(3);
    expect(d.difference.seeds).toEqual([0, 1]);
    expect(d.difference.mean).toBeCloseTo((0.01 + 0.015) / 2, 12);
    expect(d.difference.sd).toBeCloseTo(Math.sqrt(((0.01 - 0.0125) ** 2 + (0.015 - 0.0125) ** 2) / 1), 12);
    expect(d.unfinished).toBe(1);
    expect(d.plannedSeeds).toBe(3);
    expect(d.reconstructed).toBe(false);
  });

  it('reconstructs one run per network from a card exported before metrics.runs', () => {
    const card = cardJson as unknown as ModelCard;
    const withoutRuns = { ...card, metrics: { ...card.metrics, runs: undefined } } as ModelCard;
    const d = seedSpread(withoutRuns);
    expect(d.reconstructed).toBe(true);
    expect(d.runs.map((r) => r.network)).toEqual(card.metrics.baseline ? ['se', 'plain'] : ['se']);
    expect(d.se.mean).toBeCloseTo(card.metrics.testTop1, 12);
    expect(d.se.sd).toBeNull();
    if (card.metrics.baseline?.finished) {
      expect(d.difference.mean).toBeCloseTo(card.metrics.testTop1 - (card.metrics.baseline.testTop1 as number), 12);
      expect(d.difference.sd).toBeNull();
    }
  });
});
