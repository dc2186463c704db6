// Evaluates the TypeScript model (tfjs wasm backend in Node) on an ImageFolder split:
//   npm run eval -- <dir with class folders> [--model <model folder>] [--backend wasm|cpu] [--batch 64]
// Class folders are matched to the model card's class keys by name. Images are decoded here with
// sharp (libvips + libjpeg-turbo), which decodes JPEG exactly like the browser and PIL: a decoder
// with another chroma upsampling (e.g. jpeg-js) shifts pixels by up to ±17 and flips predictions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import sharp from 'sharp';
import { SENetwork } from '../src/model/network';
import type { ModelIndex } from '../src/types/card';
import { folderReader } from './node-reader';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv: string[]) {
  const opts = { dir: '', model: '', backend: 'wasm', batch: 64 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--model') opts.model = argv[++i]!;
    else if (a === '--backend') opts.backend = argv[++i]!;
    else if (a === '--batch') opts.batch = Number(argv[++i]);
    else if (!opts.dir) opts.dir = a;
  }
  if (!opts.dir) {
    console.error('usage: npm run eval -- <ImageFolder split dir> [--model dir] [--backend wasm|cpu]');
    process.exit(2);
  }
  if (!opts.model) {
    const modelsDir = join(root, 'public', 'models');
    const index = JSON.parse(readFileSync(join(modelsDir, 'index.json'), 'utf8')) as ModelIndex;
    opts.model = join(modelsDir, index.default);
  }
  return opts;
}

/** RGB bytes (HWC) of an image file; transparency is composited on white, as the app does. */
async function decodeRgb(file: string): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(file)
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.backend === 'wasm') {
    const wasmDir = join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/';
    setWasmPaths(wasmDir);
  }
  await tf.setBackend(opts.backend);
  await tf.ready();
  const net = await SENetwork.load(folderReader(opts.model));
  const size = net.inputSize;
  const classes = net.card.classes.map((c) => c.key);
  const folders = readdirSync(opts.dir).filter((d) => statSync(join(opts.dir, d)).isDirectory());
  const unknown = folders.filter((f) => !classes.includes(f));
  if (unknown.length) console.warn(`ignoring folders that are not classes of the model: ${unknown.join(', ')}`);
  const items: { file: string; label: number }[] = [];
  for (const f of folders.filter((f) => classes.includes(f)).sort()) {
    for (const name of readdirSync(join(opts.dir, f)).sort()) {
      if (/\.(jpe?g|png|webp|bmp|gif|tiff?)$/i.test(name)) items.push({ file: join(opts.dir, f, name), label: classes.indexOf(f) });
    }
  }
  if (items.length === 0) throw new Error(`no images under ${opts.dir}`);

  const correct = new Array<number>(classes.length).fill(0);
  const total = new Array<number>(classes.length).fill(0);
  const t0 = Date.now();
  for (let start = 0; start < items.length; start += opts.batch) {
    const batch = items.slice(start, start + opts.batch);
    const pixels = new Float32Array(batch.length * size * size * 3);
    const images = await Promise.all(batch.map((item) => decodeRgb(item.file)));
    batch.forEach((item, i) => {
      const img = images[i]!;
      if (img.width !== size || img.height !== size) {
        throw new Error(`${item.file} is ${img.width}x${img.height}; the model takes ${size}x${size}`);
      }
      pixels.set(img.data, i * size * size * 3);
    });
    const logits = await net.logitsBatch(pixels, batch.length);
    batch.forEach((item, i) => {
      const row = logits.subarray(i * classes.length, (i + 1) * classes.length);
      let best = 0;
      for (let c = 1; c < row.length; c++) if (row[c]! > row[best]!) best = c;
      total[item.label]!++;
      if (best === item.label) correct[item.label]!++;
    });
    if ((start / opts.batch) % 20 === 0) {
      process.stderr.write(`\r${start + batch.length}/${items.length} images`);
    }
  }
  process.stderr.write('\n');
  const seconds = (Date.now() - t0) / 1000;
  for (let c = 0; c < classes.length; c++) {
    if (total[c]) console.log(`${classes[c]!.padEnd(12)} ${((100 * correct[c]!) / total[c]!).toFixed(2)}%  (${total[c]})`);
  }
  const all = correct.reduce((a, b) => a + b, 0) / items.length;
  const card = net.card.metrics.testTop1;
  console.log(`model ${net.card.id}; backend ${tf.getBackend()}; ${items.length} images in ${seconds.toFixed(1)} s`);
  console.log(`model card top-1: ${(card * 100).toFixed(2)}%`);
  console.log(`top-1: ${(all * 100).toFixed(2)}%`);
  net.dispose();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
