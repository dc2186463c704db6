/**
 * English check-your-understanding questions and answers, per lesson section (key
 * `<section>.q<n>` / `<section>.a<n>`), and the one-screen summary. Every number comes in
 * through a {placeholder} from compute/lesson/quizNumbers.ts. Same keys in quiz.ko.ts.
 */
export const quizEn = {
  'quiz.title': 'Check your understanding',
  'quiz.reveal': 'Show the answer',

  'why.q1': 'Can a plain convolution already weight one input channel more than another?',
  'why.a1': 'Yes: each filter has its own k×k weights for every input channel. But those weights also have to encode a spatial pattern, and after training they are the same for every image.',
  'why.q2': 'What does SE learn in training, and what does it compute for each image?',
  'why.a2': 'It learns the FC weights W₁ and W₂ (and, in our layers, their biases). For each image it computes z and then the channel weights s, one per channel.',
  'why.q3': 'One channel of U is all zeros for this image. Can SE bring it back?',
  'why.a3': 'No. SE only multiplies: s_c · 0 = 0. It can turn a channel down or leave it as it is, but it cannot put signal into an empty map. (The shortcut still carries the block’s input past it.)',
  'why.q4': 'Why is one fixed channel weighting for every image a limitation?',
  'why.a4': 'Which channels help depends on the image: a texture channel can be the key for one picture and noise for another. Fixed weights must settle on a compromise; SE can choose per image.',

  'squeeze.q1': 'In our last SE block, C = {C} and the maps are {H}×{H}. What is the shape of z?',
  'squeeze.a1': '1×1×{C}: one mean per channel. The {HW} values of each map become one number.',
  'squeeze.q2': 'Why average the whole map instead of looking at a 3×3 patch?',
  'squeeze.a2': 'So that each entry of z describes the whole image. A 3×3 filter in an early layer sees only a small neighbourhood, while SE’s decision should use global context.',
  'squeeze.q3': 'Would max pooling work as the squeeze?',
  'squeeze.a3': 'Yes. In the paper’s Table 11 it gives {maxErr}% top-1 error on SE-ResNet-50 against {avgErr}% for the mean: both work, the mean slightly better.',
  'squeeze.q4': 'Some z_c are negative. Is that a problem?',
  'squeeze.a4': 'No. U is taken before the block’s final ReLU, so a map’s mean can be negative, and the FC layers accept any real number.',

  'excitation.q1': 'What are the shapes of W₁ and W₂ for C = 64 and r = 16?',
  'excitation.a1': 'W₁ is C/r × C = 4 × 64 and W₂ is C × C/r = 64 × 4: {w64} FC weights together.',
  'excitation.q2': 'Why don’t the s values add up to 1?',
  'excitation.a2': 'A sigmoid maps each logit into 0…1 by itself, with no shared total; only a softmax forces a sum of 1, which would make the channels compete, and SE wants to keep several at once. The s_c are still not independent of each other: each one is computed from all of z, through W₁ and W₂, which mix the channels.',
  'excitation.q3': 'What happens when the ReLU cuts off every hidden unit?',
  'excitation.a3': 'FC2 then receives only zeros, so its output is its bias b₂ and s = σ(b₂): the same channel weights for every image where this happens. The explorer’s inspector says so when it does.',
  'excitation.q4': 'Why a narrow middle (C/r units) rather than one C × C layer?',
  'excitation.a4': 'The paper’s reasons: it limits the model’s complexity (2C²/r weights instead of C²) and helps generalisation.',
  'excitation.q5': 'What did the paper find when the sigmoid was replaced?',
  'excitation.a5': 'Table 12 (SE-ResNet-50, top-1 error): sigmoid {sigErr}%, tanh {tanhErr}%, ReLU {reluErr}%, which is worse than ResNet-50 without SE ({plainAblErr}%, same recipe).',

  'scale.q1': 'Does SE change where in a map a feature shows up?',
  'scale.a1': 'No. Every position of channel c is multiplied by the same s_c; only how strongly the channel speaks changes.',
  'scale.q2': 's_c = {sHalf} and the mean |u_c| is {uMean}. What is the mean |s_c · u_c|?',
  'scale.a2': '{scaled}: every value is multiplied by {sHalf}, so the mean of their sizes is too.',
  'scale.q3': 'Can SE amplify a channel, s_c > 1?',
  'scale.a3': 'Not with a sigmoid: s stays between 0 and 1, so SE keeps or damps. The layers after it can still scale the result up.',
  'scale.q4': 'What if every s_c is 1?',
  'scale.a4': 'Then the block behaves as if SE were not there: the paper notes that an SE block whose activations are all one is the identity. Try “switch SE off” in the experiments.',

  'instantiation.q1': 'Where exactly does SE sit in an SE-ResNet module?',
  'instantiation.a1': 'On the residual branch, after its convolutions and before the addition with the shortcut.',
  'instantiation.q2': 'What changes if SE sits after the residual add (SE-POST)?',
  'instantiation.a2': 'It then scales the sum of the residual branch and the shortcut, after the final ReLU. In Table 14 (top-1 error) this is the one placement that hurts: SE-POST {postErr}% against {seErr}% for the standard design, while SE-PRE ({preErr}%) and SE-Identity ({idErr}%) do as well or slightly better. What matters is that SE acts before the two branches are added.',
  'instantiation.q3': 'Must SE stay off the shortcut?',
  'instantiation.a3': 'No. Table 14’s SE-Identity puts SE on the shortcut, in parallel with the residual branch, and has the lowest top-1 error of the four designs ({idErr}%). The paper concludes that the position matters little, provided SE is applied before the branches are aggregated; the standard design is one good choice among several.',
  'instantiation.q4': 'Does SE work only in ResNets?',
  'instantiation.a4': 'No. It wraps the output of any transformation, for example a whole Inception module in SE-Inception.',

  'architecture.q1': 'What are the SE fc sizes in SE-ResNet-50’s conv4_x?',
  'architecture.a1': 'fc [{conv4Hidden}, {conv4C}]: C = {conv4C} and C/16 = {conv4Hidden}.',
  'architecture.q2': 'How many SE blocks does our model have?',
  'architecture.a2': '{seBlocks} of {blocks} residual blocks have one (from the card).',
  'architecture.q3': 'Why does our model use basic blocks and not bottlenecks?',
  'architecture.a3': 'It is a CIFAR ResNet-{depth} for 32×32 images with widths {widths}: narrow enough that two 3×3 convolutions per block are cheap, as in the original CIFAR ResNets.',

  'cost.q1': 'How many FC weights does SE add to a block with C = 256 and r = 16?',
  'cost.a1': '2C²/r = 2 · 256² / 16 = {w256}: W₁ and W₂ each hold C · C/r = 256 · 16 of them (here C/r happens to equal r = 16). Plus {b256} biases where the layers have them.',
  'cost.q2': 'Halve r from 16 to 8: what happens to the FC weights, and to the error in Table 10?',
  'cost.a2': 'The weights double. In Table 10 the parameters grow from {p16} M to {p8} M while the top-1 error goes from {e16}% to {e8}%: almost nothing.',
  'cost.q3': 'SE adds about 10% parameters to ResNet-50. Why do its FLOPs hardly change?',
  'cost.a3': 'Its FC weights meet a 1×1×C vector once per image, while each convolution weight is used at every position of its map.',
  'cost.q4': 'Where are most of SE-ResNet-50’s extra parameters?',
  'cost.a4': 'In the last stage, conv5_x: {lastShare} of them, because C = 2048 there and the cost grows with C².',

  'results.q1': 'Our SE model and the plain one differ by {gain} points (SE minus plain), one run each. Does that show whether SE helps here?',
  'results.a1': 'Not from one run each: first you need to know how much the accuracy moves from seed to seed (the experiments’ “SE vs plain” tab says whether that was measured). And on networks this small the published gains are a point or less; one model store even measured a small loss.',
  'results.q2': 'Why not compare ResNet-50’s {t10Plain}% in Table 10 with its {t2Plain}% in Table 2?',
  'results.a2': 'The ablation tables use another training recipe (no FC biases, a longer schedule, label smoothing). Compare within one table only.',
  'results.q3': 'How much did SE gain for ResNet-50 on ImageNet in Table 2?',
  'results.a3': 'Top-1 error {t2Plain}% → {t2Se}%, {t2Gain} points better.',

  'summary.problem': 'Problem: in a convolution, how much a channel counts is tangled with the spatial pattern and fixed after training.',
  'summary.squeeze': 'Squeeze: z_c = the mean of map u_c, one number per channel (1×1×C).',
  'summary.excite': 'Excitation: s = σ(W₂ δ(W₁ z)), C → C/r → C. The FCs mix the channels, so each s_c depends on all of z; the sigmoid only removes the competition for a sum of 1.',
  'summary.scale': 'Scale: x̃_c = s_c · u_c; it changes how loud a channel is, not where.',
  'summary.where': 'Where: in SE-ResNet, on the residual branch before the addition; Table 14: anywhere before the addition works about as well, even on the shortcut.',
  'summary.cost': 'Cost: 2C²/r FC weights per block. Ours: +{params} parameters (+{paramsPct}), +{macsPct} multiply-adds.',
  'summary.results': 'Results: ImageNet ResNet-50 top-1 error {t2Plain}% → {t2Se}% (Table 2). Ours on CIFAR-10: {se} vs {plain}, one run each.',
} as const;

export type QuizKey = keyof typeof quizEn;
