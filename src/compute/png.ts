/**
 * A small PNG decoder for the plain case: 8-bit greyscale, grey + alpha, RGB or RGBA, not
 * interlaced, no colour-management chunks, no transparent colour (tRNS), no animation. The
 * examples (32×32 RGB) are such files. At start-up the browser's decoder costs hundreds of ms
 * before the first result (an asynchronous bitmap, then the page's first 2D canvas to read it
 * back); this one needs only the built-in inflate. Anything else returns null and goes to the
 * browser's decoder, which handles every format and colour profile.
 */

import { transformBytes } from './byteStream';

export interface PlainPng {
  /** straight RGBA */
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

/** channels per colour type that this decoder reads */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
/** chunks that ask for colour conversion, a transparent colour, animation or rotation: left to the browser */
const DECLINED = new Set(['iCCP', 'gAMA', 'cHRM', 'sBIT', 'tRNS', 'acTL', 'eXIf']);
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** Pixels of a plain PNG, or null when the file is not one (or is damaged). */
export async function decodePlainPng(bytes: Uint8Array, maxPixels: number): Promise<PlainPng | null> {
  if (bytes.length < 8 + 25 || SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  if (typeof DecompressionStream === 'undefined') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  let ended = false;
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    const body = at + 8;
    if (body + length + 4 > bytes.length) return null;
    if (type === 'IHDR') {
      if (length !== 13) return null;
      width = view.getUint32(body);
      height = view.getUint32(body + 4);
      const [depth, colourType, compression, filter, interlace] = bytes.subarray(body + 8, body + 13);
      channels = CHANNELS[colourType!] ?? 0;
      if (depth !== 8 || !channels || compression !== 0 || filter !== 0 || interlace !== 0) return null;
    } else if (type === 'IDAT') idat.push(bytes.subarray(body, body + length));
    else if (type === 'IEND') {
      ended = true;
      break;
    } else if (DECLINED.has(type)) return null;
    at = body + length + 4;
  }
  if (!ended || !width || !height || width * height > maxPixels || idat.length === 0) return null;
  const stride = width * channels;
  let raw: Uint8Array;
  try {
    raw = await inflate(idat);
  } catch {
    return null;
  }
  if (raw.length !== height * (stride + 1)) return null;
  const pixels = unfilter(raw, stride, height, channels);
  return pixels ? { rgba: toRgba(pixels, width * height, channels), width, height } : null;
}

function inflate(parts: Uint8Array[]): Promise<Uint8Array> {
  return transformBytes(parts, new DecompressionStream('deflate'));
}

/** Undoes the per-row filters (PNG spec §9): None, Sub, Up, Average, Paeth. */
export function unfilter(raw: Uint8Array, stride: number, height: number, bpp: number): Uint8Array | null {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride; // the row above (all zero for the first row)
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[prev + x]! : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp]! : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) predictor = paeth(a, b, c);
      else return null;
      out[row + x] = (raw[src + x]! + predictor) & 255;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function toRgba(px: Uint8Array, n: number, channels: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const s = i * channels;
    const grey = channels <= 2;
    out[i * 4] = px[s]!;
    out[i * 4 + 1] = grey ? px[s]! : px[s + 1]!;
    out[i * 4 + 2] = grey ? px[s]! : px[s + 2]!;
    out[i * 4 + 3] = channels === 2 ? px[s + 1]! : channels === 4 ? px[s + 3]! : 255;
  }
  return out;
}
