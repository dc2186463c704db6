/** What a forward pass returns and which interventions it accepts. Pure types. */

/** How a block's channel weights are formed from the excitation logits e = FC2(ReLU(FC1(z))). */
export type GateMode = 'sigmoid' | 'softmax' | 'off';

export interface BlockOverride {
  /** 'sigmoid' is the trained gate; 'off' sets s = 1 (no SE); 'softmax' is the comparison gate */
  gate?: GateMode;
  /** channel index -> forced weight s_c (applied after the gate) */
  channels?: Record<number, number>;
}

/** block index -> override; blocks not listed run as trained */
export type Overrides = Record<number, BlockOverride>;

/** Every SE tap of one block, read back as plain typed arrays (NHWC, batch axis dropped). */
export interface BlockTaps {
  index: number;
  /** [H, W, C] of U, scaled and out */
  shape: [number, number, number];
  /** residual branch before SE */
  u: Float32Array;
  /** squeeze: per-channel mean of U (C), null for a block without SE */
  z: Float32Array | null;
  /** FC1 after ReLU (C/r) */
  h: Float32Array | null;
  /** excitation logits, FC2 output before the gate (C) */
  e: Float32Array | null;
  /** the trained sigmoid gate σ(e), before any override (C) */
  sModel: Float32Array | null;
  /** the weights actually applied after overrides (C) */
  s: Float32Array | null;
  /** U · s */
  scaled: Float32Array;
  /** ReLU(U · s + shortcut) */
  out: Float32Array;
}

export interface ForwardResult {
  logits: Float32Array;
  probs: Float32Array;
  /** taps per block; null where taps were not requested */
  blocks: (BlockTaps | null)[];
  /** index of the first block that was recomputed (0 for a full pass) */
  fromBlock: number;
  /** wall time of the pass including read-back, ms */
  ms: number;
  /** the tfjs backend that computed it (the app names it beside what it shows) */
  backend?: string;
}

export type TapSelection = 'all' | 'none' | number[];
