import { describe, expect, it } from 'vitest';
import {
  decodePixels,
  encodePixels,
  filterPixels,
  fitShareSearch,
  fromBase64Url,
  MAX_LINK_CHARS,
  parseShare,
  shareSearch,
  toBase64Url,
  unfilterPixels,
  type ShareState,
} from './shareLink';

const full: ShareState = {
  mode: 'lesson',
  presenter: true,
  section: 4,
  block: 7,
  step: 3,
  channel: 12,
  lang: 'ko',
  image: 'z2.AAAA',
  overrides: '3o_5.12-0.40-500',
};

/** pseudo-random bytes: the worst case for the link's compression */
function noiseImage(size: number): Uint8Array {
  let x = 12345;
  return Uint8Array.from({ length: size * size * 3 }, () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24);
}

function photo(size: number, seed = 1): Uint8Array {
  const px = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      px[i] = (x * 7 + y * 3 + seed * 11) & 255;
      px[i + 1] = (128 + 100 * Math.sin((x + seed) / 4)) & 255;
      px[i + 2] = ((x ^ y) * seed) & 255;
    }
  return px;
}

describe('share link parameters', () => {
  it('round-trips every field', () => {
    const search = shareSearch(full);
    expect(parseShare(search)).toEqual({ state: full, problems: [] });
  });

  it('carries the worked example’s numbers in the lesson only (nums=ex)', () => {
    const ex: ShareState = { ...full, numbers: 'example' };
    expect(new URLSearchParams(shareSearch(ex)).get('nums')).toBe('ex');
    expect(parseShare(shareSearch(ex))).toEqual({ state: ex, problems: [] });
    expect(shareSearch({ ...full, numbers: 'image' })).not.toContain('nums');
    expect(shareSearch({ ...ex, mode: 'explore', presenter: false })).not.toContain('nums');
    expect(parseShare('?view=lesson&nums=maybe')).toEqual({ state: { mode: 'lesson' }, problems: ['nums'] });
  });

  it('numbers sections and steps from 1 in the URL, blocks and channels from 0', () => {
    const q = new URLSearchParams(shareSearch(full));
    expect(q.get('sec')).toBe('5');
    expect(q.get('step')).toBe('4');
    expect(q.get('block')).toBe('7');
    expect(q.get('ch')).toBe('12');
  });

  it('keeps parameters it does not own (debug, backend) and replaces its own', () => {
    const s = shareSearch({ ...full, presenter: false }, '?debug=1&backend=wasm&sec=1&present=1');
    const q = new URLSearchParams(s);
    expect(q.get('debug')).toBe('1');
    expect(q.get('backend')).toBe('wasm');
    expect(q.get('sec')).toBe('5');
    expect(q.has('present')).toBe(false);
  });

  it('writes nothing lesson-specific in the explorer', () => {
    const q = new URLSearchParams(shareSearch({ ...full, mode: 'explore', presenter: false, overrides: '' }));
    expect([...q.keys()]).toEqual(['block', 'ch', 'lang', 'img']);
    expect(shareSearch({ mode: 'explore', presenter: false, section: 0, block: null, step: null, channel: null, lang: null, image: null, overrides: null })).toBe('');
  });

  it('presenter mode implies the lesson view', () => {
    expect(parseShare('?present=1').state).toEqual({ mode: 'lesson', presenter: true });
  });

  it('ignores missing parameters', () => {
    expect(parseShare('')).toEqual({ state: {}, problems: [] });
    expect(parseShare('?debug=1&backend=cpu')).toEqual({ state: {}, problems: [] });
  });

  it('drops malformed or out-of-range values and names them, keeping the rest', () => {
    const { state, problems } = parseShare('?view=slides&present=yes&sec=10&block=-1&step=0&ch=1e3&lang=fr&img=%3Cscript%3E&o=3q&debug=1');
    expect(state).toEqual({});
    expect(problems.sort()).toEqual(['block', 'ch', 'img', 'lang', 'o', 'present', 'sec', 'step', 'view'].sort());
    const partly = parseShare('?sec=2&block=x&lang=ko');
    expect(partly.state).toEqual({ section: 1, lang: 'ko' });
    expect(partly.problems).toEqual(['block']);
  });

  it('carries the model by id and refuses an id that could be anything else', () => {
    expect(parseShare('?model=resnet20-cifar10').state).toEqual({ model: 'resnet20-cifar10' });
    expect(parseShare('?model=user:my-net:1a2b').state).toEqual({ model: 'user:my-net:1a2b' });
    expect(parseShare('?model=../evil').problems).toEqual(['model']);
    expect(parseShare(`?model=${'a'.repeat(101)}`).problems).toEqual(['model']);
    const st = { mode: 'explore', presenter: false, section: 0, block: 3, step: null, channel: null, lang: null, image: null, overrides: null } as const;
    expect(shareSearch({ ...st, model: 'resnet20-cifar10' })).toBe('?block=3&model=resnet20-cifar10');
    expect(shareSearch({ ...st, model: null })).toBe('?block=3');
  });

  it('rejects absurd image parameters before decoding', () => {
    expect(parseShare('?img=z0.AAAA').problems).toEqual(['img']);
    expect(parseShare('?img=z999.AAAA').problems).toEqual(['img']);
    expect(parseShare(`?img=z32.${'A'.repeat(400_000)}`).problems).toEqual(['img']);
  });
});

describe('the input image in the link', () => {
  it('base64url round-trips any bytes', () => {
    const b = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 255);
    const t = toBase64Url(b);
    expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(t)).toEqual(b);
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });

  it('the prediction filter is invertible', () => {
    const px = photo(9, 3);
    expect(unfilterPixels(filterPixels(px, 9), 9)).toEqual(px);
  });

  it('round-trips the exact pixels, compressed and raw', async () => {
    const px = photo(32);
    const z = await encodePixels(px, 32);
    expect(z.startsWith('z32.')).toBe(true);
    expect(z).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(await decodePixels(z, 32)).toEqual({ ok: true, pixels: px, size: 32 });
    const r = await encodePixels(px, 32, false);
    expect(r.startsWith('r32.')).toBe(true);
    expect(await decodePixels(r)).toEqual({ ok: true, pixels: px, size: 32 });
    // the URL survives URLSearchParams unchanged
    const q = new URLSearchParams(shareSearch({ ...full, image: z }));
    expect(parseShare(q).state.image).toBe(z);
  });

  it('any 32×32 image fits a link well under 8 KB, even noise that does not compress', async () => {
    const noise = noiseImage(32);
    for (const compress of [true, false]) {
      const img = await encodePixels(noise, 32, compress);
      const { search, omitted } = fitShareSearch({ ...full, image: img }, '?debug=1', MAX_LINK_CHARS - 512);
      expect(omitted).toEqual([]);
      expect(parseShare(search).state.image).toBe(img);
      expect(search.length).toBeLessThan(MAX_LINK_CHARS - 512);
    }
    expect(MAX_LINK_CHARS).toBeLessThanOrEqual(6 * 1024);
  });

  it('an image too big for a link is left out and named; the rest of the link stays', async () => {
    const img = await encodePixels(noiseImage(96), 96); // 27 KB of pixels that do not compress
    expect(img.length).toBeGreaterThan(MAX_LINK_CHARS);
    const { search, omitted } = fitShareSearch({ ...full, image: img }, '?debug=1', MAX_LINK_CHARS);
    expect(omitted).toEqual(['img']);
    expect(search.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    const back = parseShare(search).state;
    expect(back.image).toBeUndefined();
    expect(back).toMatchObject({ block: full.block, channel: full.channel, overrides: full.overrides, lang: full.lang });
    // overrides too long on their own go as well, and are named
    const long = fitShareSearch({ ...full, image: null, overrides: full.overrides }, '', 20);
    expect(long.omitted).toEqual(['o']);
  });

  it('compresses a smooth image well below the raw 3 KB', async () => {
    const px = new Uint8Array(32 * 32 * 3).map((_, i) => (Math.floor(i / 96) * 4) & 255);
    const z = await encodePixels(px, 32);
    expect(z.length).toBeLessThan(400);
  });

  it('a corrupted, truncated or mismatched image gives an error, never a throw', async () => {
    const px = photo(32, 5);
    const z = await encodePixels(px, 32);
    const mid = Math.floor(z.length / 2);
    const flipped = z.slice(0, mid) + (z[mid] === 'A' ? 'B' : 'A') + z.slice(mid + 1);
    const bad = await decodePixels(flipped, 32);
    expect(bad.ok).toBe(false);
    const cut = await decodePixels(z.slice(0, z.length - 20), 32);
    expect(cut.ok).toBe(false);
    expect(await decodePixels(z, 64)).toEqual({ ok: false, error: 'size' });
    expect(await decodePixels('nonsense', 32)).toEqual({ ok: false, error: 'format' });
    expect(await decodePixels('z32.abcde', 32)).toEqual({ ok: false, error: 'format' });
    expect(await decodePixels('r32.AAAA', 32)).toEqual({ ok: false, error: 'length' });
    expect(await decodePixels('z32.AAAA', 32)).toEqual({ ok: false, error: 'corrupt' });
  });

  it('refuses pixels of the wrong length when encoding', async () => {
    await expect(encodePixels(new Uint8Array(10), 32)).rejects.toThrow();
  });
});
