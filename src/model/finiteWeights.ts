import type * as tf from '@tensorflow/tfjs-core';
import { ModelCheckError } from './modelErrors';

/**
 * Refuses weights that hold NaN or ±Infinity, naming the first such tensor. A single NaN reaches
 * every output of the network, and the app would then show "NaN%" and empty charts as if they
 * were a prediction. The shards are already checked for their lengths, so the tensors lie end to
 * end in `data` in the manifest's order.
 */
export function checkFiniteWeights(specs: readonly tf.io.WeightsManifestEntry[], data: ArrayBuffer, manifestName: string): void {
  let offset = 0;
  for (const spec of specs) {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.dtype === 'float32') {
      const values = new Float32Array(data, offset, n);
      let nan = 0;
      let inf = 0;
      for (let i = 0; i < n; i++) {
        const v = values[i]!;
        if (v !== v) nan++;
        else if (v === Infinity || v === -Infinity) inf++;
      }
      if (nan + inf > 0) {
        const what = [nan ? `${nan} NaN` : '', inf ? `${inf} infinite` : ''].filter(Boolean).join(' and ');
        throw new ModelCheckError(
          'non-finite',
          `${manifestName}: the tensor ${spec.name} holds ${what} value${nan + inf === 1 ? '' : 's'} (of ${n}); weights must be finite numbers`,
          manifestName,
        );
      }
    }
    offset += n * 4;
  }
}
