'use strict';
// Node binding of the dialer engine (over its stable C ABI).
//
//   const { Engine } = require('dialer');
//   const engine = await Engine.create(config, { provider });
//   engine.on('callEvent', (e) => console.log(e.state));
//   await engine.addContact('q3', { firstName: 'Ada', phone: '+12125550123' });
//   await engine.login('alice', 'q3');
//   await engine.ready('alice');
//   ...
//   await engine.close();
//
// Engine work runs off the JS thread and returns Promises; events arrive on
// the JS thread through the EventEmitter, in order.
const { EventEmitter } = require('node:events');
const path = require('node:path');
const fs = require('node:fs');
const { camel, toCamel, toSnake } = require('./names');

function loadAddon() {
  const candidates = [
    process.env.DIALER_NODE_ADDON && path.resolve(process.env.DIALER_NODE_ADDON),
    path.join(__dirname, 'build', 'dialer.node'),
  ].filter(Boolean);
  for (const file of candidates) {
    if (fs.existsSync(file)) return require(file);
  }
  throw new Error(`dialer.node not found (tried ${candidates.join(', ')}); run npm install`);
}
const native = loadAddon();

/** Enumerations, valued as the C ABI's DIALER_* constants. */
const ProviderEventType = Object.freeze({
  RINGING: 0, ANSWERED: 1, AMD: 2, BRIDGED: 3, COMPLETED: 4, FAILED: 5, PLAYBACK_DONE: 6,
});
const AmdResult = Object.freeze({
  HUMAN: 0, MACHINE_START: 1, MACHINE_END_BEEP: 2, MACHINE_END_SILENCE: 3,
  MACHINE_END_OTHER: 4, FAX: 5, UNKNOWN: 6,
});
const CallEndStatus = Object.freeze({
  COMPLETED: 0, BUSY: 1, NO_ANSWER: 2, FAILED: 3, CANCELED: 4,
});
const AmdMode = Object.freeze({ OFF: 0, DETECT: 1, DETECT_MESSAGE_END: 2 });
const ParticipantRole = Object.freeze({ AGENT: 0, LISTEN: 1, WHISPER: 2, BARGE: 3, TAKEOVER: 4 });

/** Rejections carry `code` ('INVALID_ARGUMENT', ...) and `status` (number). */
class DialerError extends Error {
  constructor(message, code, status) {
    super(message);
    this.name = 'DialerError';
    this.code = code;
    this.status = status;
  }
}

function wrapError(e) {
  if (e && typeof e.status === 'number' && !(e instanceof DialerError)) {
    return new DialerError(e.message, e.code, e.status);
  }
  return e;
}

/**
 * A dialer engine. Create with `await Engine.create(config, { provider })`;
 * `provider` implements placeCall(request), cancelCall(callId),
 * hangup(callId), bridge(callId, conference), playAndHangup(callId, audio,
 * afterBeep) and optionally setParticipant(conference, participant, role);
 * results go back with engine.pushProviderEvent(). Events: 'agentState',
 * 'screenPop', 'callEvent' (C type `call`), 'alert', 'log', and 'event' for
 * every one (with `type`). A provider method that throws emits 'error' and,
 * for placeCall, fails the call.
 */
class Engine extends EventEmitter {
  constructor(handle, provider) {
    super();
    this._handle = handle;
    this._provider = provider;
    this._pending = new Set();
    this._closed = false;
  }

  /**
   * `startUs` (microseconds since the epoch): run on a manual clock that
   * starts there and moves only with `await engine.advance(seconds)`;
   * omitted: the system clock.
   */
  static async create(config, { provider, startUs } = {}) {
    if (!provider || typeof provider.placeCall !== 'function') {
      throw new TypeError('options.provider must implement placeCall()');
    }
    let engine = null;
    const dispatch = (kind, json) => engine && engine._dispatch(kind, json);
    try {
      const handle = native.engineNew(config ? JSON.stringify(toSnake(config)) : null, dispatch,
                                      startUs);
      engine = new Engine(handle, provider);
    } catch (e) {
      throw wrapError(e);
    }
    return engine;
  }

  _dispatch(kind, json) {
    const payload = JSON.parse(json);
    if (kind === 'event') {
      const event = toCamel(payload);
      const name = event.type === 'call' ? 'callEvent' : camel(event.type);
      this.emit(name, event);
      this.emit('event', event);
      return;
    }
    const p = this._provider;
    try {
      switch (kind) {
        case 'placeCall': p.placeCall(payload); break;
        case 'cancelCall': p.cancelCall(payload.callId); break;
        case 'hangup': p.hangup(payload.callId); break;
        case 'bridge': p.bridge(payload.callId, payload.conference); break;
        case 'playAndHangup': p.playAndHangup(payload.callId, payload.audio, payload.afterBeep); break;
        case 'setParticipant':
          if (typeof p.setParticipant !== 'function') throw new Error('setParticipant is not supported');
          p.setParticipant(payload.conference, payload.participant, payload.role);
          break;
        default: throw new Error(`unknown provider command ${kind}`);
      }
    } catch (e) {
      if (kind === 'placeCall' && !this._closed) {
        this.pushProviderEvent({ type: ProviderEventType.FAILED, callId: payload.callId,
                                 errorMessage: String(e && e.message ? e.message : e) });
      }
      if (this.listenerCount('error') > 0) this.emit('error', e);
    }
  }

  _call(fn, ...args) {
    if (this._closed) return Promise.reject(new DialerError('the engine is closed', 'FAILED_PRECONDITION', 9));
    let promise;
    try {
      promise = native[fn](this._handle, ...args);
    } catch (e) {
      return Promise.reject(wrapError(e));
    }
    const tracked = promise.catch((e) => { throw wrapError(e); });
    this._pending.add(tracked);
    const untrack = () => this._pending.delete(tracked);
    tracked.then(untrack, untrack);
    return tracked;
  }

  /** Stops the engine once the calls in flight settle. Idempotent. */
  async close() {
    if (this._closed) return;
    this._closed = true;
    await Promise.allSettled([...this._pending]);
    await native.engineClose(this._handle);
  }

  addCampaign(campaign) { return this._call('addCampaign', JSON.stringify(toSnake(campaign))).then(() => undefined); }
  async addContact(campaignId, contact) {
    return Number(await this._call('addContact', campaignId, JSON.stringify(toSnake(contact))));
  }
  async importCsv(campaignId, csv, options) {
    const text = Buffer.isBuffer(csv) ? csv.toString('utf8') : String(csv);
    const json = await this._call('importCsv', campaignId, text,
                                  options ? JSON.stringify(toSnake(options)) : undefined);
    return toCamel(JSON.parse(json));
  }
  login(agentId, campaignId) { return this._call('login', agentId, campaignId).then(() => undefined); }
  ready(agentId) { return this._call('ready', agentId).then(() => undefined); }
  takeBreak(agentId, reason = '') { return this._call('takeBreak', agentId, reason).then(() => undefined); }
  logout(agentId) { return this._call('logout', agentId).then(() => undefined); }
  dialNow(agentId) { return this._call('dialNow', agentId).then(() => undefined); }
  skipContact(agentId) { return this._call('skipContact', agentId).then(() => undefined); }
  hangup(agentId) { return this._call('hangup', agentId).then(() => undefined); }
  dropVoicemail(agentId) { return this._call('dropVoicemail', agentId).then(() => undefined); }
  hangupMachine(agentId) { return this._call('hangupMachine', agentId).then(() => undefined); }
  disposition(agentId, { code, notes = '', fields = {}, callbackAtUs } = {}) {
    const doc = { code, notes, fields };
    if (callbackAtUs !== undefined) doc.callback_at_us = callbackAtUs;
    return this._call('disposition', agentId, JSON.stringify(doc)).then(() => undefined);
  }
  addNote(agentId, text) { return this._call('addNote', agentId, text).then(() => undefined); }
  addToDnc(phoneE164, source = 'api') { return this._call('addToDnc', phoneE164, source).then(() => undefined); }
  async campaignStats(campaignId) { return toCamel(JSON.parse(await this._call('campaignStats', campaignId))); }
  async agent(agentId) { return toCamel(JSON.parse(await this._call('agent', agentId))); }
  async dashboard(campaignId) { return toCamel(JSON.parse(await this._call('dashboard', campaignId))); }

  /** Manual clock: moves the time forward, running due engine timers. */
  async advance(seconds) {
    const now = native.clockNow(this._handle);
    if (now === undefined) throw new DialerError('the engine uses the system clock', 'FAILED_PRECONDITION', 9);
    return Number(await this._call('advanceClock', now + Math.round(seconds * 1e6)));
  }

  /** Queues one provider event; synchronous, safe inside provider methods. */
  pushProviderEvent({ type, callId, atUs = -1, amd = AmdResult.UNKNOWN,
                      endStatus = CallEndStatus.COMPLETED, durationUs = 0,
                      errorCode = 0, errorMessage = '' }) {
    if (this._closed) throw new DialerError('the engine is closed', 'FAILED_PRECONDITION', 9);
    try {
      native.pushProviderEvent(this._handle, type, callId, atUs, amd, endStatus, durationUs,
                               errorCode, errorMessage);
    } catch (e) {
      throw wrapError(e);
    }
  }
}

/**
 * Runs a simulated campaign day. Resolves to the report JSON text (wall_s is
 * 0), unchanged, so it can be compared byte for byte; `onLogLine` receives
 * every event-log line on the JS thread.
 */
async function runSimulationJson(scenario, { pacer, seed, onLogLine } = {}) {
  const text = typeof scenario === 'string' ? scenario : JSON.stringify(scenario);
  const log = onLogLine ? (kind, line) => onLogLine(line) : null;
  try {
    return await native.simRun(text, pacer ?? null, seed ?? null, log);
  } catch (e) {
    throw wrapError(e);
  }
}

async function runSimulation(scenario, options) {
  return toCamel(JSON.parse(await runSimulationJson(scenario, options)));
}

function version() { return native.version(); }

module.exports = {
  Engine, DialerError, ProviderEventType, AmdResult, CallEndStatus, AmdMode, ParticipantRole,
  runSimulation, runSimulationJson, version, versionString: native.versionString(),
};
