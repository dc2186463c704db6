/**
 * Hostile copies of the user-model fixture (training/build_user_models.py's `good` folder), made
 * in memory for a test: other weights (the manifest's sha256 follows), another card. No binary
 * files in git.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { USER_MODELS } from './global-setup';

export type Folder = Map<string, Buffer>;
interface Spec {
  name: string;
  shape: number[];
}
type Manifest = { weightsManifest: { paths: string[]; weights: Spec[] }[]; sha256?: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a card is edited freely here
type Card = any;

export function goodFolder(): Folder {
  const root = join(USER_MODELS, 'good');
  return new Map(readdirSync(root).map((name) => [name, readFileSync(join(root, name))]));
}

const json = (b: Buffer) => JSON.parse(b.toString('utf8')) as unknown;

export function withWeights(folder: Folder, change: (w: Float32Array, specs: Spec[]) => void): Folder {
  const bytes = Buffer.from(folder.get('weights.bin')!);
  const manifest = json(folder.get('model.json')!) as Manifest;
  change(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), manifest.weightsManifest.flatMap((g) => g.weights));
  manifest.sha256 = createHash('sha256').update(bytes).digest('hex');
  return new Map(folder).set('weights.bin', bytes).set('model.json', Buffer.from(JSON.stringify(manifest)));
}

export function withCard(folder: Folder, change: (card: Card) => void): Folder {
  const card = json(folder.get('card.json')!) as Card;
  change(card);
  return new Map(folder).set('card.json', Buffer.from(JSON.stringify(card)));
}

/** Where tensor `name` starts, in floats. */
export function offsetOf(specs: Spec[], name: string): number {
  let at = 0;
  for (const s of specs) {
    if (s.name === name) return at;
    at += s.shape.reduce((a, b) => a * b, 1);
  }
  throw new Error(`no tensor ${name}`);
}

/** Picks every file of `folder` with the model picker (written to disk: Playwright hands over buffers of at most 50 MB). */
export async function loadModelFolder(page: Page, folder: Folder) {
  const dir = mkdtempSync(join(tmpdir(), 'se-model-'));
  for (const [name, bytes] of folder) writeFileSync(join(dir, name), bytes);
  await page.getByTestId('model-input').setInputFiles([...folder.keys()].map((name) => join(dir, name)));
}
