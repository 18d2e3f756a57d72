'use strict';
// The conformance scenario through the Node binding: prints the report.
const fs = require('node:fs');
const dialer = require(process.env.DIALER_NODE_PACKAGE);

dialer.runSimulationJson(fs.readFileSync(process.argv[2], 'utf8')).then((report) => {
  process.stdout.write(report + '\n');
}, (e) => {
  console.error(e.message);
  process.exit(1);
});
