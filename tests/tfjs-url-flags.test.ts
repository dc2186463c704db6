import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchTfjsEnvironment } from '../build/tfjsUrlFlags';

const require = createRequire(import.meta.url);
const environmentJs = join(dirname(require.resolve('@tensorflow/tfjs-core/package.json')), 'dist', 'environment.js');

/** tfjs-core's own getQueryParams (and the decodeParam it calls), taken from `code` */
function queryParamsOf(code: string): (search: string) => Record<string, string> {
  const fn = (name: string) => {
    const at = code.indexOf(`function ${name}(`);
    const end = code.indexOf('\n}\n', at);
    expect(at, name).toBeGreaterThanOrEqual(0);
    return code.slice(at, end + 2);
  };
  return new Function(`${fn('getQueryParams')}\n${fn('decodeParam')}\nreturn getQueryParams;`)() as (search: string) => Record<string, string>;
}

describe("tfjs-core's URL flags (build/tfjsUrlFlags.ts)", () => {
  const original = readFileSync(environmentJs, 'utf8');

  it('tfjs as published throws on a cut link: the blank page of issue 24', () => {
    expect(() => queryParamsOf(original)('?x=%')).toThrow(URIError);
  });

  it('patched, it keeps broken parameters as they are and still reads its flags', () => {
    const read = queryParamsOf(patchTfjsEnvironment(original));
    expect(read('?x=%&lang=%ff&tfjsflags=WEBGL_VERSION%3A2')).toEqual({ x: '%', lang: '%ff', tfjsflags: 'WEBGL_VERSION:2' });
  });

  it('the dev server pre-bundles tfjs with the same patch (npm run dev on ?x=% was blank)', async () => {
    const { default: config } = await import('../vite.config');
    const plugins = [config.optimizeDeps?.rolldownOptions?.plugins as unknown].flat(3) as { name?: string; transform?: unknown }[];
    const patch = plugins.find((p) => p?.name === 'tfjs-url-flags')!.transform as (code: string, id: string) => { code: string } | null;
    expect(queryParamsOf(patch(original, environmentJs)!.code)('?x=%')).toEqual({ x: '%' });
    expect(patch(original, '/elsewhere/environment.js')).toBeNull();
  });

  it('fails the build when the code it patches is not there', () => {
    expect(() => patchTfjsEnvironment('export function getQueryParams() {}')).toThrow(/tfjsUrlFlags/);
  });
});
