/** The model card written by training/export.py (formatVersion 1). Pure types: no runtime code. */

export interface SEConfig {
  reduction: number;
  hidden: number;
}

export interface BlockSpec {
  index: number;
  /** e.g. "stage2.block1" */
  id: string;
  stage: number;
  inChannels: number;
  channels: number;
  stride: number;
  inputSize: number;
  outputSize: number;
  shortcut: 'identity' | 'projection';
  se: SEConfig | null;
}

export interface StageSpec {
  index: number;
  channels: number;
  blocks: number;
  stride: number;
  outputSize: number;
}

export interface Architecture {
  family: 'cifar-resnet';
  depth: number;
  inputSize: number;
  inputChannels: number;
  seReduction: number | null;
  /** how many blocks carry an SE module (0: a plain ResNet); absent on cards exported before it */
  seBlocks?: number;
  stem: { channels: number; kernel: number; stride: number; batchNormFolded: boolean };
  stages: StageSpec[];
  blocks: BlockSpec[];
  head: { pool: string; inFeatures: number; classes: number };
}

export interface ClassName {
  key: string;
  en: string;
  ko: string;
}

export interface BaselineSummary {
  name: string;
  run: string;
  finished: boolean;
  epochs: number;
  testTop1: number | null;
  trainingSeconds: number | null;
  config: Record<string, unknown>;
  segments?: TrainingSegment[];
}

export interface MacsBreakdown {
  conv: number;
  se: number;
  fc: number;
  total: number;
}

export interface ModelCard {
  formatVersion: number;
  id: string;
  name: string;
  interim: boolean;
  description: string;
  architecture: Architecture;
  classes: ClassName[];
  preprocessing: {
    inputSize: number;
    channelOrder: 'RGB';
    pixelScale: number;
    mean: number[];
    std: number[];
  };
  metrics: {
    testTop1: number;
    testTop1PerClass: Record<string, number>;
    testImages: number;
    baseline: BaselineSummary | null;
    /** every run of this recipe (SE and plain, one per seed); absent on older cards */
    runs?: RunSummary[];
    /** seeds per network the comparison is meant to have (null: not stated) */
    plannedSeeds?: number | null;
  };
  complexity: {
    params: number;
    paramsWithSE: number;
    paramsWithoutSE: number;
    macs: MacsBreakdown;
    macsWithSE: number;
    macsWithoutSE: number;
    weightsBytes: number;
  };
  training: {
    recipe: Record<string, unknown>;
    epochs: number;
    plannedEpochs: number;
    trainingSeconds: number;
    run: string;
    framework: string;
    /** which epochs ran on which machine (a run may be resumed elsewhere) */
    segments?: TrainingSegment[];
    /**
     * How the gates learned (train.py logs it at every evaluation since issue 21): per evaluated
     * epoch, each SE block's mean across-image sd of s on 1,000 fixed test images, and the
     * fraction of its FC1 units that are zero for all of them. Absent or null for older runs.
     */
    gateHistory?: GateHistoryRow[] | null;
  };
  dataset: { sha256: string; trainImages: number; testImages: number; classes: number };
  files: {
    weights: string;
    golden: string;
    excitationStats: string | null;
    trainingLog?: string;
    baselineLog?: string | null;
  };
  exported: string;
}

export interface GateHistoryRow {
  epoch: number;
  /** one per SE block, in network order */
  sd: number[];
  dead: number[];
}

/** One training run of the recipe, as training/export.py lists it in metrics.runs. */
export interface RunSummary {
  run: string;
  network: 'se' | 'plain';
  seed: number;
  finished: boolean;
  epochs: number;
  plannedEpochs: number;
  /** 0..1; the last evaluation of an unfinished run; null before any */
  testTop1: number | null;
  trainingSeconds: number | null;
}

export interface TrainingSegment {
  fromEpoch: number;
  toEpoch: number;
  device: string;
  torch: string | null;
  /** wall-clock: grows while the run is paused or shares its cores */
  seconds: number;
  /** the median epoch's wall-clock seconds (absent in cards exported before session 8) */
  medianEpochSeconds?: number;
  /** the process's CPU time, summed over the cpuEpochs epochs that logged it; null when none did */
  cpuSeconds?: number | null;
  cpuEpochs?: number;
}

export interface ModelIndex {
  default: string;
  models: { id: string; name: string; card: string }[];
}

export interface ExcitationStats {
  classes: string[];
  images: number;
  per_class_images: number[];
  blocks: {
    block: number;
    channels: number;
    /** [class][channel] */
    mean: number[][];
    std: number[][];
    all: { mean: number[]; std: number[] };
  }[];
}
