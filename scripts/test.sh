#!/usr/bin/env bash
# The whole test suite: installs what it needs (apt-get, as root on Debian
# bookworm), builds the `asan` preset (every unit test under ASan+UBSan) and
# the `release` preset (libraries, tools, benchmarks, the install test), then
# runs the tests of both trees in one ctest, whose summary ends the output.
# Exits non-zero if a build or a test failed. Works from any directory.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "${root}"
# Clones at other paths (CI's fresh clone) share ccache's results.
export CCACHE_BASEDIR="${root}" CCACHE_NOHASHDIR=1
jobs=$(nproc)

scripts/install-deps.sh

failed_builds=()
for preset in asan release; do
  echo "== configure and build: ${preset}"
  # -k 0: keep building after a failure, so that the other modules' tests
  # still run; a test whose binary did not build fails in ctest.
  if ! { cmake --preset "${preset}" --log-level=WARNING &&
         cmake --build --preset "${preset}" -j "${jobs}" -- -k 0; }; then
    failed_builds+=("${preset}")
  fi
done

# One ctest over both build trees: unit tests and lint from asan, the install
# test from release.
mkdir -p build/all
printf 'subdirs("%s" "%s")\n' "${root}/build/asan" "${root}/build/release" \
  > build/all/CTestTestfile.cmake

if ((${#failed_builds[@]})); then
  echo "== BUILD FAILED for preset(s): ${failed_builds[*]} (see above); running the tests that built"
fi
echo "== ctest"
test_status=0
ctest --test-dir build/all -j "${jobs}" --output-on-failure --no-tests=error ||
  test_status=$?
if ((${#failed_builds[@]})) && ((test_status == 0)); then
  exit 1
fi
exit "${test_status}"
