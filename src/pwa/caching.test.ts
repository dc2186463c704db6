import { describe, expect, it } from 'vitest';
import { DATA_PATH, isDataUrl, LAZY_ASSET_PATH, PRECACHE_GLOBS } from './caching';

const origin = 'https://school.example';

describe('what the service worker keeps', () => {
  it('the model and the examples of this origin are data; golden vectors, assets and other origins are not', () => {
    expect(isDataUrl(`${origin}/se/models/m/weights.bin`, origin)).toBe(true);
    expect(isDataUrl(`${origin}/se/models/index.json`, origin)).toBe(true);
    expect(isDataUrl(`${origin}/se/examples/cifar10-test/cat-0009.png`, origin)).toBe(true);
    expect(isDataUrl(`${origin}/se/models/m/golden.bin`, origin)).toBe(false);
    expect(isDataUrl(`${origin}/se/assets/main-abc.js`, origin)).toBe(false);
    expect(isDataUrl(`https://elsewhere.example/models/m/weights.bin`, origin)).toBe(false);
    expect(isDataUrl('not a url', origin)).toBe(false);
  });

  it('the precache takes one font format and one wasm binary, and neither the page, the model nor the examples', () => {
    const globs = PRECACHE_GLOBS.join(' ');
    expect(globs).not.toMatch(/\bwoff\b[^2]|ttf|html|\.bin|\.json|png|examples|models/);
    expect(globs).toContain('woff2');
    expect(PRECACHE_GLOBS.filter((g) => g.includes('wasm'))).toEqual(['assets/tfjs-backend-wasm-simd-*.wasm']);
    expect(DATA_PATH.test('/models/m/weights.bin')).toBe(true);
    expect(LAZY_ASSET_PATH.test('/assets/tfjs-backend-wasm-threaded-simd-x.wasm')).toBe(true);
    expect(LAZY_ASSET_PATH.test('/assets/KaTeX_Main-Regular-x.ttf')).toBe(true);
  });
});
