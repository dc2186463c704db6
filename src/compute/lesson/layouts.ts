/**
 * Architecture tables for the "Example architecture" section: the paper's SE-ResNet-50
 * (Hu et al., Table 1) as data, and our model's layout generated from its card.
 */
import type { ModelCard } from '../../types/card';

export interface LayerRow {
  /** stage name, e.g. "conv2_x" or "stage1" */
  name: string;
  /** spatial output size, e.g. "56×56" */
  output: string;
  /** the layers of one block, e.g. ["1×1, 64", "3×3, 64", "1×1, 256"] ([] for stem/head rows) */
  convs: string[];
  /** SE's two fully connected layers [hidden, channels] or null */
  se: [number, number] | null;
  /** blocks in the stage (1 for stem/head rows) */
  repeat: number;
  /** free text for stem, pooling and head rows (rendered through the lesson strings) */
  note?: { key: 'stem' | 'maxpool' | 'head'; params: Record<string, string | number> };
}

/** Hu, Shen, Albanie, Sun, Wu, "Squeeze-and-Excitation Networks" (TPAMI 2019), Table 1 (SE-ResNet-50, 224×224 input). */
export const SE_RESNET50_TABLE1: LayerRow[] = [
  { name: 'conv1', output: '112×112', convs: [], se: null, repeat: 1, note: { key: 'stem', params: { k: '7×7', c: 64, stride: 2 } } },
  { name: 'conv2_x', output: '56×56', convs: [], se: null, repeat: 1, note: { key: 'maxpool', params: { k: '3×3', stride: 2 } } },
  { name: 'conv2_x', output: '56×56', convs: ['1×1, 64', '3×3, 64', '1×1, 256'], se: [16, 256], repeat: 3 },
  { name: 'conv3_x', output: '28×28', convs: ['1×1, 128', '3×3, 128', '1×1, 512'], se: [32, 512], repeat: 4 },
  { name: 'conv4_x', output: '14×14', convs: ['1×1, 256', '3×3, 256', '1×1, 1024'], se: [64, 1024], repeat: 6 },
  { name: 'conv5_x', output: '7×7', convs: ['1×1, 512', '3×3, 512', '1×1, 2048'], se: [128, 2048], repeat: 3 },
  { name: '', output: '1×1', convs: [], se: null, repeat: 1, note: { key: 'head', params: { classes: 1000 } } },
];

/** Our model's layout, one row per stage, from the card (never hard-coded). */
export function cardLayout(card: ModelCard): LayerRow[] {
  const a = card.architecture;
  const size = (n: number) => `${n}×${n}`;
  const k = `${a.stem.kernel}×${a.stem.kernel}`;
  const rows: LayerRow[] = [
    {
      name: 'stem',
      output: size(Math.ceil(a.inputSize / a.stem.stride)),
      convs: [],
      se: null,
      repeat: 1,
      note: { key: 'stem', params: { k, c: a.stem.channels, stride: a.stem.stride } },
    },
  ];
  for (const st of a.stages) {
    const blocks = a.blocks.filter((b) => b.stage === st.index);
    const se = blocks.find((b) => b.se)?.se ?? null;
    rows.push({
      name: `stage${st.index + 1}`,
      output: size(st.outputSize),
      convs: [`3×3, ${st.channels}`, `3×3, ${st.channels}`],
      se: se ? [se.hidden, st.channels] : null,
      repeat: st.blocks,
    });
  }
  rows.push({ name: '', output: '1×1', convs: [], se: null, repeat: 1, note: { key: 'head', params: { classes: a.head.classes } } });
  return rows;
}

export interface OverheadSummary {
  params: number;
  paramsWithoutSE: number;
  /** extra parameters of SE as a fraction of the plain network */
  paramsOverhead: number;
  macs: number;
  macsWithoutSE: number;
  macsOverhead: number;
}

export function seOverhead(card: ModelCard): OverheadSummary {
  const c = card.complexity;
  const frac = (a: number, b: number) => (b > 0 ? (a - b) / b : 0);
  return {
    params: c.paramsWithSE,
    paramsWithoutSE: c.paramsWithoutSE,
    paramsOverhead: frac(c.paramsWithSE, c.paramsWithoutSE),
    macs: c.macsWithSE,
    macsWithoutSE: c.macsWithoutSE,
    macsOverhead: frac(c.macsWithSE, c.macsWithoutSE),
  };
}
