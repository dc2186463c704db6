/**
 * What the explorer accepts as an input image, and why it refuses the rest. The codes are
 * translated in src/i18n (`error.<code>`).
 */
import type { ImageFormat, SniffResult } from './sniff';
import { grouped } from '../i18n/format';

export const LIMITS = {
  /** bytes read from a file at all */
  maxBytes: 40 * 1024 * 1024,
  /** longest side, in pixels, before decoding */
  maxSide: 10_000,
  /** total pixels (a 64-megapixel photo is fine, a decompression bomb is not) */
  maxPixels: 64_000_000,
  /** shortest side: a 1×1 or 4×4 image carries nothing a network could recognise */
  minSide: 8,
  /** decoded images are first reduced (high-quality browser resize) to this longest side */
  workingSide: 2048,
} as const;

export type InputErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'notImage'
  | 'corrupt'
  | 'tooManyPixels'
  | 'tooSmall'
  | 'unsupported'
  | 'svgNoSize'
  | 'camera'
  | 'cameraUnavailable'
  | 'busy'
  | 'model'
  | 'clipboardEmpty'
  | 'example';

export interface InputError {
  code: InputErrorCode;
  params?: Record<string, string | number>;
}

/** 41943040 → "41,943,040" */
const bytes = grouped;

/**
 * The limits as the input panel states them: exactly the ones enforced below (the byte limit is
 * in MiB, 1024² bytes; a square image may have at most √maxPixels pixels a side).
 */
export function statedLimits() {
  return {
    mib: LIMITS.maxBytes / (1024 * 1024),
    bytes: bytes(LIMITS.maxBytes),
    side: bytes(LIMITS.maxSide),
    mp: LIMITS.maxPixels / 1e6,
    square: Math.floor(Math.sqrt(LIMITS.maxPixels)),
    min: LIMITS.minSide,
  };
}

/** Checks on the raw byte count, before anything is read. */
export function checkByteSize(n: number): InputError | null {
  if (n === 0) return { code: 'empty' };
  // in bytes: a file one byte over must not read "40 MB; the limit is 40 MB"
  if (n > LIMITS.maxBytes) return { code: 'tooLarge', params: { size: bytes(n), max: bytes(LIMITS.maxBytes), mib: LIMITS.maxBytes / (1024 * 1024) } };
  return null;
}

/** Formats the browser is asked to decode at all; the others may still fail there. */
const DECODABLE: ImageFormat[] = ['png', 'jpeg', 'gif', 'webp', 'bmp', 'svg', 'avif', 'ico', 'heic', 'tiff'];

/** Checks on what the header says, before decoding. */
export function checkHeader(s: SniffResult): InputError | null {
  if (s.format === 'unknown' || !DECODABLE.includes(s.format)) return { code: 'notImage' };
  if (s.truncated) return { code: 'corrupt', params: { format: s.format.toUpperCase() } };
  if (s.width !== undefined && s.height !== undefined) return checkDimensions(s.width, s.height);
  return null;
}

/** Checks on the pixel size (from the header, or after decoding when there is none). */
export function checkDimensions(w: number, h: number): InputError | null {
  if (!Number.isFinite(w) || !Number.isFinite(h) || w <= 0 || h <= 0) return { code: 'corrupt', params: { format: '?' } };
  if (w > LIMITS.maxSide || h > LIMITS.maxSide || w * h > LIMITS.maxPixels) {
    return { code: 'tooManyPixels', params: { w, h, max: bytes(LIMITS.maxSide), mp: LIMITS.maxPixels / 1e6 } };
  }
  if (w < LIMITS.minSide || h < LIMITS.minSide) return { code: 'tooSmall', params: { w, h, min: LIMITS.minSide } };
  return null;
}

/** The message for a decoder failure depends on whether the browser was expected to cope. */
export function decodeFailure(format: ImageFormat): InputError {
  if (format === 'heic' || format === 'tiff' || format === 'avif') return { code: 'unsupported', params: { format: format.toUpperCase() } };
  return { code: 'corrupt', params: { format: format.toUpperCase() } };
}
