import { describe, expect, it } from 'vitest';
import type { ForwardResult } from '../types/forward';
import * as tr from './transitions';
import type { InputFields, InputImage, ViewState } from './transitions';

const base: InputFields & ViewState = {
  input: null, inputError: null, decoding: false,
  selectedBlock: 0, hovered: null, pinned: null, domainMode: 'block', order: 'index', crop: 'center', lang: 'en',
};
const img = (id: number): InputImage => ({ id, pixels: new Uint8Array(12), size: 2, source: 'file', name: `i${id}`, width: 2, height: 2, format: 'png', orientation: 1, animated: false, crop: 'center' });
const res = (ms: number): ForwardResult => ({ logits: new Float32Array(2), probs: Float32Array.from([0.3, 0.7]), blocks: [], fromBlock: 0, ms });
/** the input and view state plus the session's prediction, pending and failed image (what the views look at) */
type S = InputFields & ViewState & tr.RunningView;
const start: S = { ...base, prediction: null, card: { id: 'm' }, imagePending: null, failedImage: null };
const step = (s: S, p: Partial<S>): S => ({ ...s, ...p });
/** the session publishes a prediction for `image` (its pass is no longer pending) */
const publish = (s: S, image: number, r: ForwardResult, model = 'm'): S => step(s, { prediction: { model, image, after: r }, imagePending: null });

describe('input and prediction transitions', () => {
  it('accepting an image makes its prediction pending; the old one is no longer current', () => {
    let s = step(start, tr.inputAccepted(start, img(1)));
    s = publish(s, 1, res(5));
    expect(tr.predictionIsCurrent(s)).toBe(true);
    expect(tr.shownResult(s)?.ms).toBe(5);
    expect(tr.isRunning(s)).toBe(false);
    s = step(s, tr.inputAccepted(s, img(2)));
    expect(tr.isRunning(s)).toBe(true);
    expect(tr.predictionIsCurrent(s)).toBe(false);
    expect(tr.shownResult(s)).toBeNull(); // kept for reference, but not shown as current
    expect(s.prediction?.after.ms).toBe(5);
  });

  it('a late result for a replaced image is dropped', () => {
    let s = step(start, tr.inputAccepted(start, img(1)));
    s = step(s, tr.inputAccepted(s, img(2)));
    s = publish(s, 1, res(1)); // the replaced image's result arrives late
    expect(tr.isRunning(s)).toBe(true);
    expect(tr.shownResult(s)).toBeNull();
    s = publish(s, 2, res(2));
    expect(tr.isRunning(s)).toBe(false);
    expect(tr.lastPassMs(s)).toBe(2);
    expect(tr.predictionIsCurrent(s)).toBe(true);
  });

  it('a prediction of another model is not current for this one', () => {
    let s = step(start, tr.inputAccepted(start, img(1)));
    s = publish(s, 1, res(3), 'other-model');
    expect(tr.predictionIsCurrent(s)).toBe(false);
    expect(tr.shownResult(s)).toBeNull();
  });

  it('bad input keeps the previous image and prediction intact', () => {
    let s = step(start, tr.inputAccepted(start, img(1)));
    s = publish(s, 1, res(3));
    const before = { input: s.input, prediction: s.prediction };
    s = step(s, tr.decodingStarted(s));
    s = step(s, tr.inputRejected(s, { code: 'tooSmall', params: { w: 1, h: 1, min: 8 } }));
    expect(s.inputError?.code).toBe('tooSmall');
    expect(s.decoding).toBe(false);
    expect({ input: s.input, prediction: s.prediction }).toEqual(before);
    expect(tr.predictionIsCurrent(s)).toBe(true);
    s = step(s, tr.errorDismissed(s));
    expect(s.inputError).toBeNull();
  });

  it('a new good image clears the error', () => {
    let s = step(start, tr.inputRejected(start, { code: 'empty' }));
    s = step(s, tr.inputAccepted(s, img(1)));
    expect(s.inputError).toBeNull();
  });

  it('model failure on an image is reported for the current image only', () => {
    const s = step(start, tr.inputAccepted(start, img(4)));
    expect(tr.predictionFailed(s, 3, { code: 'model' })).toEqual({});
    expect(tr.predictionFailed(s, 4, { code: 'model' })).toEqual({ inputError: { code: 'model' } });
    // the session says which image failed: it is no longer on its way
    expect(tr.isRunning(s)).toBe(true);
    expect(tr.isRunning(step(s, { failedImage: 4 }))).toBe(false);
  });

  it('an image that runs again (another backend) is running while its prediction is still shown', () => {
    let s = publish(step(start, tr.inputAccepted(start, img(1))), 1, res(3));
    s = step(s, { imagePending: 1 });
    expect(tr.isRunning(s)).toBe(true);
    expect(tr.shownResult(s)?.ms).toBe(3);
    expect(tr.lastPassMs(step(start, {}))).toBeNull();
  });
});

describe('selection and hover transitions', () => {
  it('clamps the selected block to the model', () => {
    expect(tr.blockSelected(start, 12, 9).selectedBlock).toBe(8);
    expect(tr.blockSelected(start, -1, 9).selectedBlock).toBe(0);
    expect(tr.blockSelected(start, 3, 0)).toEqual({});
  });

  it('a pin survives reselecting its block and is released by another block', () => {
    const pinned = step(start, tr.channelPinToggled(start, { block: 0, channel: 5 }));
    expect(tr.blockSelected(pinned, 0, 9).pinned).toEqual({ block: 0, channel: 5 });
    expect(tr.blockSelected(pinned, 2, 9).pinned).toBeNull();
  });

  it('clicking the pinned channel again releases it', () => {
    let s = step(start, tr.channelPinToggled(start, { block: 0, channel: 5 }));
    s = step(s, tr.channelPinToggled(s, { block: 0, channel: 5 }));
    expect(s.pinned).toBeNull();
    s = step(s, tr.channelPinToggled(s, { block: 0, channel: 2 }));
    s = step(s, tr.channelPinToggled(s, { block: 0, channel: 3 }));
    expect(s.pinned).toEqual({ block: 0, channel: 3 });
  });

  it('hover wins over pin; channels of other blocks are not highlighted', () => {
    let s = step(start, tr.channelPinToggled(start, { block: 0, channel: 1 }));
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

describe('where the loading progress shows', () => {
  it('the first load in the explorer: in the inspector, where the first result will be drawn', () => {
    expect(tr.loadProgressPlace({ engineStatus: 'idle', card: null, mode: 'explore' })).toBe('inspector');
    expect(tr.loadProgressPlace({ engineStatus: 'loading', card: null, mode: 'explore' })).toBe('inspector');
  });
  it('a model switch, or the lesson: in the notices; nothing once loaded or failed', () => {
    expect(tr.loadProgressPlace({ engineStatus: 'loading', card: { id: 'm' }, mode: 'explore' })).toBe('notice');
    expect(tr.loadProgressPlace({ engineStatus: 'loading', card: null, mode: 'lesson' })).toBe('notice');
    expect(tr.loadProgressPlace({ engineStatus: 'ready', card: { id: 'm' }, mode: 'explore' })).toBeNull();
    expect(tr.loadProgressPlace({ engineStatus: 'error', card: null, mode: 'explore' })).toBeNull();
  });
});

describe('startupImageComing', () => {
  const first = { input: null, nextInputId: 1, inputError: null, engineStatus: 'loading', examples: null, linkNotice: null };
  it('holds on a first visit until an image is taken, and not once one was', () => {
    expect(tr.startupImageComing(first)).toBe(true);
    expect(tr.startupImageComing({ ...first, examples: [{}] })).toBe(true);
    expect(tr.startupImageComing({ ...first, input: img(1), nextInputId: 2 })).toBe(false);
    // every image was removed later: nothing comes by itself any more
    expect(tr.startupImageComing({ ...first, nextInputId: 2 })).toBe(false);
  });
  it('does not hold when nothing will come: a failed model, a bad link image, no examples, a failed example', () => {
    expect(tr.startupImageComing({ ...first, engineStatus: 'error' })).toBe(false);
    expect(tr.startupImageComing({ ...first, linkNotice: { code: 'image' } })).toBe(false);
    expect(tr.startupImageComing({ ...first, linkNotice: { code: 'params' } })).toBe(true);
    expect(tr.startupImageComing({ ...first, examples: [] })).toBe(false);
    expect(tr.startupImageComing({ ...first, inputError: { code: 'example' } })).toBe(false);
  });
});
