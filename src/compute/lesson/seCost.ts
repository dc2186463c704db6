/**
 * What an SE block costs, counted from the architecture: our model's per block from its card,
 * SE-ResNet-50's from the paper's Table 1 layout. Pure.
 *
 * One SE block on C channels with C/r hidden units has W₁ (C/r × C) and W₂ (C × C/r), so
 * 2C²/r weights, plus C/r + C biases where the layers have them (ours do; the paper's
 * formula, Eq. 5, counts weights only). The FCs act on the 1×1×C vector z, so each weight is
 * used once per image: their multiply-adds equal their weight count. Scaling U by s adds one
 * multiply per value of U (C·H·W).
 */
import type { ModelCard } from '../../types/card';
import type { LayerRow } from './layouts';
import { seBlocks } from '../cardFacts';

export interface SEBlockCost {
  id: string;
  channels: number;
  hidden: number;
  /** H = W of the block's maps */
  size: number;
  /** 2·C·(C/r) */
  weights: number;
  /** C/r + C */
  biases: number;
  /** multiply-adds of the two FCs (= weights) */
  fcMacs: number;
  /** multiplies of the scale, C·H·W */
  scaleMacs: number;
  /** multiply-adds of the block's convolutions (two 3×3, and a 1×1 projection if any) */
  convMacs: number;
}

export function seWeights(channels: number, hidden: number): number {
  return 2 * channels * hidden;
}

/** Our model, one row per SE block, from the card's architecture. */
export function ourSECosts(card: ModelCard): SEBlockCost[] {
  return card.architecture.blocks.flatMap((b) => {
    if (!b.se) return [];
    const hw = b.outputSize * b.outputSize;
    const convs = hw * b.channels * 9 * (b.inChannels + b.channels) + (b.shortcut === 'projection' ? hw * b.channels * b.inChannels : 0);
    const weights = seWeights(b.channels, b.se.hidden);
    return [
      {
        id: b.id,
        channels: b.channels,
        hidden: b.se.hidden,
        size: b.outputSize,
        weights,
        biases: b.se.hidden + b.channels,
        fcMacs: weights,
        scaleMacs: b.channels * hw,
        convMacs: convs,
      },
    ];
  });
}

export interface StageCost {
  stage: string;
  blocks: number;
  channels: number;
  hidden: number;
  /** weights of all SE blocks in the stage */
  weights: number;
  biases: number;
}

/** SE-ResNet-50 (or any Table 1-style layout): SE weights per stage, N·2·C·(C/r). */
export function layoutSECosts(rows: LayerRow[]): StageCost[] {
  return rows.flatMap((r) => {
    if (!r.se) return [];
    const [hidden, channels] = r.se;
    return [{ stage: r.name, blocks: r.repeat, channels, hidden, weights: r.repeat * seWeights(channels, hidden), biases: r.repeat * (hidden + channels) }];
  });
}

export interface CostTotals {
  weights: number;
  biases: number;
  /** share of the weights in the last stage / the last SE blocks, 0..1 */
  lastShare: number;
}

export function totals(items: { weights: number; biases: number }[], last: { weights: number }[]): CostTotals {
  const weights = items.reduce((a, b) => a + b.weights, 0);
  const biases = items.reduce((a, b) => a + b.biases, 0);
  const lastWeights = last.reduce((a, b) => a + b.weights, 0);
  return { weights, biases, lastShare: weights > 0 ? lastWeights / weights : 0 };
}

/** Our model's totals; the last stage is the stage of the last SE block. */
export function ourTotals(card: ModelCard): CostTotals & { fcMacs: number; scaleMacs: number; convMacs: number } {
  const rows = ourSECosts(card);
  const se = seBlocks(card);
  const lastStage = se.at(-1)?.stage;
  const inLast = new Set(se.filter((b) => b.stage === lastStage).map((b) => b.id));
  return {
    ...totals(rows, rows.filter((r) => inLast.has(r.id))),
    fcMacs: rows.reduce((a, r) => a + r.fcMacs, 0),
    scaleMacs: rows.reduce((a, r) => a + r.scaleMacs, 0),
    convMacs: rows.reduce((a, r) => a + r.convMacs, 0),
  };
}
