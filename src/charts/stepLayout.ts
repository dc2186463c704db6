/**
 * Geometry of the step-through animation (pure): where each channel's map, its z/e/s cells,
 * the hidden units and the sigmoid plot sit in the SVG's coordinate system.
 */

export const SCENE = { width: 1100, height: 560 } as const;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface StepGeometry {
  channels: number;
  hidden: number;
  /** one square per channel map */
  maps: Rect[];
  mapArea: Rect;
  /** cells of the z, e and s columns (same rows) */
  z: Rect[];
  e: Rect[];
  s: Rect[];
  /** centres of the hidden units */
  h: { x: number; y: number; r: number }[];
  plot: Rect;
  /** x of the column labels */
  columns: { z: number; h: number; e: number; s: number };
  /** whether numbers fit inside the cells */
  cellText: boolean;
  top: number;
}

const TOP = 56;
const BOTTOM = 24;

export function stepGeometry(channels: number, hidden: number): StepGeometry {
  const C = Math.max(1, channels);
  const usableH = SCENE.height - TOP - BOTTOM;
  const mapArea: Rect = { x: 16, y: TOP, w: 400, h: usableH };
  const cols = Math.ceil(Math.sqrt(C));
  const rows = Math.ceil(C / cols);
  const cell = Math.min(mapArea.w / cols, mapArea.h / rows);
  const gap = Math.max(3, Math.round(cell * 0.1));
  const maps = Array.from({ length: C }, (_, c) => ({
    x: mapArea.x + (c % cols) * cell,
    y: mapArea.y + Math.floor(c / cols) * cell,
    w: cell - gap,
    h: cell - gap,
  }));
  const rowH = usableH / C;
  const cellH = Math.max(2, rowH - Math.min(4, rowH * 0.15));
  const column = (x: number, w: number) => Array.from({ length: C }, (_, c) => ({ x, y: TOP + c * rowH, w, h: cellH }));
  const columns = { z: 482, h: 592, e: 704, s: 776 };
  const cw = 64;
  const H = Math.max(1, hidden);
  const hRow = usableH / H;
  const r = Math.max(5, Math.min(18, hRow * 0.38));
  return {
    channels: C,
    hidden,
    maps,
    mapArea,
    z: column(columns.z - cw / 2, cw),
    e: column(columns.e - cw / 2, cw),
    s: column(columns.s - cw / 2, cw),
    h: Array.from({ length: hidden }, (_, k) => ({ x: columns.h, y: TOP + (k + 0.5) * hRow, r })),
    plot: { x: 866, y: 96, w: 220, h: 340 },
    columns,
    cellText: cellH >= 22,
    top: TOP,
  };
}

export function centre(r: Rect): { x: number; y: number } {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** rect between a and b at t (0: a, 1: b) */
export function lerpRect(a: Rect, b: Rect, t: number): Rect {
  const l = (p: number, q: number) => p + (q - p) * t;
  return { x: l(a.x, b.x), y: l(a.y, b.y), w: l(a.w, b.w), h: l(a.h, b.h) };
}
