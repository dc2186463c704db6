/**
 * A procedurally drawn sample scene (no photos are shipped): a boat on the sea under the sun.
 * The scene is data, drawn two ways: as pixels for the network (`drawSample`, only when a person
 * picks it) and as SVG for its tile (no canvas read-back while the page starts).
 */
import type { DecodedImage } from './decode';

export const SAMPLE_W = 256;
export const SAMPLE_H = 192;

const w = SAMPLE_W;
const h = SAMPLE_H;

export type SceneShape =
  | { kind: 'gradient-rect'; x: number; y: number; w: number; h: number; from: string; to: string }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  | { kind: 'polygon'; points: [number, number][]; fill: string };

/** back to front, in pixels of the SAMPLE_W × SAMPLE_H image; gradients run top to bottom */
export const SAMPLE_SCENE: readonly SceneShape[] = [
  { kind: 'gradient-rect', x: 0, y: 0, w, h: h * 0.6, from: '#6fa8dc', to: '#cfe2f3' }, // sky
  { kind: 'gradient-rect', x: 0, y: h * 0.6, w, h: h * 0.4, from: '#3d6f99', to: '#1c3d5a' }, // sea
  { kind: 'circle', cx: w * 0.8, cy: h * 0.2, r: 16, fill: '#ffd966' }, // sun
  {
    kind: 'polygon',
    points: [
      [w * 0.25, h * 0.62],
      [w * 0.75, h * 0.62],
      [w * 0.66, h * 0.74],
      [w * 0.33, h * 0.74],
    ],
    fill: '#8b2f2f',
  }, // hull
  { kind: 'rect', x: w * 0.4, y: h * 0.5, w: w * 0.18, h: h * 0.12, fill: '#f3f3f3' }, // cabin
  { kind: 'rect', x: w * 0.48, y: h * 0.3, w: 3, h: h * 0.2, fill: '#444' }, // mast
];

export function drawSample(): DecodedImage {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const g = c.getContext('2d', { willReadFrequently: true })!;
  for (const s of SAMPLE_SCENE) {
    if (s.kind === 'gradient-rect') {
      const grad = g.createLinearGradient(0, s.y, 0, s.y + s.h);
      grad.addColorStop(0, s.from);
      grad.addColorStop(1, s.to);
      g.fillStyle = grad;
      g.fillRect(s.x, s.y, s.w, s.h);
    } else if (s.kind === 'rect') {
      g.fillStyle = s.fill;
      g.fillRect(s.x, s.y, s.w, s.h);
    } else if (s.kind === 'circle') {
      g.fillStyle = s.fill;
      g.beginPath();
      g.arc(s.cx, s.cy, s.r, 0, Math.PI * 2);
      g.fill();
    } else {
      g.fillStyle = s.fill;
      g.beginPath();
      s.points.forEach(([x, y], i) => (i === 0 ? g.moveTo(x, y) : g.lineTo(x, y)));
      g.closePath();
      g.fill();
    }
  }
  return {
    rgba: g.getImageData(0, 0, w, h).data,
    width: w,
    height: h,
    originalWidth: w,
    originalHeight: h,
    format: 'png',
    orientation: 1,
    animated: false,
  };
}
