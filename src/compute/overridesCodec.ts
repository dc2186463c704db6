/**
 * Overrides <-> a compact, URL-safe string for the shareable link. Pure TypeScript.
 *
 * Grammar (only unreserved URL characters: digits, letters, '.', '-', '_'):
 *   list    := block ('_' block)*
 *   block   := INDEX gate? ('.' CHANNEL '-' PERMILLE)*
 *   gate    := 'o' (SE off, s = 1) | 'x' (softmax gate)
 * e.g. "3o_5.12-0.40-500": block 3 without SE; block 5 with s₁₂ = 0 and s₄₀ = 0.5.
 * Values are stored in thousandths, so any value with at most three decimals round-trips.
 */
import type { BlockOverride, Overrides } from '../types/forward';

const GATE_CODE = { off: 'o', softmax: 'x' } as const;
const CODE_GATE: Record<string, 'off' | 'softmax'> = { o: 'off', x: 'softmax' };
const BLOCK_RE = /^(\d{1,3})([ox]?)((?:\.\d{1,4}-\d{1,4})*)$/;

/** A channel weight as stored: clamped to [0, 1] and rounded to thousandths. */
export function quantiseWeight(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
}

/** Block indices that carry an effective override, ascending. */
export function overriddenBlocks(ov: Overrides): number[] {
  return Object.keys(ov)
    .map(Number)
    .filter((b) => isEffective(ov[b]))
    .sort((a, b) => a - b);
}

export function isEffective(o: BlockOverride | undefined): boolean {
  if (!o) return false;
  return (o.gate !== undefined && o.gate !== 'sigmoid') || Object.keys(o.channels ?? {}).length > 0;
}

export function serialiseOverrides(ov: Overrides): string {
  return overriddenBlocks(ov)
    .map((b) => {
      const o = ov[b]!;
      const gate = o.gate === 'off' || o.gate === 'softmax' ? GATE_CODE[o.gate] : '';
      const ch = Object.entries(o.channels ?? {})
        .map(([c, v]) => [Number(c), v] as const)
        .sort((x, y) => x[0] - y[0])
        .map(([c, v]) => `.${c}-${Math.round(quantiseWeight(v) * 1000)}`)
        .join('');
      return `${b}${gate}${ch}`;
    })
    .join('_');
}

/**
 * Parses a string made by `serialiseOverrides`. Returns null when it is malformed (the link
 * was cut or edited by hand); '' gives {}. The result is not checked against a model: use
 * `fitOverrides` for that.
 */
export function deserialiseOverrides(text: string): Overrides | null {
  const s = text.trim();
  if (s === '') return {};
  const out: Overrides = {};
  for (const part of s.split('_')) {
    const m = BLOCK_RE.exec(part);
    if (!m) return null;
    const b = Number(m[1]);
    if (out[b]) return null; // a block twice
    const o: BlockOverride = {};
    if (m[2]) o.gate = CODE_GATE[m[2]];
    if (m[3]) {
      const channels: Record<number, number> = {};
      for (const entry of m[3].slice(1).split('.')) {
        const [c, v] = entry.split('-').map(Number) as [number, number];
        if (v > 1000 || c in channels) return null;
        channels[c] = v / 1000;
      }
      o.channels = channels;
    }
    out[b] = o;
  }
  return out;
}

/** What a model allows: number of channels per block, null for a block without SE. */
export type OverrideShape = (number | null)[];

/**
 * Keeps only the parts of `ov` that fit the model (existing SE blocks and channels); `dropped`
 * counts what was removed, so the app can say that a link did not fully apply.
 */
export function fitOverrides(ov: Overrides, shape: OverrideShape): { overrides: Overrides; dropped: number } {
  const out: Overrides = {};
  let dropped = 0;
  for (const b of Object.keys(ov).map(Number)) {
    const o = ov[b]!;
    const C = shape[b];
    if (C === undefined || C === null) {
      dropped += (o.gate ? 1 : 0) + Object.keys(o.channels ?? {}).length;
      continue;
    }
    const kept: BlockOverride = {};
    if (o.gate && o.gate !== 'sigmoid') kept.gate = o.gate;
    const channels: Record<number, number> = {};
    for (const [k, v] of Object.entries(o.channels ?? {})) {
      const c = Number(k);
      if (Number.isInteger(c) && c >= 0 && c < C && Number.isFinite(v)) channels[c] = quantiseWeight(v);
      else dropped++;
    }
    if (Object.keys(channels).length) kept.channels = channels;
    if (isEffective(kept)) out[b] = kept;
  }
  return { overrides: out, dropped };
}
