/**
 * Numbers from the journal version of the SE paper (Hu, Shen, Albanie, Sun, Wu, TPAMI 2019,
 * arXiv:1709.01507 v4), as checked in shared/notes/senet-paper-tables.md. Only tables the
 * lesson quotes are here, each under its table number. Pure data.
 *
 * Mind the paper's own warning: the ablation tables (10–16) use another training recipe than
 * Table 2 (no FC biases, longer schedule, label smoothing), so ResNet-50 reads 23.30% top-1
 * error there and 24.80% in Table 2. Never put numbers of the two groups side by side.
 */

export const PAPER_CITATION = 'Hu, Shen, Albanie, Sun, Wu, TPAMI 2019 (arXiv:1709.01507 v4)';

/** Table 4: CIFAR-10 classification error (%), original network vs with SE. */
export const TABLE4_CIFAR10: { network: string; original: number; senet: number }[] = [
  { network: 'ResNet-110', original: 6.37, senet: 5.21 },
  { network: 'ResNet-164', original: 5.46, senet: 4.39 },
  { network: 'WRN-16-8', original: 4.27, senet: 3.88 },
  { network: 'Shake-Shake 26 2x96d + Cutout', original: 2.56, senet: 2.12 },
];

/** Table 5: CIFAR-100 classification error (%); its fourth network is not Table 4's. */
export const TABLE5_CIFAR100: { network: string; original: number; senet: number }[] = [
  { network: 'ResNet-110', original: 26.88, senet: 23.85 },
  { network: 'ResNet-164', original: 24.33, senet: 21.31 },
  { network: 'WRN-16-8', original: 20.43, senet: 19.14 },
  { network: 'Shake-Even 29 2x4x64d + Cutout', original: 15.85, senet: 15.41 },
];

/** Table 10: SE-ResNet-50 on ImageNet at different reduction ratios (ablation recipe). */
export interface RatioRow {
  /** null = the original ResNet-50 without SE */
  r: number | null;
  top1: number;
  top5: number;
  /** parameters in millions */
  paramsM: number;
}
export const TABLE10_REDUCTION: RatioRow[] = [
  { r: 2, top1: 22.29, top5: 6.0, paramsM: 45.7 },
  { r: 4, top1: 22.25, top5: 6.09, paramsM: 35.7 },
  { r: 8, top1: 22.26, top5: 5.99, paramsM: 30.7 },
  { r: 16, top1: 22.28, top5: 6.03, paramsM: 28.1 },
  { r: 32, top1: 22.72, top5: 6.2, paramsM: 26.9 },
  { r: null, top1: 23.3, top5: 6.55, paramsM: 25.6 },
];

/** Table 11: the squeeze operator in SE-ResNet-50 on ImageNet (ablation recipe), error %. */
export const TABLE11_SQUEEZE = {
  max: { top1: 22.57, top5: 6.09 },
  avg: { top1: 22.28, top5: 6.03 },
} as const;

/**
 * Section 4 of the paper: ResNet-50 vs SE-ResNet-50 (r = 16) at 224×224. GFLOPs per forward
 * pass; parameters in millions (exact values of Tables 10/13); timings in ms.
 */
export const SECTION4_OVERHEAD = {
  gflops: { plain: 3.86, se: 3.87 },
  paramsM: { plain: 25.6, se: 28.1 },
  /** one forward + backward pass, minibatch 256, 8 Titan X GPUs */
  gpuTrainMs: { plain: 190, se: 209 },
  /** CPU inference, one 224×224 image */
  cpuMs: { plain: 164, se: 167 },
  /** the paper's parameter increase without the final-stage SE blocks, in % (stated as "~4%") */
  withoutLastStagePct: 4,
} as const;

/** Table 13: SE in one stage of ResNet-50 at a time (ablation recipe). */
export const TABLE13_STAGES: { stage: string; top1: number; top5: number; paramsM: number }[] = [
  { stage: 'ResNet-50', top1: 23.3, top5: 6.55, paramsM: 25.6 },
  { stage: 'SE Stage 2', top1: 23.03, top5: 6.48, paramsM: 25.6 },
  { stage: 'SE Stage 3', top1: 23.04, top5: 6.32, paramsM: 25.7 },
  { stage: 'SE Stage 4', top1: 22.68, top5: 6.22, paramsM: 26.4 },
  { stage: 'SE All', top1: 22.28, top5: 6.03, paramsM: 28.1 },
];

/** top-1 / top-5 error %, single crop */
export interface Errors {
  top1: number;
  top5: number;
}

/**
 * One row of Table 2: ImageNet validation, single-crop error %. `original` is what the
 * network's own paper reported (another recipe; null where the paper gives none, a top-5 of
 * null where it gives only top-1); `reimplementation` is the plain network retrained by the SE
 * authors with the same recipe as its SENet; `statedGain` is the paper's bracket (the two
 * recipes' difference is never a gain). GFLOPs per forward pass.
 */
export interface Table2Row {
  network: string;
  original: { top1: number; top5: number | null } | null;
  /** † in the paper: the original was evaluated on the non-blacklisted subset of the validation set */
  originalDagger?: boolean;
  reimplementation: Errors & { gflops: number };
  senet: Errors & { gflops: number };
  statedGain: Errors;
}

/** Table 2, every row, main training recipe (100 epochs, r = 16). */
export const TABLE2_IMAGENET: readonly Table2Row[] = [
  { network: 'ResNet-50', original: { top1: 24.7, top5: 7.8 }, reimplementation: { top1: 24.8, top5: 7.48, gflops: 3.86 }, senet: { top1: 23.29, top5: 6.62, gflops: 3.87 }, statedGain: { top1: 1.51, top5: 0.86 } },
  { network: 'ResNet-101', original: { top1: 23.6, top5: 7.1 }, reimplementation: { top1: 23.17, top5: 6.52, gflops: 7.58 }, senet: { top1: 22.38, top5: 6.07, gflops: 7.6 }, statedGain: { top1: 0.79, top5: 0.45 } },
  { network: 'ResNet-152', original: { top1: 23.0, top5: 6.7 }, reimplementation: { top1: 22.42, top5: 6.34, gflops: 11.3 }, senet: { top1: 21.57, top5: 5.73, gflops: 11.32 }, statedGain: { top1: 0.85, top5: 0.61 } },
  { network: 'ResNeXt-50', original: { top1: 22.2, top5: null }, reimplementation: { top1: 22.11, top5: 5.9, gflops: 4.24 }, senet: { top1: 21.1, top5: 5.49, gflops: 4.25 }, statedGain: { top1: 1.01, top5: 0.41 } },
  { network: 'ResNeXt-101', original: { top1: 21.2, top5: 5.6 }, reimplementation: { top1: 21.18, top5: 5.57, gflops: 7.99 }, senet: { top1: 20.7, top5: 5.01, gflops: 8.0 }, statedGain: { top1: 0.48, top5: 0.56 } },
  { network: 'VGG-16', original: null, reimplementation: { top1: 27.02, top5: 8.81, gflops: 15.47 }, senet: { top1: 25.22, top5: 7.7, gflops: 15.48 }, statedGain: { top1: 1.8, top5: 1.11 } },
  { network: 'BN-Inception', original: { top1: 25.2, top5: 7.82 }, reimplementation: { top1: 25.38, top5: 7.89, gflops: 2.03 }, senet: { top1: 24.23, top5: 7.14, gflops: 2.04 }, statedGain: { top1: 1.15, top5: 0.75 } },
  { network: 'Inception-ResNet-v2', original: { top1: 19.9, top5: 4.9 }, originalDagger: true, reimplementation: { top1: 20.37, top5: 5.21, gflops: 11.75 }, senet: { top1: 19.8, top5: 4.79, gflops: 11.76 }, statedGain: { top1: 0.57, top5: 0.42 } },
];

/** SE's gain over the re-implementation (same recipe), in points, rounded to the paper's 2 decimals. */
export function table2Gain(row: Table2Row): Errors {
  const d = (a: number, b: number) => Math.round((a - b) * 100) / 100;
  return { top1: d(row.reimplementation.top1, row.senet.top1), top5: d(row.reimplementation.top5, row.senet.top5) };
}

const resnet50 = TABLE2_IMAGENET.find((r) => r.network === 'ResNet-50')!;

/** Table 2: ResNet-50 on ImageNet, single-crop top-1 / top-5 error %, main training recipe. */
export const TABLE2_RESNET50 = {
  reimplementation: { top1: resnet50.reimplementation.top1, top5: resnet50.reimplementation.top5 },
  senet: { top1: resnet50.senet.top1, top5: resnet50.senet.top5 },
} as const;

/** Table 12: the excitation's gate in SE-ResNet-50 (ablation recipe), error %. */
export const TABLE12_EXCITATION = {
  relu: { top1: 23.47, top5: 6.98 },
  tanh: { top1: 23.0, top5: 6.38 },
  sigmoid: { top1: 22.28, top5: 6.03 },
} as const;

/** Table 14: where the SE block sits in a residual unit (ablation recipe), error %. */
export const TABLE14_INTEGRATION = {
  se: { top1: 22.28, top5: 6.03 },
  pre: { top1: 22.23, top5: 6.0 },
  post: { top1: 22.78, top5: 6.35 },
  identity: { top1: 22.2, top5: 6.15 },
} as const;
