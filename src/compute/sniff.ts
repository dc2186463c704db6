/**
 * Recognises an image file from its first bytes (never from its name or MIME type) and reads
 * what the header says about it, so that absurd or broken files are rejected before the
 * browser is asked to decode them.
 */
import { readTiffOrientation, type Orientation } from './orientation';

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'svg' | 'avif' | 'heic' | 'tiff' | 'ico' | 'unknown';

export interface SniffResult {
  format: ImageFormat;
  /** from the header, where the format has one */
  width?: number;
  height?: number;
  /** the file ends before its end marker (JPEG EOI, PNG IEND) */
  truncated: boolean;
  /** EXIF orientation (JPEG only) */
  orientation: Orientation;
  animated: boolean;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const be16 = (b: Uint8Array, p: number) => (b[p]! << 8) | b[p + 1]!;
const be32 = (b: Uint8Array, p: number) => ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
const le16 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8);
const le24 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16);
const le32 = (b: Uint8Array, p: number) => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) | 0;

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

export function sniffImage(b: Uint8Array): SniffResult {
  const base: SniffResult = { format: 'unknown', truncated: false, orientation: 1, animated: false };
  if (b.length >= 8 && be32(b, 0) === 0x89504e47 && be32(b, 4) === 0x0d0a1a0a) return sniffPng(b);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return sniffJpeg(b);
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) {
    // a looping animation carries the NETSCAPE2.0 (or ANIMEXTS1.0) application extension
    const animated = hasAscii(b, 'NETSCAPE2.0') || hasAscii(b, 'ANIMEXTS1.0');
    return { ...base, format: 'gif', width: b.length >= 10 ? le16(b, 6) : undefined, height: b.length >= 10 ? le16(b, 8) : undefined, truncated: b.length < 13, animated };
  }
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return sniffWebp(b);
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) {
    return { ...base, format: 'bmp', width: Math.abs(le32(b, 18)), height: Math.abs(le32(b, 22)) };
  }
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (brand === 'avif' || brand === 'avis') return { ...base, format: 'avif' };
    if (HEIC_BRANDS.has(brand)) return { ...base, format: 'heic' };
  }
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) {
    return { ...base, format: 'tiff' };
  }
  if (b.length >= 6 && b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0) return { ...base, format: 'ico' };
  if (looksLikeSvg(b)) return { ...base, format: 'svg' };
  return base;
}

function hasAscii(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const end = Math.min(b.length, 64 * 1024) - text.length;
  outer: for (let i = 0; i <= end; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < text.length; k++) if (b[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

function sniffPng(b: Uint8Array): SniffResult {
  const r: SniffResult = { format: 'png', truncated: false, orientation: 1, animated: false };
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return { ...r, truncated: true };
  r.width = be32(b, 16);
  r.height = be32(b, 20);
  // walk the chunks: an intact file ends with IEND and no chunk runs past the end
  let p = 8;
  let sawEnd = false;
  while (p + 8 <= b.length) {
    const len = be32(b, p);
    const type = ascii(b, p + 4, 4);
    if (type === 'acTL') r.animated = true;
    if (p + 12 + len > b.length) break;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    p += 12 + len;
  }
  r.truncated = !sawEnd;
  return r;
}

function sniffJpeg(b: Uint8Array): SniffResult {
  const r: SniffResult = { format: 'jpeg', truncated: true, orientation: 1, animated: false };
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return r; // lost sync: broken header
    const marker = b[p + 1]!;
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += 2;
      continue;
    }
    if (marker === 0xd9) return r; // EOI before any scan
    const len = be16(b, p + 2);
    if (len < 2 || p + 2 + len > b.length) return r;
    const body = p + 4;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof && len >= 7) {
      r.height = be16(b, body + 1);
      r.width = be16(b, body + 3);
    } else if (marker === 0xe1 && len >= 8 && ascii(b, body, 6) === 'Exif\0\0') {
      r.orientation = readTiffOrientation(b, body + 6, p + 2 + len);
    } else if (marker === 0xda) {
      // entropy-coded data follows; an intact file has an EOI marker after it
      for (let q = b.length - 2; q >= p + 2 + len; q--) {
        if (b[q] === 0xff && b[q + 1] === 0xd9) {
          r.truncated = false;
          break;
        }
      }
      return r;
    }
    p += 2 + len;
  }
  return r;
}

function sniffWebp(b: Uint8Array): SniffResult {
  const r: SniffResult = { format: 'webp', truncated: false, orientation: 1, animated: false };
  const riffSize = le32(b, 4) >>> 0;
  r.truncated = riffSize + 8 > b.length;
  if (b.length < 30) return { ...r, truncated: true };
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    r.width = le16(b, 26) & 0x3fff;
    r.height = le16(b, 28) & 0x3fff;
  } else if (chunk === 'VP8L') {
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    r.width = (bits & 0x3fff) + 1;
    r.height = ((bits >>> 14) & 0x3fff) + 1;
  } else if (chunk === 'VP8X') {
    r.animated = (b[20]! & 0x02) !== 0;
    r.width = le24(b, 24) + 1;
    r.height = le24(b, 27) + 1;
  }
  return r;
}

function looksLikeSvg(b: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<')) return false;
  return /<svg[\s>]/i.test(head);
}
