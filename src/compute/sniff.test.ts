import { describe, expect, it } from 'vitest';
import { sniffImage } from './sniff';
import { checkByteSize, checkDimensions, checkHeader, decodeFailure, LIMITS, statedLimits } from './limits';

const u8 = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const chunk = (type: string, data: number[]) => [...be32(data.length), ...u8(type), ...data, 0, 0, 0, 0];
const png = (w: number, h: number, end = true) =>
  u8(PNG_SIG, chunk('IHDR', [...be32(w), ...be32(h), 8, 6, 0, 0, 0]), chunk('IDAT', [1, 2, 3]), end ? chunk('IEND', []) : []);

const jpeg = (w: number, h: number, end = true) =>
  u8([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0], [0xff, 0xc0, 0, 11, 8, ...[h >> 8, h & 255], ...[w >> 8, w & 255], 1, 1, 0x11, 0], [0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 9, 9, 9], end ? [0xff, 0xd9] : []);

describe('sniffImage', () => {
  it('reads PNG size and notices a missing IEND', () => {
    expect(sniffImage(png(640, 480))).toMatchObject({ format: 'png', width: 640, height: 480, truncated: false });
    expect(sniffImage(png(640, 480, false)).truncated).toBe(true);
    expect(sniffImage(png(640, 480).subarray(0, 20)).truncated).toBe(true);
  });

  it('marks APNG as animated', () => {
    const apng = u8(PNG_SIG, chunk('IHDR', [...be32(4), ...be32(4), 8, 6, 0, 0, 0]), chunk('acTL', [0, 0, 0, 2, 0, 0, 0, 0]), chunk('IEND', []));
    expect(sniffImage(apng).animated).toBe(true);
  });

  it('reads JPEG size and detects truncation (no EOI after the scan)', () => {
    expect(sniffImage(jpeg(1000, 20))).toMatchObject({ format: 'jpeg', width: 1000, height: 20, truncated: false });
    expect(sniffImage(jpeg(1000, 20, false)).truncated).toBe(true);
    expect(sniffImage(jpeg(1000, 20).subarray(0, 10)).truncated).toBe(true);
  });

  it('recognises GIF, WebP, BMP, HEIC, AVIF, TIFF, SVG and non-images', () => {
    expect(sniffImage(u8('GIF89a', le16(12), le16(7), [0, 0, 0, 0x3b]))).toMatchObject({ format: 'gif', width: 12, height: 7 });
    const animatedGif = u8('GIF89a', le16(12), le16(7), [0, 0, 0], [0x21, 0xff, 11], 'NETSCAPE2.0', [3, 1, 0, 0, 0, 0x3b]);
    expect(sniffImage(animatedGif).animated).toBe(true);
    const vp8x = u8('RIFF', le32(30), 'WEBP', 'VP8X', le32(10), [0x02, 0, 0, 0], [99, 0, 0], [49, 0, 0], [0, 0]);
    expect(sniffImage(vp8x)).toMatchObject({ format: 'webp', width: 100, height: 50, animated: true });
    expect(sniffImage(u8('BM', new Array(16).fill(0), le32(33), le32(-44 >>> 0)))).toMatchObject({ format: 'bmp', width: 33, height: 44 });
    expect(sniffImage(u8([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]))).toMatchObject({ format: 'heic' });
    expect(sniffImage(u8([0, 0, 0, 24], 'ftypavif', [0, 0, 0, 0]))).toMatchObject({ format: 'avif' });
    expect(sniffImage(u8([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]))).toMatchObject({ format: 'tiff' });
    expect(sniffImage(u8([0xef, 0xbb, 0xbf], '  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ format: 'svg' });
    expect(sniffImage(u8('<!doctype html><html><body>hi</body></html>')).format).toBe('unknown');
    expect(sniffImage(u8('hello, world')).format).toBe('unknown');
    expect(sniffImage(new Uint8Array(0)).format).toBe('unknown');
  });
});

describe('input limits', () => {
  it('rejects empty and oversized files by byte count', () => {
    expect(checkByteSize(0)?.code).toBe('empty');
    expect(checkByteSize(LIMITS.maxBytes)).toBeNull();
    expect(checkByteSize(LIMITS.maxBytes + 1)?.code).toBe('tooLarge');
  });

  it('states exactly the limits it enforces (bytes, not rounded megabytes; the megapixel cap too)', () => {
    const st = statedLimits();
    expect(st.mib * 1024 * 1024).toBe(LIMITS.maxBytes);
    expect(st.bytes).toBe(LIMITS.maxBytes.toLocaleString('en-US'));
    expect(checkDimensions(st.square, st.square)).toBeNull();
    expect(checkDimensions(st.square + 1, st.square + 1)?.code).toBe('tooManyPixels');
    expect(checkDimensions(LIMITS.maxSide, Math.floor(LIMITS.maxPixels / LIMITS.maxSide))).toBeNull();
    // one byte over the limit reads as over the limit
    const e = checkByteSize(LIMITS.maxBytes + 1)!;
    expect(e.params?.size).not.toBe(e.params?.max);
    expect(e.params).toMatchObject({ size: (LIMITS.maxBytes + 1).toLocaleString('en-US'), max: st.bytes, mib: st.mib });
  });

  it('rejects absurd, tiny and broken dimensions', () => {
    expect(checkDimensions(10001, 10)?.code).toBe('tooManyPixels');
    expect(checkDimensions(9000, 9000)?.code).toBe('tooManyPixels'); // 81 MP
    expect(checkDimensions(8000, 8000)).toBeNull();
    expect(checkDimensions(1, 1)?.code).toBe('tooSmall');
    expect(checkDimensions(7, 100)?.code).toBe('tooSmall');
    expect(checkDimensions(8, 8)).toBeNull();
    expect(checkDimensions(0, 10)?.code).toBe('corrupt');
  });

  it('decides from the header before decoding', () => {
    expect(checkHeader(sniffImage(png(20000, 20000)))?.code).toBe('tooManyPixels');
    expect(checkHeader(sniffImage(png(1, 1)))?.code).toBe('tooSmall');
    expect(checkHeader(sniffImage(jpeg(100, 100, false)))?.code).toBe('corrupt');
    expect(checkHeader(sniffImage(u8('not an image at all')))?.code).toBe('notImage');
    expect(checkHeader(sniffImage(png(64, 48)))).toBeNull();
  });

  it('names the format the browser could not decode', () => {
    expect(decodeFailure('heic')).toEqual({ code: 'unsupported', params: { format: 'HEIC' } });
    expect(decodeFailure('png').code).toBe('corrupt');
  });
});
