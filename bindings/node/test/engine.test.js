'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { once } = require('node:events');
const dialer = require('..');

const CONFIG = {
  campaigns: [{ id: 'q3', callerIds: ['+12125550100'], autoAdvanceDelayS: 0,
                wrapUp: { mode: 'manual' } }],
};
const NOON_NEW_YORK_US = 1773158400000000;
const ADA = { firstName: 'Ada', phone: '+12125550123', state: 'NY', timeZone: 'America/New_York' };

class RecordingProvider {
  constructor() { this.placed = []; this.commands = []; }
  placeCall(request) { this.placed.push(request); }
  cancelCall(callId) { this.commands.push(['cancel', callId]); }
  hangup(callId) { this.commands.push(['hangup', callId]); }
  bridge(callId) { this.commands.push(['bridge', callId]); }
  playAndHangup(callId) { this.commands.push(['play', callId]); }
}

function waitFor(engine, name, predicate) {
  return new Promise((resolve) => {
    const listener = (e) => {
      if (!predicate || predicate(e)) {
        engine.off(name, listener);
        resolve(e);
      }
    };
    engine.on(name, listener);
  });
}

test('engine calls resolve, events arrive, provider commands reach JS', async () => {
  const provider = new RecordingProvider();
  const engine = await dialer.Engine.create(CONFIG, { provider, startUs: NOON_NEW_YORK_US });
  try {
    const states = [];
    engine.on('agentState', (e) => states.push(e.to));
    const id = await engine.addContact('q3', ADA);
    assert.ok(id > 0);
    await engine.login('alice', 'q3');
    const popped = waitFor(engine, 'screenPop');
    const dialing = waitFor(engine, 'agentState', (e) => e.to === 'dialing');
    await engine.ready('alice');
    await engine.advance(1);
    const pop = await popped;
    await dialing;
    assert.equal(pop.contact.firstName, 'Ada');
    // Provider commands come through the same ordered channel as events.
    assert.equal(provider.placed.length, 1);
    const call = provider.placed[0];
    assert.equal(call.to, '+12125550123');

    const onCall = waitFor(engine, 'agentState', (e) => e.to === 'on_call');
    engine.pushProviderEvent({ type: dialer.ProviderEventType.RINGING, callId: call.callId });
    engine.pushProviderEvent({ type: dialer.ProviderEventType.ANSWERED, callId: call.callId });
    await engine.advance(1);
    await onCall;
    assert.equal((await engine.agent('alice')).state, 'on_call');
    const wrap = waitFor(engine, 'agentState', (e) => e.to === 'wrap_up');
    engine.pushProviderEvent({ type: dialer.ProviderEventType.COMPLETED, callId: call.callId,
                               durationUs: 30e6 });
    await engine.advance(1);
    await wrap;
    await assert.rejects(engine.ready('alice'), (e) => e.code === 'FAILED_PRECONDITION');
    await engine.disposition('alice', { code: 'meeting_booked', notes: 'Tuesday', fields: { deal: '10k' } });
    await engine.takeBreak('alice', 'lunch');
    const stats = await engine.campaignStats('q3');
    assert.equal(stats.dials, 1);
    assert.equal(stats.agentsByState.break, 1);
    const dashboard = await engine.dashboard('q3');
    assert.deepEqual(dashboard.agents.map((a) => a.agentId), ['alice']);
    assert.ok(states.includes('ready'));
  } finally {
    await engine.close();
  }
});

test('errors reject with a DialerError carrying the status code', async () => {
  const engine = await dialer.Engine.create(CONFIG, { provider: new RecordingProvider() });
  try {
    await assert.rejects(engine.addContact('nope', ADA),
                         (e) => e instanceof dialer.DialerError && e.code === 'NOT_FOUND' && e.status === 5);
    await assert.rejects(engine.addContact('q3', { phone: 5 }),
                         (e) => e.code === 'INVALID_ARGUMENT' && /\$\.phone/.test(e.message));
    assert.throws(() => engine.pushProviderEvent({ type: 42, callId: 1 }),
                  (e) => e.code === 'INVALID_ARGUMENT');
  } finally {
    await engine.close();
  }
  await assert.rejects(engine.login('a', 'q3'), (e) => e.code === 'FAILED_PRECONDITION');
  await engine.close();
});

test('hangupMachine frees the agent without a wrap-up', async () => {
  const provider = new RecordingProvider();
  const engine = await dialer.Engine.create(CONFIG, { provider, startUs: NOON_NEW_YORK_US });
  try {
    await engine.addContact('q3', ADA);
    await engine.login('alice', 'q3');
    const dialing = waitFor(engine, 'agentState', (e) => e.to === 'dialing');
    await engine.ready('alice');
    await engine.advance(1);
    await dialing;
    const call = provider.placed[0];
    await assert.rejects(engine.hangupMachine('alice'), (e) => e.code === 'FAILED_PRECONDITION');
    const onCall = waitFor(engine, 'agentState', (e) => e.to === 'on_call');
    engine.pushProviderEvent({ type: dialer.ProviderEventType.ANSWERED, callId: call.callId });
    await engine.advance(1);
    await onCall;
    await engine.hangupMachine('alice');
    assert.notEqual((await engine.agent('alice')).state, 'wrap_up');
    engine.pushProviderEvent({ type: dialer.ProviderEventType.COMPLETED, callId: call.callId });
    await engine.advance(1);
    // Provider commands come through the ordered channel: seen by now.
    assert.deepEqual(provider.commands.filter(([verb]) => verb === 'hangup'),
                     [['hangup', call.callId]]);
    assert.equal((await engine.campaignStats('q3')).machineAnswers, 1);
  } finally {
    await engine.close();
  }
});

test('argument mistakes throw TypeError synchronously', async () => {
  await assert.rejects(dialer.Engine.create(CONFIG, {}), TypeError);
  await assert.rejects(dialer.Engine.create({ campaigns: [{ id: 'a', mode: 'turbo' }] },
                                            { provider: new RecordingProvider() }),
                       (e) => e.code === 'INVALID_ARGUMENT' && /campaigns\[0\]\.mode/.test(e.message));
});

test('a provider that throws fails the call and emits error', async () => {
  const provider = new RecordingProvider();
  provider.placeCall = () => { throw new Error('switch is down'); };
  const engine = await dialer.Engine.create(CONFIG, { provider, startUs: NOON_NEW_YORK_US });
  try {
    const errored = once(engine, 'error');
    const ended = waitFor(engine, 'callEvent', (e) => e.state === 'ended');
    await engine.addContact('q3', ADA);
    await engine.login('alice', 'q3');
    await engine.ready('alice');
    await engine.advance(1);
    const [err] = await errored;
    assert.match(err.message, /switch is down/);
    const e = await ended;
    assert.equal(e.detail, 'failed');
  } finally {
    await engine.close();
  }
});
