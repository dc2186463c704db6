/**
 * "The first image is on screen": main.tsx calls `firstDrawn()` in the frame after the start-up
 * image's top-1 and heatmaps were drawn. Panels below the fold load after it, so the first
 * screen parses and renders only what it shows.
 */
let resolveDrawn: () => void = () => {};
const drawn = new Promise<void>((r) => (resolveDrawn = r));

export function firstDrawn() {
  resolveDrawn();
}

export function whenFirstDrawn(): Promise<void> {
  return drawn;
}
