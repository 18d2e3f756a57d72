#!/usr/bin/env bash
# Issue 5's pacing benchmark: every scenario in benchmarks/pacing/scenarios/
# x every pacer x seeds 1, 2, 3 through the simulator and the engine, with
# the physical limit beside every scenario of up to 50 agents. Builds the
# Release tree build/${DIALER_BUILD_NAME:-pacing-rel} if needed (and its
# `dialer`, so that single runs re-measured with `dialer sim` come from the
# same source as the matrix), writes
# runs.csv, matrix.md and the SVG plots into benchmarks/pacing/results/ and
# prints matrix.md. Extra arguments go to pacing_matrix (e.g. --seeds 1,2,3,4
# --only agents-20 --out /tmp/m); see `pacing_matrix --help`.
#
# The runs are independent; two run side by side (--jobs 2: the machine this
# was written on has two cores). Nothing time-sensitive is measured: the
# report's wall_s is informative only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${root}/build/${DIALER_BUILD_NAME:-pacing-rel}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "${root}")}"
if [[ ! -f "${build}/build.ninja" ]]; then
  launcher=()
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S "${root}" -B "${build}" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DDIALER_BUILD_TESTS=OFF -DDIALER_BUILD_BENCHMARKS=ON "${launcher[@]}" >/dev/null
fi
if ! log="$(ninja -C "${build}" -j2 pacing_matrix dialer 2>&1)"; then
  echo "${log}" >&2
  exit 1
fi
cd "${root}"
uptime >&2
exec "${build}/src/pacing/pacing_matrix" --scenarios benchmarks/pacing/scenarios \
  --out benchmarks/pacing/results --seeds 1,2,3 --jobs 2 "$@"
