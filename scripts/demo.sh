#!/usr/bin/env bash
# The demo: installs what it needs (apt-get, as root on Debian bookworm),
# builds the `dialer` tool (release preset), and runs a simulated power-dial
# campaign from examples/power-team.json, printing progress and the summary.
# Extra arguments go to `dialer sim`. Works from any directory.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Clones at other paths share ccache's results.
export CCACHE_BASEDIR="${root}" CCACHE_NOHASHDIR=1

"${root}/scripts/install-deps.sh"

echo "building the dialer tool (release preset)..."
log="${root}/build/demo-build.log"
mkdir -p "${root}/build"
if ! (cd "${root}" &&
      cmake --preset release --log-level=WARNING &&
      cmake --build --preset release -j "$(nproc)" --target dialer) >"${log}" 2>&1; then
  tail -n 40 "${log}" >&2
  echo "demo: the build failed; full log in ${log}" >&2
  exit 1
fi

exec "${root}/build/release/tools/dialer/dialer" sim \
  --scenario "${root}/examples/power-team.json" "$@"
