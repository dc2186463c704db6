/**
 * The numbers in the check-your-understanding answers, computed here (from the card, the
 * paper's checked tables and seCost) so that no answer carries a hand-typed figure. Pure.
 */
import type { ModelCard } from '../../types/card';
import { SE_RESNET50_TABLE1 } from './layouts';
import { TABLE10_REDUCTION, TABLE11_SQUEEZE, TABLE12_EXCITATION, TABLE13_STAGES, TABLE14_INTEGRATION, TABLE2_RESNET50 } from './paperTables';
import { layoutSECosts, ourSECosts, seWeights, totals } from './seCost';
import { seBlocks } from '../cardFacts';
import { grouped } from '../../i18n/format';

export type QuizNumbers = Record<string, number | string>;

const f2 = (v: number) => v.toFixed(2);
const g = grouped;

/** Every placeholder the quiz strings use, by name. */
export function quizNumbers(card: ModelCard): QuizNumbers {
  const a = card.architecture;
  const last = seBlocks(card).at(-1);
  const ours = ourSECosts(card);
  const r50 = layoutSECosts(SE_RESNET50_TABLE1);
  const r50Totals = totals(r50, r50.slice(-1));
  const conv4 = r50.find((s) => s.stage === 'conv4_x')!;
  const t10 = (r: number | null) => TABLE10_REDUCTION.find((x) => x.r === r)!;
  const plainAblation = TABLE13_STAGES.find((s) => s.stage === 'ResNet-50')!;
  const baseline = card.metrics.baseline?.testTop1;
  return {
    // squeeze, on the last SE block of our model
    C: last?.channels ?? 0,
    H: last?.outputSize ?? 0,
    HW: last ? last.outputSize ** 2 : 0,
    maxErr: f2(TABLE11_SQUEEZE.max.top1),
    avgErr: f2(TABLE11_SQUEEZE.avg.top1),
    // excitation: C = 64, r = 16
    w64: g(seWeights(64, 64 / 16)),
    reluErr: f2(TABLE12_EXCITATION.relu.top1),
    tanhErr: f2(TABLE12_EXCITATION.tanh.top1),
    sigErr: f2(TABLE12_EXCITATION.sigmoid.top1),
    plainAblErr: f2(plainAblation.top1),
    // scale: a worked multiplication
    sHalf: 0.5,
    uMean: 2,
    scaled: 0.5 * 2,
    // instantiation: Table 14
    seErr: f2(TABLE14_INTEGRATION.se.top1),
    preErr: f2(TABLE14_INTEGRATION.pre.top1),
    postErr: f2(TABLE14_INTEGRATION.post.top1),
    idErr: f2(TABLE14_INTEGRATION.identity.top1),
    // architecture
    conv4C: conv4.channels,
    conv4Hidden: conv4.hidden,
    seBlocks: ours.length,
    blocks: a.blocks.length,
    widths: a.stages.map((s) => s.channels).join('/'),
    depth: a.depth,
    // cost
    w256: g(seWeights(256, 256 / 16)),
    b256: g(256 / 16 + 256),
    p16: t10(16).paramsM.toFixed(1),
    p8: t10(8).paramsM.toFixed(1),
    e16: f2(t10(16).top1),
    e8: f2(t10(8).top1),
    lastShare: `${Math.round(r50Totals.lastShare * 100)}%`,
    // results
    gain: baseline == null ? '—' : ((card.metrics.testTop1 - baseline) * 100).toFixed(2),
    t2Plain: f2(TABLE2_RESNET50.reimplementation.top1),
    t2Se: f2(TABLE2_RESNET50.senet.top1),
    t2Gain: f2(TABLE2_RESNET50.reimplementation.top1 - TABLE2_RESNET50.senet.top1),
    t10Plain: f2(t10(null).top1),
  };
}
