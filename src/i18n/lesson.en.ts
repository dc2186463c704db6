/**
 * English strings of the guided lesson and the step-through animation. Every key must exist,
 * non-empty and with the same {placeholders}, in lesson.ko.ts (see lesson-i18n.test.ts).
 */
export const lessonEn = {
  // ---- lesson panel ----
  'lesson.title': 'Lesson: Squeeze-and-Excitation',
  'lesson.prev': 'Previous',
  'lesson.next': 'Next',
  'lesson.progress': 'Section {n} of {total}',
  'lesson.show': 'Show this in the explorer',
  'lesson.nav': 'Lesson sections',
  'lesson.noTaps': 'Classify an image to see this block’s real numbers here.',
  'lesson.noSE': 'The selected block has no SE branch.',
  'lesson.block': 'block {block}',
  'lesson.channel': 'channel {c}',
  'glossary.title': 'Terms in this section (Korean ↔ English)',
  'glossary.all': 'All {n} terms',
  'glossary.col.ko': '한국어',
  'glossary.col.en': 'English',

  // ---- 1 why ----
  'why.title': 'Why: a convolution’s channel weights are tied to spatial patterns and fixed after training',
  'why.p1':
    'A convolution builds each output map by sliding a k×k×C filter over its input and adding up the products across all C input channels. The filter has its own k×k weights for every input channel, so it can already make one channel count more than another.',
  'why.p2':
    'But those weights do two jobs at once. They must also detect a spatial pattern (an edge, a texture), so how much a channel counts is tangled up with that pattern. And once training ends they are fixed: every image, whatever it shows, gets the same channel weighting.',
  'why.p3':
    'Yet channels are not equally useful for every image. Some maps come out almost blank, and after a ReLU some are switched off completely.',
  'why.p4':
    'SE adds a small side branch that looks at the whole feature map. What it learns, once, in training, are its weights W₁ and W₂; from them it computes, for each image, one factor per channel, apart from the spatial filters. The channel weighting becomes a function of the input.',
  'why.diagram': 'Diagram: a 3×3×C filter multiplies every input channel and adds all the products into one output map.',
  'why.diagram.input': 'input: C channels',
  'why.diagram.filter': 'one 3×3×C filter',
  'why.diagram.sum': 'Σ over all channels',
  'why.diagram.output': 'one output map',
  'why.live.some': 'For this image, in {block}, {count} of {channels} channels are nearly empty:',
  'why.live.none': 'For this image, no channel of {block} is nearly empty. Try another block or image.',
  'why.dead': 'switched off: {pct} of positions are 0',
  'why.faint': 'faint: peak |value| {peak}, under 10% of the block’s strongest channel',
  'why.where.u': 'before SE (U)',
  'why.where.out': 'block output',
  'why.network': 'Nearly empty output channels per block',
  'why.networkBar': '{block}: {count} of {channels}',

  // ---- 2 squeeze ----
  'squeeze.title': 'Squeeze: one number per channel',
  'squeeze.p1':
    'To judge a channel, the block first needs a summary of it that does not depend on position. Global average pooling gives one: the mean of the channel’s whole H×W map.',
  'squeeze.p2':
    'The C means form the channel descriptor z, of size 1×1×C. Each entry summarises the entire image, something a 3×3 filter in an early layer can never see.',
  'squeeze.p3':
    'Why the mean and not the maximum? The journal version of the paper (TPAMI 2019, Table 11) tried both in SE-ResNet-50 on ImageNet: {max}% top-1 error with max pooling, {avg}% with average pooling. Both work; the mean is slightly better.',
  'squeeze.live': 'Channel {c} of {block}: the mean of {count} values is z = {z}.',
  'squeeze.check': 'recomputed here from U: {mean}',
  'squeeze.strip': 'z for all {channels} channels of this block',

  // ---- 3 excitation ----
  'excite.title': 'Excitation: a weight for every channel',
  'excite.p1':
    'z passes through two fully connected layers. The first shrinks C values to C/r (r is the reduction ratio) and applies a ReLU (δ); the second expands back to C. The paper gives two reasons for the narrow middle: it limits the model’s complexity (fewer parameters) and it helps generalisation.',
  'excite.live': 'In {block}: {channels} → {hidden} → {channels} (r = {r}).',
  'excite.clipped': 'For this image the ReLU clipped {clipped} of the {hidden} hidden units to 0.',
  'excite.p2': 'A sigmoid then turns each of the C outputs into a weight between 0 and 1.',
  'excite.why':
    'Why a sigmoid and not a softmax? A softmax makes channels compete: the weights add up to 1, so one channel can only grow by taking from the others. A sigmoid judges each channel on its own, so many channels can all be kept, or all be damped. SE wants exactly that, because several features can matter at once.',
  'excite.attention':
    'SE is a kind of attention over channels. Attention in language models usually uses a softmax, to pick where to look; SE deliberately does not pick just one.',
  'excite.try': 'Try it: move the logits and compare the two gates on the same values.',
  'excite.logit': 'logit {i}',
  'excite.preset.all': 'All high',
  'excite.preset.none': 'All low',
  'excite.preset.mixed': 'Mixed',
  'excite.sigmoid': 'sigmoid',
  'excite.softmax': 'softmax',
  'excite.sums': 'Sum of weights: sigmoid {sig}, softmax {soft} (always 1).',
  'excite.above': 'Channels above ½: sigmoid {sig}, softmax {soft}.',
  'excite.real': 'The same comparison on this block’s real logits e ({channels} channels, sorted by e):',
  'excite.realSummary':
    'With the sigmoid, {sig} of {channels} channels keep more than half their strength. A softmax on the same logits would average 1/{channels} = {avg} per channel; its largest weight would be {max}.',
  'excite.chart': 'Bar chart: sigmoid and softmax weights for the same logits.',

  // ---- 4 scale ----
  'scale.title': 'Scale: multiply each channel by its weight',
  'scale.p1':
    'The last operation is the simplest: every value of channel c is multiplied by the same number s_c. A weight near 1 leaves the map as it was; a weight near 0 fades it out.',
  'scale.p2': 'Every position of a map gets the same factor: SE changes how loudly a channel speaks, not where.',
  'scale.low': 'Most damped: channel {c}, s = {s}; mean |u| {before} → {after}.',
  'scale.high': 'Most kept: channel {c}, s = {s}; mean |u| {before} → {after}.',
  'scale.before': 'before (U)',
  'scale.after': 'after (U·s)',
  'scale.bars': 'Weights s of all {channels} channels, largest first',
  'scale.chart': 'Bar chart of the channel weights s, between 0 and 1.',

  // ---- 5 instantiation ----
  'inst.title': 'Where SE goes: Inception and ResNet modules',
  'inst.p1':
    'SE replaces nothing: it wraps the output of an existing transformation. That is why it fits into many architectures.',
  'inst.inception':
    'SE-Inception: the SE branch re-weights the channels of the whole Inception module’s output before it moves on to the next module.',
  'inst.resnet':
    'SE-ResNet: the SE branch sits on the residual branch, before the addition. The shortcut is left untouched, so the block can still pass its input straight through.',
  'inst.ours':
    'Our model uses the SE-ResNet form: two 3×3 convolutions give U, SE re-weights U, the shortcut is added and a ReLU gives the block output. That is the highlighted module.',
  'inst.diagramInception': 'Diagram of an SE-Inception module: Inception output, global pooling, FC, ReLU, FC, sigmoid, scale.',
  'inst.diagramResnet': 'Diagram of an SE-ResNet module: residual branch, SE branch, scale, addition with the shortcut, ReLU. Highlighted: our model’s block.',
  'inst.label.inception': 'Inception module',
  'inst.label.residual': 'residual: 3×3 conv ×2',
  'inst.label.gap': 'global avg pool',
  'inst.label.fc': 'FC',
  'inst.label.relu': 'ReLU',
  'inst.label.sigmoid': 'sigmoid',
  'inst.label.scale': 'scale',
  'inst.label.shortcut': 'shortcut',
  'inst.label.ours': 'our block',
  'inst.label.seInception': 'SE-Inception',
  'inst.label.seResnet': 'SE-ResNet',

  // ---- 6 architecture ----
  'arch.title': 'Example architecture: SE-ResNet-50 beside ours',
  'arch.p1':
    'The paper’s Table 1 spells out SE-ResNet-50: the usual ResNet-50 with an SE branch, fc [C/16, C], in every bottleneck block.',
  'arch.p2':
    'Ours is a small ResNet for 32×32 images with basic blocks (two 3×3 convolutions) and r = {r}. Its table is generated from the model card.',
  'arch.paper': 'SE-ResNet-50 (paper, Table 1; input 224×224)',
  'arch.ours': '{model} (ours, from the model card; input {size}×{size})',
  'arch.col.stage': 'Stage',
  'arch.col.output': 'Output',
  'arch.col.block': 'Block',
  'arch.col.se': 'SE fc',
  'arch.col.repeat': 'Blocks',
  'arch.note.stem': 'conv {k}, {c}, stride {stride}',
  'arch.note.maxpool': 'max pool {k}, stride {stride}',
  'arch.note.head': 'global average pool, fc {classes}, softmax',
  'arch.overhead': 'SE adds {extra} parameters to the {plain} of the plain network (+{pct}) and {macs} more multiply–adds.',
  'arch.source': 'Source: Hu, Shen, Sun, “Squeeze-and-Excitation Networks”, Table 1.',
  'cost.title': 'Cost and r: what an SE block adds',
  'cost.p1': 'An SE block on C channels adds two small matrices, W₁ (C/r × C) and W₂ (C × C/r): 2C²/r weights, plus C/r + C biases in our layers. The reduction ratio r sets the price: halving r doubles the weights.',
  'cost.oursCaption': '{model} (ours, r = {r}): SE parameters per block, from the model card',
  'cost.col.block': 'Block',
  'cost.col.weights': 'weights 2C·C/r',
  'cost.col.biases': 'biases',
  'cost.col.weightsN': 'weights N·2C·C/r',
  'cost.col.params': 'parameters',
  'cost.oursTotal': 'In all {weights} weights + {biases} biases = {total} parameters: exactly the card’s difference between the plain and the SE network ({plain} → {with}). {last} of the weights sit in the last stage ({stage}), where C is largest.',
  'cost.flopsTitle': 'Why the multiply-adds barely change',
  'cost.flops': 'A weight of a 3×3 convolution is used at every one of the H×W positions of its map. A weight of SE’s FC layers meets only the 1×1×C vector z, once per image. So the FCs cost as many multiply-adds as they have weights, and the scale adds one multiply per value of U.',
  'cost.flopsOurs': 'In our model, per image: FCs {fc} and scale {scale} multiply-adds, against {conv} in the convolutions of the same blocks. In all, SE adds {pct} to the plain network’s multiply-adds (from the card).',
  'cost.flopsPaper': 'For SE-ResNet-50 the paper reports {plain} → {se} GFLOPs per 224×224 image. Time grows a little more than FLOPs: one forward and backward pass of a 256-image batch took {gpuPlain} → {gpuSe} ms on 8 GPUs, and CPU inference of one image {cpuPlain} → {cpuSe} ms (Section 4).',
  'cost.r50Caption': 'SE-ResNet-50 (r = 16): SE weights per stage, from the paper’s Table 1 layout',
  'cost.r50Total': 'Sum: {weights} weights (+{biases} biases), which matches the paper’s “~2.5 million additional parameters” (Section 4; {paperPlain} M → {paperSe} M in Tables 10 and 13). {last} of them are in the last stage, conv5_x.',
  'cost.lastStage': 'That is why the authors note that the last stage’s SE blocks could be dropped for less than 0.1% top-5 error on ImageNet, cutting the extra parameters to about {pct}% (Section 4).',
  'cost.t10Caption': 'Paper, Table 10: SE-ResNet-50 on ImageNet with different r (single-crop error %, parameters)',
  'cost.t10Plain': 'ResNet-50 (no SE)',
  'cost.t10Recipe': 'Tables 10–16 (the ablations) use another training recipe than Table 2 (no FC biases, a longer schedule, label smoothing): compare rows within this table, not with Table 2.',
  'cost.t10Reading': 'From r = 2 to r = 16 the top-1 error stays between {lo}% and {hi}% while the parameters fall from {p2} M to {p16} M; at r = 32 it rises to {e32}%. More parameters do not buy accuracy here; the authors settle on r = 16 as the balance. Our model uses r = {r} (from the card).',

  // ---- 7 results ----
  'results.title': 'Results: what was reported, what we measured',
  'results.ilsvrc':
    'SENets were the basis of the ILSVRC 2017 classification entry that won first place, with a top-5 error of {err}%, roughly {rel}% better (relative) than the 2016 winner.',
  'results.authorsTitle': 'The authors’ retrained models: ImageNet-1k validation error (%)',
  'results.authors': 'ImageNet-1k single-crop validation error of the authors’ retrained models, top-1 / top-5 (%). They use r = 16 throughout; their README says these beat the paper’s numbers thanks to longer training.',
  'results.compare': 'Plain versus SE, as published',
  'results.col.model': 'Model',
  'results.col.top1': 'top-1 err.',
  'results.col.top5': 'top-5 err.',
  'results.col.dataset': 'Dataset',
  'results.col.plain': 'plain',
  'results.col.se': 'with SE',
  'results.col.gain': 'SE gain',
  'results.col.source': 'Source',
  'results.computed': '“computed”: the source gives SE’s error and the difference, so plain = SE’s error + difference (the paper’s Table 4 gives the same value).',
  'results.computedMark': 'computed',
  'results.metric.accuracy': 'accuracy',
  'results.metric.error': 'error',
  'results.remark.paperViaReplication': 'paper’s figure; difference as stated',
  'results.remark.fiveRuns': '5 runs each',
  'results.remark.maxAccuracy': 'max test accuracy',
  'results.remark.torchvision': 'plain: torchvision',
  'results.points': '{v} points',
  'results.small':
    'On networks as small as ours the published gains shrink to a point or less, and one model store even measures SE-ResNet-20 slightly worse than ResNet-20.',
  'results.ours': 'Ours, measured on {images} test images (top-1 accuracy)',
  'results.ours.se': '{model} (with SE)',
  'results.ours.plain': '{model}',
  'results.ours.noPlain': 'plain baseline',
  'results.ours.pending': 'no number yet',
  'results.ours.gain': 'Difference: {gain} points.',
  'results.caveat.interim': 'Interim: this checkpoint has {epochs} of {planned} planned epochs, so its accuracy will still change.',
  'results.caveat.baseline-unfinished':
    'The plain baseline has not finished training ({epochs} epochs so far), so there is no fair comparison yet.',
  'results.caveat.baseline-missing': 'No plain baseline was trained for this model card.',
  'results.caveat.final': 'Both runs finished with the same training recipe.',
  'sum.title': 'Summary: SE on one screen',

  // ---- animation ----
  'anim.title': 'One SE block, step by step',
  'anim.step.input': 'Input U',
  'anim.step.squeeze': 'Squeeze',
  'anim.step.fc1': 'FC1 + ReLU',
  'anim.step.fc2': 'FC2 + sigmoid',
  'anim.step.scale': 'Scale',
  'anim.step.residual': 'Add + ReLU',
  'anim.desc.input': 'U: the {channels} feature maps ({size}×{size}) coming out of the residual branch of {block}.',
  'anim.desc.squeeze': 'Each map collapses to its mean: {count} values become one number z_c.',
  'anim.desc.fc1': 'z ({channels} values) → {hidden} hidden units; the ReLU clipped {clipped} of them to 0 (marked ✕).',
  'anim.desc.fc2': '{hidden} → {channels} logits e_c; the sigmoid turns each into a weight s_c between 0 and 1.',
  'anim.desc.scale': 'Each weight travels to its channel and multiplies the whole map: damped maps fade.',
  'anim.desc.residual': 'The shortcut is added back and a ReLU gives the block output.',
  'anim.noSE': '{block} has no SE branch.',
  'anim.label.u': 'U',
  'anim.label.scaled': 'U · s',
  'anim.label.out': 'output',
  'anim.label.z': 'z',
  'anim.label.h': 'h',
  'anim.label.e': 'e',
  'anim.label.s': 's',
  'anim.label.sigmoid': 's = σ(e)',
  'anim.label.clipped': 'clipped',
  'anim.label.shortcut': '+ shortcut, ReLU',
  'anim.legend.maps': 'U, U·s, output',
  'anim.legend.z': 'z (mean)',
  'anim.legend.s': 's (weight)',
  'anim.aria':
    'Animation of {block}, step {n} of {total}: {step}. {desc}',
  'anim.channelTitle': 'channel {c}: {what} = {v}',
  'anim.mapTitle': 'channel {c}: weight s = {s}',
  'anim.overridden': 'overridden',

  // ---- controls ----
  'controls.play': 'Play',
  'controls.pause': 'Pause',
  'controls.prev': 'Previous step',
  'controls.next': 'Next step',
  'controls.first': 'First step',
  'controls.last': 'Last step',
  'controls.position': 'Position in the animation',
  'controls.speed': 'Speed',
  'controls.step': 'Step {n} of {total}: {name}',
  'controls.keys': 'Keys: ← → step, Space play/pause, Home/End first/last',

  // ---- formulas ----
  'formula.title': 'The three operations',
  'formula.squeeze': 'Squeeze',
  'formula.excite': 'Excitation',
  'formula.scale': 'Scale',
  'formula.residual': 'Residual add (SE-ResNet)',
  'formula.legend': 'δ = ReLU, σ = sigmoid, W₁ ∈ ℝ^(C/r × C), W₂ ∈ ℝ^(C × C/r). Highlighted: the current step.',
  'formula.bias': 'The paper writes these without biases; our FC layers have them: s = σ(W₂ δ(W₁z + b₁) + b₂).',
  'formula.live': 'Channel {c} of this image:',

  // ---- worked example (C = 4, r = 2, 2×2 maps) ----
  'worked.toggle': 'Numbers in the animation',
  'worked.image': 'This image',
  'worked.example': 'Worked example',
  'worked.title': 'Worked example: C = 4, r = 2, 2×2 maps',
  'worked.intro':
    'Small enough to check with pencil and paper: 4 channels, 2 hidden units, all biases 0. Every number here was computed by the same code that runs the real network.',
  'worked.row.u': 'Input U (chosen)',
  'worked.row.z': 'Squeeze: z_c is the mean of map c',
  'worked.row.fc1': 'FC1: W₁z, then ReLU',
  'worked.row.fc2': 'FC2: e = W₂h, then the sigmoid',
  'worked.row.scale': 'Scale: every value of map c times s_c',
  'worked.row.residual': 'Add the shortcut x (1 everywhere), then ReLU',
  'worked.channel': 'c = {c}',
  'worked.relu': 'ReLU sets the negative {v} to 0.',
  'worked.rounded': 'Values that are not whole numbers are rounded to 2 places.',
  'worked.live': 'Channel {c} of the worked example:',
  'excite.mixTitle': 'Where each gate comes from',
  'excite.mix':
    'Every s_c is computed from all of z: FC1 mixes the C squeezed values into C/r hidden units, and FC2 mixes those back into C logits. That mixing is how SE models the dependencies between channels: how much of channel c is kept depends on what all the channels saw. The sigmoid then squashes each logit on its own, so the gates do not compete for a fixed total as softmax weights would: each gate is normalised on its own but computed from all channels.',
  'excite.mixLive': 'Below: ∂s_c/∂z_j in {block} for this image. Each row is one gate; a row with many coloured cells is a gate that listens to many channels.',
  'excite.mixExample':
    'The worked example (C = 4): h = ({h}), so only hidden unit {k} passes a change on, and ∂s_c/∂z_j = s_c(1 − s_c) · W₂[c][{k}] · W₁[{k}][j]. Columns {cols} are 0: the FC weights W₁ give those z_j weight 0 in unit {k}. Row {rows} is 0: W₂ passes that gate nothing from unit {k}. One cell by hand: ∂s₀/∂z₀ = s₀(1 − s₀) · W₂[0][{k}] · W₁[{k}][0] = {s0} · {s0c} · {path} = {cell}.',
  'worked.influence': 'How every gate depends on every z: ∂s/∂z = diag(s(1−s)) · W₂ · diag(1[h>0]) · W₁',
} as const;

export type LessonKey = keyof typeof lessonEn;
