import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type { SENetwork } from '../src/model/network';
import type { Overrides } from '../src/types/forward';
import { loadShipped } from './model-fixture';

let net: SENetwork;
let golden: tf.NamedTensorMap;
let pixels: Float32Array;

beforeAll(async () => {
  let inputs: string[];
  ({ net, golden, inputs } = await loadShipped());
  pixels = golden[`${inputs[0]}/input`]!.dataSync() as Float32Array;
});
afterAll(() => {
  net.dispose();
  Object.values(golden).forEach((t) => t.dispose());
});

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

const seBlocks = () => net.card.architecture.blocks.filter((b) => b.se).map((b) => b.index);

describe('interventions', () => {
  it('SE off everywhere equals forcing s = 1 on every channel', async () => {
    const off: Overrides = Object.fromEntries(seBlocks().map((i) => [i, { gate: 'off' as const }]));
    const ones: Overrides = Object.fromEntries(
      net.card.architecture.blocks
        .filter((b) => b.se)
        .map((b) => [b.index, { channels: Object.fromEntries(Array.from({ length: b.channels }, (_, c) => [c, 1])) }]),
    );
    const a = await net.run(pixels, { overrides: off });
    const b = await net.run(pixels, { overrides: ones });
    const plain = await net.run(pixels);
    expect(maxAbsDiff(a.logits, b.logits)).toBeLessThan(1e-5);
    for (const k of seBlocks()) expect(Array.from(a.blocks[k]!.s!).every((v) => v === 1)).toBe(true);
    // and it is a real change from the trained gates
    expect(maxAbsDiff(a.logits, plain.logits)).toBeGreaterThan(1e-3);
  });

  it('resuming from block k equals the full pass with the same override', async () => {
    for (const k of seBlocks()) {
      await net.run(pixels);
      const override: Overrides = { [k]: { channels: { 0: 0, 1: 1 } } };
      const resumed = await net.rerunFrom(k, override);
      const full = await net.run(pixels, { overrides: override });
      expect(resumed.fromBlock).toBe(k);
      expect(maxAbsDiff(resumed.logits, full.logits)).toBeLessThan(1e-5);
      expect(resumed.blocks.slice(0, k).every((b) => b === null)).toBe(true);
      expect(maxAbsDiff(resumed.blocks[k]!.out, full.blocks[k]!.out)).toBeLessThan(1e-5);
      expect(resumed.blocks[k]!.s![0]).toBe(0);
      expect(resumed.blocks[k]!.sModel![0]).toBeCloseTo(full.blocks[k]!.sModel![0]!, 6);
    }
  });

  it('update() recomputes from the first changed block and keeps the cache consistent', async () => {
    const blocks = seBlocks();
    const [a, b] = [blocks[1]!, blocks[blocks.length - 2]!];
    await net.run(pixels);
    const first = await net.update({ [b]: { gate: 'off' } });
    expect(first.fromBlock).toBe(b);
    // a later change in an earlier block starts there, and must see block b's override too
    const both: Overrides = { [a]: { channels: { 3: 0 } }, [b]: { gate: 'off' } };
    const second = await net.update(both);
    expect(second.fromBlock).toBe(a);
    const full = await net.run(pixels, { overrides: both });
    expect(maxAbsDiff(second.logits, full.logits)).toBeLessThan(1e-5);
    // undoing block b's override re-runs from b using the cache refreshed by the pass above
    const third = await net.update({ [a]: { channels: { 3: 0 } } });
    expect(third.fromBlock).toBe(b);
    const direct = await net.run(pixels, { overrides: { [a]: { channels: { 3: 0 } } } });
    expect(maxAbsDiff(third.logits, direct.logits)).toBeLessThan(1e-5);
    await expect(net.rerunFrom(b, {})).rejects.toThrow(/block/);
  });

  it('softmax gate gives weights that sum to 1 in the block it is applied to', async () => {
    const k = seBlocks()[0]!;
    const r = await net.run(pixels, { overrides: { [k]: { gate: 'softmax' } } });
    const sum = Array.from(r.blocks[k]!.s!).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 5);
  });

  it('the small warm-up (the cold start on wasm) leaves no tensors and changes no result', async () => {
    const first = await net.run(pixels);
    const before = tf.memory().numTensors;
    net.warmUpSmall();
    expect(tf.memory().numTensors).toBe(before);
    const again = await net.update({});
    expect(maxAbsDiff(again.logits, first.logits)).toBe(0);
  });

  it('leaks no tensors over 50 passes with and without interventions', async () => {
    await net.run(pixels);
    const before = tf.memory().numTensors;
    const blocks = seBlocks();
    for (let i = 0; i < 50; i++) {
      const k = blocks[i % blocks.length]!;
      if (i % 3 === 0) await net.run(pixels, { taps: i % 2 ? 'all' : 'none' });
      else if (i % 3 === 1) await net.run(pixels, { overrides: { [k]: { gate: 'off' }, [blocks[0]!]: { channels: { 2: 0.5 } } } });
      else await net.update({ [k]: { gate: 'softmax', channels: { 0: 0 } } });
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
