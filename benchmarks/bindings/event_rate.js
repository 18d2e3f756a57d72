'use strict';
// Event-rate benchmark, Node side: every event-log line of the simulation
// delivered to a JS listener (thread-safe function). Prints "<events>
// <seconds>" of the fastest of 5 runs, timed until the last line arrived.
// Usage: DIALER_NODE_ADDON=... node event_rate.js <scenario.json>
const fs = require('node:fs');
const path = require('node:path');
const dialer = require(path.join(__dirname, '..', '..', 'bindings', 'node'));

(async () => {
  const scenario = fs.readFileSync(process.argv[2], 'utf8');
  let best = 1e9;
  let events = 0;
  for (let i = 0; i < 5; i++) {
    let count = 0;
    const start = process.hrtime.bigint();
    await dialer.runSimulationJson(scenario, { onLogLine: () => { count++; } });
    await new Promise((resolve) => setImmediate(resolve));
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.min(best, s);
    events = count;
  }
  console.log(events, best);
})();
