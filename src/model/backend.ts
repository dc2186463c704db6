import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
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

/** Tries `preferred` first, then the rest of webgl → wasm → cpu, and reports what happened. */
export async function initBackend(preferred: BackendName = 'webgl'): Promise<BackendInfo> {
  const order = [preferred, ...BACKENDS.filter((b) => b !== preferred)];
  const fallbacks: BackendInfo['fallbacks'] = [];
  for (const name of order) {
    try {
      const ok = await tf.setBackend(name);
      if (!ok) throw new Error('not available in this browser');
      await tf.ready();
      if (name === 'webgl') smokeTest();
      return { name, renderer: name === 'webgl' ? webglRenderer() : null, fallbacks };
    } catch (e) {
      fallbacks.push({ name, reason: (e as Error)?.message ?? String(e) });
    }
  }
  throw new Error('no tfjs backend could be initialised');
}

/** A tiny op that fails early when WebGL exists but cannot compute (e.g. blocked floats). */
function smokeTest() {
  const v = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)).dataSync()[0]);
  if (v !== 3) throw new Error('WebGL backend computed a wrong result');
}

function webglRenderer(): string | null {
  try {
    const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
    const gl = backend.gpgpu?.gl;
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
