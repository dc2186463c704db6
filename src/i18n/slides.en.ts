/**
 * The slide version of each lesson section, shown in presenter mode instead of the full text: a
 * short title and two or three short lines that say the same facts as the section (the full text
 * stays in the normal view). Every key must exist in slides.ko.ts with the same {placeholders}
 * (slides-i18n.test.ts).
 */
export const slidesEn = {
  'why.title': 'Why SE?',
  'why.1': 'A convolution’s weights find spatial patterns and also set how much each channel counts.',
  'why.2': 'Once trained they are fixed: every image gets the same channel weighting.',
  'why.3': 'SE computes a channel weight s_c for each image anew.',

  'squeeze.title': 'Squeeze',
  'squeeze.1': 'Global average pooling: each H×W map becomes its mean z_c.',
  'squeeze.2': 'The C means form the channel descriptor z (1×1×C); each one summarises the whole image.',

  'excitation.title': 'Excitation',
  'excitation.1': 'Two FC layers, C → C/r → C, with a ReLU between them (r: the reduction ratio).',
  'excitation.2': 'A sigmoid turns each output into a channel weight s_c between 0 and 1.',
  'excitation.3': 'Each s_c is computed from all of z (the FCs mix channels); the sigmoid just avoids a sum of 1.',

  'scale.title': 'Scale',
  'scale.1': 'Every value of channel c is multiplied by its channel weight s_c.',
  'scale.2': 's near 1 keeps the map; s near 0 fades it.',
  'scale.3': 'SE changes how strongly a channel speaks, not where.',

  'instantiation.title': 'Where SE goes',
  'instantiation.1': 'SE replaces nothing: it wraps the output of an existing module.',
  'instantiation.2': 'In SE-ResNet it sits on the residual branch, before the addition.',
  'instantiation.3': 'On the shortcut it works as well (Table 14): what matters is acting before the addition.',

  'architecture.title': 'Architecture',
  'architecture.1': 'SE-ResNet-50 (paper, Table 1): an SE branch in every bottleneck block, r = 16.',
  'architecture.2': 'Ours: a small ResNet for 32×32 images with basic blocks, r = {r}.',

  'cost.title': 'Cost and r',
  'cost.1': 'An SE block adds 2C²/r FC weights: W₁ and W₂.',
  'cost.2': 'Halving r doubles them; the paper settles on r = 16.',
  'cost.3': 'Multiply-adds barely grow: the FC layers meet z once per image.',

  'results.title': 'Results',
  'results.1': 'ResNet-50 on ImageNet: top-1 error {t2Plain}% → {t2Se}% with SE (Table 2).',
  'results.2': 'On networks as small as ours the published gains are a point or less.',
  'results.3': 'Ours, one training run each: {se} with SE, {plain} without.',

  'summary.title': 'Summary',
  'summary.1': 'Squeeze: z_c = the mean of map c. Excitation: s = σ(W₂ δ(W₁ z)).',
  'summary.2': 'Scale: each map times its channel weight s_c, then the shortcut is added.',
  'summary.3': 'Cost: 2C²/r FC weights per block; in our model +{paramsPct} parameters.',
} as const;

export type SlideKey = keyof typeof slidesEn;
