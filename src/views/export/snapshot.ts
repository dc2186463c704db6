/**
 * A panel of the page as a self-contained SVG for slides, and as a PNG drawn from that SVG at 2×.
 *
 * The panel's layout is taken from the browser (getBoundingClientRect) and rebuilt from plain SVG
 * elements that slide programs understand: boxes and borders as <rect>/<line>, CSS gradients as
 * <linearGradient>, text as <text> (one per line, fitted with textLength), chart SVGs nested with
 * their computed styles inlined, canvas heatmaps as <image href="data:image/png…"> upscaled with
 * crisp pixels. No <foreignObject> (slide programs cannot show it, and it would taint the canvas),
 * no external fonts or resources.
 */

export interface Snapshot {
  svg: string;
  width: number;
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const r2 = (v: number) => Math.round(v * 100) / 100;

function transparent(colour: string): boolean {
  return !colour || colour === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(colour);
}

/** style properties inlined into exported chart SVGs */
const SVG_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'vector-effect',
  'image-rendering',
  'visibility',
] as const;
const NOT_INHERITED = new Set(['opacity', 'vector-effect', 'dominant-baseline']);

/** Clones an <svg> with every element's computed presentation inlined (so it stands alone). */
function inlineSvg(src: SVGSVGElement, x: number, y: number, w: number, h: number): string {
  const clone = src.cloneNode(true) as SVGSVGElement;
  const a = [src, ...Array.from(src.querySelectorAll('*'))];
  const b = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const parentStyle = new Map<Element, CSSStyleDeclaration>();
  a.forEach((el, i) => {
    const target = b[i]!;
    const cs = getComputedStyle(el);
    parentStyle.set(el, cs);
    if (cs.display === 'none') {
      target.setAttribute('display', 'none');
      return;
    }
    const parent = el === src ? null : parentStyle.get(el.parentElement!) ?? null;
    const parts: string[] = [];
    for (const p of SVG_PROPS) {
      const v = cs.getPropertyValue(p);
      if (!v) continue;
      if (NOT_INHERITED.has(p)) {
        if ((p === 'opacity' && v !== '1') || (p !== 'opacity' && v !== 'none' && v !== 'auto' && v !== 'normal')) parts.push(`${p}:${v}`);
      } else if (!parent || parent.getPropertyValue(p) !== v) parts.push(`${p}:${v}`);
    }
    // a CSS transform (presenter mode moves the sigmoid plot's ticks) as the SVG attribute
    if (cs.transform && cs.transform !== 'none' && !el.hasAttribute('transform')) target.setAttribute('transform', cs.transform);
    const existing = target.getAttribute('style');
    target.setAttribute('style', (existing ? `${existing};` : '') + parts.join(';'));
    target.removeAttribute('class');
    if (target.tagName.toLowerCase() === 'image') {
      const href = target.getAttribute('href');
      if (href) target.setAttributeNS(XLINK_NS, 'xlink:href', href);
    }
  });
  clone.setAttribute('x', String(r2(x)));
  clone.setAttribute('y', String(r2(y)));
  clone.setAttribute('width', String(r2(w)));
  clone.setAttribute('height', String(r2(h)));
  clone.removeAttribute('role');
  clone.removeAttribute('aria-label');
  return new XMLSerializer().serializeToString(clone);
}

/** A canvas as a PNG data URL, upscaled with nearest-neighbour pixels to the shown size × scale. */
function canvasDataUrl(c: HTMLCanvasElement, shownW: number, shownH: number, scale: number): string {
  const k = Math.max(1, Math.ceil((Math.max(shownW / c.width, shownH / c.height) * scale) / 1));
  if (k <= 1) return c.toDataURL('image/png');
  const big = document.createElement('canvas');
  big.width = c.width * k;
  big.height = c.height * k;
  const g = big.getContext('2d')!;
  g.imageSmoothingEnabled = false;
  g.drawImage(c, 0, 0, big.width, big.height);
  return big.toDataURL('image/png');
}

function parseGradient(bg: string): { colour: string; offset: string }[] | null {
  if (!bg.startsWith('linear-gradient(')) return null;
  const stops = [...bg.matchAll(/(rgba?\([^)]*\)|#[0-9a-fA-F]{3,8})\s*([\d.]+%)?/g)].map((m) => ({ colour: m[1]!, offset: m[2] ?? '' }));
  if (stops.length < 2) return null;
  return stops.map((s, i) => ({ colour: s.colour, offset: s.offset || `${(i / (stops.length - 1)) * 100}%` }));
}

let measureCtx: CanvasRenderingContext2D | null = null;
function ascentOf(font: string, size: number): { ascent: number; descent: number } {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return { ascent: size * 0.8, descent: size * 0.2 };
  measureCtx.font = font;
  const m = measureCtx.measureText('Hg한');
  return { ascent: m.fontBoundingBoxAscent || size * 0.8, descent: m.fontBoundingBoxDescent || size * 0.2 };
}

function transformText(s: string, tt: string): string {
  if (tt === 'uppercase') return s.toUpperCase();
  if (tt === 'lowercase') return s.toLowerCase();
  return s;
}

export interface SnapshotOptions {
  /** pixel density the embedded canvases are upscaled for (2 for the 2× PNG) */
  scale?: number;
  background?: string;
}

/** The element as a standalone SVG document of its on-screen size. */
export function snapshotSvg(root: HTMLElement, opts: SnapshotOptions = {}): Snapshot {
  const scale = opts.scale ?? 2;
  const box = root.getBoundingClientRect();
  const W = Math.ceil(box.width);
  const H = Math.ceil(box.height);
  const ox = box.left;
  const oy = box.top;
  const defs: string[] = [];
  let gradients = 0;
  const rootFont = getComputedStyle(root).fontFamily;

  const rectOf = (r: DOMRect) => ({ x: r2(r.left - ox), y: r2(r.top - oy), w: r2(r.width), h: r2(r.height) });

  const boxParts = (el: Element, cs: CSSStyleDeclaration): string => {
    const r = rectOf(el.getBoundingClientRect());
    if (r.w <= 0 || r.h <= 0) return '';
    const out: string[] = [];
    const rx = parseFloat(cs.borderTopLeftRadius) || 0;
    const rad = rx ? ` rx="${r2(Math.min(rx, r.w / 2, r.h / 2))}"` : '';
    const grad = parseGradient(cs.backgroundImage);
    if (grad) {
      const id = `g${gradients++}`;
      const vertical = /to (top|bottom)/.test(cs.backgroundImage);
      defs.push(
        `<linearGradient id="${id}" x1="0" y1="0" x2="${vertical ? 0 : 1}" y2="${vertical ? 1 : 0}">${grad
          .map((s) => `<stop offset="${s.offset}" stop-color="${s.colour}"/>`)
          .join('')}</linearGradient>`,
      );
      out.push(`<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}"${rad} fill="url(#${id})"/>`);
    } else if (!transparent(cs.backgroundColor)) {
      out.push(`<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}"${rad} fill="${cs.backgroundColor}"/>`);
    }
    const sides = (['Top', 'Right', 'Bottom', 'Left'] as const).map((s) => ({
      w: cs.getPropertyValue(`border-${s.toLowerCase()}-style`) === 'none' ? 0 : parseFloat(cs.getPropertyValue(`border-${s.toLowerCase()}-width`)) || 0,
      c: cs.getPropertyValue(`border-${s.toLowerCase()}-color`),
    }));
    const same = sides.every((s) => s.w === sides[0]!.w && s.c === sides[0]!.c);
    if (same && sides[0]!.w > 0 && !transparent(sides[0]!.c)) {
      const bw = sides[0]!.w;
      const dash = cs.borderTopStyle === 'dashed' ? ` stroke-dasharray="${bw * 3} ${bw * 2}"` : '';
      out.push(
        `<rect x="${r2(r.x + bw / 2)}" y="${r2(r.y + bw / 2)}" width="${r2(Math.max(0, r.w - bw))}" height="${r2(Math.max(0, r.h - bw))}"${rad} fill="none" stroke="${sides[0]!.c}" stroke-width="${bw}"${dash}/>`,
      );
    } else if (!same) {
      const [t, rt, b, l] = sides as [{ w: number; c: string }, { w: number; c: string }, { w: number; c: string }, { w: number; c: string }];
      const line = (s: { w: number; c: string }, x1: number, y1: number, x2: number, y2: number) =>
        s.w > 0 && !transparent(s.c) ? out.push(`<line x1="${r2(x1)}" y1="${r2(y1)}" x2="${r2(x2)}" y2="${r2(y2)}" stroke="${s.c}" stroke-width="${s.w}"/>`) : 0;
      line(t, r.x, r.y + t.w / 2, r.x + r.w, r.y + t.w / 2);
      line(b, r.x, r.y + r.h - b.w / 2, r.x + r.w, r.y + r.h - b.w / 2);
      line(l, r.x + l.w / 2, r.y, r.x + l.w / 2, r.y + r.h);
      line(rt, r.x + r.w - rt.w / 2, r.y, r.x + r.w - rt.w / 2, r.y + r.h);
    }
    const ow = cs.outlineStyle !== 'none' ? parseFloat(cs.outlineWidth) || 0 : 0;
    if (ow > 0 && !transparent(cs.outlineColor)) {
      const off = (parseFloat(cs.outlineOffset) || 0) + ow / 2;
      out.push(
        `<rect x="${r2(r.x - off)}" y="${r2(r.y - off)}" width="${r2(r.w + 2 * off)}" height="${r2(r.h + 2 * off)}" fill="none" stroke="${cs.outlineColor}" stroke-width="${ow}"/>`,
      );
    }
    return out.join('');
  };

  const textParts = (node: Text, cs: CSSStyleDeclaration): string => {
    const raw = node.data;
    if (!raw.trim()) return '';
    const size = parseFloat(cs.fontSize) || 16;
    const font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const { ascent, descent } = ascentOf(font, size);
    const range = document.createRange();
    // words with their boxes, grouped into lines by their top
    const lines: { top: number; bottom: number; left: number; right: number; words: string[] }[] = [];
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(raw))) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = Array.from(range.getClientRects()).filter((q) => q.width > 0);
      if (!rects.length) continue;
      // a word broken across lines (long Korean runs): take it piece by piece as the browser laid it out
      const parts = rects.length === 1 ? [{ rect: rects[0]!, text: m[0] }] : splitWord(node, m.index, m[0], range);
      for (const { rect, text } of parts) {
        const line = lines.find((l) => Math.abs(l.top - rect.top) < size * 0.5);
        if (line) {
          line.words.push(text);
          line.left = Math.min(line.left, rect.left);
          line.right = Math.max(line.right, rect.right);
        } else lines.push({ top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, words: [text] });
      }
    }
    const colour = cs.color;
    const weight = cs.fontWeight;
    const style = cs.fontStyle !== 'normal' ? ` font-style="${cs.fontStyle}"` : '';
    const family = cs.fontFamily !== rootFont ? ` font-family="${escapeXml(cs.fontFamily)}"` : '';
    return lines
      .map((l) => {
        const text = transformText(l.words.join(' '), cs.textTransform);
        const baseline = l.top + (l.bottom - l.top - (ascent + descent)) / 2 + ascent;
        const width = l.right - l.left;
        return `<text x="${r2(l.left - ox)}" y="${r2(baseline - oy)}" font-size="${r2(size)}" font-weight="${weight}" fill="${colour}"${style}${family} textLength="${r2(width)}" lengthAdjust="spacingAndGlyphs">${escapeXml(text)}</text>`;
      })
      .join('');
  };

  const walk = (el: Element): string => {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) return '';
    if (el instanceof HTMLElement && el.dataset.export === 'skip') return '';
    // e.g. the answers inside a closed <details>: laid out nowhere, but still in the tree
    if (el !== root && typeof el.checkVisibility === 'function' && !el.checkVisibility()) return '';
    const rect = el.getBoundingClientRect();
    // display: contents has no box of its own, only children
    if (rect.width <= 1 && rect.height <= 1 && el !== root && cs.display !== 'contents') return ''; // visually hidden
    const parts: string[] = [];
    if (el !== root && cs.display !== 'contents') parts.push(boxParts(el, cs));
    const tag = el.tagName.toLowerCase();
    if (el instanceof SVGSVGElement) {
      const r = rectOf(rect);
      parts.push(inlineSvg(el, r.x, r.y, r.w, r.h));
    } else if (el instanceof HTMLCanvasElement) {
      const r = rectOf(rect);
      try {
        parts.push(`<image x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" preserveAspectRatio="none" href="${canvasDataUrl(el, r.w, r.h, scale)}"/>`);
      } catch {
        /* a canvas that cannot be read is left out */
      }
    } else if (tag === 'select') {
      const s = el as HTMLSelectElement;
      const label = s.selectedOptions[0]?.textContent ?? '';
      const r = rectOf(rect);
      const size = parseFloat(cs.fontSize) || 14;
      parts.push(`<text x="${r2(r.x + 6)}" y="${r2(r.y + r.h / 2 + size * 0.35)}" font-size="${size}" fill="${cs.color}">${escapeXml(label)}</text>`);
    } else if (tag === 'input' || tag === 'textarea' || tag === 'video' || tag === 'iframe') {
      // form fields: the box only
    } else {
      for (const child of Array.from(el.childNodes)) {
        if (child.nodeType === Node.TEXT_NODE) parts.push(textParts(child as Text, cs));
        else if (child.nodeType === Node.ELEMENT_NODE) parts.push(walk(child as Element));
      }
    }
    const body = parts.join('');
    const opacity = parseFloat(cs.opacity);
    return opacity < 1 && body ? `<g opacity="${opacity}">${body}</g>` : body;
  };

  const cs = getComputedStyle(root);
  const bg = opts.background ?? (transparent(cs.backgroundColor) ? '#ffffff' : cs.backgroundColor);
  const body = walk(root);
  const svg =
    `<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(rootFont)}">` +
    (defs.length ? `<defs>${defs.join('')}</defs>` : '') +
    `<rect width="${W}" height="${H}" fill="${bg}"/>` +
    body +
    `</svg>`;
  return { svg, width: W, height: H };
}

function splitWord(node: Text, start: number, word: string, range: Range): { rect: DOMRect; text: string }[] {
  const out: { rect: DOMRect; text: string }[] = [];
  let cur: { rect: DOMRect; text: string } | null = null;
  for (let i = 0; i < word.length; i++) {
    range.setStart(node, start + i);
    range.setEnd(node, start + i + 1);
    const r = range.getBoundingClientRect();
    if (cur && Math.abs(r.top - cur.rect.top) < 2) {
      cur.text += word[i];
      cur.rect = new DOMRect(cur.rect.left, cur.rect.top, r.right - cur.rect.left, Math.max(cur.rect.height, r.height));
    } else {
      cur = { rect: r, text: word[i]! };
      out.push(cur);
    }
  }
  return out;
}

/** Draws an SVG document onto a canvas at `scale`× and returns it as a PNG. */
export async function svgToPng(snap: Snapshot, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([snap.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(snap.width * scale);
    canvas.height = Math.round(snap.height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under `name` through a temporary <a download> with a blob: URL. */
export function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export type ExportFormat = 'png' | 'svg';

/** Exports `el` as `<base>.png|svg`. */
export async function exportPanel(el: HTMLElement, base: string, format: ExportFormat): Promise<string> {
  const snap = snapshotSvg(el, { scale: format === 'png' ? 2 : 2 });
  const name = `${base}.${format}`;
  if (format === 'svg') download(new Blob([snap.svg], { type: 'image/svg+xml' }), name);
  else download(await svgToPng(snap, 2), name);
  return name;
}
