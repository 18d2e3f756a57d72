#!/usr/bin/env bash
# Compares the C ABI of a built libdialer.so with the committed baseline
# (libdialer.abi.gz, libabigail XML of the dialer_* functions and the types
# they reach). Fails on any change abidiff reports: a deliberate ABI change
# is committed with update_baseline.sh, which requires a version bump
# (docs/abi-stability.md).
# Usage: check_abi.sh <repo root> <libdialer.so> <scratch dir>
set -euo pipefail
root=$1 lib=$2 work=$3
here="${root}/tests/capi/abi"
mkdir -p "${work}"
"${here}/abi_whitelist.sh" "${root}" > "${work}/whitelist"
gzip -dc "${here}/libdialer.abi.gz" > "${work}/baseline.abi"
status=0
abidiff --kmi-whitelist "${work}/whitelist" "${work}/baseline.abi" "${lib}" \
  > "${work}/report" 2>&1 || status=$?
if ((status != 0)); then
  cat "${work}/report"
  echo "The C ABI differs from tests/capi/abi/libdialer.abi.gz (abidiff status ${status})."
  echo "If the change is deliberate, bump the version and run tests/capi/abi/update_baseline.sh."
  exit 1
fi
echo "ok: the C ABI matches the baseline of version $(cat "${here}/VERSION")"
