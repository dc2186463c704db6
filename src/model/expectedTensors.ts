import type { ModelCard } from '../types/card';

export interface TensorSpec {
  name: string;
  shape: number[];
}

/**
 * Every weight tensor a card's architecture needs, in the order training/export.py writes them,
 * under the names network.ts reads (kernels HWIO, dense kernels [in, out]). A unit test holds
 * this list equal to the shipped model's manifest, so it cannot drift from the export.
 */
export function expectedTensors(card: ModelCard): TensorSpec[] {
  const a = card.architecture;
  const k = a.stem.kernel;
  const out: TensorSpec[] = [
    { name: 'stem/kernel', shape: [k, k, a.inputChannels, a.stem.channels] },
    { name: 'stem/bias', shape: [a.stem.channels] },
  ];
  for (const b of a.blocks) {
    const p = `blocks/${b.index}`;
    const c = b.channels;
    out.push(
      { name: `${p}/conv1/kernel`, shape: [3, 3, b.inChannels, c] },
      { name: `${p}/conv1/bias`, shape: [c] },
      { name: `${p}/conv2/kernel`, shape: [3, 3, c, c] },
      { name: `${p}/conv2/bias`, shape: [c] },
    );
    if (b.shortcut === 'projection') {
      out.push({ name: `${p}/shortcut/kernel`, shape: [1, 1, b.inChannels, c] }, { name: `${p}/shortcut/bias`, shape: [c] });
    }
    if (b.se) {
      const h = b.se.hidden;
      out.push(
        { name: `${p}/se/fc1/kernel`, shape: [c, h] },
        { name: `${p}/se/fc1/bias`, shape: [h] },
        { name: `${p}/se/fc2/kernel`, shape: [h, c] },
        { name: `${p}/se/fc2/bias`, shape: [c] },
      );
    }
  }
  out.push(
    { name: 'head/kernel', shape: [a.head.inFeatures, a.head.classes] },
    { name: 'head/bias', shape: [a.head.classes] },
  );
  return out;
}
