import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_LIMITS } from '../src/model/modelLimits';

describe('the model limits in the README', () => {
  it('README states the limits that are enforced', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const n = (v: number) => v.toLocaleString('en-US');
    for (const text of [
      `${n(MODEL_LIMITS.classes)} classes`,
      `${MODEL_LIMITS.inputSize}×${MODEL_LIMITS.inputSize} pixels`,
      `${n(MODEL_LIMITS.params)} parameters`,
      `${n(MODEL_LIMITS.macs)} multiply-adds per image`,
      `card.json: ${MODEL_LIMITS.cardBytes / 2 ** 20} MiB`,
      `model.json: ${MODEL_LIMITS.manifestBytes / 2 ** 20} MiB`,
    ]) {
      expect(readme).toContain(text);
    }
  });
});
