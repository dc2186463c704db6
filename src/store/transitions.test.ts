import { describe, expect, it } from 'vitest';
import type { ForwardResult } from '../types/forward';
import * as tr from './transitions';
import type { CoreState, InputImage } from './transitions';

const base: CoreState = {
  input: null, inputError: null, decoding: false, result: null, resultFor: null, running: false, lastMs: null,
  selectedBlock: 0, hovered: null, pinned: null, domainMode: 'block', order: 'index', crop: 'center', lang: 'en',
};
const img = (id: number): InputImage => ({ id, pixels: new Uint8Array(12), size: 2, source: 'file', name: `i${id}`, width: 2, height: 2, format: 'png', orientation: 1, animated: false, crop: 'center' });
const res = (ms: number): ForwardResult => ({ logits: new Float32Array(2), probs: Float32Array.from([0.3, 0.7]), blocks: [], fromBlock: 0, ms });
const step = (s: CoreState, p: Partial<CoreState>): CoreState => ({ ...s, ...p });

describe('input and prediction transitions', () => {
  it('accepting an image makes its prediction pending; the old one is no longer current', () => {
    let s = step(base, tr.inputAccepted(base, img(1)));
    s = step(s, tr.predictionReady(s, 1, res(5)));
    expect(tr.predictionIsCurrent(s)).toBe(true);
    s = step(s, tr.inputAccepted(s, img(2)));
    expect(s.running).toBe(true);
    expect(tr.predictionIsCurrent(s)).toBe(false);
    expect(s.result?.ms).toBe(5); // kept for reference, but not shown as current
  });

  it('a late result for a replaced image is dropped', () => {
    let s = step(base, tr.inputAccepted(base, img(1)));
    s = step(s, tr.inputAccepted(s, img(2)));
    expect(tr.predictionReady(s, 1, res(1))).toEqual({});
    s = step(s, tr.predictionReady(s, 2, res(2)));
    expect(s).toMatchObject({ resultFor: 2, running: false, lastMs: 2 });
  });

  it('bad input keeps the previous image and prediction intact', () => {
    let s = step(base, tr.inputAccepted(base, img(1)));
    s = step(s, tr.predictionReady(s, 1, res(3)));
    const before = { input: s.input, result: s.result, resultFor: s.resultFor };
    s = step(s, tr.decodingStarted(s));
    s = step(s, tr.inputRejected(s, { code: 'tooSmall', params: { w: 1, h: 1, min: 8 } }));
    expect(s.inputError?.code).toBe('tooSmall');
    expect(s.decoding).toBe(false);
    expect({ input: s.input, result: s.result, resultFor: s.resultFor }).toEqual(before);
    expect(tr.predictionIsCurrent(s)).toBe(true);
    s = step(s, tr.errorDismissed(s));
    expect(s.inputError).toBeNull();
  });

  it('a new good image clears the error', () => {
    let s = step(base, tr.inputRejected(base, { code: 'empty' }));
    s = step(s, tr.inputAccepted(s, img(1)));
    expect(s.inputError).toBeNull();
  });

  it('model failure on an image is reported for the current image only', () => {
    const s = step(base, tr.inputAccepted(base, img(4)));
    expect(tr.predictionFailed(s, 3, { code: 'model' })).toEqual({});
    expect(tr.predictionFailed(s, 4, { code: 'model' })).toMatchObject({ running: false, inputError: { code: 'model' } });
  });
});

describe('selection and hover transitions', () => {
  it('clamps the selected block to the model', () => {
    expect(tr.blockSelected(base, 12, 9).selectedBlock).toBe(8);
    expect(tr.blockSelected(base, -1, 9).selectedBlock).toBe(0);
    expect(tr.blockSelected(base, 3, 0)).toEqual({});
  });

  it('a pin survives reselecting its block and is released by another block', () => {
    const pinned = step(base, tr.channelPinToggled(base, { block: 0, channel: 5 }));
    expect(tr.blockSelected(pinned, 0, 9).pinned).toEqual({ block: 0, channel: 5 });
    expect(tr.blockSelected(pinned, 2, 9).pinned).toBeNull();
  });

  it('clicking the pinned channel again releases it', () => {
    let s = step(base, tr.channelPinToggled(base, { block: 0, channel: 5 }));
    s = step(s, tr.channelPinToggled(s, { block: 0, channel: 5 }));
    expect(s.pinned).toBeNull();
    s = step(s, tr.channelPinToggled(s, { block: 0, channel: 2 }));
    s = step(s, tr.channelPinToggled(s, { block: 0, channel: 3 }));
    expect(s.pinned).toEqual({ block: 0, channel: 3 });
  });

  it('hover wins over pin; channels of other blocks are not highlighted', () => {
    let s = step(base, tr.channelPinToggled(base, { block: 0, channel: 1 }));
    expect(tr.highlighted(s)).toBe(1);
    s = step(s, tr.channelHovered(s, { block: 0, channel: 7 }));
    expect(tr.highlighted(s)).toBe(7);
    s = step(s, tr.channelHovered(s, { block: 3, channel: 7 }));
    expect(tr.highlighted(s)).toBeNull();
    s = step(s, tr.channelHovered(s, null));
    expect(tr.highlighted(s)).toBe(1);
  });

  it('view options', () => {
    expect(tr.domainModeChanged(base, 'network')).toEqual({ domainMode: 'network' });
    expect(tr.orderChanged(base, 's')).toEqual({ order: 's' });
    expect(tr.cropChanged(base, 'fit')).toEqual({ crop: 'fit' });
    expect(tr.langChanged(base, 'ko')).toEqual({ lang: 'ko' });
  });
});
