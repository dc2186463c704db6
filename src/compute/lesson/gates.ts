/**
 * Sigmoid versus softmax on the same excitation logits (the Excitation section's comparison).
 * Sigmoid gates each channel on its own, so several (or none) can be near 1; softmax makes
 * the channels compete for a total of 1.
 */
import { sigmoid, softmax } from '../gateMath';


export interface GateComparison {
  sigmoid: number[];
  softmax: number[];
  sigmoidSum: number;
  softmaxSum: number;
  /** how many channels each gate leaves above one half */
  sigmoidAboveHalf: number;
  softmaxAboveHalf: number;
}

export function compareGates(logits: ArrayLike<number>): GateComparison {
  const sig = Array.from(logits, (v) => sigmoid(v));
  const soft = Array.from(softmax(logits));
  const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
  return {
    sigmoid: sig,
    softmax: soft,
    sigmoidSum: sum(sig),
    softmaxSum: sum(soft),
    sigmoidAboveHalf: sig.filter((v) => v > 0.5).length,
    softmaxAboveHalf: soft.filter((v) => v > 0.5).length,
  };
}

/** Starting logits for the sliders: two strong channels, one neutral, one switched off. */
export const DEMO_LOGITS = [2.5, 2, 0, -3];
export const LOGIT_RANGE = { min: -6, max: 6, step: 0.1 };

/** Presets that make the point quickly. */
export const LOGIT_PRESETS: Record<'all' | 'none' | 'mixed', number[]> = {
  all: [3, 3, 3, 3],
  none: [-3, -3, -3, -3],
  mixed: DEMO_LOGITS,
};
