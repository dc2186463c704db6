/**
 * Browser-side decoding: bytes → upright, straight-alpha RGBA pixels at a working size. The
 * decision of what to accept is made on the bytes first (src/compute/sniff + limits), so a
 * decompression bomb or a truncated file never reaches the decoder. Pixel math lives in
 * src/compute.
 */
import { checkByteSize, checkDimensions, checkHeader, decodeFailure, LIMITS } from '../compute/limits';
import { applyOrientation, orientedSize, swapsAxes, type Orientation } from '../compute/orientation';
import { fitWithin } from '../compute/resize';
import { sniffImage, type ImageFormat } from '../compute/sniff';
import { decodePlainPng } from '../compute/png';
import { InputFailure } from './errors';

export interface DecodedImage {
  /** straight (non-premultiplied) RGBA, upright */
  rgba: Uint8ClampedArray;
  /** working size (≤ LIMITS.workingSide) */
  width: number;
  height: number;
  /** size of the original image, upright */
  originalWidth: number;
  originalHeight: number;
  format: ImageFormat | 'camera';
  orientation: Orientation;
  animated: boolean;
}

/** The canvas used to read pixels back (an OffscreenCanvas where there is one). */
function canvas2d(w: number, h: number): { ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D } {
  if (typeof OffscreenCanvas !== 'undefined') {
    const c = new OffscreenCanvas(w, h);
    const ctx = c.getContext('2d', { willReadFrequently: true });
    if (ctx) return { ctx };
  }
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  return { ctx };
}

/** Pixels of a drawable source, drawn at w×h onto a transparent canvas. */
export function readPixels(source: CanvasImageSource, w: number, h: number): Uint8ClampedArray {
  const { ctx } = canvas2d(w, h);
  ctx.clearRect(0, 0, w, h);
  ctx.drawImage(source, 0, 0, w, h);
  return ctx.getImageData(0, 0, w, h).data;
}

/**
 * A file's image. Bytes already in memory (an example the page read ahead) skip the blob read,
 * which at start-up waits behind the page's other work (hundreds of ms in a fresh browser).
 */
export async function decodeImage(data: Blob | Uint8Array): Promise<DecodedImage> {
  const sizeError = checkByteSize(data instanceof Uint8Array ? data.byteLength : data.size);
  if (sizeError) throw new InputFailure(sizeError);
  let bytes: Uint8Array;
  try {
    bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
  } catch {
    throw new InputFailure({ code: 'corrupt', params: { format: '?' } });
  }
  const sniff = sniffImage(bytes);
  const headerError = checkHeader(sniff);
  if (headerError) throw new InputFailure(headerError);
  if (sniff.format === 'png' && !sniff.animated) {
    const plain = await decodePlainPng(bytes, PLAIN_PNG_MAX_PIXELS);
    if (plain) {
      const dimError = checkDimensions(plain.width, plain.height);
      if (dimError) throw new InputFailure(dimError);
      const { width: w, height: h } = plain;
      return { rgba: plain.rgba, width: w, height: h, originalWidth: w, originalHeight: h, format: 'png', orientation: 1, animated: false };
    }
  }
  const typed = new Blob([bytes as BlobPart], { type: mimeOf(sniff.format) });
  if (sniff.format === 'svg') return decodeSvg(typed);
  return decodeRaster(typed, sniff.format, sniff.orientation, sniff.animated, sniff.width, sniff.height);
}

/** small plain PNGs (the examples, drawn samples) are decoded here; bigger ones by the browser */
const PLAIN_PNG_MAX_PIXELS = 512 * 512;

function mimeOf(f: ImageFormat): string {
  return f === 'svg' ? 'image/svg+xml' : f === 'jpeg' ? 'image/jpeg' : f === 'ico' ? 'image/x-icon' : `image/${f}`;
}

async function decodeRaster(
  blob: Blob,
  format: ImageFormat,
  orientation: Orientation,
  animated: boolean,
  headerW: number | undefined,
  headerH: number | undefined,
): Promise<DecodedImage> {
  if (typeof createImageBitmap !== 'function') return decodeWithImageElement(blob, format, orientation, animated);
  // big photos are reduced by the decoder itself (high quality) before we read pixels back;
  // the final reduction to the network input is our own area average
  const upright = headerW && headerH ? orientedSize(headerW, headerH, orientation) : null;
  const wanted = upright && Math.max(upright.w, upright.h) > LIMITS.workingSide ? fitWithin(upright.w, upright.h, LIMITS.workingSide) : null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'default',
      ...(wanted ? { resizeWidth: wanted.w, resizeHeight: wanted.h, resizeQuality: 'high' as const } : {}),
    });
  } catch {
    throw new InputFailure(decodeFailure(format));
  }
  try {
    const ow = upright?.w ?? bitmap.width;
    const oh = upright?.h ?? bitmap.height;
    const dimError = checkDimensions(ow, oh);
    if (dimError) throw new InputFailure(dimError);
    let w = bitmap.width;
    let h = bitmap.height;
    if (!wanted && Math.max(w, h) > LIMITS.workingSide) {
      // no header size (e.g. AVIF): reduce now
      const fit = fitWithin(w, h, LIMITS.workingSide);
      const smaller = await createImageBitmap(bitmap, { resizeWidth: fit.w, resizeHeight: fit.h, resizeQuality: 'high' });
      bitmap.close();
      bitmap = smaller;
      w = fit.w;
      h = fit.h;
    }
    let rgba = readPixels(bitmap, w, h);
    // a decoder that ignored EXIF shows up as unswapped axes for orientations 5–8
    if (!wanted && headerW && headerH && swapsAxes(orientation) && headerW !== headerH && w === headerW && h === headerH) {
      const fixed = applyOrientation(rgba, w, h, orientation);
      rgba = fixed.data;
      w = fixed.w;
      h = fixed.h;
    }
    return { rgba, width: w, height: h, originalWidth: ow, originalHeight: oh, format, orientation, animated };
  } finally {
    bitmap.close();
  }
}

/** Loads a blob into an <img> (never as markup in the document) and waits for it. */
async function loadImage(blob: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function decodeWithImageElement(blob: Blob, format: ImageFormat, orientation: Orientation, animated: boolean): Promise<DecodedImage> {
  let img: HTMLImageElement;
  try {
    img = await loadImage(blob);
  } catch {
    throw new InputFailure(decodeFailure(format));
  }
  const ow = img.naturalWidth;
  const oh = img.naturalHeight;
  const dimError = checkDimensions(ow, oh);
  if (dimError) throw new InputFailure(dimError);
  const fit = fitWithin(ow, oh, LIMITS.workingSide);
  return { rgba: readPixels(img, fit.w, fit.h), width: fit.w, height: fit.h, originalWidth: ow, originalHeight: oh, format, orientation, animated };
}

/**
 * SVG is drawn through an Image element from a blob URL (scripts in it never run, external
 * resources never load). A vector image has no pixel size to reject: it is rasterised at a
 * working size that keeps its aspect ratio.
 */
async function decodeSvg(blob: Blob): Promise<DecodedImage> {
  let img: HTMLImageElement;
  try {
    img = await loadImage(blob);
  } catch {
    throw new InputFailure(decodeFailure('svg'));
  }
  const iw = img.naturalWidth || 512;
  const ih = img.naturalHeight || 512;
  const k = 512 / Math.max(iw, ih);
  const w = Math.max(1, Math.round(iw * k));
  const h = Math.max(1, Math.round(ih * k));
  if (Math.min(w, h) < LIMITS.minSide) throw new InputFailure({ code: 'tooSmall', params: { w: iw, h: ih, min: LIMITS.minSide } });
  let rgba: Uint8ClampedArray;
  try {
    rgba = readPixels(img, w, h);
  } catch {
    throw new InputFailure({ code: 'svgNoSize' });
  }
  return { rgba, width: w, height: h, originalWidth: iw, originalHeight: ih, format: 'svg', orientation: 1, animated: false };
}
