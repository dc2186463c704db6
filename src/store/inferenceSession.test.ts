import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../types/card';
import { InferenceSession, type SessionState } from './inferenceSession';
import { FakeEngine, N } from '../../tests/fixtures/fakeSessionEngine';

const px = new Float32Array(12);

/** a session on a fake engine, with every state it emitted */
function setup() {
  const engine = new FakeEngine();
  const events: string[] = [];
  const session = new InferenceSession<FakeEngine>({
    published: (image) => events.push(`published ${image}`),
    failed: (image, message) => events.push(`failed ${image}: ${message}`),
  });
  const states: SessionState<FakeEngine>[] = [];
  const unsubscribe = session.subscribe((s) => states.push(s));
  session.useEngine(engine);
  return { engine, session, states, events, unsubscribe };
}

describe('InferenceSession (a plain class, no store)', () => {
  it('emits busy and the pending image while a pass runs, then one prediction', async () => {
    const { session, states, events } = setup();
    const run = session.runImage('a', px);
    expect(session.state).toMatchObject({ busy: true, imagePending: 'a', prediction: null, image: { key: 'a' } });
    await run;
    expect(session.state).toMatchObject({ busy: false, imagePending: null, error: null, failedImage: null });
    expect(session.state.prediction).toMatchObject({ model: 'fake', image: 'a', overridesKey: '' });
    expect(session.state.prediction!.after).toBe(session.state.prediction!.before);
    expect(events).toEqual(['published a']);
    // every emitted state is a new object: selectors see each change
    expect(new Set(states).size).toBe(states.length);
  });

  it('an edit made while the image runs is caught up before the session is idle', async () => {
    const { engine, session } = setup();
    const run = session.runImage('a', px);
    session.edit(() => ({ 2: { gate: 'off' } }));
    await run;
    await session.settled();
    expect(session.state.prediction?.overridesKey).toBe('2:off|');
    expect(session.state.busy).toBe(false);
    expect(engine.calls).toEqual(['classify', 'update@2']);
  });

  it('a new engine gets the overrides fitted to its card and the count of those that did not fit', async () => {
    const { session } = setup();
    await session.runImage('a', px);
    session.edit(() => ({ 0: { channels: { 5: 0.5 } }, 2: { gate: 'off' } }));
    await session.settled();
    const narrow = new FakeEngine();
    // block 2 has no SE in this model, and block 0 only 4 channels
    narrow.card = { ...narrow.card, id: 'narrow', architecture: { blocks: narrow.card.architecture.blocks.map((b) => ({ ...b, channels: 4, se: b.index === 2 ? null : b.se })) } } as ModelCard;
    expect(session.useEngine(narrow)).toBe(2);
    expect(session.state.overrides).toEqual({});
    expect(session.state.engine).toBe(narrow);
    // the prediction still belongs to the old model until the image runs on the new one
    expect(session.state.prediction?.model).toBe('fake');
    await session.rerunImage();
    expect(session.state.prediction).toMatchObject({ model: 'narrow', image: 'a' });
  });

  it('a failing pass reports the image and leaves the previous prediction in place', async () => {
    const { engine, session, events } = setup();
    await session.runImage('a', px);
    engine.classify = async () => {
      throw new Error('context lost');
    };
    await session.runImage('b', px);
    expect(session.state).toMatchObject({ error: 'context lost', failedImage: 'b', busy: false, imagePending: null });
    expect(session.state.prediction?.image).toBe('a');
    expect(events).toEqual(['published a', 'failed b: context lost']);
  });

  it('exclusive jobs wait for the queued passes; unsubscribed listeners hear nothing more', async () => {
    const { session, states, unsubscribe } = setup();
    const run = session.runImage('a', px);
    // queued after the image's pass: it sees the published prediction
    const seen = await session.exclusive(async () => session.state.prediction?.image ?? null);
    expect(seen).toBe('a');
    await run;
    unsubscribe();
    const heard = states.length;
    await session.runImage('b', px);
    expect(states.length).toBe(heard);
    expect(session.state.prediction?.image).toBe('b');
    expect(session.state.prediction?.after.blocks.length).toBe(N);
  });

  it('a ranking is forgotten on request, after it is cancelled', async () => {
    const { session } = setup();
    await session.runImage('a', px);
    const run = session.rankChannels(0);
    await session.clearRanking();
    await run;
    expect(session.state.ranking.status).toBe('idle');
    await session.rankChannels(2);
    expect(session.state.ranking.status).toBe('done');
    await session.clearRanking();
    expect(session.state.ranking).toMatchObject({ status: 'idle', rows: [] });
  });
});
