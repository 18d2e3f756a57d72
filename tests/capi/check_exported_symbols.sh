#!/usr/bin/env bash
# Fails when libdialer.so exports a symbol that is neither a dialer_* C
# function nor in the dialer C++ namespace (functions, vtables, typeinfo,
# thunks, guard variables of dialer::). Usage: check_exported_symbols.sh <lib>
set -euo pipefail
lib=$1
# _ZN6dialer / _ZNK6dialer: functions and data; _ZT[VIST]N6dialer: vtable,
# typeinfo, typeinfo name, VTT; _ZTh/_ZTv/_ZTc: thunks; _ZGVN6dialer: guards.
allowed='^(dialer_[a-z0-9_]+|_ZN6dialer.*|_ZNK6dialer.*|_ZT[VIST]N6dialer.*|_ZT[hvc][n0-9_]*N6dialer.*|_ZT[hvc][n0-9_]*NK6dialer.*|_ZGVN6dialer.*)$'
symbols=$(nm -D --defined-only "${lib}" | awk '{print $NF}')
count=$(printf '%s\n' "${symbols}" | grep -c . || true)
c_count=$(printf '%s\n' "${symbols}" | grep -c '^dialer_' || true)
bad=$(printf '%s\n' "${symbols}" | grep -Ev "${allowed}" || true)
if [[ -n "${bad}" ]]; then
  echo "libdialer exports symbols outside dialer_* and namespace dialer:"
  printf '%s\n' "${bad}" | head -50
  exit 1
fi
if ((c_count == 0)); then
  echo "libdialer exports no dialer_* C function (is capi/ linked in?)"
  exit 1
fi
echo "ok: ${count} exported symbols, ${c_count} C functions, all dialer_* or dialer::"
