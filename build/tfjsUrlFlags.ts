/**
 * tfjs-core reads `?tfjsflags=` from the page's address when its module is evaluated, and decodes
 * every parameter of the query with `decodeURIComponent`, which throws on a broken %-escape
 * (`?x=%`, `?lang=%ff`). That happens before any of the app's code runs (the app's chunk imports
 * tfjs), so a cut link left a blank page. This plugin makes tfjs's decoder keep such a parameter
 * as it is instead; the app itself reads the link with `src/compute/linkQuery.ts`, which drops
 * it and says so.
 *
 * The build fails if tfjs-core's code changes so that the patch no longer applies: a silent
 * no-op would bring the blank page back.
 */
import type { Plugin } from 'vite';

/** the file of tfjs-core's ESM build that holds `getQueryParams` */
export const TFJS_ENVIRONMENT = /[\\/]@tensorflow[\\/]tfjs-core[\\/]dist[\\/]environment\.js$/;

const DECODE_PARAM = 'params[decodeURIComponent(name)] = decodeURIComponent(value || \'\');';
const SAFE_DECODE_PARAM =
  'const safe = (t) => { try { return decodeURIComponent(t); } catch (e) { return t; } };\n' +
  "    params[safe(name)] = safe(value || '');";

/** tfjs-core's environment.js with the decoder that cannot throw; throws if the code is not there. */
export function patchTfjsEnvironment(code: string): string {
  if (!code.includes(DECODE_PARAM)) throw new Error('tfjsUrlFlags: tfjs-core/dist/environment.js changed; check its getQueryParams and update build/tfjsUrlFlags.ts');
  return code.replace(DECODE_PARAM, SAFE_DECODE_PARAM);
}

/** The patch as a bare transform: a rolldown plugin, for the dev server's dependency pre-bundling. */
export function tfjsUrlFlagsTransform() {
  return {
    name: 'tfjs-url-flags',
    transform(code: string, id: string) {
      if (!TFJS_ENVIRONMENT.test(id.split('?')[0]!)) return null;
      return { code: patchTfjsEnvironment(code), map: null };
    },
  };
}

/**
 * The patch for the build and for modules the dev server serves as they are. The dev server
 * pre-bundles tfjs without Vite's plugins, so vite.config.ts also hands tfjsUrlFlagsTransform
 * to `optimizeDeps.rolldownOptions` (without it `npm run dev` still went blank on `?x=%`).
 */
export function tfjsUrlFlags(): Plugin {
  return { ...tfjsUrlFlagsTransform(), enforce: 'pre' };
}
