import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: BackendName[] = ['webgl', 'wasm', 'cpu'];

export interface BackendInfo {
  name: BackendName;
  /** GPU renderer string for WebGL (e.g. "SwiftShader"), null elsewhere */
  renderer: string | null;
  /** backends that were tried and failed before this one, with the reason */
  fallbacks: { name: BackendName; reason: string }[];
}

// wasm binaries are bundled as assets of our own origin (no CDN)
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
// the multi-threaded wasm build hangs in a minified production build; one thread is enough here
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/**
 * wasm is registered by the import above (the app's first result comes from it); WebGL and cpu
 * are separate chunks, loaded when first asked for, so the first screen does not parse them.
 */
const webglModule = () => import('@tensorflow/tfjs-backend-webgl');
const register: Record<BackendName, () => Promise<unknown>> = {
  webgl: webglModule,
  wasm: async () => {},
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

/** Tries `preferred` first, then the rest of webgl → wasm → cpu, and reports what happened. */
export async function initBackend(preferred: BackendName = 'webgl'): Promise<BackendInfo> {
  const order = [preferred, ...BACKENDS.filter((b) => b !== preferred)];
  const fallbacks: BackendInfo['fallbacks'] = [];
  for (const name of order) {
    try {
      return { ...(await initOnly(name)), fallbacks };
    } catch (e) {
      fallbacks.push({ name, reason: (e as Error)?.message ?? String(e) });
    }
  }
  throw new Error('no tfjs backend could be initialised');
}

/** Makes `name` the active backend (initialising it the first time); throws when it cannot. */
export async function initOnly(name: BackendName): Promise<BackendInfo> {
  await register[name]();
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error('not available in this browser');
  await tf.ready();
  if (name === 'webgl') smokeTest();
  return { name, renderer: name === 'webgl' ? webglRenderer() : null, fallbacks: [] };
}

/** Switches tfjs to an already initialised backend (several engines may share the page). */
export async function switchToBackend(name: string) {
  if (tf.getBackend() !== name) await tf.setBackend(name);
}

/** A tiny op that fails early when WebGL exists but cannot compute (e.g. blocked floats). */
function smokeTest() {
  const v = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)).dataSync()[0]);
  if (v !== 3) throw new Error('WebGL backend computed a wrong result');
}

function webglContext(): WebGLRenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  return backend.gpgpu?.gl ?? null;
}

/** Calls `onLost` once when the active WebGL context is lost; returns an unsubscribe. */
export function watchContextLoss(onLost: () => void): () => void {
  const canvas = webglContext()?.canvas as HTMLCanvasElement | OffscreenCanvas | undefined;
  if (!canvas || !('addEventListener' in canvas)) return () => {};
  const handler = () => onLost();
  canvas.addEventListener('webglcontextlost', handler, { once: true });
  return () => canvas.removeEventListener('webglcontextlost', handler);
}

/** Test hook: loses the active WebGL context through WEBGL_lose_context. */
export function loseWebGLContext(): boolean {
  const ext = webglContext()?.getExtension('WEBGL_lose_context');
  if (!ext) return false;
  ext.loseContext();
  return true;
}

/**
 * Drops the WebGL backend (its context is gone, and with it every tensor on it) and registers
 * a fresh one, so that the next initBackend('webgl') asks the browser for a new context.
 */
export async function resetWebGL() {
  const { MathBackendWebGL } = await webglModule();
  try {
    tf.removeBackend('webgl');
  } catch {
    /* disposing a lost backend may throw; it is gone either way */
  }
  tf.registerBackend('webgl', () => new MathBackendWebGL(), 2);
}

function webglRenderer(): string | null {
  try {
    const gl = webglContext();
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch {
    return null;
  }
}

export function numTensors(): number {
  return tf.memory().numTensors;
}

export function activeBackend(): string {
  return tf.getBackend();
}
