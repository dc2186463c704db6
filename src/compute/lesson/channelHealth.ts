/**
 * "Some feature maps are nearly empty": which channels of a map tensor (U or a block output)
 * carry almost nothing for the current image. Pure; the Why section lists these channels.
 */

export interface ChannelHealth {
  channel: number;
  meanAbs: number;
  maxAbs: number;
  /** fraction of positions that are exactly zero (after a ReLU: switched off there) */
  zeroFraction: number;
  /** why it counts as near-empty, or null when it does not */
  reason: 'dead' | 'faint' | null;
}

export interface QuietOptions {
  /** a channel is faint when its max |value| is below this fraction of the block's largest channel max */
  faintFraction: number;
  /** a channel is dead when at least this fraction of its positions is zero */
  deadFraction: number;
}

export const DEFAULT_QUIET: QuietOptions = { faintFraction: 0.1, deadFraction: 0.98 };

export function channelHealth(
  data: ArrayLike<number>,
  shape: [number, number, number],
  opts: QuietOptions = DEFAULT_QUIET,
): ChannelHealth[] {
  const [H, W, C] = shape;
  const n = H * W;
  const sum = new Float64Array(C);
  const max = new Float64Array(C);
  const zeros = new Float64Array(C);
  for (let i = 0; i < n * C; i++) {
    const c = i % C;
    const a = Math.abs(data[i]!);
    sum[c]! += a;
    if (a > max[c]!) max[c] = a;
    if (a === 0) zeros[c]!++;
  }
  let top = 0;
  for (let c = 0; c < C; c++) top = Math.max(top, max[c]!);
  return Array.from({ length: C }, (_, c) => {
    const zeroFraction = n ? zeros[c]! / n : 1;
    const dead = zeroFraction >= opts.deadFraction;
    const faint = !dead && max[c]! < opts.faintFraction * top;
    return {
      channel: c,
      meanAbs: n ? sum[c]! / n : 0,
      maxAbs: max[c]!,
      zeroFraction,
      reason: dead ? 'dead' : faint ? 'faint' : null,
    };
  });
}

/** The near-empty channels, emptiest first (dead before faint, then by max |value|). */
export function quietChannels(
  data: ArrayLike<number>,
  shape: [number, number, number],
  opts: QuietOptions = DEFAULT_QUIET,
): ChannelHealth[] {
  return channelHealth(data, shape, opts)
    .filter((h) => h.reason !== null)
    .sort((a, b) => (a.reason === b.reason ? a.maxAbs - b.maxAbs || a.channel - b.channel : a.reason === 'dead' ? -1 : 1));
}

/** count of near-empty channels per block, for a network-wide summary (null: no taps) */
export function quietCountPerBlock(
  blocks: ({ out: Float32Array; shape: [number, number, number] } | null)[],
  opts: QuietOptions = DEFAULT_QUIET,
): ({ quiet: number; channels: number } | null)[] {
  return blocks.map((b) => (b ? { quiet: quietChannels(b.out, b.shape, opts).length, channels: b.shape[2] } : null));
}
