/** A small synthetic block for the lesson tests (H=2, W=2, C=3, hidden 2). */
import type { BlockTaps } from '../../types/forward';
import { sigmoid } from '../gateMath';

export function fakeTaps(): BlockTaps {
  const shape: [number, number, number] = [2, 2, 3];
  // NHWC: position-major, channel-minor. channel 0: 1,2,3,4; channel 1: all 0; channel 2: -1,1,-1,1
  const u = Float32Array.from([1, 0, -1, 2, 0, 1, 3, 0, -1, 4, 0, 1]);
  const z = Float32Array.from([2.5, 0, 0]);
  const h = Float32Array.from([0, 1.5]);
  const e = Float32Array.from([2, -3, 0]);
  const sModel = Float32Array.from(e, sigmoid);
  const s = Float32Array.from(sModel);
  const scaled = Float32Array.from(u, (v, i) => v * s[i % 3]!);
  const out = Float32Array.from(scaled, (v) => Math.max(0, v + 0.1));
  return { index: 0, shape, u, z, h, e, sModel, s, scaled, out };
}
