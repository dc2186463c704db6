/**
 * Pure builders of the network's input for the input slice: from a decoded source (cropped or
 * fitted to the model's input size), from known network pixels (gallery, link), resampled to
 * another input size, and the gallery's thumbnail.
 */
import type { ModelCard } from '../../types/card';
import type { DecodedImage } from '../../input/decode';
import type { GalleryItem } from '../../input/gallery';
import { compositeOnWhite, fitWithin, meanColour, resizeArea, toNetworkInput, type CropPolicy } from '../../compute/resize';
import type { InputImage, InputSource } from '../transitions';

/** The last decoded image (composited RGB), kept for re-cropping and for a model of another input size. */
export interface SourceImage {
  rgb: Float32Array;
  w: number;
  h: number;
  img: DecodedImage;
  name: string;
  source: InputSource;
}

export type Thumb = GalleryItem['thumb'];

const THUMB = 64;
const toBytes = (px: ArrayLike<number>) => Uint8Array.from(px, (v) => Math.max(0, Math.min(255, Math.round(v))));

export function thumbnail(rgb: Float32Array, w: number, h: number): Thumb {
  const t = fitWithin(w, h, THUMB);
  return { w: t.w, h: t.h, rgb: toBytes(resizeArea(rgb, w, h, 3, { x: 0, y: 0, w, h }, t.w, t.h)) };
}

/** recent images are the user's own: not the gallery's, not the examples */
export const keptInGallery = (src: InputSource) => src !== 'gallery' && src !== 'example';

/** the network input of a decoded source for `card` */
export function sourceInput(id: number, source: SourceImage, card: ModelCard, crop: CropPolicy): InputImage {
  const size = card.preprocessing.inputSize;
  const pad = meanColour(card.preprocessing.mean, card.preprocessing.pixelScale);
  return {
    id,
    pixels: toNetworkInput(source.rgb, source.w, source.h, size, crop, pad),
    size,
    source: source.source,
    name: source.name,
    width: source.img.originalWidth,
    height: source.img.originalHeight,
    format: source.img.format,
    orientation: source.img.orientation,
    animated: source.img.animated,
    crop,
  };
}

/** an image known only by its network pixels (gallery, link), resampled to another input size */
export function resizedInput(id: number, input: InputImage, size: number): InputImage {
  const box = { x: 0, y: 0, w: input.size, h: input.size };
  return { ...input, id, size, pixels: toBytes(resizeArea(Float32Array.from(input.pixels), input.size, input.size, 3, box, size, size)) };
}

/** exact network pixels (size×size RGB) as an input that cannot be re-cropped */
export function pixelsInput(id: number, pixels: Uint8Array, size: number, name: string, source: InputSource): InputImage {
  return { id, pixels, size, source, name, width: size, height: size, format: source, orientation: 1, animated: false, crop: null };
}

/** a decoded image composited on white, with its thumbnail when it goes to the gallery; null when it cannot be */
export function decodedSource(img: DecodedImage, name: string, source: InputSource): { source: SourceImage; thumb: Thumb | null } | null {
  try {
    const rgb = compositeOnWhite(img.rgba, img.width * img.height);
    // only the user's own images become recent images (cold code: ~70 ms at start-up)
    const thumb = keptInGallery(source) ? thumbnail(rgb, img.width, img.height) : null;
    return { source: { rgb, w: img.width, h: img.height, img, name, source }, thumb };
  } catch {
    return null;
  }
}
