/** A procedurally drawn sample scene (no photos are shipped): a boat on the sea under the sun. */
import type { DecodedImage } from './decode';

export function drawSample(): DecodedImage {
  const w = 256;
  const h = 192;
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const g = c.getContext('2d', { willReadFrequently: true })!;
  const sky = g.createLinearGradient(0, 0, 0, h * 0.6);
  sky.addColorStop(0, '#6fa8dc');
  sky.addColorStop(1, '#cfe2f3');
  g.fillStyle = sky;
  g.fillRect(0, 0, w, h * 0.6);
  const sea = g.createLinearGradient(0, h * 0.6, 0, h);
  sea.addColorStop(0, '#3d6f99');
  sea.addColorStop(1, '#1c3d5a');
  g.fillStyle = sea;
  g.fillRect(0, h * 0.6, w, h * 0.4);
  g.fillStyle = '#ffd966';
  g.beginPath();
  g.arc(w * 0.8, h * 0.2, 16, 0, Math.PI * 2);
  g.fill();
  // hull
  g.fillStyle = '#8b2f2f';
  g.beginPath();
  g.moveTo(w * 0.25, h * 0.62);
  g.lineTo(w * 0.75, h * 0.62);
  g.lineTo(w * 0.66, h * 0.74);
  g.lineTo(w * 0.33, h * 0.74);
  g.closePath();
  g.fill();
  // cabin and mast
  g.fillStyle = '#f3f3f3';
  g.fillRect(w * 0.4, h * 0.5, w * 0.18, h * 0.12);
  g.fillStyle = '#444';
  g.fillRect(w * 0.48, h * 0.3, 3, h * 0.2);
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
