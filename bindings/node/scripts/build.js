'use strict';
// `npm install` hook: builds build/dialer.node with CMake against an existing
// libdialer (DIALER_BUILD_DIR, a build tree, default ../../build/release; or
// DIALER_PREFIX, an installation). Uses the Node headers on the machine
// (/usr/include/node or /usr/local/include/node); downloads nothing.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const here = path.resolve(__dirname, '..');
const args = ['-S', here, '-B', path.join(here, 'build'), '-DCMAKE_BUILD_TYPE=Release'];
if (process.env.DIALER_PREFIX) {
  args.push(`-DDIALER_PREFIX=${path.resolve(process.env.DIALER_PREFIX)}`);
} else {
  const tree = process.env.DIALER_BUILD_DIR || path.join(here, '..', '..', 'build', 'release');
  args.push(`-DDIALER_BUILD_DIR=${path.resolve(tree)}`);
}
execFileSync('cmake', args, { stdio: 'inherit' });
execFileSync('cmake', ['--build', path.join(here, 'build'), '--target', 'dialer_node'],
             { stdio: 'inherit' });
