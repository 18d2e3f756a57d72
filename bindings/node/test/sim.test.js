'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const dialer = require('..');

const root = process.env.DIALER_SOURCE_DIR || path.join(__dirname, '..', '..', '..');
const scenario = fs.readFileSync(path.join(root, 'tests', 'conformance', 'scenario.json'), 'utf8');

test('simulation is reproducible and reports zero wall time', async () => {
  const a = await dialer.runSimulationJson(scenario);
  const b = await dialer.runSimulationJson(scenario);
  assert.equal(a, b);
  const report = JSON.parse(a);
  assert.ok(report.dials > 0);
  assert.equal(report.wall_s, 0);
});

test('event-log lines reach a JS listener in order', async () => {
  const lines = [];
  const report = await dialer.runSimulation(scenario, { onLogLine: (l) => lines.push(l) });
  // Lines are delivered on the JS thread; let the queue drain.
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(lines.length > report.dials);
  const times = lines.slice(0, 200).map((l) => JSON.parse(l));
  assert.ok(times.every((t) => typeof t === 'object'));
});

test('a bad scenario rejects with INVALID_ARGUMENT', async () => {
  await assert.rejects(dialer.runSimulation({ format: 1, agents: { count: 'x' } }),
                       (e) => e.code === 'INVALID_ARGUMENT' && /\$\.agents\.count/.test(e.message));
});

test('version matches versionString', () => {
  assert.equal(dialer.version().join('.'), dialer.versionString);
});
