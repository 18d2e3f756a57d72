#!/usr/bin/env bash
# Regenerates libdialer.abi.gz from a built libdialer.so after a deliberate
# C ABI change. Refuses unless project(VERSION) in CMakeLists.txt differs from
# the version the current baseline was taken at (VERSION): an ABI change
# ships with a version bump (a major one if it breaks compatibility; see
# docs/abi-stability.md).
# Usage: update_baseline.sh <libdialer.so> [--initial]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "${here}/../../.." && pwd)
lib=$1
version=$(sed -nE 's/^project\(dialer VERSION ([0-9.]+).*/\1/p' "${root}/CMakeLists.txt")
if [[ "${2:-}" != --initial && "$(cat "${here}/VERSION")" == "${version}" ]]; then
  echo "version is still ${version}: bump project(VERSION) first" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT
"${here}/abi_whitelist.sh" "${root}" > "${work}/whitelist"
abidw --kmi-whitelist "${work}/whitelist" --hd "${root}/include/dialer" --drop-private-types \
  --no-show-locs --no-corpus-path --no-comp-dir-path --out-file "${work}/libdialer.abi" "${lib}"
gzip -9 -n -c "${work}/libdialer.abi" > "${here}/libdialer.abi.gz"
echo "${version}" > "${here}/VERSION"
echo "baseline updated for version ${version}"
