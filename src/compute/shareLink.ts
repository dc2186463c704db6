/**
 * The shareable link: app state <-> URL query parameters, and the network's input image <->
 * a compact URL-safe string. Pure TypeScript (CompressionStream and btoa exist in browsers
 * and in Node ≥ 18), so it is unit-tested without a browser.
 *
 * Parameters (all optional; unknown ones, e.g. `debug` and `backend`, are left untouched):
 *
 * | param   | value                           | meaning                                        |
 * |---------|---------------------------------|------------------------------------------------|
 * | view    | `lesson`                        | the lesson view (absent: the explorer)         |
 * | present | `1`                             | presenter (classroom) mode, implies the lesson |
 * | sec     | 1…8                             | lesson section, as numbered on screen          |
 * | block   | 0…(blocks-1)                    | selected block index (as in `block-<i>`)       |
 * | step    | 1…6                             | animation step, as numbered on screen          |
 * | ch      | 0…(C-1)                         | highlighted channel                            |
 * | lang    | `en` / `ko`                     | language                                       |
 * | img     | `z<size>.<base64url>`           | the network input, filtered + zlib-compressed  |
 * |         | `r<size>.<base64url>`           | … or raw bytes (no CompressionStream)          |
 * | o       | overrides codec text            | experiments overrides (compute/overridesCodec) |
 * | model   | a model id (`[A-Za-z0-9._:-]`)  | the model, when not the app's default one      |
 * | nums    | `ex`                            | the lesson's worked example numbers (lesson)   |
 *
 * Parsing never throws: a malformed value is dropped and named in `problems`.
 */
import { transformBytes } from './byteStream';
import { SECTION_COUNT } from './lesson/sections';
import { deserialiseOverrides } from './overridesCodec';
import { readQuery } from './linkQuery';

export type AppMode = 'explore' | 'lesson';
/** which numbers the lesson's step animation shows: the current image's, or the worked example's */
export type LessonNumbers = 'image' | 'example';
export type ShareLang = 'en' | 'ko';

export interface ShareState {
  mode: AppMode;
  presenter: boolean;
  /** 0-based section */
  section: number;
  block: number | null;
  /** 0-based step */
  step: number | null;
  channel: number | null;
  lang: ShareLang | null;
  /** the encoded input image (encodePixels), null: none */
  image: string | null;
  /** overrides text (overridesCodec), null or '': none */
  overrides: string | null;
  /** the model's id; null: the app's default model */
  model?: string | null;
  /** the lesson's numbers; absent or 'image': the current image's */
  numbers?: LessonNumbers;
}

/** The parameters this module owns, in the order they are written. */
export const SHARE_PARAMS = ['view', 'present', 'sec', 'block', 'step', 'ch', 'lang', 'img', 'o', 'model', 'nums'] as const;
export type ShareParam = (typeof SHARE_PARAMS)[number];

/** Limits a link is checked against before anything is decoded. */
export const SHARE_LIMITS = { sections: SECTION_COUNT, steps: 6, maxIndex: 4095, maxImageSide: 256, maxImageChars: 300_000 } as const;

const INT = /^\d{1,4}$/;
const IMAGE = /^([zr])(\d{1,3})\.([A-Za-z0-9_-]+)$/;
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

function int(v: string | null, lo: number, hi: number): number | null | undefined {
  if (v === null) return undefined; // absent
  if (!INT.test(v)) return null; // malformed
  const n = Number(v);
  return n >= lo && n <= hi ? n : null;
}

/**
 * Reads the link's state. Absent parameters are absent from `state`; malformed ones are absent
 * too and their names are listed in `problems`, first those of any parameter (ours or not) whose
 * %-escapes are broken (`linkQuery.ts`). The image is only checked for its shape here;
 * `decodePixels` checks its content.
 */
export function parseShare(search: string | URLSearchParams): { state: Partial<ShareState>; problems: string[] } {
  const read = typeof search === 'string' ? readQuery(search) : { params: search, dropped: [] };
  const q = read.params;
  const state: Partial<ShareState> = {};
  const problems: string[] = [...read.dropped];
  const num = (key: ShareParam, lo: number, hi: number, put: (n: number) => void) => {
    const v = int(q.get(key), lo, hi);
    if (v === null) problems.push(key);
    else if (v !== undefined) put(v);
  };

  const view = q.get('view');
  if (view === 'lesson' || view === 'explore') state.mode = view;
  else if (view !== null) problems.push('view');
  const present = q.get('present');
  if (present === '1') {
    state.presenter = true;
    state.mode = 'lesson';
  } else if (present === '0') state.presenter = false;
  else if (present !== null) problems.push('present');
  num('sec', 1, SHARE_LIMITS.sections, (n) => (state.section = n - 1));
  num('block', 0, SHARE_LIMITS.maxIndex, (n) => (state.block = n));
  num('step', 1, SHARE_LIMITS.steps, (n) => (state.step = n - 1));
  num('ch', 0, SHARE_LIMITS.maxIndex, (n) => (state.channel = n));
  const lang = q.get('lang');
  if (lang === 'en' || lang === 'ko') state.lang = lang;
  else if (lang !== null) problems.push('lang');
  const img = q.get('img');
  if (img !== null) {
    const m = img.length <= SHARE_LIMITS.maxImageChars ? IMAGE.exec(img) : null;
    const side = m ? Number(m[2]) : 0;
    if (m && side >= 1 && side <= SHARE_LIMITS.maxImageSide) state.image = img;
    else problems.push('img');
  }
  const o = q.get('o');
  if (o !== null) {
    if (deserialiseOverrides(o) !== null) state.overrides = o;
    else problems.push('o');
  }
  const model = q.get('model');
  if (model !== null) {
    if (MODEL_ID.test(model)) state.model = model;
    else problems.push('model');
  }
  const nums = q.get('nums');
  if (nums === 'ex') state.numbers = 'example';
  else if (nums !== null) problems.push('nums');
  return { state, problems };
}

/**
 * The query string for `state`, keeping every parameter of `current` that this module does not
 * own (e.g. `debug=1`, `backend=wasm`) where it was, less any with a broken %-escape.
 * Returns '' or '?…'.
 */
export function shareSearch(state: ShareState, current: string | URLSearchParams = ''): string {
  const base = typeof current === 'string' ? readQuery(current).params : new URLSearchParams(current);
  for (const k of SHARE_PARAMS) base.delete(k);
  const put = (k: ShareParam, v: string | number | null | undefined | false) => {
    if (v !== null && v !== undefined && v !== false && v !== '') base.set(k, String(v));
  };
  const lesson = state.mode === 'lesson' || state.presenter;
  put('view', lesson ? 'lesson' : null);
  put('present', state.presenter ? 1 : null);
  put('sec', lesson ? state.section + 1 : null);
  put('block', state.block);
  put('step', lesson && state.step !== null ? state.step + 1 : null);
  put('ch', state.channel);
  put('lang', state.lang);
  put('img', state.image);
  put('o', state.overrides);
  put('model', state.model);
  put('nums', lesson && state.numbers === 'example' ? 'ex' : null);
  const s = base.toString();
  return s ? `?${s}` : '';
}

/**
 * Links the app writes stay under this many characters, origin and path included: web servers
 * refuse longer request lines (nginx and Apache at 8 KB by default; Vite's preview server
 * answers HTTP 431 at about 16 k), and a refused link never reaches the app.
 */
export const MAX_LINK_CHARS = 6000;

/**
 * `shareSearch`, but no longer than `budget` characters: what does not fit is left out, the
 * image first, then the overrides, and named in `omitted` so that the app can say so.
 */
export function fitShareSearch(state: ShareState, current: string | URLSearchParams, budget: number): { search: string; omitted: ShareParam[] } {
  let st = state;
  let search = shareSearch(st, current);
  const omitted: ShareParam[] = [];
  if (search.length > budget && st.image) {
    st = { ...st, image: null };
    omitted.push('img');
    search = shareSearch(st, current);
  }
  if (search.length > budget && st.overrides) {
    st = { ...st, overrides: null };
    omitted.push('o');
    search = shareSearch(st, current);
  }
  return { search, omitted };
}

// ---- the input image ----

/** base64url without padding */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** null when `text` is not base64url */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * A PNG-style prediction filter that makes photos compress better: every byte minus the same
 * channel of the pixel on its left (the pixel above for the first column), modulo 256.
 */
export function filterPixels(px: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(px.length);
  const row = size * 3;
  for (let i = 0; i < px.length; i++) {
    const ref = i % row >= 3 ? px[i - 3]! : i >= row ? px[i - row]! : 0;
    out[i] = (px[i]! - ref) & 255;
  }
  return out;
}

export function unfilterPixels(f: Uint8Array, size: number): Uint8Array {
  const px = new Uint8Array(f.length);
  const row = size * 3;
  for (let i = 0; i < f.length; i++) {
    const ref = i % row >= 3 ? px[i - 3]! : i >= row ? px[i - row]! : 0;
    px[i] = (f[i]! + ref) & 255;
  }
  return px;
}

const canCompress = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/**
 * The network input (size×size RGB bytes) as a URL-safe string: filtered, zlib-compressed
 * (zlib carries an Adler-32 checksum, so a damaged link is detected), base64url.
 */
export async function encodePixels(pixels: Uint8Array, size: number, compress = canCompress()): Promise<string> {
  if (pixels.length !== size * size * 3) throw new Error(`expected ${size}×${size}×3 bytes, got ${pixels.length}`);
  const filtered = filterPixels(pixels, size);
  if (!compress) return `r${size}.${toBase64Url(filtered)}`;
  return `z${size}.${toBase64Url(await transformBytes([filtered], new CompressionStream('deflate')))}`;
}

export type PixelDecodeError = 'format' | 'size' | 'corrupt' | 'length' | 'unsupported';
export type PixelDecodeResult = { ok: true; pixels: Uint8Array; size: number } | { ok: false; error: PixelDecodeError };

/**
 * Decodes `encodePixels`' string; never throws. `expectedSize` (the model's input size) is
 * checked before anything is decompressed.
 */
export async function decodePixels(text: string, expectedSize?: number): Promise<PixelDecodeResult> {
  const m = text.length <= SHARE_LIMITS.maxImageChars ? IMAGE.exec(text) : null;
  if (!m) return { ok: false, error: 'format' };
  const size = Number(m[2]);
  if (size < 1 || size > SHARE_LIMITS.maxImageSide || (expectedSize !== undefined && size !== expectedSize)) return { ok: false, error: 'size' };
  const bytes = fromBase64Url(m[3]!);
  if (!bytes) return { ok: false, error: 'format' };
  let filtered: Uint8Array;
  if (m[1] === 'r') filtered = bytes;
  else {
    if (!canCompress()) return { ok: false, error: 'unsupported' };
    try {
      filtered = await transformBytes([bytes], new DecompressionStream('deflate'));
    } catch {
      return { ok: false, error: 'corrupt' };
    }
  }
  if (filtered.length !== size * size * 3) return { ok: false, error: 'length' };
  return { ok: true, pixels: unfilterPixels(filtered, size), size };
}
