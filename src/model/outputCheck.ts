/**
 * What the network computes on two check images, before the model becomes active. A network
 * whose outputs are not finite numbers is refused (its predictions would read "NaN%"); one that
 * gives the same outputs for two very different images is flagged (all-zero or dead weights give
 * 10.0% for every class of every image, which looks like a prediction but is none).
 */

/** mid-grey, and a colour pattern with edges and every channel varying */
export function checkImages(size: number): Float32Array[] {
  const grey = new Float32Array(size * size * 3).fill(128);
  const pattern = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      pattern[i] = (x * 255) / Math.max(1, size - 1);
      pattern[i + 1] = ((x + y) & 2) === 0 ? 255 : 0;
      pattern[i + 2] = (y * 255) / Math.max(1, size - 1);
    }
  }
  return [grey, pattern];
}

export type OutputVerdict = 'non-finite' | 'same-output' | null;

/** outputs closer than this (relative to their size) count as the same */
const SAME = 1e-5;

export function judgeOutputs(logits: readonly Float32Array[]): OutputVerdict {
  if (logits.some((l) => l.some((v) => !Number.isFinite(v)))) return 'non-finite';
  const [first, ...rest] = logits;
  if (!first) return null;
  const scale = Math.max(1, ...first.map(Math.abs));
  const same = rest.every((l) => l.every((v, i) => Math.abs(v - first[i]!) <= SAME * scale));
  return rest.length > 0 && same ? 'same-output' : null;
}
