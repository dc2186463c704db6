/**
 * Writes RGBA pixels into a small canvas. The context is CPU-backed (`willReadFrequently`): these
 * canvases are written once per result with putImageData, and a GPU-backed one becomes a
 * compositor layer of its own. With a hundred maps on screen those layers cost every frame:
 * measured on this machine, a hover's frame and a block switch were both faster without them.
 */
export function drawPixels(canvas: HTMLCanvasElement | null, rgba: Uint8ClampedArray, w: number, h: number) {
  const ctx = canvas?.getContext('2d', { willReadFrequently: true });
  if (ctx) ctx.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, w, h), 0, 0);
}
